/**
 * `claimgraph sql "SELECT …" [--dataset PATH] [--json]`: SQL over a release's Parquet files with
 * embedded DuckDB, as views named entities, relations, statements, sources (and redirects).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Dataset } from '@claimgraph/schema';
import { checkDataset, locateDataset } from '@claimgraph/schema/node';
import { exportDataset } from '@claimgraph/sdk/export';
import { datasetOrBundled } from '../bundled-dataset.js';
import { CliError, EXIT } from '../errors.js';
import { asGiven, shownPath, type CliIO } from '../io.js';
import { connectDuckDB, runSql, sqlString } from '../duckdb.js';
import { printIssues, printJson } from '../output.js';
import { outputFormat, renderTable } from '../table.js';

export interface SqlFlags {
  dataset?: string;
  json?: boolean;
  outputFormat?: string;
}

const VIEWS = ['entities', 'relations', 'statements', 'sources', 'redirects'] as const;

/** The Parquet folder of a release built with them; otherwise they are written to a temporary folder first. */
async function parquetFolder(
  io: CliIO,
  { given, path }: { given: string; path: string },
): Promise<{ dir: string; temporary: boolean } | number> {
  let located;
  try {
    located = await locateDataset(path);
  } catch (error) {
    throw new CliError(asGiven((error as Error).message, path, given));
  }
  const shipped = join(located.dir, 'parquet');
  if (located.layout === 'release' && VIEWS.slice(0, 4).every((view) => existsSync(join(shipped, `${view}.parquet`))))
    return { dir: shipped, temporary: false };
  // An older release, or a source folder: the same files, made on the fly.
  const { read, result, dataset } = await checkDataset(path);
  if (!dataset) {
    printIssues(io, result.errors, shownPath(io, read.located.dir, given));
    io.stderr.write(`${given}: cannot query an invalid dataset; run "claimgraph validate ${given}"\n`);
    return EXIT.invalid;
  }
  const dir = await mkdtemp(join(tmpdir(), 'claimgraph-sql-'));
  await exportDataset(dataset as Dataset, 'parquet', { out: dir });
  return { dir, temporary: true };
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
  const connection = await connectDuckDB();
  const folder = await parquetFolder(io, datasetOrBundled(io, flags.dataset));
  if (typeof folder === 'number') return folder;
  try {
    for (const view of VIEWS) {
      const file = join(folder.dir, `${view}.parquet`);
      if (existsSync(file))
        await runSql(connection, `CREATE VIEW ${view} AS SELECT * FROM read_parquet(${sqlString(file)})`);
    }
    const { columns, rows } = await runSql(connection, sql);
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
