/** `claimgraph info [PATH]`: version, counts per type and date range of a release or source folder. */
import { checkIntegrity } from '../integrity.js';
import { summarizeDataset, type Coverage, type Dataset } from '@claimgraph/schema';
import { checkDataset } from '@claimgraph/schema/node';
import { EXIT } from '../errors.js';
import { shownPath, type CliIO } from '../io.js';
import { plural, printIssues, printJson } from '../output.js';
import { fitTable } from '../table.js';
import { resolveDatasetPath } from '../paths.js';

/** What the research covered, for a reader to tell an absence in the data from one in the research. */
function coverageLines(coverage: Coverage | undefined): string[] {
  if (!coverage) return ['coverage not declared (no data/coverage.json): what was not looked for is unknown'];
  const dates = coverage.searches.map((s) => s.date).sort();
  const searched =
    dates[0] === dates[dates.length - 1] ? `on ${dates[0]}` : `from ${dates[0]} to ${dates[dates.length - 1]}`;
  return [
    `research covers ${coverage.period.from} to ${coverage.period.to}, sources in ${coverage.languages.join(', ')}; ${plural(coverage.searches.length, 'search', 'searches')} ${searched}`,
    ...(coverage.gaps.length > 0
      ? ['known gaps:', ...coverage.gaps.map((gap) => `  - ${gap}`)]
      : ['no known gaps declared']),
  ];
}

export async function infoCommand(io: CliIO, arg: string | undefined, flags: { json?: boolean }): Promise<number> {
  const { given: target, path } = await resolveDatasetPath(io, arg);
  await checkIntegrity(io, path, target);
  const { read, result, dataset } = await checkDataset(path);
  if (!dataset) {
    printIssues(io, result.errors, shownPath(io, read.located.dir, target));
    io.stderr.write(`${target}: cannot summarise an invalid dataset; run "claimgraph validate ${target}"\n`);
    return EXIT.invalid;
  }
  const summary = summarizeDataset(dataset as Dataset);
  const { meta } = read;
  const { coverage } = dataset as Dataset;
  if (flags.json) {
    printJson(io, {
      name: meta.name ?? null,
      version: meta.version ?? null,
      layout: read.located.layout,
      ...summary,
      coverage: coverage ?? null,
    });
    return EXIT.ok;
  }
  const lines = [
    `${meta.name ?? target}${meta.version ? `@${meta.version}` : ''} (${read.located.layout === 'source' ? 'source folder' : 'release'})`,
    meta.description ? meta.description : '',
    `statements dated ${summary.statementDates ? `${summary.statementDates.from} to ${summary.statementDates.to}` : '—'}`,
    ...coverageLines(coverage),
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
