/**
 * RFC 4180 text: fields separated by commas, records by CRLF, and a field quoted (with inner
 * quotes doubled) when it holds a comma, a quote, a CR or an LF — so quotes and newlines survive.
 */

const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(text: string): string {
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A field in quotes whatever it holds (an empty one stays empty: a missing value). */
function quotedField(text: string): string {
  return text === '' ? '' : `"${text.replace(/"/g, '""')}"`;
}

/** One CSV line; `quoted[i]` puts field i in quotes even when it needs none. */
export function csvLine(fields: readonly string[], quoted?: readonly boolean[]): string {
  let line = '';
  for (let i = 0; i < fields.length; i++)
    line += (i === 0 ? '' : ',') + (quoted?.[i] ? quotedField(fields[i]!) : csvField(fields[i]!));
  return `${line}\r\n`;
}

/** One column of a table: its header, how it is typed, and how a record fills it. */
export interface TableColumn<T> {
  header: string;
  /**
   * Quote every non-empty cell, as text. Readers that guess the dialect (Python's csv.Sniffer, so
   * csvkit and pandas' sniffing) then find `","` everywhere instead of guessing from an apostrophe
   * in a title, and a spreadsheet told to read quoted fields as text keeps "0042" as typed.
   */
  quoted?: boolean;
  cell: (record: T, position: number) => string;
}

/** The lines of a table: the header row, then one row per record. */
export function* tableLines<T>(
  columns: readonly TableColumn<T>[],
  records: Iterable<T>,
  bom = false,
): Generator<string> {
  const quoted = columns.map((c) => c.quoted === true);
  // Headers stay bare: Gephi and Flourish look for Id, Label, Source, Target as they are written.
  yield (bom ? '\uFEFF' : '') + csvLine(columns.map((c) => c.header));
  let position = 0;
  for (const record of records) {
    yield csvLine(
      columns.map((c) => c.cell(record, position)),
      quoted,
    );
    position++;
  }
}
