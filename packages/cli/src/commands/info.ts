/** `claimgraph info [PATH]`: version, counts per type and date range of a release or source folder. */
import { checkIntegrity } from '../integrity.js';
import { summarizeDataset, type Dataset } from '@claimgraph/schema';
import { checkDataset } from '@claimgraph/schema/node';
import { EXIT } from '../errors.js';
import { formatTable, printIssues, printJson } from '../output.js';
import { resolveDatasetPath } from '../paths.js';

export async function infoCommand(path: string | undefined, flags: { json?: boolean }): Promise<number> {
  const target = await resolveDatasetPath(path);
  await checkIntegrity(target);
  const { read, result, dataset } = await checkDataset(target);
  if (!dataset) {
    printIssues(result.errors, read.located.dir);
    process.stderr.write(`${target}: cannot summarise an invalid dataset; run "claimgraph validate ${target}"\n`);
    return EXIT.invalid;
  }
  const summary = summarizeDataset(dataset as Dataset);
  const { meta } = read;
  if (flags.json) {
    printJson({ name: meta.name ?? null, version: meta.version ?? null, layout: read.located.layout, ...summary });
    return EXIT.ok;
  }
  const lines = [
    `${meta.name ?? target}${meta.version ? `@${meta.version}` : ''} (${read.located.layout === 'source' ? 'source folder' : 'release'})`,
    meta.description ? meta.description : '',
    `statements dated ${summary.statementDates ? `${summary.statementDates.from} to ${summary.statementDates.to}` : '—'}`,
    '',
    formatTable(
      ['records', 'count'],
      Object.entries(summary.counts).map(([k, v]) => [k, String(v)]),
    ),
    '',
    formatTable(
      ['entity type', 'count'],
      Object.entries(summary.entityTypes).map(([k, v]) => [k, String(v)]),
    ),
    '',
    formatTable(
      ['relation type', 'count'],
      Object.entries(summary.relationTypes).map(([k, v]) => [k, String(v)]),
    ),
    '',
    formatTable(
      ['stance', 'count'],
      Object.entries(summary.stances).map(([k, v]) => [k, String(v)]),
    ),
  ];
  process.stdout.write(`${lines.filter((l, i) => l !== '' || i > 2).join('\n')}\n`);
  return EXIT.ok;
}
