/**
 * Writes a dataset as the columnar release file. Every value survives: a column whose values do not
 * fit the kind its schema calls for (which only invalid data has) is written as JSON text instead.
 */
import { pushAll } from '../arrays.js';
import { partialDateProblem } from '../dates.js';
import type { Dataset } from '../records.js';
import { encodeDate, PRECISIONS } from './days.js';
import {
  COLUMN_TABLES,
  COLUMNS_MAGIC,
  COLUMNS_PRELUDE,
  COLUMNS_VERSION,
  type BufferType,
  type ColumnHeader,
  type ColumnsHeader,
  type ColumnTable,
  type TableHeader,
} from './format.js';
import { tablePlan, type FieldPlan, type RefTarget } from './plan.js';

type Row = Record<string, unknown>;

const isWellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();

/** A buffer of the file: its bytes, in one or more pieces, written one after the other. */
interface Buffered {
  type: BufferType;
  pieces: Uint8Array[];
  byteLength: number;
}

// Text is encoded into a scratch buffer of this size, copied out in exact pieces as it fills: a
// column's text is never joined into one string (as large as the column, in V8's large-object
// space, so more major GCs) nor encoded into one fresh buffer.
const PIECE = 1 << 20;
// Values are joined into runs of about this many UTF-16 code units before encoding: few
// encodeInto calls, and each run small enough to die young.
const RUN = 1 << 14;

/** UTF-8 of many strings, in pieces of up to PIECE bytes copied out of one reused scratch buffer. */
class Utf8Pieces {
  readonly #encoder = new TextEncoder();
  readonly #scratch = new Uint8Array(PIECE);
  #at = 0;
  #pieces: Uint8Array[] = [];
  #byteLength = 0;

  /** Appends `text`'s UTF-8 (a well-formed string: its bytes do not depend on what is next to it). */
  add(text: string): void {
    // A UTF-16 code unit takes at most 3 bytes.
    if (this.#at + text.length * 3 > PIECE) this.#cut();
    if (text.length * 3 > PIECE) {
      this.#keep(this.#encoder.encode(text));
      return;
    }
    this.#at += this.#encoder.encodeInto(text, this.#scratch.subarray(this.#at)).written;
  }

  /** The pieces added since the last call, and their length; the scratch is then free for the next text. */
  take(): { pieces: Uint8Array[]; byteLength: number } {
    this.#cut();
    const out = { pieces: this.#pieces, byteLength: this.#byteLength };
    this.#pieces = [];
    this.#byteLength = 0;
    return out;
  }

  #cut(): void {
    if (this.#at > 0) this.#keep(this.#scratch.slice(0, this.#at));
    this.#at = 0;
  }

  #keep(piece: Uint8Array): void {
    this.#pieces.push(piece);
    this.#byteLength += piece.byteLength;
  }
}

class Writer {
  readonly buffers: Buffered[] = [];
  readonly enums: Record<string, string[]> = { precision: [...PRECISIONS] };
  readonly #utf8 = new Utf8Pieces();

  add(type: BufferType, data: Uint8Array | Int32Array | Uint32Array): number {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.buffers.push({ type, pieces: [bytes], byteLength: bytes.byteLength });
    return this.buffers.length - 1;
  }

  /**
   * Strings (well-formed) concatenated as UTF-8, with their starts in UTF-16 code units; undefined
   * is the empty string (as `join` has it).
   */
  text(values: readonly (string | undefined)[]): { text: number; offsets: number } {
    const offsets = new Uint32Array(values.length + 1);
    let at = 0;
    for (let i = 0; i < values.length; i++) {
      at += values[i]?.length ?? 0;
      offsets[i + 1] = at;
    }
    for (let start = 0; start < values.length;) {
      let end = start + 1;
      const limit = offsets[start]! + RUN;
      while (end < values.length && offsets[end + 1]! <= limit) end++;
      this.#utf8.add(end - start === 1 ? (values[start] ?? '') : values.slice(start, end).join(''));
      start = end;
    }
    this.buffers.push({ type: 'utf8', ...this.#utf8.take() });
    return { text: this.buffers.length - 1, offsets: this.add('uint32', offsets) };
  }

  present(values: readonly unknown[]): number | undefined {
    if (!values.includes(undefined)) return undefined;
    const out = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) out[i] = values[i] === undefined ? 0 : 1;
    return this.add('uint8', out);
  }
}

const fieldOf = (row: unknown, name: string): unknown =>
  typeof row === 'object' && row !== null && Object.prototype.hasOwnProperty.call(row, name)
    ? (row as Row)[name]
    : undefined;

/**
 * One field of every row (rows are objects, checked before), undefined where a row has none of its
 * own, into `values` (one array per table, refilled for each column: an array per column would be
 * as many large arrays of garbage, each kept until a major GC). In the same pass: how many rows
 * have it, and whether all those values are well-formed strings.
 */
function fieldValues(
  rows: readonly unknown[],
  name: string,
  values: unknown[],
): { defined: number; allStrings: boolean } {
  let defined = 0;
  let allStrings = true;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Row;
    const v = Object.hasOwn(row, name) ? row[name] : undefined;
    values[i] = v;
    if (v === undefined) continue;
    defined++;
    if (allStrings && !(typeof v === 'string' && isWellFormed(v))) allStrings = false;
  }
  return { defined, allStrings };
}

/** Each partial date's day number and precision, or null when it is not a valid one; memoised, as dates repeat. */
function dateCodes(): (value: string) => [number, number] | null {
  const seen = new Map<string, [number, number] | null>();
  return (value) => {
    let codes = seen.get(value);
    if (codes === undefined) {
      codes = partialDateProblem(value) === null ? encodeDate(value) : null;
      seen.set(value, codes);
    }
    return codes;
  };
}

/** Ids of a table's rows by value, first occurrence kept, for references. */
function idPositions(rows: readonly unknown[]): Map<string, number> {
  const out = new Map<string, number>();
  // Backwards, so the first occurrence is the one set last: no lookup before each set.
  for (let i = rows.length - 1; i >= 0; i--) {
    const id = fieldOf(rows[i], 'id');
    if (typeof id === 'string') out.set(id, i);
  }
  return out;
}

/** A table's `idPositions`, made the first time a reference column needs it (no column names a statement). */
type IdsOf = (table: RefTarget) => Map<string, number>;

function encodeColumn(
  writer: Writer,
  tableName: ColumnTable,
  plan: FieldPlan,
  values: unknown[],
  allStrings: boolean,
  idsOf: IdsOf,
): ColumnHeader {
  const { name } = plan;
  if (plan.kind === 'ref' && allStrings) {
    const target = idsOf(plan.table);
    const out = new Int32Array(values.length);
    let i = 0;
    for (; i < values.length; i++) {
      const v = values[i];
      const position = v === undefined ? -1 : target.get(v as string);
      if (position === undefined) break;
      out[i] = position;
    }
    if (i === values.length) return { name, kind: 'ref', table: plan.table, values: writer.add('int32', out) };
  }
  if (plan.kind === 'enum' && allStrings) {
    const distinct = new Set(values);
    distinct.delete(undefined);
    const extra = [...(distinct as Set<string>)].filter((v) => !plan.values.includes(v)).sort();
    const table = [...plan.values, ...extra];
    if (table.length < 255) {
      const key = `${tableName}.${name}`;
      writer.enums[key] = table;
      const codes = new Map(table.map((v, i) => [v, i]));
      const out = new Uint8Array(values.length);
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        out[i] = v === undefined ? 255 : codes.get(v as string)!;
      }
      return { name, kind: 'enum', enum: key, values: writer.add('uint8', out) };
    }
  }
  if (plan.kind === 'date' && allStrings) {
    const days = new Int32Array(values.length);
    const precision = new Uint8Array(values.length).fill(255);
    const codesOf = dateCodes();
    let i = 0;
    for (; i < values.length; i++) {
      const v = values[i];
      if (v === undefined) continue;
      const codes = codesOf(v as string);
      if (codes === null) break;
      days[i] = codes[0];
      precision[i] = codes[1];
    }
    if (i === values.length)
      return { name, kind: 'date', days: writer.add('int32', days), precision: writer.add('uint8', precision) };
  }
  if (plan.kind === 'bool' && values.every((v) => v === undefined || typeof v === 'boolean')) {
    const out = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      out[i] = v === undefined ? 0 : v ? 2 : 1;
    }
    return { name, kind: 'bool', values: writer.add('uint8', out) };
  }
  if (plan.kind !== 'json' && plan.kind !== 'strings' && allStrings) {
    return { name, kind: 'string', ...writer.text(values as (string | undefined)[]), ...optional(writer, values) };
  }
  if (
    plan.kind === 'strings' &&
    values.every(
      (v) => v === undefined || (Array.isArray(v) && v.every((s) => typeof s === 'string' && isWellFormed(s))),
    )
  ) {
    const items = new Uint32Array(values.length + 1);
    const all: string[] = [];
    values.forEach((v, i) => {
      if (v !== undefined) pushAll(all, v as string[]);
      items[i + 1] = all.length;
    });
    return {
      name,
      kind: 'strings',
      items: writer.add('uint32', items),
      ...writer.text(all),
      ...optional(writer, values),
    };
  }
  // JSON.stringify escapes lone surrogates, so any value comes back exactly.
  const texts = values.map((v) => (v === undefined ? '' : JSON.stringify(v)));
  return { name, kind: 'json', ...writer.text(texts), ...optional(writer, values) };
}

function optional(writer: Writer, values: unknown[]): { present?: number } {
  const present = writer.present(values);
  return present === undefined ? {} : { present };
}

/** Whether a row's own keys (those not undefined) come in column order: most rows, checked without a copy. */
function inColumnOrder(row: Row, position: ReadonlyMap<string, number>): boolean {
  let last = -1;
  for (const key of Object.keys(row)) {
    if (row[key] === undefined) continue;
    const at = position.get(key);
    if (at === undefined || at <= last) return false;
    last = at;
  }
  return true;
}

/**
 * Key orders that differ from column order, so rows come back with their keys as they were. Only
 * the rows `rowKeys` could not vouch for are looked at.
 */
function keyOrders(
  writer: Writer,
  rows: readonly unknown[],
  columns: string[],
  unsure: readonly number[],
): TableHeader['orders'] {
  const position = new Map(columns.map((c, i) => [c, i]));
  const shapes: number[][] = [];
  const shapeIndex = new Map<string, number>();
  const values = new Int32Array(rows.length);
  let any = false;
  for (const i of unsure) {
    const row = rows[i] as Row;
    if (inColumnOrder(row, position)) continue;
    const order: number[] = [];
    for (const key of Object.keys(row)) if (row[key] !== undefined) order.push(position.get(key)!);
    const signature = order.join(',');
    let shape = shapeIndex.get(signature);
    if (shape === undefined) {
      shapes.push(order);
      shape = shapes.length;
      shapeIndex.set(signature, shape);
    }
    values[i] = shape;
    any = true;
  }
  return any ? { values: writer.add('int32', values), shapes } : undefined;
}

/**
 * One pass over a table's rows and their own keys: each row must be an object; finds the keys no
 * plan names (extra columns), the rows whose keys may not come in column order (`unsure`: out of
 * plan order, or with an extra key), so that `keyOrders` looks at those rows only, and the planned
 * fields some row has a value for (`seen`, by position in the plan).
 */
function rowKeys(
  table: ColumnTable,
  rows: readonly unknown[],
  planned: ReadonlyMap<string, number>,
): { extra: Set<string>; unsure: number[]; seen: Uint8Array } {
  const extra = new Set<string>();
  const unsure: number[] = [];
  const seen = new Uint8Array(planned.size);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (typeof row !== 'object' || row === null || Array.isArray(row))
      throw new Error(`@claimgraph/schema: encodeColumns(): ${table} #${i} is not an object`);
    let last = -1;
    let inOrder = true;
    // for…in with an own-key test lists what Object.keys does, without an array per row.
    for (const key in row) {
      if (!Object.hasOwn(row, key)) continue;
      const at = planned.get(key);
      if (at === undefined) {
        extra.add(key);
        inOrder = false;
      } else if ((row as Row)[key] !== undefined) {
        seen[at] = 1;
        if (at <= last) inOrder = false;
        last = at;
      }
    }
    if (!inOrder) unsure.push(i);
  }
  return { extra, unsure, seen };
}

/**
 * The planned fields no row has a value of its own for: those `rowKeys` did not see, less any a row
 * has as a non-enumerable property (which for…in does not list). One pass over the rows for all
 * of them, instead of one per field (a table's plan has fields its records do not use).
 */
function absentFields(rows: readonly unknown[], planned: readonly FieldPlan[], seen: Uint8Array): Set<string> {
  const unseen = planned.filter((_, at) => seen[at] === 0).map((plan) => plan.name);
  const absent = new Set(unseen);
  for (let i = 0; i < rows.length && absent.size > 0; i++) {
    const row = rows[i] as Row;
    for (const name of unseen) if (Object.hasOwn(row, name) && row[name] !== undefined) absent.delete(name);
  }
  return absent;
}

/**
 * The columnar file of a dataset (records in the order given, as in dataset.json). Records must be
 * objects; everything else about them is kept as it is, valid or not.
 */
export function encodeColumns(dataset: Dataset): Uint8Array {
  const chunks = encodeColumnsChunks(dataset);
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * `encodeColumns` as the pieces it is made of, in order (the header, then each buffer and the zeros
 * that align the next): a release build writes them as they are, without a copy of the whole file.
 * Internal: `@claimgraph/schema/internal`.
 */
export function encodeColumnsChunks(dataset: Dataset): Uint8Array[] {
  if (new Uint8Array(Uint32Array.of(1).buffer)[0] !== 1)
    throw new Error('@claimgraph/schema: encodeColumns(): the columnar file is little-endian; this machine is not');
  const writer = new Writer();
  const rowsOf = (table: ColumnTable): unknown[] =>
    ((dataset as unknown as Record<string, unknown>)[table] as unknown[] | undefined) ?? [];
  const ids = new Map<RefTarget, Map<string, number>>();
  const idsOf: IdsOf = (table) => {
    let positions = ids.get(table);
    if (positions === undefined) ids.set(table, (positions = idPositions(rowsOf(table))));
    return positions;
  };
  const tables: ColumnsHeader['tables'] = {};
  for (const table of COLUMN_TABLES) {
    const rows = rowsOf(table);
    if (table === 'redirects' && rows.length === 0) continue;
    const planned = tablePlan(table);
    const { extra, unsure, seen } = rowKeys(table, rows, new Map(planned.map((p, i) => [p.name, i])));
    const absent = absentFields(rows, planned, seen);
    const fields: FieldPlan[] = [...planned, ...[...extra].sort().map((name) => ({ name, kind: 'json' as const }))];
    const columns: ColumnHeader[] = [];
    const column: unknown[] = new Array(rows.length);
    for (const plan of fields) {
      if (absent.has(plan.name)) continue;
      const found = fieldValues(rows, plan.name, column);
      if (found.defined === 0) continue;
      columns.push(encodeColumn(writer, table, plan, column, found.allStrings, idsOf));
    }
    const orders = keyOrders(
      writer,
      rows,
      columns.map((c) => c.name),
      unsure,
    );
    tables[table] = { count: rows.length, columns, ...(orders ? { orders } : {}) };
  }

  let at = 0;
  const buffers = writer.buffers.map(({ type, byteLength }) => {
    const offset = at;
    at = align8(at + byteLength);
    return { offset, length: byteLength, type };
  });
  const header: ColumnsHeader = {
    format: 'claimgraph-columns',
    version: COLUMNS_VERSION,
    enums: writer.enums,
    tables,
    buffers,
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const headerLength = align8(COLUMNS_PRELUDE + json.byteLength) - COLUMNS_PRELUDE;
  const start = COLUMNS_PRELUDE + headerLength;
  const head = new Uint8Array(start);
  head.set(COLUMNS_MAGIC, 0);
  const view = new DataView(head.buffer);
  view.setUint32(8, COLUMNS_VERSION, true);
  view.setUint32(12, headerLength, true);
  head.set(json, COLUMNS_PRELUDE);
  head.fill(0x20, COLUMNS_PRELUDE + json.byteLength, start);
  const chunks: Uint8Array[] = [head];
  const zeros = new Uint8Array(8);
  for (const { pieces, byteLength } of writer.buffers) {
    pushAll(chunks, pieces);
    // Every buffer starts on 8 bytes; the last is padded too, as the file always was.
    const padding = align8(byteLength) - byteLength;
    if (padding > 0) chunks.push(zeros.subarray(0, padding));
  }
  return chunks;
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;
