/**
 * RFC 4180 text: fields separated by commas, records by CRLF, and a field quoted (with inner
 * quotes doubled) when it holds a comma, a quote, a CR or an LF — so quotes and newlines survive.
 */

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly string[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++) line += (i === 0 ? '' : ',') + csvField(fields[i]!);
  return `${line}\r\n`;
}

/** One column of a table: its header, how it is typed, and how a record fills it. */
export interface TableColumn<T> {
  header: string;
  cell: (record: T, position: number) => string;
}

/** The lines of a table: the header row, then one row per record. */
export function* tableLines<T>(
  columns: readonly TableColumn<T>[],
  records: Iterable<T>,
  bom = false,
): Generator<string> {
  yield (bom ? '\uFEFF' : '') + csvLine(columns.map((c) => c.header));
  let position = 0;
  for (const record of records) {
    yield csvLine(columns.map((c) => c.cell(record, position)));
    position++;
  }
}
