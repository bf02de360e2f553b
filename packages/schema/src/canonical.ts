/**
 * Canonical form of records and datasets: keys in schema order, records sorted by id. Releases are
 * written from this form, so the same data always gives byte-identical files.
 */
import {
  AppearanceSchema,
  CoverageSchema,
  EntitySchemas,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  RECORD_KINDS,
  RECORD_SCHEMAS,
  RedirectSchema,
  type Dataset,
  type RecordKind,
} from './records.js';
import { compareIds } from './validate.js';
import { isEntityType } from './vocabulary.js';

function schemaKeys(kind: RecordKind | 'redirects', record: Record<string, unknown>): string[] {
  const schema =
    kind === 'redirects'
      ? RedirectSchema
      : kind === 'entities' && isEntityType(record.type)
        ? EntitySchemas[record.type]
        : RECORD_SCHEMAS[kind];
  return Object.keys((schema as { properties?: object }).properties ?? {});
}

/** A copy of the record with its fields in schema order (unknown fields last, sorted). */
export function canonicalRecord<T extends object>(kind: RecordKind | 'redirects', record: T): T {
  const source = record as Record<string, unknown>;
  const known = schemaKeys(kind, source);
  const extra = Object.keys(source)
    .filter((k) => !known.includes(k))
    .sort();
  const out: Record<string, unknown> = {};
  for (const key of [...known, ...extra]) {
    if (source[key] === undefined) continue;
    const value = source[key];
    // defineProperty, not assignment: a `__proto__` field from JSON.parse must stay a field.
    Object.defineProperty(out, key, {
      value: canonicalValue(key, value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out as T;
}

const keysOf = (schema: unknown) => Object.keys((schema as { properties: object }).properties);
const SELECTOR_KEYS: Record<string, string[]> = {
  TextPositionSelector: keysOf(TextPositionSelectorSchema),
  TextQuoteSelector: keysOf(TextQuoteSelectorSchema),
};
const APPEARANCE_KEYS = keysOf(AppearanceSchema);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Nested values in a fixed key order too: attributes sorted, anchors and appearances in schema order. */
function canonicalValue(key: string, value: unknown): unknown {
  if (key === 'attributes' && isObject(value)) return sortKeys(value);
  if (key === 'anchor' && isObject(value)) return inOrder(value, SELECTOR_KEYS[String(value.type)] ?? []);
  if (key === 'appearances' && Array.isArray(value))
    return value.map((a: unknown) =>
      isObject(a)
        ? inOrder(
            { ...a, ...(isObject(a.anchor) ? { anchor: canonicalValue('anchor', a.anchor) } : {}) },
            APPEARANCE_KEYS,
          )
        : a,
    );
  return value;
}

/** The object's known keys in the given order, then any others sorted. */
function inOrder(object: Record<string, unknown>, known: readonly string[]): Record<string, unknown> {
  const rest = Object.keys(object)
    .filter((k) => !known.includes(k))
    .sort();
  const out: Record<string, unknown> = {};
  for (const k of [...known, ...rest])
    if (Object.hasOwn(object, k) && object[k] !== undefined)
      Object.defineProperty(out, k, { value: object[k], enumerable: true, writable: true, configurable: true });
  return out;
}

/** A coverage declaration with its keys in schema order. */
export function canonicalCoverage<T extends object>(coverage: T): T {
  return inOrder(coverage as Record<string, unknown>, keysOf(CoverageSchema)) as T;
}

function sortKeys(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(object)
      .sort()
      .map((k) => [k, object[k]]),
  );
}

/** Each kind's schema keys with their positions, and each entity type's, built once. */
const kindPositions = new Map<RecordKind | 'redirects', ReadonlyMap<string, number>>();
const entityTypePositions = new Map<unknown, ReadonlyMap<string, number>>();
function positionsOf(kind: RecordKind | 'redirects', record: Record<string, unknown>): ReadonlyMap<string, number> {
  if (kind === 'entities') {
    // Looked up by the entity type itself: no name is made for each record.
    const known = entityTypePositions.get(record.type);
    if (known) return known;
    if (isEntityType(record.type)) {
      const positions = positionMap(schemaKeys(kind, record));
      entityTypePositions.set(record.type, positions);
      return positions;
    }
  }
  let positions = kindPositions.get(kind);
  if (!positions) {
    positions = positionMap(schemaKeys(kind, record));
    kindPositions.set(kind, positions);
  }
  return positions;
}

/**
 * Whether the object's keys are already as `inOrder` would put them: known keys in their order,
 * then the others sorted, none undefined. Integer-like keys, which objects always list first, fail
 * unless that happens to be the order too, so a false answer only ever costs a copy.
 */
function keysInOrder(object: Record<string, unknown>, known: ReadonlyMap<string, number>): boolean {
  let last = -1;
  let previousExtra: string | undefined;
  for (const key in object) {
    if (!Object.hasOwn(object, key) || object[key] === undefined) return false;
    const position = known.get(key);
    if (position !== undefined) {
      if (previousExtra !== undefined || position <= last) return false;
      last = position;
    } else {
      if (previousExtra !== undefined && previousExtra >= key) return false;
      previousExtra = key;
    }
  }
  return true;
}

const NO_KEYS: ReadonlyMap<string, number> = new Map();
const positionMap = (keys: readonly string[]) => new Map(keys.map((k, i) => [k, i]));
const SELECTOR_POSITIONS: Record<string, ReadonlyMap<string, number>> = Object.fromEntries(
  Object.entries(SELECTOR_KEYS).map(([type, keys]) => [type, positionMap(keys)]),
);
const APPEARANCE_POSITIONS = positionMap(APPEARANCE_KEYS);

const anchorInOrder = (anchor: unknown) =>
  !isObject(anchor) || keysInOrder(anchor, SELECTOR_POSITIONS[String(anchor.type)] ?? NO_KEYS);

/**
 * Whether `canonicalRecord(kind, record)` would give the record back unchanged (the same keys in the
 * same order, nested values too): true for a record read from a formatted source or a release,
 * which can then be written as it is instead of copied.
 */
export function isCanonicalRecord(kind: RecordKind | 'redirects', record: object): boolean {
  const source = record as Record<string, unknown>;
  if (Object.getPrototypeOf(source) !== Object.prototype || !keysInOrder(source, positionsOf(kind, source)))
    return false;
  const { attributes, anchor, appearances } = source;
  if (isObject(attributes)) {
    let previous: string | undefined;
    for (const key in attributes) {
      if (!Object.hasOwn(attributes, key) || (previous !== undefined && previous >= key)) return false;
      previous = key;
    }
  }
  if (!anchorInOrder(anchor)) return false;
  if (Array.isArray(appearances)) {
    for (const appearance of appearances as unknown[]) {
      if (isObject(appearance) && !(keysInOrder(appearance, APPEARANCE_POSITIONS) && anchorInOrder(appearance.anchor)))
        return false;
    }
  }
  return true;
}

/**
 * The records in id order, each in canonical form. Lists already in that form (a formatted source
 * is) are returned as they are: a release of a million statements is written without a copy.
 */
function canonicalList<T extends object>(
  kind: RecordKind | 'redirects',
  records: readonly T[],
  idOf: (record: T) => string,
): T[] {
  let sorted = true;
  let canonical = true;
  // Each id read once, kept for the next comparison.
  let previous = '';
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    if (sorted) {
      const id = idOf(record);
      if (i > 0 && compareIds(previous, id) > 0) sorted = false;
      previous = id;
    }
    if (canonical && !isCanonicalRecord(kind, record)) canonical = false;
    if (!sorted && !canonical) break;
  }
  const inOrder = sorted ? records : [...records].sort((a, b) => compareIds(idOf(a), idOf(b)));
  return canonical ? (inOrder as T[]) : inOrder.map((record) => canonicalRecord(kind, record));
}

/** The dataset with every list sorted by id and every record in canonical form (lists already so are not copied). */
export function canonicalDataset(dataset: Dataset): Dataset {
  const out = {} as Dataset;
  for (const kind of RECORD_KINDS)
    (out[kind] as unknown[]) = canonicalList(kind, dataset[kind] as readonly { id: string }[], (r) => r.id);
  if (dataset.redirects && dataset.redirects.length > 0) {
    out.redirects = canonicalList('redirects', dataset.redirects, (r) => r.from);
  }
  if (dataset.coverage) out.coverage = canonicalCoverage(dataset.coverage);
  return out;
}

/**
 * Serialises a dataset one record per line: compact enough for a million statements, and still
 * line-diffable and streamable.
 */
export function serializeDataset(dataset: Dataset): string {
  let text = '';
  for (const chunk of serializeDatasetChunks(dataset)) text += chunk;
  return text;
}

/**
 * About this many characters of records per piece: few enough writes, and each string (of up to two
 * bytes a character) stays below V8's large-object size, which would map fresh memory for every one.
 */
const PIECE = 1 << 15;
/** Records in the first run of a list; later runs are sized by the length of the one before. */
const FIRST_RUN = 64;
const MAX_RUN = 4096;

/**
 * `serializeDataset` in pieces of about 32 Ki characters (whole records, and a list's heading or
 * end), for writing a dataset too large to be held as one string (V8 strings stop at about 512 MB).
 */
export function* serializeDatasetChunks(dataset: Dataset): Generator<string> {
  const kinds: (keyof Dataset)[] = [...RECORD_KINDS];
  // Redirects appear only once a dataset has some, so older releases keep their exact shape.
  if (dataset.redirects && dataset.redirects.length > 0) kinds.push('redirects');
  let between = '{\n';
  let run = FIRST_RUN;
  for (const [k, kind] of kinds.entries()) {
    const records = (dataset[kind] ?? []) as object[];
    between += `${k > 0 ? ',\n' : ''}${JSON.stringify(kind)}: [`;
    for (let start = 0, end = 0; start < records.length; start = end) {
      end = Math.min(records.length, start + run);
      // The text between runs on its own: joined to a run's, it would be one more copy of the run.
      yield `${between}${start === 0 ? '\n' : ',\n'}`;
      between = '';
      const lines = recordLines(records, start, end);
      yield lines;
      run = Math.max(1, Math.min(MAX_RUN, Math.round(((end - start) * PIECE) / Math.max(1, lines.length))));
    }
    between += records.length > 0 ? '\n]' : ']';
  }
  // Coverage last, on one line: a declaration, not a list of records.
  if (dataset.coverage) between += `,\n"coverage": ${JSON.stringify(dataset.coverage)}`;
  yield `${between}\n}\n`;
}

/**
 * Records `start` to `end`, one JSON line each, joined by `,\n`. The run is turned into JSON in one
 * call, far cheaper than one per record, and its records are then split onto lines at each `},{`.
 * That is exact only when those boundaries are the only `},{` in the text: every record is a plain
 * object (its JSON starts with `{` and ends with `}`) and exactly one character per boundary was
 * added. A run with a `},{` of its own (in a quote, between a statement's appearances) is written
 * record by record.
 */
function recordLines(records: readonly object[], start: number, end: number): string {
  const run = records.slice(start, end);
  if (run.every(isPlainRecord)) {
    const json = JSON.stringify(run);
    const lines = json.replaceAll('},{', '},\n{');
    if (lines.length - json.length === run.length - 1) return lines.slice(1, -1);
  }
  let text = JSON.stringify(run[0]);
  for (let i = 1; i < run.length; i++) text += `,\n${JSON.stringify(run[i])}`;
  return text;
}

/** An object whose JSON is `{…}`: not an array, nor one with a `toJSON` of its own. */
const isPlainRecord = (record: unknown) =>
  isObject(record) && typeof (record as { toJSON?: unknown }).toJSON !== 'function';
