/**
 * `dataset.ndjson` made from the `dataset.json` the build has just written, instead of turning every
 * record into JSON a second time: each record's line in `dataset.json` is its JSON already, so its
 * NDJSON line is `{"kind":"…",` followed by that line after its `{`. A statement with appearances
 * (whose NDJSON line leaves them out) and the `appearance` lines are made from the records, by the
 * SDK's own functions. The same bytes as the SDK's `releaseFiles` (tested).
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { Dataset, Statement } from '@claimgraph/schema';
import { appearanceLines, ndjsonLine, NDJSON_KINDS, withoutAppearances } from '@claimgraph/sdk/internal';

/** Bytes read from `dataset.json`, and written, at a time. */
const BLOCK = 1 << 20;
/** Room for the `{"kind":"…",` a line starts with. */
const PREFIX_ROOM = 64;
/** About this many characters of appearance lines are gathered before they are written at once. */
const APPEARANCE_TEXT = 1 << 15;
const NEWLINE = 0x0a;
const COMMA = 0x2c;

/**
 * The lines of a file, read a block at a time (the file is never held whole), copied with a prefix
 * into output handed out a block at a time. Input, output and prefix live in one buffer, so each
 * copy is a `copyWithin`: `Buffer.copy` makes a view of every piece it copies, twice a line. The
 * writer (`writeNewFile`) is done with a block of output before it asks for the next, so the same
 * buffer serves the whole file instead of a new one (garbage until a GC) per megabyte.
 */
class LineCopier {
  /** Input `[0, size)`, output `[size, 2 size)`, prefix after them. */
  private memory!: Buffer;
  private input!: Buffer;
  private size = 0;
  private start = 0;
  private end = 0;
  private eof = false;
  private used = 0;
  /** Bytes of the prefix each copied line starts with. */
  prefixLength = 0;
  /** The current line (without its newline), as offsets into the input. */
  lineStart = 0;
  lineEnd = 0;

  constructor(private readonly fd: number) {
    this.resize(BLOCK);
  }

  /** Moves to the next line; false at the end of the file. */
  nextLine(): boolean {
    for (;;) {
      const newline = this.input.indexOf(NEWLINE, this.start);
      if (newline >= 0 && newline < this.end) {
        this.lineStart = this.start;
        this.lineEnd = newline;
        this.start = newline + 1;
        return true;
      }
      if (this.eof) {
        if (this.start === this.end) return false;
        this.lineStart = this.start;
        this.lineEnd = this.start = this.end;
        return true;
      }
      this.refill();
    }
  }

  lineText(): string {
    return this.memory.toString('utf8', this.lineStart, this.lineEnd);
  }

  byteAt(offset: number): number {
    return this.memory[offset]!;
  }

  setPrefix(prefix: string): void {
    this.prefixLength = this.memory.write(prefix, 2 * this.size, PREFIX_ROOM, 'utf8');
  }

  /** Whether `bytes` more fit in the output; when not, `take()` it first. */
  fits(bytes: number): boolean {
    return this.used === 0 || this.used + bytes <= this.size;
  }

  /** The prefix, then the input from `from` (a line's `{`, left out) to `to`, then a newline. */
  copyLine(from: number, to: number): void {
    const length = this.prefixLength + (to - from);
    this.room(length);
    const at = this.size + this.used;
    this.memory.copyWithin(at, 2 * this.size, 2 * this.size + this.prefixLength);
    this.memory.copyWithin(at + this.prefixLength, from + 1, to);
    this.used += length - 1;
    this.memory[this.size + this.used++] = NEWLINE;
  }

  text(text: string): void {
    this.room(text.length * 3);
    this.used += this.memory.write(text, this.size + this.used, 'utf8');
  }

  /** The output gathered, valid until the next copy or text; the output is empty again. */
  take(): Buffer {
    const out = this.memory.subarray(this.size, this.size + this.used);
    this.used = 0;
    return out;
  }

  /** More room for output longer than the output block (only ever asked for when it is empty). */
  private room(bytes: number): void {
    if (this.used + bytes <= this.size) return;
    if (this.used > 0) throw new Error('@claimgraph/release: ndjsonFromJson(): a block was not taken before it filled');
    this.resize(Math.max(bytes, this.size * 2));
  }

  /** Moves the unread rest to the front (growing the input for a line longer than it) and reads more. */
  private refill(): void {
    const rest = this.end - this.start;
    if (rest === this.size) this.resize(this.size * 2);
    this.memory.copyWithin(0, this.start, this.end);
    this.start = 0;
    this.end = rest;
    const read = readSync(this.fd, this.memory, this.end, this.size - this.end, null);
    if (read === 0) this.eof = true;
    this.end += read;
  }

  /** A larger buffer, with the unread input, the output gathered and the prefix kept in place. */
  private resize(size: number): void {
    const memory = Buffer.allocUnsafe(2 * size + PREFIX_ROOM);
    if (this.memory) {
      this.memory.copy(memory, 0, 0, this.end);
      this.memory.copy(memory, size, this.size, this.size + this.used);
      this.memory.copy(memory, 2 * size, 2 * this.size, 2 * this.size + this.prefixLength);
    }
    this.memory = memory;
    this.input = memory.subarray(0, size);
    this.size = size;
  }
}

/**
 * The bytes of `dataset.ndjson` for `dataset` (validated and canonical), read from `jsonPath`, the
 * `dataset.json` just written from the same dataset. Throws if that file is not laid out as
 * `serializeDatasetChunks` writes it (one record per line, lists in order), never writing a wrong line.
 * Each chunk is valid until the next is asked for (the same buffer is filled again), as `writeNewFile`
 * reads them.
 */
export function* ndjsonFromJson(jsonPath: string, dataset: Dataset): Generator<Uint8Array> {
  const fd = openSync(jsonPath, 'r');
  try {
    const lines = new LineCopier(fd);
    const next = (what: string) => {
      if (!lines.nextLine()) throw layoutError(jsonPath, `ends before ${what}`);
    };
    next('its first line');
    for (const [list, kind] of Object.entries(NDJSON_KINDS) as [keyof typeof NDJSON_KINDS, string][]) {
      const records = (dataset[list] ?? []) as object[];
      // dataset.json has a redirects list only when there are some.
      if (list === 'redirects' && records.length === 0) continue;
      next(`the ${list} list`);
      const header = lines.lineText();
      if (!header.startsWith(`"${list}": [`))
        throw layoutError(jsonPath, `has ${JSON.stringify(header.slice(0, 40))} where the ${list} list starts`);
      lines.setPrefix(`{"kind":"${kind}",`);
      for (let i = 0; i < records.length; i++) {
        const record = records[i]!;
        next(`${list} #${i}`);
        const start = lines.lineStart;
        let end = lines.lineEnd;
        if (lines.byteAt(end - 1) === COMMA) end--;
        if (end - start < 2 || lines.byteAt(start) !== 0x7b || lines.byteAt(end - 1) !== 0x7d)
          throw layoutError(jsonPath, `has no record on the line of ${list} #${i}`);
        // A statement's appearances have lines of their own; `{}` has no key to follow the kind.
        const text =
          list === 'statements' && 'appearances' in record
            ? ndjsonLine('statement', withoutAppearances(record))
            : end - start === 2
              ? ndjsonLine(kind as 'entity', record)
              : null;
        if (!lines.fits(text === null ? lines.prefixLength + end - start : text.length * 3)) yield lines.take();
        if (text === null) lines.copyLine(start, end);
        else lines.text(text);
      }
      if (records.length > 0) next(`the end of the ${list} list`);
      if (list === 'statements') {
        // Gathered into one string of many statements' lines: one write of it, not one per statement.
        let text = '';
        for (const statement of records as Statement[]) {
          text += appearanceLines(statement);
          if (text.length < APPEARANCE_TEXT) continue;
          if (!lines.fits(text.length * 3)) yield lines.take();
          lines.text(text);
          text = '';
        }
        if (!lines.fits(text.length * 3)) yield lines.take();
        lines.text(text);
      }
    }
    yield lines.take();
  } finally {
    closeSync(fd);
  }
}

function layoutError(path: string, problem: string): Error {
  return new Error(
    `@claimgraph/release: buildRelease(): ${path} ${problem}; it is not the dataset.json this build wrote`,
  );
}
