/**
 * Reads the columnar release file: checks its framing and version and every value against its
 * column's domain, gives typed-array views of its columns without copying, and builds a row only
 * when it is asked for.
 */
import { ClaimgraphBaseError } from '../errors.js';
import { printable } from '../issues.js';
import type { Dataset } from '../records.js';
import { decodeDate, PRECISIONS, daysFromCivil, dateCodeOk } from './days.js';
import {
  COLUMN_TABLES,
  COLUMNS_MAGIC,
  COLUMNS_PRELUDE,
  COLUMNS_VERSION,
  type ColumnHeader,
  type ColumnsHeader,
  type ColumnTable,
  type TableHeader,
} from './format.js';
import { tablePlan } from './plan.js';

/** A columnar file that cannot be read: broken framing, a version this package does not know, or a column out of bounds. */
export class ColumnsFormatError extends ClaimgraphBaseError {
  readonly code: string = 'SCHEMA_COLUMNS_FORMAT';
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`@claimgraph/schema: ${file}: ${detail}`);
    this.name = 'ColumnsFormatError';
  }
}

/** Text decoded once per column, on first use. */
export class TextColumn {
  #text: string | undefined;
  constructor(
    private readonly bytes: Uint8Array,
    readonly offsets: Uint32Array,
    private readonly where: () => ColumnsFormatError,
  ) {}

  /** The decoded text of every value, concatenated; value `i` is `text.slice(offsets[i], offsets[i + 1])`. */
  get text(): string {
    if (this.#text === undefined) {
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(this.bytes);
      } catch {
        throw this.where();
      }
      const { offsets } = this;
      if (offsets[0] !== 0 || offsets[offsets.length - 1] !== text.length) throw this.where();
      for (let i = 1; i < offsets.length; i++) if (offsets[i]! < offsets[i - 1]!) throw this.where();
      this.#text = text;
    }
    return this.#text;
  }

  value(i: number): string {
    return this.text.slice(this.offsets[i], this.offsets[i + 1]);
  }
}

interface Base {
  name: string;
  /** The value of row `i`, undefined where the row does not have the field. */
  get(i: number): unknown;
}
export interface StringView extends Base {
  kind: 'string';
  strings: TextColumn;
  present: Uint8Array | null;
}
export interface StringsView extends Base {
  kind: 'strings';
  items: Uint32Array;
  strings: TextColumn;
  present: Uint8Array | null;
}
export interface RefView extends Base {
  kind: 'ref';
  table: Exclude<ColumnTable, 'redirects'>;
  values: Int32Array;
}
export interface EnumView extends Base {
  kind: 'enum';
  /** The file's own table of terms: code `c` means `terms[c]`. */
  terms: readonly string[];
  values: Uint8Array;
}
export interface DateView extends Base {
  kind: 'date';
  days: Int32Array;
  /** 0 year, 1 month, 2 day, 255 absent (translated from the file's precision table). */
  precision: Uint8Array;
}
export interface BoolView extends Base {
  kind: 'bool';
  values: Uint8Array;
}
export interface JsonView extends Base {
  kind: 'json';
  strings: TextColumn;
  present: Uint8Array | null;
}
export type ColumnView = StringView | StringsView | RefView | EnumView | DateView | BoolView | JsonView;

export interface TableView {
  name: ColumnTable;
  count: number;
  columns: ColumnView[];
  column(name: string): ColumnView | undefined;
  /** Row `i` as a plain record, keys in the order they were written. A new object on each call. */
  row(i: number): Record<string, unknown>;
  /**
   * Every row, as `row(i)` gives them, new objects; built column by column, which is faster than row
   * by row. A reference to a table in `ids` takes the string at its position there (ids the caller
   * has already made: the rows share them instead of each getting a new copy).
   */
  rows(ids?: Partial<Record<ColumnTable, readonly string[]>>): Record<string, unknown>[];
}

export interface Columns {
  header: ColumnsHeader;
  tables: Partial<Record<ColumnTable, TableView>>;
}

const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** Whether the bytes start like a columnar file (its magic number). */
export function isColumnsFile(bytes: Uint8Array): boolean {
  return bytes.length >= COLUMNS_MAGIC.length && COLUMNS_MAGIC.every((b, i) => bytes[i] === b);
}

/** Builds an error that names the file; every check below reports through one. */
type Fail = (detail: string) => ColumnsFormatError;

/** Names row `i` of the table being read in an error: its position, and its id when the id column reads. */
type RowLabel = (i: number) => string;

/** A typed-array class a buffer is viewed as. */
type ArrayKind<T> = { new (b: ArrayBufferLike, o: number, n: number): T; BYTES_PER_ELEMENT: number };

/** The file's buffers, as the columns ask for them by their index in the header's buffer table. */
interface Buffers {
  bytes(index: unknown, type: string, where: string): Uint8Array;
  typed<T>(Kind: ArrayKind<T>, index: unknown, type: string, length: number, where: string): T;
}

/** What reading a column needs besides its own header; one per file, shared by all its columns. */
interface FileContext {
  fail: Fail;
  buffers: Buffers;
  enums: ColumnsHeader['enums'];
  /** Row counts of every table, so that a reference is checked before its target table is read. */
  counts: Map<string, number>;
  /** The tables read so far, filled in as they are read: references look up their target here. */
  tables: Partial<Record<ColumnTable, TableView>>;
}

/** The file's precision names by their code in this package, to translate the file's own table. */
const PRECISION_CODE = new Map<string, number>(PRECISIONS.map((p, i) => [p, i]));

/**
 * Opens a columnar file. `file` names it in errors. The bytes are kept (views, not copies) unless
 * they are not aligned to 8 bytes, in which case they are copied once.
 */
export function readColumns(input: Uint8Array, file = 'dataset.columns.bin'): Columns {
  const fail = (detail: string) => new ColumnsFormatError(file, detail);
  const { bytes, start, version } = readPrelude(input, fail);
  const header = readHeader(bytes, start, version, fail);
  const enums = typeof header.enums === 'object' && header.enums !== null ? header.enums : {};
  const buffers = fileBuffers(bytes, start, header, fail);
  const counts = tableCounts(header, fail);
  const tables: Partial<Record<ColumnTable, TableView>> = {};
  const context: FileContext = { fail, buffers, enums, counts, tables };
  for (const name of COLUMN_TABLES) {
    const table = header.tables[name];
    if (table !== undefined) tables[name] = readTable(name, table, context);
  }
  // Checked once every table is read: a table may be referred to by one that comes after it.
  for (const name of COLUMN_TABLES) {
    const t = tables[name];
    if (t && name !== 'redirects' && t.count > 0 && t.column('id') === undefined && tablesReferTo(tables, name))
      throw fail(`${name}: is referred to but has no id column`);
  }
  return { header, tables };
}

/**
 * Checks the fixed prelude (magic, version, byte order, header length) before anything in the file
 * is trusted, and aligns the bytes so that typed arrays can view them in place.
 */
function readPrelude(input: Uint8Array, fail: Fail): { bytes: Uint8Array; start: number; version: number } {
  if (!isColumnsFile(input))
    throw fail('is not a claimgraph columnar file (it does not start with the magic bytes 89 43 47 43 4F 4C 53 0A)');
  if (input.length < COLUMNS_PRELUDE) throw fail('is cut short before its header');
  const bytes = input.byteOffset % 8 === 0 ? input : input.slice();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(8, true);
  if (version !== COLUMNS_VERSION) {
    throw fail(
      `is encoded with columnar format version ${version}, and this @claimgraph/schema reads version ${COLUMNS_VERSION}; ${
        version > COLUMNS_VERSION
          ? 'upgrade @claimgraph/sdk (and @claimgraph/schema) to read it'
          : 'rebuild the release with this version (claimgraph build)'
      }, or load the release's dataset.json instead`,
    );
  }
  if (!LITTLE_ENDIAN)
    throw fail('holds little-endian arrays, and this machine is big-endian; load dataset.json instead');
  const headerLength = view.getUint32(12, true);
  const start = COLUMNS_PRELUDE + headerLength;
  if (start > bytes.length || headerLength % 8 !== (8 - (COLUMNS_PRELUDE % 8)) % 8)
    throw fail('has a header longer than the file');
  return { bytes, start, version };
}

/** Parses the JSON header and checks the fields every later step relies on. */
function readHeader(bytes: Uint8Array, start: number, version: number, fail: Fail): ColumnsHeader {
  let header: ColumnsHeader;
  try {
    header = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(COLUMNS_PRELUDE, start)),
    ) as ColumnsHeader;
  } catch (error) {
    throw fail(`has a header that is not JSON (${(error as Error).message})`);
  }
  if (typeof header !== 'object' || header === null || header.format !== 'claimgraph-columns')
    throw fail('has a header without format "claimgraph-columns"');
  if (header.version !== version)
    throw fail(`says version ${COLUMNS_VERSION} in its prelude and ${String(header.version as unknown)} in its header`);
  if (!Array.isArray(header.buffers) || typeof header.tables !== 'object' || header.tables === null)
    throw fail('has a header without buffers and tables');
  return header;
}

/** Views of the file's buffers, each checked against its type, the file's length and its value count. */
function fileBuffers(bytes: Uint8Array, start: number, header: ColumnsHeader, fail: Fail): Buffers {
  const buffer = (index: unknown, type: string, where: string): Uint8Array => {
    const ref = typeof index === 'number' ? header.buffers[index] : undefined;
    if (!ref || ref.type !== type || !Number.isInteger(ref.offset) || !Number.isInteger(ref.length))
      throw fail(`${where}: names no ${type} buffer`);
    if (ref.offset % 8 !== 0 || ref.offset < 0 || ref.length < 0 || start + ref.offset + ref.length > bytes.length)
      throw fail(`${where}: its ${type} buffer lies outside the file`);
    return bytes.subarray(start + ref.offset, start + ref.offset + ref.length);
  };
  return {
    bytes: buffer,
    typed<T>(Kind: ArrayKind<T>, index: unknown, type: string, length: number, where: string): T {
      const b = buffer(index, type, where);
      if (b.byteLength !== length * Kind.BYTES_PER_ELEMENT)
        throw fail(`${where}: holds ${b.byteLength} bytes for ${length} values`);
      return new Kind(b.buffer, b.byteOffset, length);
    },
  };
}

/** Row counts of every table, checked up front so that references can be checked as columns are read. */
function tableCounts(header: ColumnsHeader, fail: Fail): Map<string, number> {
  const counts = new Map<string, number>();
  for (const name of COLUMN_TABLES) {
    const table = (header.tables as Record<string, unknown>)[name] as TableHeader | undefined;
    if (table === undefined) {
      if (name !== 'redirects') throw fail(`has no ${name} table`);
      continue;
    }
    if (!Number.isInteger(table.count) || table.count < 0 || !Array.isArray(table.columns))
      throw fail(`${name}: has no row count or columns`);
    counts.set(name, table.count);
  }
  for (const name of Object.keys(header.tables))
    if (!(COLUMN_TABLES as readonly string[]).includes(name))
      throw fail(`has an unknown table ${JSON.stringify(name)}`);
  return counts;
}

/** One table: its columns checked and viewed in file order, then its key orders. */
function readTable(name: ColumnTable, table: TableHeader, context: FileContext): TableView {
  const count = table.count;
  const views: ColumnView[] = [];
  const seen = new Set<string>();
  // Only ever called to word an error, so the id column is decoded then and not before.
  const label: RowLabel = (i) => {
    const ids = views.find((v) => v.name === 'id' && v.kind === 'string');
    let id: unknown;
    try {
      id = ids?.get(i);
    } catch {
      id = undefined;
    }
    return typeof id === 'string' && id !== '' ? `row ${i} (${printable(id)})` : `row ${i}`;
  };
  for (const column of table.columns as ColumnHeader[]) {
    const where = `${name}.${String(column?.name)}`;
    if (typeof column?.name !== 'string' || seen.has(column.name))
      throw context.fail(`${where}: a column needs a name of its own`);
    seen.add(column.name);
    views.push(readColumn(name, column, where, count, context, label));
  }
  const { orderValues, shapes } = readKeyOrders(name, table, count, views.length, context, label);
  return tableView(name, count, views, orderValues, shapes);
}

/** Dispatches on the column's kind; a kind this version does not know is an error, not a skipped field. */
function readColumn(
  table: ColumnTable,
  column: ColumnHeader,
  where: string,
  count: number,
  context: FileContext,
  label: RowLabel,
): ColumnView {
  switch (column.kind) {
    case 'string':
    case 'json':
      return textView(column, where, count, context, label);
    case 'strings':
      return stringsView(column, where, count, context, label);
    case 'ref':
      return refView(column, where, count, context, label);
    case 'enum':
      return enumView(table, column, where, count, context, label);
    case 'date':
      return dateView(column, where, count, context, label);
    case 'bool': {
      const values = context.buffers.typed(Uint8Array, column.values, 'uint8', count, where);
      // 0 absent, 1 false, 2 true: any other byte would read as false here and as something else elsewhere.
      for (let i = 0; i < count; i++)
        if (values[i]! > 2)
          throw context.fail(
            `${where}: ${label(i)} has the code ${values[i]}, and a boolean is 0 (absent), 1 (false) or 2 (true)`,
          );
      return {
        name: column.name,
        kind: 'bool',
        values,
        get: (i) => (values[i] === 0 ? undefined : values[i] === 2),
      };
    }
    default:
      throw context.fail(
        `${where}: has kind ${JSON.stringify((column as { kind?: unknown }).kind)}, which version ${COLUMNS_VERSION} does not know`,
      );
  }
}

/** The column's presence flags, each 0 or 1, or null where every row has the field (the file leaves them out). */
function presentFlags(
  index: unknown,
  count: number,
  where: string,
  context: FileContext,
  label: RowLabel,
): Uint8Array | null {
  if (index === undefined) return null;
  const flags = context.buffers.typed(Uint8Array, index, 'uint8', count, where);
  for (let i = 0; i < count; i++)
    if (flags[i]! > 1)
      throw context.fail(`${where}: ${label(i)} has the presence flag ${flags[i]}, and a flag is 0 (absent) or 1`);
  return flags;
}

/** Whether row `i` has the field; a module-level function so that no closure is made per column. */
function has(p: Uint8Array | null, i: number): boolean {
  return p === null || p[i] === 1;
}

/** The error for text that does not decode or fit its offsets, made only when the text is first read. */
function corruptText(where: string, context: FileContext): () => ColumnsFormatError {
  return () => context.fail(`${where}: its text is not valid UTF-8 or does not match its offsets`);
}

/** A string or JSON column: one text value per row, decoded lazily; JSON is parsed only when a row is asked for. */
function textView(
  column: Extract<ColumnHeader, { kind: 'string' | 'json' }>,
  where: string,
  count: number,
  context: FileContext,
  label: RowLabel,
): StringView | JsonView {
  const { buffers } = context;
  const strings = new TextColumn(
    buffers.bytes(column.text, 'utf8', where),
    buffers.typed(Uint32Array, column.offsets, 'uint32', count + 1, where),
    corruptText(where, context),
  );
  const p = presentFlags(column.present, count, where, context, label);
  const json = (i: number): unknown => {
    try {
      return JSON.parse(strings.value(i)) as unknown;
    } catch (error) {
      if (error instanceof ColumnsFormatError) throw error;
      throw context.fail(`${where}: ${label(i)} is not JSON (${(error as Error).message})`);
    }
  };
  const get =
    column.kind === 'string'
      ? (i: number) => (has(p, i) ? strings.value(i) : undefined)
      : (i: number) => (has(p, i) ? json(i) : undefined);
  return { name: column.name, kind: column.kind, strings, present: p, get } as StringView | JsonView;
}

/** A list of strings per row: item offsets per row, checked in order, over one text column of items. */
function stringsView(
  column: Extract<ColumnHeader, { kind: 'strings' }>,
  where: string,
  count: number,
  context: FileContext,
  label: RowLabel,
): StringsView {
  const { buffers, fail } = context;
  const items = buffers.typed(Uint32Array, column.items, 'uint32', count + 1, where);
  const itemCount = items[count]!;
  for (let i = 0; i < count; i++)
    if (items[i]! > items[i + 1]!) throw fail(`${where}: ${label(i)}: its item offsets go backwards`);
  if (items[0] !== 0) throw fail(`${where}: its item offsets do not start at 0`);
  const strings = new TextColumn(
    buffers.bytes(column.text, 'utf8', where),
    buffers.typed(Uint32Array, column.offsets, 'uint32', itemCount + 1, where),
    corruptText(where, context),
  );
  const p = presentFlags(column.present, count, where, context, label);
  const get = (i: number) => {
    if (!has(p, i)) return undefined;
    const out: string[] = [];
    for (let k = items[i]!; k < items[i + 1]!; k++) out.push(strings.value(k));
    return out;
  };
  return { name: column.name, kind: 'strings', items, strings, present: p, get };
}

/** A reference by row position, checked against the target table's row count before any row is read. */
function refView(
  column: Extract<ColumnHeader, { kind: 'ref' }>,
  where: string,
  count: number,
  context: FileContext,
  label: RowLabel,
): RefView {
  const { fail, tables } = context;
  const target = column.table as RefView['table'];
  const size = context.counts.get(target);
  if (size === undefined || (target as string) === 'redirects') throw fail(`${where}: refers to an unknown table`);
  const values = context.buffers.typed(Int32Array, column.values, 'int32', count, where);
  for (let i = 0; i < count; i++)
    if (values[i]! < -1 || values[i]! >= size)
      throw fail(`${where}: ${label(i)} points at position ${values[i]}, past the ${size} rows of the ${target} table`);
  // The id column is looked up on first use: the target table may come later in the file.
  let ids: ColumnView | undefined;
  return {
    name: column.name,
    kind: 'ref',
    table: target,
    values,
    get: (i) => (values[i] === -1 ? undefined : (ids ??= tables[target]!.column('id')!).get(values[i]!)),
  };
}

/** A vocabulary term by its code in the file's own table of terms, checked against that table's length. */
function enumView(
  table: ColumnTable,
  column: Extract<ColumnHeader, { kind: 'enum' }>,
  where: string,
  count: number,
  context: FileContext,
  label: RowLabel,
): EnumView {
  const { enums, fail } = context;
  const terms = Object.prototype.hasOwnProperty.call(enums, column.enum) ? enums[column.enum] : undefined;
  if (!Array.isArray(terms) || !terms.every((t) => typeof t === 'string'))
    throw fail(`${where}: its table ${JSON.stringify(column.enum)} is missing from enums`);
  const plan = tablePlan(table).find((p) => p.name === column.name);
  checkTermOrder(
    terms,
    plan?.kind === 'enum' ? plan.values : [],
    `${where}: its table ${JSON.stringify(column.enum)}`,
    fail,
  );
  const values = context.buffers.typed(Uint8Array, column.values, 'uint8', count, where);
  for (let i = 0; i < count; i++)
    if (values[i] !== 255 && values[i]! >= terms.length)
      throw fail(`${where}: ${label(i)} has the code ${values[i]}, past the ${terms.length} terms of its table`);
  return {
    name: column.name,
    kind: 'enum',
    terms,
    values,
    get: (i) => (values[i] === 255 ? undefined : terms[values[i]!]),
  };
}

/**
 * A table of terms: each once, and the terms this package knows in the order it knows them (the
 * order every build writes). Terms it does not know (a newer vocabulary, or invalid data the
 * validator will name) may sit anywhere. A table whose known terms were reordered would read
 * every code as another term, so it is refused rather than read.
 */
function checkTermOrder(terms: readonly string[], known: readonly string[], where: string, fail: Fail): void {
  const seen = new Set<string>();
  let last = -1;
  for (const term of terms) {
    if (seen.has(term)) throw fail(`${where} lists ${JSON.stringify(term)} twice`);
    seen.add(term);
    const position = known.indexOf(term);
    if (position < 0) continue;
    if (position < last)
      throw fail(
        `${where} lists ${JSON.stringify(term)} after ${JSON.stringify(known[last])}; its terms come in the order ${known.map((t) => JSON.stringify(t)).join(', ')}`,
      );
    last = position;
  }
}

const FIRST_DAY = daysFromCivil(1, 1, 1);
const LAST_DAY = daysFromCivil(9999, 12, 31);

/**
 * A partial date: days and precision, the precision translated to this package's codes once, up
 * front; every day a date of years 0001–9999 and the first day of its year or month.
 */
function dateView(
  column: Extract<ColumnHeader, { kind: 'date' }>,
  where: string,
  count: number,
  context: FileContext,
  label: RowLabel,
): DateView {
  const { buffers, fail } = context;
  const days = buffers.typed(Int32Array, column.days, 'int32', count, where);
  const raw = buffers.typed(Uint8Array, column.precision, 'uint8', count, where);
  const names = context.enums.precision;
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string'))
    throw fail('has no precision table in enums');
  checkTermOrder(names, PRECISIONS, 'its table "precision"', fail);
  // Translated through the file's own table, so a longer table still reads right.
  const translate = names.map((n) => PRECISION_CODE.get(n) ?? 254);
  const precision = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const code = raw[i]!;
    const p = code === 255 ? 255 : (translate[code] ?? 254);
    precision[i] = p;
    if (p === 255) continue;
    if (p === 254)
      throw fail(`${where}: ${label(i)} has the date precision code ${code}, which its table does not name`);
    const d = days[i]!;
    // A day date needs only the range; a year or month date must also start its year or month.
    if (d < FIRST_DAY || d > LAST_DAY || (p !== 2 && !dateCodeOk(d, p)))
      throw fail(
        `${where}: ${label(i)} has the day ${d} at ${PRECISIONS[p]} precision, which is no ${PRECISIONS[p]} of the years 0001–9999`,
      );
  }
  // A million statements share a few thousand dates: each is written out once.
  const written = new Map<number, string>();
  const get = (i: number) => {
    const p = precision[i]!;
    if (p === 255) return undefined;
    const key = days[i]! * 4 + p;
    let date = written.get(key);
    if (date === undefined) {
      date = decodeDate(days[i]!, p);
      if (written.size < 1 << 16) written.set(key, date);
    }
    return date;
  };
  return { name: column.name, kind: 'date', days, precision, get };
}

/** The table's key orders, if any: rows whose keys were written in another order than the columns. */
function readKeyOrders(
  name: ColumnTable,
  table: TableHeader,
  count: number,
  columnCount: number,
  context: FileContext,
  label: RowLabel,
): { orderValues: Int32Array | null; shapes: number[][] } {
  if (table.orders === undefined) return { orderValues: null, shapes: [] };
  const where = `${name} key orders`;
  const orderValues = context.buffers.typed(Int32Array, table.orders.values, 'int32', count, where);
  const shapes = table.orders.shapes;
  const ok =
    Array.isArray(shapes) &&
    shapes.every((s) => Array.isArray(s) && s.every((c) => Number.isInteger(c) && c >= 0 && c < columnCount));
  if (!ok) throw context.fail(`${name}: has key orders that name unknown columns`);
  for (let i = 0; i < count; i++)
    if (orderValues[i]! < 0 || orderValues[i]! > shapes.length)
      throw context.fail(`${name}: ${label(i)} has an unknown key order`);
  return { orderValues, shapes };
}

/** The table as its users see it: columns by name, and rows built from the columns only when asked for. */
function tableView(
  name: ColumnTable,
  count: number,
  views: ColumnView[],
  orderValues: Int32Array | null,
  shapes: number[][],
): TableView {
  const byName = new Map(views.map((v) => [v.name, v]));
  const natural = views.map((_, i) => i);
  const row = (i: number) => {
    const out: Record<string, unknown> = {};
    const order = orderValues === null || orderValues[i] === 0 ? natural : shapes[orderValues[i]! - 1]!;
    for (const c of order) setField(out, views[c]!.name, views[c]!.get(i));
    return out;
  };
  return {
    name,
    count,
    columns: views,
    column: (n) => byName.get(n),
    row,
    rows(ids) {
      // Rows whose keys were written in another order are built one by one, to keep that order.
      if (orderValues !== null && orderValues.some((o) => o !== 0)) {
        const out = Array.from({ length: count }, (_, i) => row(i));
        for (const column of views) {
          const shared = column.kind === 'ref' ? ids?.[column.table] : undefined;
          if (!shared || column.name === '__proto__') continue;
          const { values } = column as RefView;
          for (let i = 0; i < count; i++) if (values[i] !== -1) out[i]![column.name] = shared[values[i]!];
        }
        return out;
      }
      const out = new Array<Record<string, unknown>>(count);
      for (let i = 0; i < count; i++) out[i] = {};
      // One field at a time over every row: each loop stores one key, which the engine handles
      // far faster than a different key on every store.
      for (const column of views) {
        const { name } = column;
        const shared = column.kind === 'ref' ? ids?.[column.table] : undefined;
        if (name === '__proto__') for (let i = 0; i < count; i++) setField(out[i]!, name, column.get(i));
        else if (shared) {
          const { values } = column as RefView;
          for (let i = 0; i < count; i++) if (values[i] !== -1) out[i]![name] = shared[values[i]!];
        } else
          for (let i = 0; i < count; i++) {
            const value = column.get(i);
            if (value !== undefined) out[i]![name] = value;
          }
      }
      return out;
    },
  };
}

/** Sets a field unless the value is undefined; defineProperty for `__proto__`, so that it stays a field. */
function setField(record: Record<string, unknown>, name: string, value: unknown): void {
  if (value === undefined) return;
  if (name === '__proto__')
    Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  else record[name] = value;
}

function tablesReferTo(tables: Columns['tables'], target: ColumnTable): boolean {
  return Object.values(tables).some((t) => t!.columns.some((c) => c.kind === 'ref' && c.table === target));
}

/** Every row of every table: the dataset the file was written from. */
export function columnsToDataset(columns: Columns): Dataset {
  const rows = (name: ColumnTable) => {
    const table = columns.tables[name];
    return table ? table.rows() : [];
  };
  const dataset = {
    entities: rows('entities'),
    relations: rows('relations'),
    statements: rows('statements'),
    sources: rows('sources'),
  } as unknown as Dataset;
  if (columns.tables.redirects) dataset.redirects = rows('redirects') as unknown as Dataset['redirects'];
  return dataset;
}
