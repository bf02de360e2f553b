/**
 * A release's dataset.json parsed a few dozen kilobytes of records at a time: the file is laid out
 * one record per line (`serializeDatasetChunks` in @claimgraph/schema), so each run of whole lines
 * is a list of records JSON.parse reads on its own. Each piece's text is small and short-lived, in
 * memory the JS heap already uses; one string of the whole file is a copy of it into fresh memory,
 * which at a million statements costs more than half a second (every page is mapped as it is
 * written). Node only (it needs Buffer); load-file.ts uses it for row files.
 */

/** About this many bytes of records are parsed at a time (whole lines, so a long record makes a longer piece). */
const PIECE_BYTES = 1 << 15;
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const LIST_END = '\n]';

/**
 * The value of valid UTF-8 JSON bytes laid out as a release writes them, or undefined when the
 * bytes are laid out otherwise or are not JSON (parse them whole then, to learn why):
 *
 *     {
 *     "entities": [
 *     {…},
 *     {…}
 *     ],
 *     "relations": [],
 *     "coverage": {…}
 *     }
 *
 * Every byte is read either by one of these frames or by a JSON.parse of the lines between them,
 * so whatever this returns is what JSON.parse of the whole text returns.
 */
export function parseReleaseLines(bytes: Buffer): { ok: true; value: unknown } | undefined {
  const n = bytes.length;
  if (bytes[0] !== 0x7b || bytes[1] !== NEWLINE) return undefined;
  const value: Record<string, unknown> = {};
  const seen = new Set<string>();
  let at = 2;
  for (;;) {
    const lineEnd = bytes.indexOf(NEWLINE, at);
    if (lineEnd < 0) return undefined;
    const header = /^"([a-z]+)": /.exec(bytes.toString('latin1', at, Math.min(lineEnd, at + 64)));
    // A key twice is read by JSON.parse as the last value at the first key's place: left to it.
    if (header === null || seen.has(header[1]!)) return undefined;
    const key = header[1]!;
    seen.add(key);
    const valueStart = at + header[0].length;
    let next: number;
    if (valueStart === lineEnd - 1 && bytes[valueStart] === 0x5b) {
      // `[` alone: records on the lines up to the `]` line.
      const listEnd = bytes.indexOf(LIST_END, lineEnd, 'latin1');
      if (listEnd < 0) return undefined;
      const records = parseRecordLines(bytes, lineEnd + 1, listEnd);
      if (records === undefined) return undefined;
      value[key] = records;
      next = listEnd + LIST_END.length;
    } else {
      // Any other value on the rest of its line (`[]`, the coverage), with the comma after it if one follows.
      const comma = bytes[lineEnd - 1] === COMMA;
      const item = parsePiece(bytes, valueStart, comma ? lineEnd - 1 : lineEnd, '', '');
      if (item === undefined) return undefined;
      value[key] = item;
      next = comma ? lineEnd - 1 : lineEnd;
    }
    if (bytes[next] === COMMA && bytes[next + 1] === NEWLINE) {
      at = next + 2;
      continue;
    }
    // The end: `\n}`, and a newline or nothing after it.
    const end = next + 2;
    if (bytes[next] !== NEWLINE || bytes[next + 1] !== 0x7d) return undefined;
    if (end === n || (end === n - 1 && bytes[end] === NEWLINE)) return { ok: true, value };
    return undefined;
  }
}

/**
 * The records on the lines of `bytes[from, to)` (`to` is the newline before the list's `]`), each
 * line a record and a comma, the last without one; parsed a piece of lines at a time.
 */
function parseRecordLines(bytes: Buffer, from: number, to: number): unknown[] | undefined {
  const pieces: unknown[][] = [];
  while (from < to) {
    let end = to;
    if (to - from > PIECE_BYTES) {
      // `to` is a newline, so one is found at or before it.
      end = bytes.indexOf(NEWLINE, from + PIECE_BYTES);
      // Lines before the last end with the comma that separates them from the next piece.
      if (end < to && bytes[end - 1] !== COMMA) return undefined;
    }
    const records = parsePiece(bytes, from, end < to ? end - 1 : end, '[', ']');
    // An empty piece would be two commas in a row in the whole text.
    if (!Array.isArray(records) || records.length === 0) return undefined;
    pieces.push(records);
    from = end + 1;
  }
  return joined(pieces);
}

/** JSON.parse of `open`, the text of `bytes[from, to)` and `close`, or undefined when that is not JSON. */
function parsePiece(bytes: Buffer, from: number, to: number, open: string, close: string): unknown {
  try {
    return JSON.parse(open + bytes.toString('utf8', from, to) + close) as unknown;
  } catch {
    return undefined;
  }
}

/** The pieces as one list, each array made at its final length (a group at a time keeps the argument lists short). */
function joined(pieces: unknown[][]): unknown[] {
  let groups = pieces;
  while (groups.length > 1) {
    const next: unknown[][] = [];
    for (let i = 0; i < groups.length; i += 1024) next.push(([] as unknown[]).concat(...groups.slice(i, i + 1024)));
    groups = next;
  }
  return groups[0] ?? [];
}
