/**
 * `claimgraph export --format F --out PATH [--dataset PATH]`: a dataset as GEXF, GraphML, CSV,
 * NDJSON, Parquet or Neo4j files, through @claimgraph/sdk/export.
 */
import type { Dataset } from '@claimgraph/schema';
import { checkDataset } from '@claimgraph/schema/node';
import { ClaimGraphError, ClaimGraphWriteError, type ClaimGraph } from '@claimgraph/sdk';
import { exportDataset, type ExportFormat } from '@claimgraph/sdk/export';
import { chooseDatasets, datasetsLabel, isMerge, openGraph, type DatasetFlags } from '../datasets.js';
import { CliError, EXIT } from '../errors.js';
import { fsPath, shownPath, type CliIO } from '../io.js';
import { createProgress, plural, printIssues, printJson } from '../output.js';

export interface ExportFlags extends DatasetFlags {
  format: ExportFormat;
  out: string;
  /** commander's `--no-formula-escape` */
  formulaEscape?: boolean;
  bom?: boolean;
  symmetricEdges?: 'undirected' | 'directed';
  gexfVersion?: '1.2' | '1.3';
  json?: boolean;
}

export async function exportCommand(io: CliIO, flags: ExportFlags): Promise<number> {
  const chosen = await chooseDatasets(io, flags);
  const progress = createProgress(io, 'export');
  progress.step('reading');
  let input: Dataset | ClaimGraph;
  /** What was exported, for the summary: one dataset's name and version, or every dataset's. */
  let about: { name: string; version: string | null; datasets?: { name: string; version: string | null }[] };
  if (isMerge(flags)) {
    const { cg } = await openGraph(io, flags, chosen).finally(() => progress.done());
    input = cg;
    const datasets = cg.datasets.map((d) => ({ name: d.name, version: d.version ?? null }));
    about = { name: datasetsLabel(cg), version: null, datasets };
  } else {
    const { given, path } = chosen[0]!;
    const { read, result, dataset } = await checkDataset(path, progress.step);
    if (!dataset) {
      progress.done();
      printIssues(io, result.errors, shownPath(io, read.located.dir, given));
      io.stderr.write(`${given}: cannot export an invalid dataset; run "claimgraph validate ${given}"\n`);
      return EXIT.invalid;
    }
    input = dataset as Dataset;
    about = { name: read.meta.name ?? given, version: read.meta.version ?? null };
  }
  progress.step(`writing ${flags.format}`);
  let exported;
  try {
    exported = await exportDataset(input, flags.format, {
      out: fsPath(io, flags.out),
      formulaEscape: flags.formulaEscape,
      bom: flags.bom,
      symmetricEdges: flags.symmetricEdges,
      gexfVersion: flags.gexfVersion,
    });
  } catch (error) {
    if (error instanceof ClaimGraphError) {
      const message = error.message.replace(/^@claimgraph\/sdk: /, '');
      // The disk said no (full, read-only): not a usage mistake; nothing was changed.
      if (error instanceof ClaimGraphWriteError)
        throw new CliError(message.replace(/^exportDataset\(\): out: /, ''), EXIT.invalid);
      throw new CliError(message);
    }
    throw error;
  } finally {
    progress.done();
  }
  if (flags.json) {
    // Paths as the user gave --out: relative to the working folder when it was.
    const asOut = (file: string) => shownPath(io, file, flags.out);
    printJson(io, {
      dataset: about.name,
      version: about.version,
      ...(about.datasets ? { datasets: about.datasets } : {}),
      ...exported,
      ...(exported.out === undefined ? {} : { out: asOut(exported.out) }),
      files: exported.files.map((f) => ({ ...f, path: asOut(f.path) })),
    });
    return EXIT.ok;
  }
  const { records } = exported;
  // Paths inside the current folder are shown relative to it, others as given.
  const shown = (file: string) => shownPath(io, file);
  io.stdout.write(
    `exported ${about.name}${about.version ? `@${about.version}` : ''} as ${flags.format} → ${shown(exported.out!)}\n` +
      `  ${plural(records.entities, 'entity', 'entities')}, ${plural(records.relations, 'relation')}, ${plural(records.statements, 'statement')}, ${plural(records.sources, 'source')}\n` +
      exported.files
        .map(
          (f) =>
            `  ${shown(f.path).padEnd(40)} ${String(f.bytes).padStart(11)} B${f.records === undefined ? '' : `  ${plural(f.records, 'record')}`}`,
        )
        .join('\n') +
      '\n',
  );
  return EXIT.ok;
}
