/**
 * What a sheet's header row must hold, for workbooks and CSV folders alike: every column of its
 * format once, nothing unknown, and no data under a blank header. Problems are placed at cells.
 */
import { columnLetter, type SheetKind, type SheetLayout } from './columns.js';
import { SHEET_FORMAT } from './format.js';
import type { SheetIssue } from './tables.js';

/** The sheets a workbook (or files a CSV folder) of each format must have. */
export function requiredKinds(format: number, kinds: readonly SheetKind[]): SheetKind[] {
  return kinds.filter((kind) => format >= SHEET_FORMAT || kind !== 'appearances');
}

export interface HeaderMatch {
  /** For each layout column, the 0-based column of the sheet that holds it. */
  index: (number | undefined)[];
  /** Headers of the layout's columns that the sheet does not have (format 1 only; else issues). */
  absent: string[];
  issues: SheetIssue[];
}

/**
 * Matches a header row (0-based cells, undefined for blank, `null` for a cell that is not text)
 * with the layout. Format 1 workbooks (before the marker) lack newer columns: only their id column
 * is required, the rest is kept from the dataset. `dataColumns` are the columns holding any data.
 */
export function matchHeaders(
  layout: SheetLayout,
  headers: readonly (string | null | undefined)[],
  format: number,
  dataColumns: ReadonlyMap<number, number>,
): HeaderMatch {
  const issues: SheetIssue[] = [];
  const at = (column: number) => `${layout.name}!${columnLetter(column + 1)}1`;
  const known = new Map(
    layout.columns.filter((c) => format < SHEET_FORMAT || !c.legacy).map((c, i) => [c.header, i] as const),
  );
  const found = new Map<string, number>();
  headers.forEach((header, column) => {
    if (header === null) {
      issues.push({
        at: at(column),
        id: null,
        message: 'the header is not text (a formula or an error value); type the header',
      });
      return;
    }
    const text = header?.trim();
    if (!text) {
      const row = dataColumns.get(column);
      if (row !== undefined)
        issues.push({
          at: at(column),
          id: null,
          message: `a column without a header holds data (${columnLetter(column + 1)}${row}); give it its header back or delete the column`,
        });
      return;
    }
    const first = found.get(text);
    if (first !== undefined)
      issues.push({
        at: at(column),
        id: null,
        message: `a second column headed "${text}" (the first is ${columnLetter(first + 1)}1, hidden columns included); delete one of them`,
      });
    else if (!known.has(text))
      issues.push({
        at: at(column),
        id: null,
        message: `unknown column "${text}"; the columns of ${layout.name} are: ${[...known.keys()].join(', ')}`,
      });
    else found.set(text, column);
  });
  const absent: string[] = [];
  const index = layout.columns.map((c) => {
    const column = found.get(c.header);
    if (column !== undefined) return column;
    if (c.legacy) {
      absent.push(c.header);
      return undefined;
    }
    const required = format >= SHEET_FORMAT || c.field === 'id' || c.field === 'from';
    if (required)
      issues.push({
        at: `${layout.name}!1`,
        id: null,
        message: `has no column "${c.header}"; every column of the export must stay (leave the cells of one you do not use empty)`,
      });
    else absent.push(c.header);
    return undefined;
  });
  return { index, absent, issues };
}
