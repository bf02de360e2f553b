/**
 * The command table: every command's name, arguments, options and help text, and where its code is.
 * Only this, commander and the version are loaded at start-up; a command's module (and the libraries
 * it needs) is imported when that command runs, so `--version` and `--help` touch nothing else.
 */
import { Argument, Command, Option } from 'commander';
import type { ExportFormat } from '@claimgraph/sdk/export';
import type { CliIO } from './io.js';
import { OUTPUT_FORMATS } from './table.js';
import { VERSION } from './version.js';

/** What a command module exports: it gets the io, then commander's arguments and options; it returns the exit code. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each command types its own arguments
export type CommandFn = (io: CliIO, ...args: any[]) => Promise<number>;

export const CHART_KINDS = ['stance', 'timeline', 'network', 'centrality'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

/** @claimgraph/sdk/export's EXPORT_FORMATS, written here so help does not load the exporters (a test keeps them equal). */
export const EXPORT_FORMATS = [
  'gexf',
  'graphml',
  'csv',
  'ndjson',
  'parquet',
  'neo4j',
] as const satisfies readonly ExportFormat[];

/**
 * How `query` and `sql` print their answer. Not `--format`: that is `export`'s, and picks a file format
 * for a whole dataset; this picks how one answer is shown on stdout.
 */
const outputFormatOption = () =>
  new Option(
    '-F, --output-format <format>',
    'print the answer as a table (fitting the terminal), csv, json or markdown',
  ).choices(OUTPUT_FORMATS);

const DATASET_HELP =
  'release folder, dataset.json, source folder or installed package (default: the bundled dataset); repeat it to read several datasets as one graph';

/** commander's collector for a repeatable option: each value appended to the list. */
const collect = (value: string, list: string[] = []): string[] => [...list, value];

/** `--dataset`, repeatable: several datasets are merged into one graph. */
const datasetOption = () => new Option('--dataset <path>', DATASET_HELP).argParser(collect);

/** `--judgements FILE`: a curator's same/different decisions joining ids across datasets. */
const judgementsOption = () =>
  new Option(
    '--judgements <file>',
    'judgements file ({ "version": 1, "judgements": [...] }): ids a curator judged the same (joined) or different, across datasets',
  );

/** `--json`, for commands whose only other output is text for people. */
const jsonOption = () => new Option('--json', 'print machine-readable JSON');

/** The action for a command whose code is loaded on demand. */
type Lazy = (load: () => Promise<CommandFn>) => (...args: unknown[]) => Promise<void>;

/**
 * The program for one run. `done` receives each command's exit code. Commander writes help, version
 * and usage errors through `io`, and throws instead of exiting.
 */
export function createProgram(io: CliIO, done: (code: number) => void): Command {
  const lazy: Lazy =
    (load) =>
    async (...args) => {
      const command = await load();
      // commander passes the Command object last; commands take their arguments and options only.
      done(await command(io, ...args.slice(0, -1)));
    };
  const width = () => io.stdout.columns ?? (Number(io.env.COLUMNS) || 80);

  const program = new Command('claimgraph')
    .description('Validate, build, inspect and query claimgraph datasets: who said what about whom.')
    .version(VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      getOutHelpWidth: width,
      getErrHelpWidth: width,
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    });

  // Help lists the commands in the order they are added here.
  addDatasetCommands(program, lazy);
  addChartCommand(program, lazy);
  addExportCommand(program, lazy);
  addSqlAndSiteCommands(program, lazy);
  addCurationCommands(program, lazy);
  addQueryCommands(program, lazy);
  return program;
}

/** A dataset's life: check it, build its release, summarise, tidy, verify and compare versions. */
function addDatasetCommands(program: Command, lazy: Lazy): void {
  program
    .command('validate')
    .description('check a dataset folder (or release) and report every problem with file, id and field')
    .argument('[dir]', 'dataset folder, release folder or dataset.json', '.')
    .addOption(jsonOption())
    .action(lazy(async () => (await import('./commands/validate.js')).validateCommand));

  program
    .command('build')
    .description('validate a dataset source folder and write its release (dataset.json, datapackage.json, schemas)')
    .argument('[dir]', 'dataset source folder', '.')
    .option('-o, --out <dir>', 'release folder (default: DIR/dist)')
    .option('--no-parquet', 'leave out parquet/*.parquet (the slowest part of a large build)')
    .addOption(jsonOption())
    .action(lazy(async () => (await import('./commands/build.js')).buildCommand));

  program
    .command('info')
    .description('summarise a dataset: version, counts per type, date range')
    .argument('[path]', 'dataset folder, release folder or dataset.json', '.')
    .addOption(jsonOption())
    .action(lazy(async () => (await import('./commands/info.js')).infoCommand));

  program
    .command('format')
    .description("sort a source folder's records by id and write them in canonical form")
    .argument('[dir]', 'dataset source folder', '.')
    .action(lazy(async () => (await import('./commands/format.js')).formatCommand));

  program
    .command('verify')
    .description(
      "check a release's files against the sha256 hashes in its datapackage.json, and that they hold the same records",
    )
    .argument('[path]', 'release folder', '.')
    .addOption(jsonOption())
    .action(lazy(async () => (await import('./commands/verify.js')).verifyCommand));

  program
    .command('diff')
    .description('what changed between two versions of a dataset, and the version bump it needs')
    .argument('<old>', 'release folder, dataset.json, source folder, or installed package name[@range]')
    .argument('<new>', 'release folder, dataset.json, source folder, or installed package name[@range]')
    .option('--limit <n>', 'records listed per group in the table output', '50')
    .addOption(jsonOption())
    .action(lazy(async () => (await import('./commands/diff.js')).diffCommand));
}

/** `chart`: one command for every kind, so its options say which kinds they apply to. */
function addChartCommand(program: Command, lazy: Lazy): void {
  program
    .command('chart')
    .description(
      'draw a chart of a dataset; the --out extension picks the format: .svg, .png, .json (Vega-Lite spec) or .html (a responsive figure for embedding)',
    )
    .addArgument(new Argument('<kind>', 'which chart').choices(CHART_KINDS))
    .requiredOption('-o, --out <file>', 'file to write: chart.svg, chart.png, chart.json or chart.html')
    .addOption(datasetOption())
    .addOption(judgementsOption())
    .option('--title <text>', 'the title (default: derived from the data)')
    .option('--subtitle <text>', 'the line under the title (default: derived from the data)')
    .option(
      '--credit <text>',
      'the source line under the chart (default: the sources and the dataset with its version)',
    )
    .option(
      '--title-lines <n>',
      'at most n lines (1 to 20) for the title and each subtitle line, shortened after a whole word (default: no limit: they wrap)',
    )
    .option(
      '--from <date>',
      'stance, timeline: keep statements whose date, at its precision, may fall on or after this date (YYYY, YYYY-MM or YYYY-MM-DD; 2021-08 keeps "2021")',
    )
    .option(
      '--to <date>',
      'stance, timeline: keep statements whose date, at its precision, may fall on or before this date',
    )
    .option('--relation <id>', 'stance, timeline, network: the relation to draw (default: the contested ones)')
    .option('--entity <id>', "stance, timeline: that entity's relations; network: its neighbourhood")
    .option('--all', 'network: the whole graph instead of a neighbourhood (at most 300 best-connected entities)')
    .option('--metric <name>', 'centrality: degree or betweenness', 'degree')
    .option('--max-entities <n>', 'centrality --metric betweenness: refuse a graph of more entities (default: 20000)')
    .option(
      '--types <list>',
      'centrality: entity types to rank, comma-separated (default: person,armed-group,government-body,international-body)',
    )
    .option('--width <px>', 'figure width in pixels, 200 to 2400 (default: 640); .html is responsive from 320 to 1200')
    .option(
      '--height <px>',
      'network: figure height in pixels, 160 to 4000 (default: 480); the other charts grow with their rows',
    )
    .option(
      '--scale <n>',
      '.png: pixels per SVG unit, from 0.05 to 8 (default: 2); a PNG holds at most 40 million pixels',
    )
    .action(lazy(async () => (await import('./commands/chart.js')).chartCommand));
}

/** `export`: the dataset in the file formats of other tools. */
function addExportCommand(program: Command, lazy: Lazy): void {
  program
    .command('export')
    .description(
      'write a dataset as GEXF (Gephi), GraphML (yEd, Cytoscape), CSV, NDJSON, Parquet or Neo4j import files',
    )
    .addOption(
      new Option('-f, --format <format>', 'gexf, graphml, ndjson (one file); csv, parquet, neo4j (a folder)')
        .choices(EXPORT_FORMATS)
        .makeOptionMandatory(),
    )
    .requiredOption(
      '-o, --out <path>',
      'file for gexf, graphml and ndjson (a folder gets dataset.<format>); folder for csv, parquet and neo4j',
    )
    .addOption(datasetOption())
    .addOption(judgementsOption())
    .option('--no-formula-escape', "csv: keep cells starting with = + - @ as they are (no leading ')")
    .option('--bom', 'csv: start each file with a UTF-8 byte order mark, for Excel and spreadsheets')
    .addOption(
      new Option(
        '--symmetric-edges <how>',
        'gexf, graphml, csv: directed (every reader; a symmetric attribute marks symmetric types) or undirected (a mixed graph, Gephi only) (default: directed)',
      ).choices(['undirected', 'directed']),
    )
    .addOption(
      new Option('--gexf-version <version>', 'gexf: 1.2 for every reader, 1.3 for Gephi (default: 1.2)').choices([
        '1.2',
        '1.3',
      ]),
    )
    .addOption(jsonOption())
    .action(lazy(async () => (await import('./commands/export.js')).exportCommand));
}

/** `sql` and `site`: a dataset read as tables by DuckDB, and as web pages. */
function addSqlAndSiteCommands(program: Command, lazy: Lazy): void {
  program
    .command('sql')
    .description(
      'run SQL over a release with DuckDB (optional: npm install @duckdb/node-api); views: entities, relations, statements, sources (with a datasets column when several are given)',
    )
    .argument('<query>', 'SQL, e.g. "SELECT type, count(*) AS n FROM relations GROUP BY type ORDER BY n DESC"')
    .addOption(datasetOption())
    .addOption(judgementsOption())
    .option('--allow-files', 'let the statement read and write files (COPY … TO, ATTACH); by default sql only queries')
    .addOption(outputFormatOption())
    .addOption(new Option('--json', 'print machine-readable JSON (same as --output-format json)'))
    .action(lazy(async () => (await import('./commands/sql.js')).sqlCommand));

  program
    .command('site')
    .description('write a static website of a dataset: pages to browse, search, cite and embed from, no server needed')
    .requiredOption('-o, --out <dir>', 'folder to write (refused when it holds anything but an earlier site)')
    .addOption(datasetOption())
    .addOption(judgementsOption())
    .option(
      '--base-url <url>',
      'where the site will be published, for citations and embed snippets (default: site-relative)',
    )
    .option('--title <text>', "the dataset's title on every page (default: from its name)")
    .option('--page-size <n>', 'rows per page of the relation, entity and timeline lists', '100')
    .action(lazy(async () => (await import('./commands/site.js')).siteCommand));
}

/** A curator's tools: quotes checked against their sources, spreadsheet editing, same-entity suggestions. */
function addCurationCommands(program: Command, lazy: Lazy): void {
  program
    .command('quotes')
    .description(
      'check that every quote, paraphrase and «…» note excerpt is verbatim in a text snapshot of its source; explain near misses',
    )
    .argument('[dir]', 'dataset source folder or release', '.')
    .requiredOption('--sources <dir>', 'folder of source text snapshots, one per source: <source id without src:>.txt')
    .option('--anchor', 'record where each quote sits (start, end, snapshot sha256) in the statements')
    .option('--max-snapshot-mb <n>', 'refuse a snapshot larger than this many megabytes, before reading it', '50')
    .addOption(jsonOption())
    .action(lazy(async () => (await import('./commands/quotes.js')).quotesCommand));

  const sheet = program
    .command('sheet')
    .description(
      'curate in a spreadsheet: export a workbook or CSV folder, edit it, import it back (needs exceljs for .xlsx)',
    );
  sheet
    .command('export')
    .description('write the dataset as a curation workbook (.xlsx) or a folder of CSV files (DIR/)')
    .argument('[dataset]', 'dataset source folder or release', '.')
    .requiredOption('-o, --out <file>', 'FILE.xlsx, or DIR/ for one CSV file per sheet')
    .action(lazy(async () => (await import('./commands/sheet.js')).sheetExportCommand));
  sheet
    .command('import')
    .description(
      'check an edited workbook or CSV folder against every rule and write the data files; nothing is written if a problem is found',
    )
    .argument('<file>', 'the edited .xlsx workbook or CSV folder')
    .argument('[dataset]', 'dataset source folder to write into', '.')
    .option('--redirect', 'write a redirect (data/redirects.json) for every id changed in the sheet')
    .option('--dry-run', 'check and show what would change (added, changed, deleted ids; files), write nothing')
    .option('--max-deletions <n>', 'records the import may delete; more is refused as a likely wrong sheet', '10')
    .option('--max-size <MB>', 'largest workbook, unpacked workbook or CSV file read', '100')
    .option('--max-rows <n>', 'most rows of one sheet or CSV file', '100000')
    .option('--max-cells <n>', 'most cells of the workbook or CSV folder', '2000000')
    .addOption(jsonOption())
    .action(lazy(async () => (await import('./commands/sheet.js')).sheetImportCommand));

  program
    .command('suggest-same')
    .description(
      'list pairs of entities of several datasets whose names fold to one key, for a curator to judge same or different in a judgements file',
    )
    .addOption(datasetOption())
    .addOption(judgementsOption())
    .option('--all', 'pairs within one dataset too (default: only pairs whose datasets differ)')
    .option('--limit <n>', 'at most this many pairs', '100')
    .option(
      '--skeleton',
      'print a judgements file to edit: the pairs as entries with "judgement", "by", "date" and "reason" left empty',
    )
    .addOption(outputFormatOption())
    .addOption(jsonOption())
    .action(lazy(async () => (await import('./commands/suggest-same.js')).suggestSameCommand));
}

/** `query` and its subcommands; their code is one module, commands/query.ts. */
function addQueryCommands(program: Command, lazy: Lazy): void {
  const query = program
    .command('query')
    .description(
      'query a dataset (default: the bundled one): search, entity, relations, statements, stances, contested, consensus, changes, neighbors, path; names work where ids are asked for',
    );
  // Every subcommand takes --dataset and the output format, and loads its module only when run.
  const subcommand = (name: string, description: string, load: () => Promise<CommandFn>) =>
    query
      .command(name)
      .description(description)
      .addOption(datasetOption())
      .addOption(judgementsOption())
      .addOption(outputFormatOption())
      .option('--json', 'print machine-readable JSON (same as --output-format json)')
      .action(lazy(load));
  type Subcommand = keyof (typeof import('./commands/query.js'))['QUERIES'];
  const sub = (name: Subcommand, description: string) =>
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the QUERIES functions use no `this`
    subcommand(name, description, async () => (await import('./commands/query.js')).QUERIES[name]);

  sub('search', 'find entities by name or alias, ignoring case, accents and punctuation; exact matches first')
    .argument('<text>', 'a name, or part of one')
    .option('--type <type>', 'only entities of this type (person, armed-group, …)')
    .option('--limit <n>', 'at most this many results', '20');

  sub('entity', 'show one entity and its relations').argument(
    '<id>',
    'entity id or name, e.g. armed-group:taliban or "Taliban"',
  );

  sub('relations', 'list relations, by id')
    .option('--entity <id>', 'with this entity at either end')
    .option('--source <id>', 'from this entity (symmetric relations match from either end)')
    .option('--target <id>', 'to this entity (symmetric relations match from either end)')
    .option('--type <type>', 'of this relation type (part-of, leads, …)')
    .option('--status <status>', 'supported, disputed or contested')
    .option('--as-of <date>', 'holding on this date, and said by then (YYYY, YYYY-MM or YYYY-MM-DD)');

  sub('statements', 'list statements, by date then id')
    .option('--speaker <id>', 'said by this entity')
    .option('--relation <id>', 'about this relation')
    .option('--entity <id>', 'about relations with this entity at either end')
    .option('--stance <stance>', 'supports or disputes')
    .option('--from <date>', 'certainly on or after this date')
    .option('--to <date>', 'certainly on or before this date (2021-08 counts as 2021-08-31)')
    .option('--hedged', 'only hedged statements (the speaker qualified the claim: "may", "reportedly")')
    .option('--no-hedged', 'only statements that are not hedged');

  sub('stances', 'who supports and who disputes a relation')
    .argument(
      '<relation>',
      'relation id, or "SOURCE TYPE TARGET" by name: rel:haqqani-network-part-of-taliban or "Haqqani network part-of Taliban"',
    )
    .option('--hedged', 'only hedged statements')
    .option('--no-hedged', 'only statements that are not hedged');

  sub(
    'contested',
    'relations with both supporting and disputing statements (every-statement@1), or contested under --rule',
  ).option(
    '--rule <rule>',
    'the consensus rule whose contested verdict to list (every-statement@1, each-speaker-latest@1, one-voice-per-body@1, plain-words@1)',
  );

  // Consensus and positions: their code is commands/query-consensus.ts.
  type ConsensusSubcommand = keyof (typeof import('./commands/query-consensus.js'))['CONSENSUS_QUERIES'];
  const consensusSub = (name: ConsensusSubcommand, description: string) =>
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the CONSENSUS_QUERIES functions use no `this`
    subcommand(name, description, async () => (await import('./commands/query-consensus.js')).CONSENSUS_QUERIES[name]);

  consensusSub(
    'consensus',
    "a relation's verdict under a named, versioned rule: supported, disputed, contested or unresolved",
  )
    .argument(
      '<relation>',
      'relation id, or "SOURCE TYPE TARGET" by name: rel:haqqani-network-part-of-taliban or "Haqqani network part-of Taliban"',
    )
    .option(
      '--rule <rule>',
      'every-statement@1, each-speaker-latest@1, one-voice-per-body@1 or plain-words@1 (a bare id means its newest version)',
      'each-speaker-latest@1',
    );

  consensusSub(
    'changes',
    'where a speaker changed position on a pair of entities: stance or relation type, with dates and quotes',
  )
    .option('--speaker <id>', 'by this speaker (with --voices body: the voice this speaker is heard in)')
    .option('--relation <id>', "on this relation's pair of entities, across relation types")
    .option('--entity <id>', 'on pairs with this entity at one end')
    .option(
      '--voices <voices>',
      'speaker: each speaker alone; body: a spokesperson with the body they speak for',
      'speaker',
    );

  sub('neighbors', 'entities one relation away, whichever way it points')
    .argument('<id>', 'entity id or name')
    .option('--type <type>', 'only through relations of this type')
    .option('--status <status>', 'only through supported, disputed or contested relations');

  sub('path', 'a shortest chain of relations from one entity to another')
    .argument('<from>', 'entity id or name')
    .argument('<to>', 'entity id or name')
    .option('--undirected', 'walk directed relations both ways too (symmetric ones always go both ways)')
    .option('--type <type>', 'only through relations of this type')
    .option('--status <status>', 'only through supported, disputed or contested relations');
}
