/**
 * The `claimgraph` command: a thin shell over the libraries. Exit codes: 0 success, 1 invalid data,
 * 2 usage errors. User mistakes print a message; only real bugs print a stack trace.
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import { EXPORT_FORMATS } from '@claimgraph/sdk/export';
import { buildCommand } from './commands/build.js';
import { CHART_KINDS, chartCommand, type ChartFlags, type ChartKind } from './commands/chart.js';
import { diffCommand } from './commands/diff.js';
import { exportCommand, type ExportFlags } from './commands/export.js';
import { releaseCheckCommand } from './commands/release-check.js';
import { formatCommand } from './commands/format.js';
import { infoCommand } from './commands/info.js';
import { registerQueryCommand } from './commands/query.js';
import { sqlCommand, type SqlFlags } from './commands/sql.js';
import { validateCommand } from './commands/validate.js';
import { verifyCommand } from './commands/verify.js';
import { DatasetPathError } from '@claimgraph/schema/node';
import { CliError, EXIT } from './errors.js';
import { VERSION } from './version.js';

const program = new Command('claimgraph')
  .description('Validate, build, inspect and query claimgraph datasets: who said what about whom.')
  .version(VERSION)
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

let exitCode: number = EXIT.ok;
const run =
  <A extends unknown[]>(command: (...args: A) => Promise<number>) =>
  async (...args: A) => {
    exitCode = await command(...args);
  };
const json = () => new Option('--json', 'print machine-readable JSON');

program
  .command('validate')
  .description('check a dataset folder (or release) and report every problem with file, id and field')
  .argument('[dir]', 'dataset folder, release folder or dataset.json', '.')
  .addOption(json())
  .action(run((dir: string, flags: { json?: boolean }) => validateCommand(dir, flags)));

program
  .command('build')
  .description('validate a dataset source folder and write its release (dataset.json, datapackage.json, schemas)')
  .argument('[dir]', 'dataset source folder', '.')
  .option('-o, --out <dir>', 'release folder (default: DIR/dist)')
  .option('--no-parquet', 'leave out parquet/*.parquet (the slowest part of a large build)')
  .addOption(json())
  .action(run((dir: string, flags: { out?: string; json?: boolean; parquet?: boolean }) => buildCommand(dir, flags)));

program
  .command('info')
  .description('summarise a dataset: version, counts per type, date range')
  .argument('[path]', 'dataset folder, release folder or dataset.json', '.')
  .addOption(json())
  .action(run((path: string, flags: { json?: boolean }) => infoCommand(path, flags)));

program
  .command('format')
  .description("sort a source folder's records by id and write them in canonical form")
  .argument('[dir]', 'dataset source folder', '.')
  .action(run((dir: string) => formatCommand(dir)));

program
  .command('verify')
  .description("check a release's files against the sha256 hashes in its datapackage.json")
  .argument('[path]', 'release folder', '.')
  .addOption(json())
  .action(run((path: string, flags: { json?: boolean }) => verifyCommand(path, flags)));

program
  .command('diff')
  .description('what changed between two versions of a dataset, and the version bump it needs')
  .argument('<old>', 'release folder, dataset.json, source folder, or installed package name[@range]')
  .argument('<new>', 'release folder, dataset.json, source folder, or installed package name[@range]')
  .option('--limit <n>', 'records listed per group in the table output', '50')
  .addOption(json())
  .action(
    run((oldArg: string, newArg: string, flags: { json?: boolean; limit?: string }) =>
      diffCommand(oldArg, newArg, flags),
    ),
  );

program
  .command('release-check')
  .description('fail when pending changesets bump a dataset less than its changes require (data semver)')
  .option('--root <dir>', 'repository root (default: current folder)')
  .option('--record', "keep each dataset's built release in releases/<version>/ as published")
  .addOption(json())
  .action(run((flags: { root?: string; json?: boolean; record?: boolean }) => releaseCheckCommand(flags)));

program
  .command('chart')
  .description(
    'draw a chart of a dataset; the --out extension picks the format: .svg, .png, .json (Vega-Lite spec) or .html',
  )
  .addArgument(new Argument('<kind>', 'which chart').choices(CHART_KINDS))
  .requiredOption('-o, --out <file>', 'file to write: chart.svg, chart.png, chart.json or chart.html')
  .option(
    '--dataset <path>',
    'release folder, dataset.json, source folder or installed package (default: the bundled dataset)',
  )
  .option('--relation <id>', 'stance, timeline: the relation to draw (default: the contested ones)')
  .option('--entity <id>', "stance, timeline: that entity's relations; network: draw its neighbourhood")
  .option('--metric <name>', 'centrality: degree or betweenness', 'degree')
  .option('--scale <n>', '.png: pixels per SVG unit', '2')
  .action(run((kind: ChartKind, flags: ChartFlags) => chartCommand(kind, flags)));

program
  .command('export')
  .description('write a dataset as GEXF (Gephi), GraphML (yEd, Cytoscape), CSV, NDJSON, Parquet or Neo4j import files')
  .addOption(
    new Option('-f, --format <format>', 'gexf, graphml, ndjson (one file); csv, parquet, neo4j (a folder)')
      .choices(EXPORT_FORMATS)
      .makeOptionMandatory(),
  )
  .requiredOption(
    '-o, --out <path>',
    'file for gexf, graphml and ndjson (a folder gets dataset.<format>); folder for csv, parquet and neo4j',
  )
  .option(
    '--dataset <path>',
    'release folder, dataset.json, source folder or installed package (default: the bundled dataset)',
  )
  .option('--no-formula-escape', "csv: keep cells starting with = + - @ as they are (no leading ')")
  .option('--bom', 'csv: start each file with a UTF-8 byte order mark, for Excel')
  .addOption(
    new Option(
      '--symmetric-edges <how>',
      'gexf, graphml, csv: symmetric relations as undirected or directed edges',
    ).choices(['undirected', 'directed']),
  )
  .addOption(new Option('--gexf-version <version>', 'gexf: GEXF version').choices(['1.2', '1.3']))
  .addOption(json())
  .action(run((flags: ExportFlags) => exportCommand(flags)));

program
  .command('sql')
  .description(
    'run SQL over a release with DuckDB (optional: npm install @duckdb/node-api); views: entities, relations, statements, sources',
  )
  .argument('<query>', 'SQL, e.g. "SELECT type, count(*) AS n FROM relations GROUP BY type ORDER BY n DESC"')
  .option(
    '--dataset <path>',
    'release folder, dataset.json, source folder or installed package (default: the bundled dataset)',
  )
  .addOption(json())
  .action(run((query: string, flags: SqlFlags) => sqlCommand(query, flags)));

registerQueryCommand(program, run);

// Piping into `head` closes stdout early: that is the reader being done, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(exitCode);
  throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    // Help and version are successes; anything else commander raises is a usage error.
    exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  } else if (error instanceof CliError) {
    process.stderr.write(`claimgraph: ${error.message}\n`);
    exitCode = error.exitCode;
  } else if (error instanceof DatasetPathError) {
    // A path that is not a dataset, whichever command was given it: a usage error, never a stack trace.
    process.stderr.write(`claimgraph: ${error.message}\n`);
    exitCode = EXIT.usage;
  } else {
    throw error;
  }
}
process.exitCode = exitCode;
