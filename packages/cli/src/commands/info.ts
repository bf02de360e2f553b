/** `claimgraph info [PATH]`: version, counts per type and date range of a release or source folder. */
import { summarizeDataset, type Dataset } from '@claimgraph/schema';
import { checkDataset } from '@claimgraph/schema/node';
import { EXIT } from '../errors.js';
import { shownPath, type CliIO } from '../io.js';
import { printIssues, printJson } from '../output.js';
import { fitTable } from '../table.js';
import { resolveDatasetPath } from '../paths.js';

export async function infoCommand(io: CliIO, arg: string | undefined, flags: { json?: boolean }): Promise<number> {
  const { given: target, path } = await resolveDatasetPath(io, arg);
  const { read, result, dataset } = await checkDataset(path);
  if (!dataset) {
    printIssues(io, result.errors, shownPath(io, read.located.dir, target));
    io.stderr.write(`${target}: cannot summarise an invalid dataset; run "claimgraph validate ${target}"\n`);
    return EXIT.invalid;
  }
  const summary = summarizeDataset(dataset as Dataset);
  const { meta } = read;
  if (flags.json) {
    printJson(io, { name: meta.name ?? null, version: meta.version ?? null, layout: read.located.layout, ...summary });
    return EXIT.ok;
  }
  const lines = [
    `${meta.name ?? target}${meta.version ? `@${meta.version}` : ''} (${read.located.layout === 'source' ? 'source folder' : 'release'})`,
    meta.description ? meta.description : '',
    `statements dated ${summary.statementDates ? `${summary.statementDates.from} to ${summary.statementDates.to}` : '—'}`,
    '',
    fitTable(
      { headers: ['records', 'count'], rows: Object.entries(summary.counts).map(([k, v]) => [k, String(v)]) },
      io.stdout.columns,
    ),
    '',
    fitTable(
      { headers: ['entity type', 'count'], rows: Object.entries(summary.entityTypes).map(([k, v]) => [k, String(v)]) },
      io.stdout.columns,
    ),
    '',
    fitTable(
      {
        headers: ['relation type', 'count'],
        rows: Object.entries(summary.relationTypes).map(([k, v]) => [k, String(v)]),
      },
      io.stdout.columns,
    ),
    '',
    fitTable(
      { headers: ['stance', 'count'], rows: Object.entries(summary.stances).map(([k, v]) => [k, String(v)]) },
      io.stdout.columns,
    ),
  ];
  io.stdout.write(`${lines.filter((l, i) => l !== '' || i > 2).join('\n')}\n`);
  return EXIT.ok;
}
