/**
 * A data file's JSON array read a block at a time and parsed record by record, so the file is never
 * held whole: its bytes and its text, each as large as the file, would outlive the parse in the old
 * generation until a major GC, and a build's peak memory held both long after reading. The records
 * parsed are those JSON.parse gives for the whole file. Whatever this reader does not take (a value
 * that is not an array of objects, bad JSON or UTF-8, a duplicate key) is read again whole by
 * `readJsonFile`, which reports it with line and column as before.
 */
import { checkJsonSource } from './json-source.js';
import { readJsonFile, utf8Text, type JsonReadResult, type ReadJsonOptions } from './read-json.js';
import { withRegularFile } from './regular-file.js';

/** Bytes read at a time; a record longer than this grows the block. */
const BLOCK = 1 << 20;

/**
 * At most this many bytes of records are parsed at once: the text of a longer run would be a large
 * object, garbage that outlives the young generation and adds to a build's peak memory.
 */
const RUN = 1 << 16;

/** What `take` gives for a file the record-by-record reader does not take: it is read again whole. */
const WHOLE = Symbol('read whole');

/** Reads and parses `path`, which should hold a JSON array of objects; `file` is the name used in messages. */
export async function readJsonArrayFile(
  path: string,
  file: string,
  options: ReadJsonOptions = {},
): Promise<JsonReadResult> {
  const read = await withRegularFile(path, async (handle) => {
    const records = new JsonArrayRecords(file, options);
    for (;;) {
      // Read straight after the bytes not yet parsed: no block to copy them from.
      const room = records.room();
      const { bytesRead } = await handle.read(room, 0, room.length, null);
      if (bytesRead === 0) return { ok: true as const, records: records.end() };
      if (!records.took(bytesRead)) return { ok: true as const, records: null };
    }
  });
  if (read.ok && read.records) return { ok: true, value: read.records };
  // A problem opening or reading the file is reported by the whole-file reader too, in the same words.
  return readJsonFile(path, file, options);
}

const enum At {
  /** Before the array's `[` (a byte order mark and whitespace may come first). */
  Start,
  /** After `[`: a record or `]`. */
  First,
  /** Inside a record. */
  Record,
  /** After a record: `,` or `]`. */
  After,
  /** After `,`: a record. */
  Next,
  /** After `]`: only whitespace. */
  End,
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * The records of a JSON array of objects, parsed one at a time as the file's bytes arrive; only the
 * bytes of a record not yet complete are kept. Exported for tests.
 */
export class JsonArrayRecords {
  /**
   * The records so far, as the arrays parsed a run at a time and, between them, records parsed one
   * by one: joined once at the end, rather than each record pushed again onto one growing list.
   */
  private readonly parts: unknown[][] = [];
  private single: unknown[] = [];
  /** The bytes given but not yet parsed, in `block[0, length)`. */
  private block = Buffer.allocUnsafe(BLOCK);
  private length = 0;
  private taken = true;
  private at = At.Start;
  /** Where the scan goes on, and where the current record starts, in the unused part of the block. */
  private scan = 0;
  private recordStart = 0;
  /** Brace and bracket depth inside the record, and whether the scan is inside a string. */
  private depth = 0;
  private inString = false;
  private escaped = false;
  private first = true;
  /**
   * In a formatted file, `\n`, the first record's indentation and `}`: a record's last line. A raw
   * newline is never inside a JSON string, so this marks where a run of whole records may end.
   */
  private closeLine: Buffer | null = null;

  constructor(
    private readonly file: string,
    private readonly options: ReadJsonOptions,
  ) {}

  /** Adds the next bytes of the file; false once it is not a file this reader takes (read it whole). */
  push(bytes: Uint8Array): boolean {
    if (!this.taken) return false;
    this.makeRoom(bytes.length);
    this.block.set(bytes, this.length);
    return this.took(bytes.length);
  }

  /** Where the next bytes of the file may be read to (at least half a block), for `took`. */
  room(): Buffer {
    this.makeRoom(BLOCK / 2);
    return this.block.subarray(this.length);
  }

  /** Adds the `count` bytes read into `room()`; false once it is not a file this reader takes. */
  took(count: number): boolean {
    if (!this.taken) return false;
    this.length += count;
    const used = this.take(this.block, this.length);
    if (used === WHOLE) return (this.taken = false);
    this.block.copy(this.block, 0, used, this.length);
    this.length -= used;
    return true;
  }

  /** Grows the block, when needed, to hold `count` more bytes after those not yet parsed. */
  private makeRoom(count: number): void {
    if (this.length + count <= this.block.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.block.length * 2, this.length + count));
    this.block.copy(grown, 0, 0, this.length);
    this.block = grown;
  }

  /** The records, once every byte was given; null unless the file was an array of objects (read it whole). */
  end(): unknown[] | null {
    if (!(this.taken && this.at === At.End && this.length === 0)) return null;
    if (this.single.length > 0) this.parts.push(this.single);
    return joined(this.parts);
  }

  /** Takes what it can of `bytes[0, end)`: how many bytes it is done with (the rest is given again, with more), or WHOLE. */
  private take(bytes: Buffer, end: number): number | typeof WHOLE {
    let i = this.scan;
    if (this.first && this.at === At.Start) {
      if (end < 3) return 0;
      // A byte order mark, as the whole-file reader drops it.
      if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
      this.first = false;
    }
    // In a record, even with no byte left to scan: its start must be kept.
    while (i < end || this.at === At.Record) {
      if (this.at === At.Record) {
        const close = this.recordEnd(bytes, i, end);
        if (close < 0) {
          // The record goes on in the next block: keep it from its start.
          const used = this.recordStart;
          this.scan = end - used;
          this.recordStart = 0;
          return used;
        }
        if (!this.parse(bytes, this.recordStart, close + 1)) return WHOLE;
        this.at = At.After;
        i = close + 1;
        continue;
      }
      const c = bytes[i]!;
      if (isSpace(c)) i++;
      else if (this.at === At.Start && c === 0x5b) {
        this.at = At.First;
        i++;
      } else if ((this.at === At.First || this.at === At.Next) && c === 0x7b) {
        if (this.at === At.First) this.closeLine = closeLineOf(bytes, i);
        const after = this.parseRun(bytes, i, end);
        if (after === WHOLE) return WHOLE;
        if (after > i) {
          this.at = At.After;
          i = after;
          continue;
        }
        this.at = At.Record;
        this.recordStart = i;
        this.depth = 0;
      } else if ((this.at === At.First || this.at === At.After) && c === 0x5d) {
        this.at = At.End;
        i++;
      } else if (this.at === At.After && c === 0x2c) {
        this.at = At.Next;
        i++;
      } else return WHOLE;
    }
    this.scan = 0;
    return end;
  }

  /** The offset of the `}` that closes the record, or -1 when the block ends first. */
  private recordEnd(bytes: Buffer, from: number, end: number): number {
    let { depth, inString, escaped } = this;
    for (let i = from; i < end; i++) {
      const c = bytes[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === 0x5c) escaped = true;
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) inString = true;
      else if (c === 0x7b || c === 0x5b) depth++;
      else if ((c === 0x7d || c === 0x5d) && --depth === 0) {
        this.inString = false;
        this.escaped = false;
        return i;
      }
    }
    this.depth = depth;
    this.inString = inString;
    this.escaped = escaped;
    return -1;
  }

  /**
   * Parses, with one JSON.parse, the records from `bytes[start]` (a record's `{`) to the last record
   * that closes on its own line before `end`: a call, a decode and a scan for the whole run rather
   * than per record, and no byte scanned in JavaScript. Returns the offset after the run, `start`
   * when there is no run to parse this way (the records are then taken one by one), or WHOLE.
   */
  private parseRun(bytes: Buffer, start: number, end: number): number | typeof WHOLE {
    if (this.closeLine === null || start === 0) return start;
    const line = bytes.lastIndexOf(this.closeLine, Math.min(end, start + RUN) - 1);
    if (line < start) return start;
    const close = line + this.closeLine.length - 1;
    if (close + 1 >= end) return start;
    // The run is parsed as an array, its brackets written over the bytes just before and after it.
    const before = bytes[start - 1]!;
    const after = bytes[close + 1]!;
    bytes[start - 1] = 0x5b;
    bytes[close + 1] = 0x5d;
    const run = parsedJson(bytes.subarray(start - 1, close + 2));
    bytes[start - 1] = before;
    bytes[close + 1] = after;
    // A `}` that closes something else than a record, or bad JSON: the one-by-one scan finds out.
    if (!run) return start;
    // A cut inside a record would have left a bracket open, so the values are whole array items.
    const records = run.value as unknown[];
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      if (typeof record !== 'object' || record === null || Array.isArray(record)) return WHOLE;
    }
    if (this.options.source && checkJsonSource(run.text, records, this.file)) return WHOLE;
    if (this.single.length > 0) {
      this.parts.push(this.single);
      this.single = [];
    }
    this.parts.push(records);
    return close + 1;
  }

  /** Parses one record's bytes; false when the whole-file reader must say what is wrong. */
  private parse(bytes: Buffer, start: number, end: number): boolean {
    const record = parsedJson(bytes.subarray(start, end));
    if (!record) return false;
    if (this.options.source && checkJsonSource(record.text, record.value, this.file)) return false;
    this.single.push(record.value);
    return true;
  }
}

/** The items of `parts` in one array. */
function joined(parts: unknown[][]): unknown[] {
  // concat copies each part whole; its arguments are passed in batches, well below the stack's limit.
  const BATCH = 4096;
  let all: unknown[] = [];
  for (let i = 0; i < parts.length; i += BATCH) all = all.concat(...parts.slice(i, i + BATCH));
  return all;
}

/** The text of some bytes and the JSON value it holds, or null when they are not UTF-8 JSON. */
function parsedJson(bytes: Uint8Array): { text: string; value: unknown } | null {
  try {
    const text = utf8Text(bytes);
    return { text, value: JSON.parse(text) as unknown };
  } catch {
    return null;
  }
}

/** `\n`, the indentation and `}` that close a record opening at `open` on a line of its own, or null. */
function closeLineOf(bytes: Buffer, open: number): Buffer | null {
  let lineStart = open;
  while (lineStart > 0 && (bytes[lineStart - 1] === 0x20 || bytes[lineStart - 1] === 0x09)) lineStart--;
  if (lineStart === 0 || bytes[lineStart - 1] !== 0x0a) return null;
  return Buffer.concat([Buffer.of(0x0a), bytes.subarray(lineStart, open), Buffer.of(0x7d)]);
}
