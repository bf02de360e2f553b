/**
 * The curation tables as a folder of CSV files (one per sheet), for Google Sheets and for reviewing
 * edits in git. Cells that a spreadsheet would run as formulas are escaped and restored on import.
 */
import { maxOf, pushAll } from '@claimgraph/schema';
import { csvLine, escapeFormula, unescapeFormula } from '@claimgraph/sdk/export';
import { parse } from 'csv-parse/sync';
import { mkdir, readdir } from 'node:fs/promises';
import { writeFilesAtomic } from '@claimgraph/schema/node';
import { join } from 'node:path';
import { CliError, EXIT } from '../errors.js';
import { SHEET_KINDS, readLayout, type SheetKind } from './columns.js';
import { MARKER_FILE, checkFormat, formatOfFile, markerFile } from './format.js';
import { matchHeaders, requiredKinds } from './headers.js';
import { LIMITS, overLimit, readBoundedFile, type SheetLimits } from './input.js';
import type { ReadTable, SheetIssue, SheetRead, Table } from './tables.js';

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

/**
 * Reads a claimgraph CSV folder: its marker file (or, for format 1 from before the marker, all five
 * record files) and every file of its format. Anything else is refused before a record is read;
 * header, cell and encoding problems come back by cell (or line).
 */
export async function readCsvFolder(dir: string, shown: string, limits: SheetLimits = LIMITS): Promise<SheetRead> {
  const present = new Set(await readdir(dir).catch(() => [] as string[]));
  const markerShown = join(shown, MARKER_FILE);
  const marked = present.has(MARKER_FILE)
    ? formatOfFile((await readBoundedFile(join(dir, MARKER_FILE), markerShown, limits)).toString('utf8'), markerShown)
    : undefined;
  const format1Files = requiredKinds(1, SHEET_KINDS).map(csvFileName);
  if (marked === undefined && !format1Files.every((f) => present.has(f)))
    throw new CliError(
      `${shown}: not a claimgraph CSV folder: it has no ${[MARKER_FILE, ...format1Files].filter((f) => !present.has(f)).join(', ')}; make one with claimgraph sheet export --out DIR/`,
      EXIT.invalid,
    );
  const format = checkFormat(marked, markerShown);
  const missing = requiredKinds(format, SHEET_KINDS)
    .map(csvFileName)
    .filter((f) => !present.has(f));
  if (missing.length > 0)
    throw new CliError(
      `${shown}: a claimgraph-sheet ${format} CSV folder without ${missing.join(', ')}; every file must stay (delete rows, not files); nothing was written`,
      EXIT.invalid,
    );
  const tables: ReadTable[] = [];
  const issues: SheetIssue[] = [];
  let cells = 0;
  for (const kind of SHEET_KINDS) {
    const layout = readLayout(kind);
    const name = csvFileName(kind);
    if (!present.has(name)) {
      tables.push({ layout, rows: [], rowNumbers: [], missing: true });
      continue;
    }
    const fileShown = join(shown, name);
    const bytes = await readBoundedFile(join(dir, name), fileShown, limits);
    const text = decodeUtf8(bytes, fileShown, issues);
    let records: string[][];
    try {
      // Parsing stops one record past the limit: a million rows never reach memory.
      records = parse(text.replace(/^\uFEFF/, ''), {
        relax_column_count: true,
        to: limits.maxRows + 1,
      }) as string[][];
    } catch (error) {
      throw new CliError(`${fileShown}: not readable as CSV: ${(error as Error).message}`, EXIT.invalid);
    }
    if (records.length > limits.maxRows) throw overLimit(fileShown, 'has more rows', 'maxRows', limits);
    for (const record of records) cells += record.length;
    if (cells > limits.maxCells) throw overLimit(shown, 'has more cells', 'maxCells', limits);
    const dataColumns = new Map<number, number>();
    records.slice(1).forEach((record, i) =>
      record.forEach((cell, column) => {
        if (cell.trim() !== '' && !dataColumns.has(column)) dataColumns.set(column, i + 2);
      }),
    );
    const headerRow = records[0] ?? [];
    const width = maxOf([headerRow.length, ...[...dataColumns.keys()].map((c) => c + 1)]);
    const headers = Array.from({ length: width }, (_, c) => headerRow[c]);
    const match = matchHeaders(layout, headers, format, dataColumns);
    pushAll(issues, match.issues);
    tables.push({
      layout,
      rows: records
        .slice(1)
        .map((record) =>
          match.index.map((i) => ({ value: i === undefined ? undefined : unescapeFormula(record[i] ?? '') })),
        ),
      rowNumbers: records.slice(1).map((_, i) => i + 2),
      absent: match.absent,
    });
  }
  return { tables, issues, format };
}

/**
 * The text of a CSV file that must be UTF-8: each line holding bytes that are not is reported (the
 * line and the first such byte), never read as U+FFFD in silence.
 */
function decodeUtf8(bytes: Buffer, shown: string, issues: SheetIssue[]): string {
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    return strict.decode(bytes);
  } catch {
    let start = 0;
    for (let line = 1; start <= bytes.length; line++) {
      const end = bytes.indexOf(0x0a, start);
      const stop = end === -1 ? bytes.length : end;
      try {
        strict.decode(bytes.subarray(start, stop));
      } catch {
        const bad = firstInvalidByte(bytes.subarray(start, stop));
        issues.push({
          at: `${shown} line ${line}`,
          id: null,
          message: `is not UTF-8 (byte 0x${bad.toString(16).toUpperCase().padStart(2, '0')}); save the file as UTF-8 (CSV UTF-8 in Excel)`,
        });
      }
      if (end === -1) break;
      start = end + 1;
    }
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** The first byte of a line that starts no well-formed UTF-8 sequence (by its lead and continuation bytes). */
function firstInvalidByte(line: Buffer): number {
  for (let i = 0; i < line.length;) {
    const b = line[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0) return b;
    for (let k = 1; k < n; k++) if ((line[i + k] ?? 0) >> 6 !== 2) return b;
    i += n;
  }
  return line[line.length - 1] ?? 0;
}
