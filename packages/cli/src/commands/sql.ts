/**
 * `claimgraph sql "SELECT …" [--dataset PATH] [--json]`: SQL over a release's Parquet files with
 * embedded DuckDB, as views named entities, relations, statements, appearances, sources (and redirects).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '@claimgraph/schema';
import { checkDataset, locateDataset, writeFileAtomic } from '@claimgraph/schema/node';
import { exportDataset } from '@claimgraph/sdk/export';
import { chooseDatasets, isMerge, openGraph, type ChosenDataset, type DatasetFlags } from '../datasets.js';
import { CliError, EXIT } from '../errors.js';
import { asGiven, shownPath, type CliIO } from '../io.js';
import { connectDuckDB, prepareOne, runPrepared, runSql, sqlString } from '../duckdb.js';
import { printIssues, printJson } from '../output.js';
import { outputFormat, renderTable } from '../table.js';

export interface SqlFlags extends DatasetFlags {
  json?: boolean;
  /** Allow statements that write or read files (COPY … TO, ATTACH, read_csv of other files). */
  allowFiles?: boolean;
  outputFormat?: string;
}

// Statement types that only read (DuckDB's StatementType numbers): SELECT, EXPLAIN, PRAGMA, CALL.
const READ_ONLY_TYPES = new Map([
  [1, 'SELECT'],
  [4, 'EXPLAIN'],
  [17, 'PRAGMA'],
  [19, 'CALL'],
]);

const VIEWS = ['entities', 'relations', 'statements', 'appearances', 'sources', 'redirects'] as const;

/** The views of records with an `id`: with several datasets, each gets a `datasets` column. */
const RECORD_VIEWS = new Set<string>(['entities', 'relations', 'statements', 'sources']);
/** The tables every release built with Parquet ships; redirects only when it has some. */
const SHIPPED = VIEWS.filter((view) => view !== 'redirects');

/**
 * Where a view's Parquet is: a folder per table (`statements/year=2021/part-0.parquet`), read with
 * its Hive partition columns (`year`, `dataset`), or, in a release built before tables had
 * folders, one file (`statements.parquet`); null when there is neither.
 */
function viewSource(dir: string, view: string): string | null {
  if (existsSync(join(dir, view))) return `${sqlString(join(dir, view, '**', '*.parquet'))}, hive_partitioning = true`;
  if (existsSync(join(dir, `${view}.parquet`))) return sqlString(join(dir, `${view}.parquet`));
  return null;
}

/** The Parquet folder of a release built with them; otherwise they are written to a temporary folder first. */
async function parquetFolder(
  io: CliIO,
  { given, path }: { given: string; path: string },
): Promise<{ dir: string; temporary: boolean; provenance?: string } | number> {
  let located;
  try {
    located = await locateDataset(path);
  } catch (error) {
    throw new CliError(asGiven((error as Error).message, path, given));
  }
  const shipped = join(located.dir, 'parquet');
  if (located.layout === 'release' && SHIPPED.every((view) => viewSource(shipped, view) !== null))
    return { dir: shipped, temporary: false };
  // A release before appearances.parquet, or without Parquet, or a source folder: the same tables, made on the fly.
  const { read, result, dataset } = await checkDataset(path);
  if (!dataset) {
    printIssues(io, result.errors, shownPath(io, read.located.dir, given));
    io.stderr.write(`${given}: cannot query an invalid dataset; run "claimgraph validate ${given}"\n`);
    return EXIT.invalid;
  }
  return inTemporaryFolder(io, async (dir) => {
    await exportDataset(dataset as Dataset, 'parquet', { out: dir });
    return { dir, temporary: true };
  });
}

/**
 * Runs `fill` on a new temporary folder for the tables (under TMPDIR), removed again if it fails.
 * A write the disk refuses is the user's to fix: one line naming the file and where the folder is.
 */
async function inTemporaryFolder<T>(io: CliIO, fill: (dir: string) => Promise<T>): Promise<T> {
  const root = io.env.TMPDIR || tmpdir();
  let dir: string | undefined;
  try {
    dir = await mkdtemp(join(root, 'claimgraph-sql-'));
    return await fill(dir);
  } catch (error) {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
    // A Node error carries the errno name as `code`; the SDK's ClaimGraphWriteError as `errno`.
    const { code, errno } = error as { code?: unknown; errno?: unknown };
    const said = typeof errno === 'string' ? errno : code;
    if (typeof said !== 'string' || !/^E[A-Z]+$/.test(said)) throw error;
    const text = (error as Error).message.replace(/^@claimgraph\/sdk: exportDataset\(\): out: /, '');
    const message = text.startsWith('cannot write ') ? text : `cannot write a temporary folder in ${root}: ${text}`;
    throw new CliError(
      `sql: ${message}; the tables of the query are written to a temporary folder first: free some space there or set TMPDIR to a folder with room`,
      EXIT.invalid,
    );
  }
}

/**
 * Several datasets as one: the merged graph's Parquet files, written to a temporary folder, and
 * beside them which datasets each record comes from (`provenance.ndjson`: id, datasets).
 */
async function mergedParquet(
  io: CliIO,
  flags: SqlFlags,
  chosen: ChosenDataset[],
): Promise<{ dir: string; temporary: true; provenance: string }> {
  const { cg } = await openGraph(io, flags, chosen);
  return inTemporaryFolder(io, async (dir) => {
    await exportDataset(cg, 'parquet', { out: dir });
    const data = cg.toJSON();
    const lines: string[] = [];
    for (const kind of ['entities', 'relations', 'statements', 'sources'] as const)
      for (const { id } of data[kind]) lines.push(JSON.stringify({ id, datasets: cg.datasetsOf(id) }));
    const provenance = join(dir, 'provenance.ndjson');
    // Checked to hold every byte: DuckDB reading a cut-off file would give rows without their datasets.
    await writeFileAtomic(provenance, `${lines.join('\n')}\n`);
    return { dir, temporary: true as const, provenance };
  });
}

/** How a cell reads in the table: NULL for nulls, JSON for lists and structs. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

const ID = /^[a-z][a-z-]*:[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether a column holds claimgraph ids (every cell but NULLs): they are wrapped last, so they can be pasted. */
function holdsIds(rows: string[][], column: number): boolean {
  let any = false;
  for (const row of rows) {
    const cell = row[column]!;
    if (cell === 'NULL' || cell === '') continue;
    if (!ID.test(cell)) return false;
    any = true;
  }
  return any;
}

/** Column names made unique (`id`, `id_2`), so a join's JSON rows keep every column. */
function uniqueNames(columns: string[]): string[] {
  const seen = new Map<string, number>();
  return columns.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name}_${count}`;
  });
}

export async function sqlCommand(io: CliIO, sql: string, flags: SqlFlags): Promise<number> {
  if (sql.trim() === '')
    throw new CliError('sql: give a query, e.g. claimgraph sql "SELECT type, count(*) FROM relations GROUP BY type"');
  const chosen = await chooseDatasets(io, flags);
  const connection = await connectDuckDB();
  const folder = isMerge(flags) ? await mergedParquet(io, flags, chosen) : await parquetFolder(io, chosen[0]!);
  if (typeof folder === 'number') return folder;
  try {
    // The tables are read into memory first; after that DuckDB may touch no file, install or load
    // no extension, and the settings are locked, so a query cannot undo them.
    for (const view of VIEWS) {
      const source = viewSource(folder.dir, view);
      if (source === null) continue;
      if (folder.provenance === undefined || !RECORD_VIEWS.has(view))
        await runSql(connection, `CREATE TABLE ${view} AS SELECT * FROM read_parquet(${source})`);
      else
        // Each record with the datasets it comes from, in the files' order.
        await runSql(
          connection,
          `CREATE TABLE ${view} AS SELECT t.* EXCLUDE (filename, file_row_number), p.datasets FROM read_parquet(${source}, filename = true, file_row_number = true) t LEFT JOIN read_json(${sqlString(folder.provenance)}, format = 'newline_delimited', columns = {id: 'VARCHAR', datasets: 'VARCHAR[]'}) p ON t.id = p.id ORDER BY t.filename, t.file_row_number`,
        );
    }
    if (!flags.allowFiles) {
      for (const setting of [
        'SET autoinstall_known_extensions = false',
        'SET autoload_known_extensions = false',
        'SET enable_external_access = false',
        'SET lock_configuration = true',
      ])
        await runSql(connection, setting);
    }
    const prepared = await prepareOne(connection, sql);
    if (!flags.allowFiles && !READ_ONLY_TYPES.has(prepared.statementType)) {
      throw new CliError(
        `sql: only queries run (SELECT, EXPLAIN, PRAGMA, CALL); this statement would change or write something. Pass --allow-files to let it write files`,
        EXIT.usage,
      );
    }
    const { columns, rows } = await runPrepared(prepared);
    const format = outputFormat(flags);
    if (format === 'json') {
      const names = uniqueNames(columns);
      printJson(
        io,
        rows.map((row) => Object.fromEntries(names.map((name, i) => [name, row[i]]))),
      );
    } else {
      // CSV says NULL with an empty cell, as spreadsheets and csv readers expect.
      const cells = rows.map((row) => row.map((value) => (format === 'csv' && value == null ? '' : cellText(value))));
      const table = { headers: columns, rows: cells, ids: columns.filter((_, i) => holdsIds(cells, i)) };
      io.stdout.write(`${renderTable(table, format, io.stdout.columns)}\n`);
      if (format === 'table') io.stdout.write(`(${rows.length} ${rows.length === 1 ? 'row' : 'rows'})\n`);
    }
    return EXIT.ok;
  } finally {
    connection.closeSync();
    if (folder.temporary) await rm(folder.dir, { recursive: true, force: true });
  }
}
