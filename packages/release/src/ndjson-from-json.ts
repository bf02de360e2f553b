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
const NEWLINE = 0x0a;
const COMMA = 0x2c;

/** The lines of a file, read a block at a time (the file is never held whole). */
class LineReader {
  private block = Buffer.allocUnsafe(BLOCK);
  private start = 0;
  private end = 0;
  private eof = false;

  constructor(private readonly fd: number) {}

  /** The next line, without its newline (a view that the next call may overwrite), or null at the end. */
  next(): Buffer | null {
    for (;;) {
      const newline = this.block.indexOf(NEWLINE, this.start);
      if (newline >= 0 && newline < this.end) {
        const line = this.block.subarray(this.start, newline);
        this.start = newline + 1;
        return line;
      }
      if (this.eof) {
        if (this.start === this.end) return null;
        const line = this.block.subarray(this.start, this.end);
        this.start = this.end;
        return line;
      }
      this.refill();
    }
  }

  /** Moves the unread rest to the front (growing the block for a line longer than it) and reads more. */
  private refill(): void {
    const rest = this.end - this.start;
    if (rest === this.block.length) {
      const larger = Buffer.allocUnsafe(this.block.length * 2);
      this.block.copy(larger, 0, this.start, this.end);
      this.block = larger;
    } else this.block.copy(this.block, 0, this.start, this.end);
    this.start = 0;
    this.end = rest;
    const read = readSync(this.fd, this.block, this.end, this.block.length - this.end, null);
    if (read === 0) this.eof = true;
    this.end += read;
  }
}

/**
 * Output gathered into one block of about BLOCK bytes, handed out when full and then filled again:
 * the writer (`writeNewFile`) is done with a chunk of bytes before it asks for the next, so one
 * block serves the whole file instead of a new one (garbage until a GC) per megabyte.
 */
class BlockWriter {
  private block = Buffer.allocUnsafe(BLOCK);
  private used = 0;

  /** Whether `bytes` more fit; when not, `take()` the block first. */
  fits(bytes: number): boolean {
    return this.used === 0 || this.used + bytes <= this.block.length;
  }

  /** `prefix`, then `line` after its first byte, then a newline. */
  recordLine(prefix: Buffer, line: Buffer): void {
    const length = prefix.length + line.length;
    this.room(length);
    prefix.copy(this.block, this.used);
    line.copy(this.block, this.used + prefix.length, 1);
    this.used += length - 1;
    this.block[this.used++] = NEWLINE;
  }

  text(text: string): void {
    this.room(text.length * 3);
    this.used += this.block.write(text, this.used, 'utf8');
  }

  /** The output gathered, valid until the next write; the block is empty again. */
  take(): Buffer {
    const out = this.block.subarray(0, this.used);
    this.used = 0;
    return out;
  }

  /** A larger block for output longer than one (only ever asked for when the block is empty). */
  private room(bytes: number): void {
    if (this.used + bytes <= this.block.length) return;
    if (this.used > 0) throw new Error('@claimgraph/release: ndjsonFromJson(): a block was not taken before it filled');
    this.block = Buffer.allocUnsafe(bytes);
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
    const lines = new LineReader(fd);
    const next = (what: string): Buffer => {
      const line = lines.next();
      if (line === null) throw layoutError(jsonPath, `ends before ${what}`);
      return line;
    };
    const out = new BlockWriter();
    next('its first line');
    for (const [list, kind] of Object.entries(NDJSON_KINDS) as [keyof typeof NDJSON_KINDS, string][]) {
      const records = (dataset[list] ?? []) as object[];
      // dataset.json has a redirects list only when there are some.
      if (list === 'redirects' && records.length === 0) continue;
      const header = next(`the ${list} list`).toString('utf8');
      if (!header.startsWith(`"${list}": [`))
        throw layoutError(jsonPath, `has ${JSON.stringify(header.slice(0, 40))} where the ${list} list starts`);
      const prefix = Buffer.from(`{"kind":"${kind}",`);
      for (let i = 0; i < records.length; i++) {
        const record = records[i]!;
        let line = next(`${list} #${i}`);
        if (line[line.length - 1] === COMMA) line = line.subarray(0, line.length - 1);
        if (line[0] !== 0x7b || line[line.length - 1] !== 0x7d)
          throw layoutError(jsonPath, `has no record on the line of ${list} #${i}`);
        // A statement's appearances have lines of their own; `{}` has no key to follow the kind.
        const text =
          list === 'statements' && 'appearances' in record
            ? ndjsonLine('statement', withoutAppearances(record))
            : line.length === 2
              ? ndjsonLine(kind as 'entity', record)
              : null;
        if (!out.fits(text === null ? prefix.length + line.length : text.length * 3)) yield out.take();
        if (text === null) out.recordLine(prefix, line);
        else out.text(text);
      }
      if (records.length > 0) next(`the end of the ${list} list`);
      if (list === 'statements') {
        for (const statement of records as Statement[]) {
          const text = appearanceLines(statement);
          if (!out.fits(text.length * 3)) yield out.take();
          out.text(text);
        }
      }
    }
    yield out.take();
  } finally {
    closeSync(fd);
  }
}

function layoutError(path: string, problem: string): Error {
  return new Error(
    `@claimgraph/release: buildRelease(): ${path} ${problem}; it is not the dataset.json this build wrote`,
  );
}
