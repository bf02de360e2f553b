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
  /** The non-null leaf values: strings (STRING, JSON as text), integers or booleans. */
  values: (string | number | boolean)[];
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

const PHYSICAL: Record<EncodedColumn['type'], Physical> = {
  STRING: text,
  JSON: json,
  DATE: int32,
  INT32: int32,
  BOOLEAN: boolean,
  'LIST<STRING>': text,
};

/** The leaves of a group's values (`values[row]`, null or undefined for none). */
export function leavesOf(column: EncodedColumn, values: readonly unknown[]): Leaves {
  return column.type === 'LIST<STRING>' ? listLeaves(column, values) : flatLeaves(column, values);
}

function flatLeaves(column: EncodedColumn, values: readonly unknown[]): Leaves {
  const rows = values.length;
  if (!column.nullable && (column.type === 'STRING' || column.type === 'BOOLEAN')) {
    // A required string or boolean column is its own leaves once checked: no copy.
    const expected = column.type === 'STRING' ? 'string' : 'boolean';
    for (let row = 0; row < rows; row++) {
      if (typeof values[row] !== expected) PHYSICAL[column.type](values[row] ?? missing(row), row);
    }
    return { values: values as (string | boolean)[], definition: null, repetition: null, slots: rows, rows };
  }
  const physical = PHYSICAL[column.type];
  const leaves: (string | number | boolean)[] = [];
  const definition = column.nullable ? new Uint8Array(rows) : null;
  const textual = column.type === 'STRING';
  for (let row = 0; row < rows; row++) {
    const value = values[row];
    if (value === null || value === undefined) {
      if (!definition) missing(row);
      continue;
    }
    if (definition) definition[row] = 1;
    // Strings, the commonest, are checked here rather than through a call.
    leaves.push(textual && typeof value === 'string' ? value : physical(value, row));
  }
  return { values: leaves, definition, repetition: null, slots: rows, rows };
}

function missing(row: number): never {
  throw new ParquetValueError(row, 'is required');
}

/**
 * A three-level list: definition 0 is a null list (nullable columns only), one less than the
 * maximum an empty list, the maximum an element; elements are required.
 */
function listLeaves(column: EncodedColumn, values: readonly unknown[]): Leaves {
  const rows = values.length;
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
  const leaves: string[] = [];
  const definition = new Uint8Array(slots);
  const repetition = new Uint8Array(slots);
  let slot = 0;
  for (let row = 0; row < rows; row++) {
    const list = values[row] as unknown[] | null | undefined;
    if (list === null || list === undefined) {
      slot++;
    } else if (list.length === 0) {
      definition[slot++] = full - 1;
    } else {
      for (let i = 0; i < list.length; i++) {
        if (i > 0) repetition[slot] = 1;
        definition[slot++] = full;
        leaves.push(text(list[i], row) as string);
      }
    }
  }
  return { values: leaves, definition, repetition, slots, rows };
}
