/**
 * The curation tables as a folder of CSV files (one per sheet), for Google Sheets and for reviewing
 * edits in git. Cells that a spreadsheet would run as formulas are escaped and restored on import.
 */
import { csvLine, escapeFormula, unescapeFormula } from '@claimgraph/sdk/export';
import { parse } from 'csv-parse/sync';
import { mkdir, readFile } from 'node:fs/promises';
import { writeFilesAtomic } from '@claimgraph/schema/node';
import { join } from 'node:path';
import { CliError, EXIT } from '../errors.js';
import { SHEET_KINDS, readLayout, type SheetKind } from './columns.js';
import { MARKER_FILE, checkFormat, formatOfFile, markerFile } from './format.js';
import type { ReadTable, Table } from './tables.js';

export const csvFileName = (kind: SheetKind): string => `${kind}.csv`;

export async function writeCsvFolder(tables: readonly Table[], dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  // All files or none: a full disk midway must not leave new sheets beside old ones.
  const files: { path: string; content: string }[] = [];
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
    files.push({ path: csvFileName(table.layout.kind), content: lines.join('') });
  }
  files.push({ path: MARKER_FILE, content: markerFile() });
  await writeFilesAtomic(files.map((f) => ({ path: join(dir, f.path), content: f.content })));
  return files.map((f) => f.path);
}

/** Reads the CSV files of a folder and the format its marker file names (1 without one). */
export async function readCsvFolder(dir: string, shown: string): Promise<{ tables: ReadTable[]; format: number }> {
  const marker = await readFile(join(dir, MARKER_FILE), 'utf8').catch(() => undefined);
  const format = checkFormat(
    marker === undefined ? undefined : formatOfFile(marker, join(shown, MARKER_FILE)),
    join(shown, MARKER_FILE),
  );
  const tables: ReadTable[] = [];
  for (const kind of SHEET_KINDS) {
    const layout = readLayout(kind);
    const file = join(dir, csvFileName(kind));
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) {
      tables.push({ layout, rows: [], rowNumbers: [], missing: true });
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
      absent: layout.columns.filter((_, c) => index[c] === -1).map((c) => c.header),
    });
  }
  return { tables, format };
}
