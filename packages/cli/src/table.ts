/**
 * Tables for people and for other tools: a terminal table that fits the width it is given by
 * wrapping cells (never cutting them), CSV (RFC 4180) and Markdown, from the same headers and rows.
 */
import { printable } from '@claimgraph/schema';
import { maxOf } from '@claimgraph/schema/internal';
import { CliError } from './errors.js';

/** What `--output-format` takes on `query` and `sql`; `--json` is short for `--output-format json`. */
export const OUTPUT_FORMATS = ['table', 'csv', 'json', 'markdown'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export interface TableData {
  headers: string[];
  rows: string[][];
  /** Columns holding ids: a user pastes them into the next command, so they wrap only when nothing else can. */
  ids?: readonly string[];
  /**
   * Columns a terminal table prints inside another's cells, after a label, to save a column on a
   * narrow terminal: `{ context: 'quote' }` shows "… quote (context: …)". CSV and Markdown keep them apart.
   */
  attached?: Readonly<Record<string, string>>;
}

/** The output format a command's flags ask for: `--output-format`, or `--json`, or a table. */
export function outputFormat(flags: { outputFormat?: string; json?: boolean }): OutputFormat {
  const chosen = flags.outputFormat as OutputFormat | undefined;
  if (flags.json && chosen !== undefined && chosen !== 'json')
    throw new CliError(`--json and --output-format ${chosen} ask for two formats; give one`);
  return chosen ?? (flags.json ? 'json' : 'table');
}

/** The table as text in the format asked for (not json: a command prints its records for that). */
export function renderTable(table: TableData, format: Exclude<OutputFormat, 'json'>, width?: number): string {
  if (format === 'csv') return toCsv(table);
  if (format === 'markdown') return toMarkdown(table);
  return fitTable(attach(table), width);
}

/** The table with each attached column's cells appended to its host column's, as `(label: text)`. */
function attach(table: TableData): TableData {
  const moves = Object.entries(table.attached ?? {})
    .map(([column, host]) => [table.headers.indexOf(column), table.headers.indexOf(host)] as const)
    .filter(([from, to]) => from >= 0 && to >= 0);
  if (moves.length === 0) return table;
  const gone = new Set(moves.map(([from]) => from));
  const keep = <T>(row: T[]) => row.filter((_, i) => !gone.has(i));
  const rows = table.rows.map((row) => {
    const out = [...row];
    for (const [from, to] of moves) {
      const extra = row[from] ?? '';
      if (extra !== '') out[to] = `${out[to] ?? ''} (${table.headers[from]}: ${extra})`.trimStart();
    }
    return keep(out);
  });
  return { headers: keep(table.headers), rows, ids: table.ids };
}

// Cells come from the data: ESC, bidi controls and the like are shown escaped, never acted on.
const oneLine = (text: string) => printable(text.replace(/\s+/g, ' ').trim());

/** RFC 4180: a header line, then one line per row; cells with a comma, quote or line break are quoted. */
export function toCsv({ headers, rows }: TableData): string {
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [headers, ...rows].map((row) => row.map(cell).join(',')).join('\n');
}

/** A GitHub-flavoured Markdown table; pipes in cells are escaped, line breaks become spaces. */
export function toMarkdown({ headers, rows }: TableData): string {
  const cell = (text: string) => oneLine(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|');
  const line = (row: string[]) => `| ${row.map(cell).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Narrowest a text column is wrapped to before id columns are wrapped too. */
const MIN_TEXT = 12;
const GAP = 2;

/**
 * A plain text table: a header line, a rule of ─ per column, then the rows, columns padded to their
 * widest cell. Without a width (output piped) or when it fits, one line per row. Otherwise the widest
 * text columns are narrowed and their cells wrapped at spaces; if the id columns still do not fit,
 * they leave the grid and each row's ids follow it on a line of their own (`id: …, speaker id: …`),
 * whole, so they can be pasted. Rows that take several lines are separated by a blank line. No cell is cut.
 */
export function fitTable({ headers, rows, ids = [] }: TableData, width?: number): string {
  const cells = [headers, ...rows].map((row) => headers.map((_, i) => oneLine(row[i] ?? '')));
  const isId = headers.map((h) => ids.includes(h));
  const natural = (i: number) => Math.max(1, maxOf(cells.map((row) => row[i]!.length)));
  const fits = width === undefined || width <= 0;
  let columns = headers.map((_, i) => i);
  let widths = columns.map(natural);
  const total = () => widths.reduce((a, b) => a + b, 0) + GAP * (widths.length - 1);
  const narrowText = () => {
    while (total() > width!) {
      let widest = -1;
      for (let k = 0; k < widths.length; k++)
        if (!isId[columns[k]!] && widths[k]! > MIN_TEXT && (widest < 0 || widths[k]! > widths[widest]!)) widest = k;
      if (widest < 0) return;
      widths[widest]!--;
    }
  };
  let idLine = false;
  if (!fits && total() > width!) {
    narrowText();
    if (total() > width! && isId.some(Boolean) && isId.some((id) => !id)) {
      idLine = true;
      columns = columns.filter((i) => !isId[i]);
      widths = columns.map(natural);
      narrowText();
    }
  }
  const wrapped = cells.map((row) => columns.map((i, k) => wrap(row[i]!, widths[k]!)));
  const render = (row: string[][]) => {
    const height = maxOf(row.map((lines) => lines.length));
    return Array.from({ length: height }, (_, k) =>
      row
        .map((lines, i) => (lines[k] ?? '').padEnd(widths[i]!))
        .join(' '.repeat(GAP))
        .trimEnd(),
    ).join('\n');
  };
  // An id too long for its labelled line goes on a line of its own, unindented: wrapped, it could not be pasted.
  const idsOf = (row: string[]) =>
    wrapList(
      headers.flatMap((h, i) => (isId[i] && row[i] ? [`${h}: ${row[i]}`] : [])),
      width! - GAP,
    ).flatMap((line) =>
      line.length + GAP <= width!
        ? [`${' '.repeat(GAP)}${line}`]
        : [`${' '.repeat(GAP)}${line.slice(0, line.indexOf(': ') + 1)}`, line.slice(line.indexOf(': ') + 2)],
    );
  const body = wrapped.slice(1).map((row, r) => [render(row), ...(idLine ? idsOf(cells[r + 1]!) : [])].join('\n'));
  const multiline = idLine || body.some((text) => text.includes('\n'));
  return [
    render(wrapped[0]!),
    widths.map((w) => '─'.repeat(w)).join(' '.repeat(GAP)),
    body.join(multiline ? '\n\n' : '\n'),
  ]
    .filter((part, i) => i < 2 || part !== '')
    .join('\n');
}

/** Items joined with ", " into lines of at most `width` characters where they fit; an item is never split. */
function wrapList(items: string[], width: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last]!.length + 2 + item.length <= width) lines[last] += `, ${item}`;
    else lines.push(item);
  }
  return lines;
}

/** Lines of at most `width` characters, broken at spaces; a word longer than that is broken inside. */
export function wrap(text: string, width: number): string[] {
  if (text.length <= width) return [text];
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(' ')) {
    while (word.length > width) {
      if (line !== '') {
        lines.push(line);
        line = '';
      }
      lines.push(word.slice(0, width));
      word = word.slice(width);
    }
    if (line === '') line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
