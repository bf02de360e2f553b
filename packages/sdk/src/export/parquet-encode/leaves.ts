/**
 * One row group's values of a column as Parquet stores them: the non-null leaf values in their
 * physical form (text for STRING and JSON, numbers, booleans) and the definition and repetition
 * levels that say where the nulls, the empty lists and the list boundaries are.
 */
import type { EncodedColumn } from './column-chunk.js';

/** A value that cannot go in its column; `row` is its row in the row group. */
export class ParquetValueError extends Error {
  /** The column, set by the file encoder. */
  column: string | undefined = undefined;

  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

export interface Leaves {
  /** The non-null leaf values, in the first `count` places: strings (STRING, JSON as text), integers or booleans. */
  values: unknown[];
  count: number;
  /** One entry per leaf slot (value, null or empty list); null for a required flat column. */
  definition: Uint8Array | null;
  /** Lists only: 0 where a row starts, 1 for a list's next element. */
  repetition: Uint8Array | null;
  /** Leaf slots: values and nulls. */
  slots: number;
  /** Rows in the group. */
  rows: number;
}

type Physical = (value: unknown, row: number) => string | number | boolean;

const text: Physical = (value, row) => {
  if (typeof value !== 'string') throw new ParquetValueError(row, `expected a string, got ${describe(value)}`);
  return value;
};

const json: Physical = (value, row) => {
  const written = JSON.stringify(value) as string | undefined;
  if (written === undefined) throw new ParquetValueError(row, `expected a JSON value, got ${describe(value)}`);
  return written;
};

const int32: Physical = (value, row) => {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff)
    throw new ParquetValueError(row, `expected a 32-bit integer, got ${describe(value)}`);
  return value;
};

const boolean: Physical = (value, row) => {
  if (typeof value !== 'boolean') throw new ParquetValueError(row, `expected true or false, got ${describe(value)}`);
  return value;
};

function describe(value: unknown): string {
  return Array.isArray(value) ? 'a list' : typeof value === 'string' ? JSON.stringify(value) : typeof value;
}

/**
 * The levels' typed arrays and a list column's leaf values, reused from chunk to chunk: a row
 * group's arrays would otherwise be large objects that only a full garbage collection frees.
 */
export class LeafBuffers {
  private definitionBytes = new Uint8Array(0);
  private repetitionBytes = new Uint8Array(0);
  readonly listValues: string[] = [];

  definition(slots: number): Uint8Array {
    if (this.definitionBytes.length < slots) this.definitionBytes = new Uint8Array(grown(slots));
    return this.definitionBytes.subarray(0, slots);
  }

  repetition(slots: number): Uint8Array {
    if (this.repetitionBytes.length < slots) this.repetitionBytes = new Uint8Array(grown(slots));
    return this.repetitionBytes.subarray(0, slots);
  }
}

/** A capacity for `needed` entries, with room to spare so that a buffer grows only a few times. */
export const grown = (needed: number): number => Math.max(needed, 1024, Math.ceil(needed * 1.5));

/**
 * The leaves of a group's values (`values[row]` for its `rows` rows, null or undefined for none).
 * A flat column's non-null values are moved to the front of `values`, in place.
 */
export function leavesOf(column: EncodedColumn, values: unknown[], rows: number, buffers: LeafBuffers): Leaves {
  return column.type === 'LIST<STRING>'
    ? listLeaves(column, values, rows, buffers)
    : flatLeaves(column, values, rows, buffers);
}

function flatLeaves(column: EncodedColumn, values: unknown[], rows: number, buffers: LeafBuffers): Leaves {
  const definition = column.nullable ? buffers.definition(rows) : null;
  let count = 0;
  // One loop per kind of value, each checking its own type inline (a call through a table of
  // checkers would be a megamorphic call per value).
  const type = column.type;
  for (let row = 0; row < rows; row++) {
    const value = values[row];
    if (value === null || value === undefined) {
      if (!definition) missing(row);
      definition[row] = 0;
      continue;
    }
    if (definition) definition[row] = 1;
    if (type === 'STRING') {
      if (typeof value !== 'string') text(value, row);
      values[count++] = value;
    } else if (type === 'DATE' || type === 'INT32') {
      if (typeof value !== 'number' || (value | 0) !== value) int32(value, row);
      values[count++] = value;
    } else if (type === 'BOOLEAN') {
      if (typeof value !== 'boolean') boolean(value, row);
      values[count++] = value;
    } else values[count++] = json(value, row);
  }
  return { values, count, definition, repetition: null, slots: rows, rows };
}

function missing(row: number): never {
  throw new ParquetValueError(row, 'is required');
}

/**
 * A three-level list: definition 0 is a null list (nullable columns only), one less than the
 * maximum an empty list, the maximum an element; elements are required.
 */
function listLeaves(column: EncodedColumn, values: readonly unknown[], rows: number, buffers: LeafBuffers): Leaves {
  const full = column.nullable ? 2 : 1;
  let slots = 0;
  for (let row = 0; row < rows; row++) {
    const list = values[row];
    if (list === null || list === undefined) {
      if (!column.nullable) missing(row);
      slots++;
    } else if (!Array.isArray(list)) {
      throw new ParquetValueError(row, `expected a list, got ${describe(list)}`);
    } else slots += Math.max(1, list.length);
  }
  const leaves = buffers.listValues;
  const definition = buffers.definition(slots);
  const repetition = buffers.repetition(slots);
  let slot = 0;
  let count = 0;
  for (let row = 0; row < rows; row++) {
    const list = values[row] as unknown[] | null | undefined;
    if (list === null || list === undefined || list.length === 0) {
      repetition[slot] = 0;
      definition[slot++] = list ? full - 1 : 0;
      continue;
    }
    for (let i = 0; i < list.length; i++) {
      repetition[slot] = i === 0 ? 0 : 1;
      definition[slot++] = full;
      leaves[count++] = text(list[i], row) as string;
    }
  }
  return { values: leaves, count, definition, repetition, slots, rows };
}
