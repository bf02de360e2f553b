/**
 * `claimgraph chart KIND --out FILE`: draws one of @claimgraph/charts' charts of a dataset; the
 * file's extension picks the format (.svg, .png, .json for the Vega-Lite spec, .html).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import type { CentralityMetric } from '@claimgraph/charts';
import type { Dataset } from '@claimgraph/schema';
import { checkDataset } from '@claimgraph/schema/node';
import { ClaimGraph } from '@claimgraph/sdk';
import type { TopLevelSpec } from 'vega-lite';
import { CliError, EXIT } from '../errors.js';
import type { ChartKind } from '../program.js';
import { fsPath, shownPath, type CliIO } from '../io.js';
import { printIssues } from '../output.js';
import { datasetOrBundled } from '../bundled-dataset.js';
import { resolveDatasetPath } from '../paths.js';

const FORMATS = ['.svg', '.png', '.json', '.html'] as const;

export interface ChartFlags {
  out: string;
  dataset?: string;
  relation?: string;
  entity?: string;
  metric?: string;
  scale?: string;
}

export async function chartCommand(io: CliIO, kind: ChartKind, flags: ChartFlags): Promise<number> {
  const format = extname(flags.out).toLowerCase() as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    throw new CliError(
      `--out ${flags.out}: unknown extension "${extname(flags.out)}"; use .svg, .png, .json (the Vega-Lite spec) or .html`,
    );
  }
  const scale = flags.scale === undefined ? 2 : Number(flags.scale);
  if (!(scale > 0)) throw new CliError(`--scale ${flags.scale}: not a positive number`);

  const chosen = datasetOrBundled(io, flags.dataset);
  const { given, path } = await resolveDatasetPath(io, chosen.given, chosen.path);
  const { read, result, dataset } = await checkDataset(path);
  if (!dataset) {
    printIssues(io, result.errors, shownPath(io, read.located.dir, given));
    io.stderr.write(`${given}: cannot chart an invalid dataset; run "claimgraph validate ${given}"\n`);
    return EXIT.invalid;
  }
  // Loaded here, not at start-up: vega and resvg are heavy and only this command needs them.
  const [{ centralityChart, networkChart, stanceChart, timelineChart }, { pngSize, renderHtml, renderPng, renderSvg }] =
    await Promise.all([import('@claimgraph/charts'), import('@claimgraph/charts/render')]);
  const cg = ClaimGraph.fromData(dataset as Dataset, { validate: false, version: read.meta.version });
  // "@claimgraph/dataset-afghanistan-2021" → "afghanistan-2021", as datapackage.json names it.
  const name = read.meta.name?.replace(/^@[^/]+\//, '').replace(/^dataset-/, '');
  const common = { dataset: name };

  let spec: TopLevelSpec;
  try {
    spec =
      kind === 'stance'
        ? stanceChart(cg, { ...common, relation: flags.relation, entity: flags.entity })
        : kind === 'timeline'
          ? timelineChart(cg, { ...common, relation: flags.relation, entity: flags.entity })
          : kind === 'network'
            ? networkChart(cg, { ...common, focus: flags.entity })
            : centralityChart(cg, { ...common, metric: (flags.metric ?? 'degree') as CentralityMetric });
  } catch (error) {
    // A wrong id or option is the user's to fix: the helpers' messages say which and how.
    if (error instanceof Error && error.message.startsWith('@claimgraph/')) throw new CliError(error.message);
    throw error;
  }

  const out = fsPath(io, flags.out);
  await mkdir(dirname(out), { recursive: true });
  if (format === '.json') await writeFile(out, `${JSON.stringify(spec, null, 2)}\n`);
  else if (format === '.html') await writeFile(out, renderHtml(spec));
  else if (format === '.svg') await writeFile(out, await renderSvg(spec));
  else {
    const png = await renderPng(spec, { scale });
    await writeFile(out, png);
    const { width, height } = pngSize(png);
    io.stdout.write(`wrote ${flags.out} (${width}×${height} px)\n`);
    return EXIT.ok;
  }
  io.stdout.write(`wrote ${flags.out}\n`);
  return EXIT.ok;
}
