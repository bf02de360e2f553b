/**
 * DuckDB for `claimgraph sql`: an optional peer dependency (about 70 MB), loaded only when the
 * command runs, with a message saying how to install it when it is missing.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { CliError, EXIT } from './errors.js';

export const DUCKDB_PACKAGE = '@duckdb/node-api';

function isMissingModule(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') &&
    String((error as Error).message).includes(DUCKDB_PACKAGE)
  );
}

/** An in-memory DuckDB connection, or a usage error (exit 2) telling the user to install DuckDB. */
export async function connectDuckDB(): Promise<DuckDBConnection> {
  let duckdb: typeof import('@duckdb/node-api');
  try {
    duckdb = (await import(DUCKDB_PACKAGE)) as typeof import('@duckdb/node-api');
  } catch (error) {
    if (isMissingModule(error)) {
      throw new CliError(
        `sql needs DuckDB, an optional dependency of @claimgraph/cli (about 70 MB) that is not installed; install it next to the CLI with: npm install ${DUCKDB_PACKAGE}`,
        EXIT.usage,
      );
    }
    throw new CliError(
      `sql: DuckDB (${DUCKDB_PACKAGE}) is installed but could not be loaded: ${(error as Error).message}`,
      EXIT.usage,
    );
  }
  const instance = await duckdb.DuckDBInstance.create(':memory:');
  return instance.connect();
}

/** A SQL string literal: single quotes doubled. */
export const sqlString = (text: string) => `'${text.replace(/'/g, "''")}'`;

const WIDE_INTEGERS = new Set(['BIGINT', 'HUGEINT', 'UBIGINT', 'UHUGEINT']);

export interface QueryResult {
  columns: string[];
  /** Rows as JSON-safe values: dates and decimals as text, 64-bit integers as numbers when exact. */
  rows: unknown[][];
}

/** Runs SQL; a DuckDB error (syntax, unknown column…) becomes a message and exit 1, never a stack trace. */
export async function runSql(connection: DuckDBConnection, sql: string): Promise<QueryResult> {
  let reader;
  try {
    reader = await connection.runAndReadAll(sql);
  } catch (error) {
    throw new CliError(`sql: ${(error as Error).message.trim()}`, EXIT.invalid);
  }
  const columns = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.toString());
  const rows = reader
    .getRowsJson()
    .map((row) =>
      row.map((value, i) =>
        WIDE_INTEGERS.has(types[i]!) && typeof value === 'string' && Number.isSafeInteger(Number(value))
          ? Number(value)
          : value,
      ),
    );
  return { columns, rows };
}
