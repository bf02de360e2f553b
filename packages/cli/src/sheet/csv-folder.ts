/**
 * The curation tables as a folder of CSV files (one per sheet), for Google Sheets and for reviewing
 * edits in git. Cells that a spreadsheet would run as formulas are escaped and restored on import.
 */
import { csvLine, escapeFormula, unescapeFormula } from '@claimgraph/sdk/export';
import { parse } from 'csv-parse/sync';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, EXIT } from '../errors.js';
import { SHEET_KINDS, sheetLayout, type SheetKind } from './columns.js';
import type { ReadTable, Table } from './tables.js';

export const csvFileName = (kind: SheetKind): string => `${kind}.csv`;

export async function writeCsvFolder(tables: readonly Table[], dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const table of tables) {
    const lines = [csvLine(table.layout.columns.map((c) => c.header))];
    for (const row of table.rows)
      lines.push(
        csvLine(
          row.map((cell) =>
            cell === undefined ? '' : typeof cell === 'boolean' ? (cell ? 'TRUE' : 'FALSE') : escapeFormula(cell),
          ),
        ),
      );
    const file = csvFileName(table.layout.kind);
    await writeFile(join(dir, file), lines.join(''));
    written.push(file);
  }
  return written;
}

export async function readCsvFolder(dir: string, shown: string): Promise<ReadTable[]> {
  const tables: ReadTable[] = [];
  for (const kind of SHEET_KINDS) {
    const layout = sheetLayout(kind);
    const file = join(dir, csvFileName(kind));
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
      tables.push({ layout, rows: [], rowNumbers: [] });
      continue;
    }
    let records: string[][];
    try {
      records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];
    } catch (error) {
      throw new CliError(
        `${join(shown, csvFileName(kind))}: not readable as CSV: ${(error as Error).message}`,
        EXIT.invalid,
      );
    }
    const header = (records[0] ?? []).map((h) => h.trim());
    const index = layout.columns.map((c) => header.indexOf(c.header));
    tables.push({
      layout,
      rows: records
        .slice(1)
        .map((cells) => index.map((i) => ({ value: i === -1 ? undefined : unescapeFormula(cells[i] ?? '') }))),
      rowNumbers: records.slice(1).map((_, i) => i + 2),
    });
  }
  return tables;
}
