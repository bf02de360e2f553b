/**
 * A release's dataset.json parsed a few dozen kilobytes of records at a time, as it is read: the
 * file is laid out one record per line (`serializeDatasetChunks` in @claimgraph/schema), so each
 * run of whole lines is a list of records JSON.parse reads on its own. The file goes through one
 * block of memory, and each piece's text is small and short-lived; the whole file in a buffer, and
 * then in one string, are two copies of it into fresh memory, which at a million statements cost
 * more than a second (every page is mapped as it is first written). Node only (it needs Buffer);
 * load-file.ts uses it for row files.
 */
/** Node's `node:buffer`, passed in so that no bundler of the main entry meets a Node import. */
type BufferModule = Pick<typeof import('node:buffer'), 'Buffer' | 'isUtf8'>;

/** About this many bytes of records are parsed at a time (whole lines, so a long record makes a longer piece). */
const PIECE_BYTES = 1 << 15;
/** Bytes read at a time (the block grows for a line longer than it). */
const BLOCK_BYTES = 1 << 20;
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
/** Groups of pieces joined at once: short enough an argument list. */
const JOIN_GROUP = 8192;

type Parsed = { ok: true; value: unknown };

/**
 * Reads a file through `read` (as FileHandle.read: bytes read into `into` at `at`, 0 at the end),
 * handing every byte read to `onBytes` (a hash), and returns its value when it is valid UTF-8 JSON
 * laid out as a release writes it, or undefined as soon as it is not (parse it whole then, to
 * learn why):
 *
 *     {
 *     "entities": [
 *     {…},
 *     {…}
 *     ],
 *     "relations": [],
 *     "coverage": {…}
 *     }
 */
export async function readReleaseLines(
  { Buffer, isUtf8 }: BufferModule,
  read: (into: Buffer, at: number, length: number) => Promise<number>,
  onBytes: (bytes: Buffer) => void,
): Promise<Parsed | undefined> {
  const lines = new ReleaseLines();
  let block = Buffer.allocUnsafe(BLOCK_BYTES);
  // block[start, end) is read and not parsed yet; block[start, checked) is known to be UTF-8.
  let start = 0;
  let checked = 0;
  let end = 0;
  for (;;) {
    if (start > 0) {
      block.copy(block, 0, start, end);
      end -= start;
      checked -= start;
      start = 0;
    }
    if (end === block.length) {
      const larger = Buffer.allocUnsafe(block.length * 2);
      block.copy(larger, 0, 0, end);
      block = larger;
    }
    const count = await read(block, end, block.length - end);
    if (count > 0) onBytes(block.subarray(end, end + count));
    end += count;
    const last = count === 0;
    // Whole lines only, but for the file's last; a newline is never part of a longer UTF-8 character.
    const upTo = last ? end : block.lastIndexOf(NEWLINE, end - 1) + 1;
    if (upTo > checked) {
      if (!isUtf8(block.subarray(checked, upTo))) return undefined;
      checked = upTo;
    }
    if (upTo > start || last) {
      const stop = lines.feed(block, start, upTo, last);
      if (stop < 0) return undefined;
      start = stop;
    }
    if (last) return start === end && lines.done ? { ok: true, value: lines.value } : undefined;
  }
}

/** The value of bytes already in memory that `readReleaseLines` would read: for tests. */
export function parseReleaseLines({ isUtf8 }: BufferModule, bytes: Buffer): Parsed | undefined {
  if (!isUtf8(bytes)) return undefined;
  const lines = new ReleaseLines();
  return lines.feed(bytes, 0, bytes.length, true) === bytes.length && lines.done
    ? { ok: true, value: lines.value }
    : undefined;
}

/**
 * The layout, read line by line but for records, which are parsed a piece of lines at a time.
 * Every byte is read either by one of its frames or by a JSON.parse of the lines between them, so
 * the value is what JSON.parse of the whole text gives.
 */
class ReleaseLines {
  #state: 'open' | 'key' | 'list' | 'close' | 'done' = 'open';
  readonly value: Record<string, unknown> = {};
  readonly #keys = new Set<string>();
  #key = '';
  #pieces: unknown[][] = [];

  get done(): boolean {
    return this.#state === 'done';
  }

  /**
   * Reads the lines of `bytes[from, to)`: `from` starts a line, `to` follows a newline or, when
   * `last`, ends the file. Returns where it stopped, the start of the lines left for the next call
   * (a list's last line read, whose comma says whether the list goes on), or -1 when the bytes are
   * not laid out as a release's.
   */
  feed(bytes: Buffer, from: number, to: number, last: boolean): number {
    let at = from;
    while (at < to) {
      if (this.#state === 'list' && bytes[at] !== CLOSE_BRACKET) {
        const next = this.#records(bytes, at, to, last);
        if (next <= at) return next;
        at = next;
        continue;
      }
      let lineEnd = bytes.indexOf(NEWLINE, at);
      if (lineEnd < 0 || lineEnd >= to) lineEnd = to;
      if (!this.#line(bytes, at, lineEnd)) return -1;
      at = Math.min(lineEnd + 1, to);
    }
    return at;
  }

  /** Reads one line that is not a record: `{`, a key and its value or list, a list's end, `}`. */
  #line(bytes: Buffer, from: number, to: number): boolean {
    const only = (byte: number) => to === from + 1 && bytes[from] === byte;
    switch (this.#state) {
      case 'open':
        if (!only(OPEN_BRACE)) return false;
        this.#state = 'key';
        return true;
      case 'close':
        this.#state = 'done';
        return only(CLOSE_BRACE);
      case 'list': {
        // `]` or `],`: the end of the list.
        const comma = to === from + 2 && bytes[from + 1] === COMMA;
        if (!only(CLOSE_BRACKET) && !(comma && bytes[from] === CLOSE_BRACKET)) return false;
        this.value[this.#key] = joined(this.#pieces);
        this.#pieces = [];
        this.#state = comma ? 'key' : 'close';
        return true;
      }
      case 'key': {
        const header = /^"([a-z]+)": /.exec(bytes.toString('latin1', from, Math.min(to, from + 64)));
        // A key twice is read by JSON.parse as the last value at the first key's place: left to it.
        if (header === null || this.#keys.has(header[1]!)) return false;
        const key = header[1]!;
        this.#keys.add(key);
        const valueStart = from + header[0].length;
        if (to === valueStart + 1 && bytes[valueStart] === OPEN_BRACKET) {
          // `[` alone: records on the lines up to the `]` line.
          this.#key = key;
          this.#state = 'list';
          return true;
        }
        // Any other value on the rest of its line (`[]`, the coverage), with the comma after it if one follows.
        const comma = bytes[to - 1] === COMMA;
        const value = parsePiece(bytes, valueStart, comma ? to - 1 : to, '', '');
        if (value === undefined) return false;
        this.value[key] = value;
        this.#state = comma ? 'key' : 'close';
        return true;
      }
      default:
        return false;
    }
  }

  /**
   * Reads the records on the lines from `from` up to the list's `]` line, or to the last line before
   * `to` when the list goes on after it. Returns where the lines left start, or -1.
   */
  #records(bytes: Buffer, from: number, to: number, last: boolean): number {
    const listEnd = bytes.indexOf('\n]', from, 'latin1');
    if (listEnd >= 0 && listEnd + 1 < to) return this.#recordPieces(bytes, from, listEnd, false) ? listEnd + 1 : -1;
    if (last) return -1;
    // The last line is left until the next lines show whether the list ends after it.
    const lastLine = bytes.lastIndexOf(NEWLINE, to - 2) + 1;
    if (lastLine <= from) return from;
    return this.#recordPieces(bytes, from, lastLine - 1, true) ? lastLine : -1;
  }

  /**
   * Parses the lines of `bytes[from, to)` (`to` is a newline) a piece at a time: each line but the
   * last of the list ends with a comma, so each piece but the last does; `more` when the list goes
   * on after `to`.
   */
  #recordPieces(bytes: Buffer, from: number, to: number, more: boolean): boolean {
    while (from < to) {
      let stop = to;
      if (to - from > PIECE_BYTES) stop = Math.min(bytes.indexOf(NEWLINE, from + PIECE_BYTES), to);
      const follows = stop < to || more;
      if (follows && bytes[stop - 1] !== COMMA) return false;
      const records = parsePiece(bytes, from, follows ? stop - 1 : stop, '[', ']');
      // An empty piece would be two commas in a row in the whole text.
      if (!Array.isArray(records) || records.length === 0) return false;
      this.#pieces.push(records);
      from = stop + 1;
    }
    return true;
  }
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
    for (let i = 0; i < groups.length; i += JOIN_GROUP)
      next.push(([] as unknown[]).concat(...groups.slice(i, i + JOIN_GROUP)));
    groups = next;
  }
  return groups[0] ?? [];
}
