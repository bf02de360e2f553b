/**
 * The Parquet export: one folder per table (`parquet-layout.ts` says which files), typed columns
 * (lists, JSON, booleans, integers) and, for every partial date, sortable DATE columns beside the
 * date as written. Runs anywhere: the encoder (`parquet-encode/`) returns bytes; only the Node path writes files.
 */
import { RELATION_TYPE_INFO, type RelationType, type Statement } from '@claimgraph/schema';
import { ClaimGraphError } from '../errors.js';
import { dateRange, epochDays, tableFields, type ExportKind, type Field, type TableKind } from './fields.js';
import type { ExportPart } from './files.js';
import { canonicalRecords, type ExportRecord, type ExportRecords, type RelationStats } from './records.js';
import {
  isPartitioned,
  parquetFilePath,
  parquetResourceName,
  partitionRows,
  SINGLE_DATASET_LAYOUT,
  type ParquetLayout,
  type PartitionGroup,
} from './parquet-layout.js';
import { parquetTableSchema } from './table-schema.js';
import { ChunkWriter } from './parquet-encode/column-chunk.js';
import { ParquetFileEncoder, type ParquetFileOptions } from './parquet-encode/file.js';
import { ParquetValueError } from './parquet-encode/leaves.js';
import { writerParts, type WriterParts } from './parquet-encode/writer-parts.js';

/** A Parquet column: its name, its physical and logical type, and whether it may be null. */
export interface ParquetColumn {
  name: string;
  /** `STRING`, `DATE` (days since 1970, read as a date by DuckDB, Spark and pandas), `BOOLEAN`, `INT32`, `JSON`, or `LIST<STRING>`. */
  type: 'STRING' | 'DATE' | 'BOOLEAN' | 'INT32' | 'JSON' | 'LIST<STRING>';
  nullable: boolean;
  /** The record field it holds, or undefined for a derived column. */
  field?: string;
  /** Free text (names, quotes, notes): written without min/max statistics. */
  freeText?: boolean;
}

/**
 * The columns of one table's files: each field in schema order; after each partial date `F` come
 * `F_start` and `F_end` (the first and last day it can mean) and `F_precision` (year, month or
 * day). The relations table ends with `status`, `supports`, `disputes` and `symmetric`; the
 * statements table leaves `appearances` to the appearances table (`statement`, `source`, `own`,
 * `anchor`, `note`: one row per statement and source). Partition columns (`year`, `dataset`) are
 * in the folder names, never in the files, as Hive, Spark and DuckDB expect.
 */
export function parquetColumns(kind: TableKind): ParquetColumn[] {
  const columns: ParquetColumn[] = [];
  for (const field of tableFields(kind)) {
    const nullable = !field.required;
    columns.push({
      name: field.name,
      type: TYPE_OF[field.type],
      nullable,
      field: field.name,
      ...(field.freeText ? { freeText: true } : {}),
    });
    if (field.type === 'date') {
      columns.push(
        { name: `${field.name}_start`, type: 'DATE', nullable },
        { name: `${field.name}_end`, type: 'DATE', nullable },
        { name: `${field.name}_precision`, type: 'STRING', nullable },
      );
    }
  }
  if (kind === 'relations') {
    columns.push(
      { name: 'status', type: 'STRING', nullable: false },
      { name: 'supports', type: 'INT32', nullable: false },
      { name: 'disputes', type: 'INT32', nullable: false },
      { name: 'symmetric', type: 'BOOLEAN', nullable: false },
    );
  }
  return columns;
}

const TYPE_OF: Record<Field['type'], ParquetColumn['type']> = {
  string: 'STRING',
  date: 'STRING',
  boolean: 'BOOLEAN',
  list: 'LIST<STRING>',
  json: 'JSON',
};

type SchemaElement = {
  name: string;
  type?: 'BYTE_ARRAY' | 'INT32' | 'BOOLEAN';
  converted_type?: 'UTF8' | 'DATE' | 'JSON' | 'LIST';
  logical_type?: { type: 'STRING' | 'DATE' | 'JSON' | 'LIST' };
  repetition_type?: 'REQUIRED' | 'OPTIONAL' | 'REPEATED';
  num_children?: number;
};

/**
 * The schema elements of a column. Each carries both the logical type (read by current engines:
 * Trino, Spark 3, DuckDB, Arrow) and the older converted type (read by Hive and older Spark), so a
 * string is never read as binary and a date never as a number.
 */
function schemaElements(column: ParquetColumn): SchemaElement[] {
  const repetition_type = column.nullable ? 'OPTIONAL' : 'REQUIRED';
  const text = { type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' } } as const;
  switch (column.type) {
    case 'STRING':
      return [{ name: column.name, ...text, repetition_type }];
    case 'JSON':
      return [
        {
          name: column.name,
          type: 'BYTE_ARRAY',
          converted_type: 'JSON',
          logical_type: { type: 'JSON' },
          repetition_type,
        },
      ];
    case 'DATE':
      return [
        { name: column.name, type: 'INT32', converted_type: 'DATE', logical_type: { type: 'DATE' }, repetition_type },
      ];
    case 'INT32':
      // A bare INT32 is a signed 32-bit integer everywhere (an INTEGER annotation would add nothing).
      return [{ name: column.name, type: 'INT32', repetition_type }];
    case 'BOOLEAN':
      return [{ name: column.name, type: 'BOOLEAN', repetition_type }];
    case 'LIST<STRING>':
      // The standard three-level list, which Spark, Trino, DuckDB, pandas and BigQuery (list inference) all read as an array of strings.
      return [
        { name: column.name, converted_type: 'LIST', logical_type: { type: 'LIST' }, repetition_type, num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', ...text, repetition_type: 'REQUIRED' },
      ];
  }
}

/** A file's schema elements: the root, then each column's. */
export function parquetSchema(columns: readonly ParquetColumn[]): ParquetFileOptions['schema'] {
  const root = { name: 'root', num_children: columns.length };
  return [root, ...columns.flatMap(schemaElements)] as ParquetFileOptions['schema'];
}

/**
 * Rows per row group: engines plan their work and skip data by row group (min/max statistics), so
 * groups are large enough to read in one go (a few MB of compressed claimgraph rows) and small
 * enough that a date or id filter skips most of a large table.
 */
export const PARQUET_ROW_GROUP_ROWS = 100_000;

/**
 * Bytes kept of a string's min/max statistics: ids and dates stay whole (exact bounds let
 * engines skip row groups on `id = …`); a longer value is cut, its max rounded up as the spec asks.
 */
const STATISTICS_LENGTH = 64;

/** The writer's `created_by`: fixed, so that the same data always gives the same bytes. */
const CREATED_BY = 'claimgraph';

/** What writes the files of one export: hyparquet-writer's byte-level parts and the reused page buffers. */
interface ParquetEncoder {
  parts: WriterParts;
  chunks: ChunkWriter;
  /** One array per column place, refilled for every row group of every table. */
  columns: unknown[][];
}

async function parquetEncoder(): Promise<ParquetEncoder> {
  const parts = await writerParts();
  return { parts, chunks: new ChunkWriter(parts), columns: [] };
}

/** A partial date's derived columns, memoised: a dataset repeats the same few thousand dates. */
function dateColumns(): (value: unknown) => [number, number, string] | null {
  const seen = new Map<string, [number, number, string]>();
  return (value) => {
    if (typeof value !== 'string') return null;
    let derived = seen.get(value);
    if (!derived) {
      const range = dateRange(value);
      derived = [epochDays(range.start), epochDays(range.end), range.precision];
      seen.set(value, derived);
    }
    return derived;
  };
}

/**
 * A table's rows, read by position and field: no row object is made. A record table reads its
 * records (canonical copies only of those that are not); the appearances table reads each
 * statement's own source and its appearances, a row being a statement and an appearance index.
 */
interface TableSource {
  length: number;
  /** The id a row is named and partitioned by (a redirect's `from`, an appearance's statement). */
  id: (position: number) => string;
  date: (position: number) => unknown;
  /**
   * Fills the columns of the fields rows have (`columns` by field name) for `rows` rows, row `i`
   * being `positions[first + i]`; leaves the other places as they are (a field a row lacks stays
   * undefined). Positions are read from the array, not through a function made per row group: a
   * call per row to a new closure each group makes the optimised loop bail out.
   */
  readRows: (
    columns: ReadonlyMap<string, unknown[]>,
    positions: readonly number[],
    first: number,
    rows: number,
  ) => void;
}

function recordSource(records: ExportRecords, kind: ExportKind): TableSource {
  const list = (
    records.canonical ? records[kind] : [...canonicalRecords<ExportRecord>(records, kind)]
  ) as readonly Record<string, unknown>[];
  const key = kind === 'redirects' ? 'from' : 'id';
  return {
    length: list.length,
    id: (i) => String(list[i]![key]),
    date: (i) => list[i]!.date,
    // A record's own keys are visited: reading every field of every row would mostly look up absent ones.
    readRows: (columns, positions, first, rows) => {
      for (let i = 0; i < rows; i++) {
        const record = list[positions[first + i]!]!;
        for (const key in record) {
          const column = columns.get(key);
          if (column) column[i] = record[key];
        }
      }
    },
  };
}

function appearanceSource(records: ExportRecords): TableSource {
  const statements = (
    records.canonical ? records.statements : [...canonicalRecords<Statement>(records, 'statements')]
  ) as readonly Statement[];
  // Row i is statement `of[i]`'s own source (`appearance[i]` = -1) or its appearance `appearance[i]`.
  let length = 0;
  // Indexed, as in relationStats: a for…of run once per build makes an iterator result per statement.
  for (let s = 0; s < statements.length; s++) length += 1 + (statements[s]!.appearances?.length ?? 0);
  const of = new Int32Array(length);
  const appearance = new Int32Array(length);
  let row = 0;
  for (let s = 0; s < statements.length; s++) {
    of[row] = s;
    appearance[row++] = -1;
    const count = statements[s]!.appearances?.length ?? 0;
    for (let a = 0; a < count; a++) {
      of[row] = s;
      appearance[row++] = a;
    }
  }
  const statement = (p: number) => statements[of[p]!]! as Statement & Record<string, unknown>;
  // One loop per column, each reading its field directly: no closure call per row.
  const readRows: TableSource['readRows'] = (columns, positions, first, rows) => {
    for (const [name, values] of columns) {
      if (name === 'statement') {
        for (let i = 0; i < rows; i++) values[i] = statement(positions[first + i]!).id;
      } else if (name === 'own') {
        for (let i = 0; i < rows; i++) values[i] = appearance[positions[first + i]!]! < 0;
      } else {
        // The own source's row takes the statement's source and anchor; it has no note.
        const ownField = name === 'note' ? undefined : name;
        for (let i = 0; i < rows; i++) {
          const p = positions[first + i]!;
          const a = appearance[p]!;
          if (a >= 0) values[i] = (statement(p).appearances![a]! as Record<string, unknown>)[name];
          else values[i] = ownField === undefined ? undefined : statement(p)[ownField];
        }
      }
    }
  };
  return { length, id: (p) => statement(p).id, date: () => undefined, readRows };
}

/**
 * Writes some rows of one table (`positions` of `source`) as a Parquet file, in memory: a row
 * group at a time, each group's columns filled (one pass over its rows each) and encoded.
 */
function parquetTable(
  encoder: ParquetEncoder,
  kind: TableKind,
  source: TableSource,
  positions: readonly number[],
  stats: RelationStats | null,
  method: string,
): Uint8Array {
  const columns = parquetColumns(kind);
  const file = new ParquetFileEncoder(
    encoder.parts,
    encoder.chunks,
    // Min/max statistics help engines skip row groups on ids, dates and enums; on free text they only cost time.
    columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable, statistics: !c.freeText })),
    { schema: parquetSchema(columns), createdBy: CREATED_BY, statisticsLength: STATISTICS_LENGTH },
  );
  const dates = dateColumns();
  for (let first = 0; first < positions.length; first += PARQUET_ROW_GROUP_ROWS) {
    const rows = Math.min(PARQUET_ROW_GROUP_ROWS, positions.length - first);
    const data = groupColumns(encoder, kind, columns, source, positions, first, rows, stats, dates);
    try {
      file.writeRowGroup(data, rows);
    } catch (error) {
      if (!(error instanceof ParquetValueError)) throw error;
      const field = columns.find((c) => c.name === error.column)?.field ?? error.column;
      throw new ClaimGraphError(
        `${method}(): ${kind}: ${source.id(positions[first + error.row]!)} /${field}: ${error.message}; validate the dataset (claimgraph validate)`,
      );
    }
  }
  return file.finish();
}

/**
 * The columns of one row group, in `columns` order, filled into the encoder's reused arrays:
 * row `i` is `positions[first + i]` of `source`. Each column is filled in one pass over the rows.
 */
function groupColumns(
  encoder: ParquetEncoder,
  kind: TableKind,
  columns: readonly ParquetColumn[],
  source: TableSource,
  positions: readonly number[],
  first: number,
  rows: number,
  stats: RelationStats | null,
  dates: (value: unknown) => [number, number, string] | null,
): unknown[][] {
  const data = columns.map((_, c) => {
    const reused = encoder.columns[c];
    // Made once, as long as the export needs (see columnArrays); this is for a caller that did not size them.
    return reused && reused.length >= rows ? reused : (encoder.columns[c] = new Array<unknown>(rows));
  });
  const place = new Map(columns.map((c, i) => [c.name, i]));
  const filled = new Set<string>();
  const column = (name: string): unknown[] => {
    filled.add(name);
    return data[place.get(name)!]!;
  };
  const fields = tableFields(kind);
  const byName = new Map<string, unknown[]>();
  for (const field of fields) byName.set(field.name, column(field.name).fill(undefined, 0, rows));
  source.readRows(byName, positions, first, rows);
  for (const field of fields) {
    // A required field's missing value is reported by the encoder's leaf pass (parquetTable names its record).
    if (field.type === 'date') {
      const values = column(field.name);
      const start = column(`${field.name}_start`);
      const end = column(`${field.name}_end`);
      const precision = column(`${field.name}_precision`);
      fillDateColumns(values, start, end, precision, rows, dates);
    }
  }
  if (kind === 'relations' && stats) {
    const counts = [column('status'), column('supports'), column('disputes'), column('symmetric')] as const;
    fillRelationColumns(counts, column('type'), stats, positions, first, rows);
  }
  // A column nothing filled holds nulls, not the last table's values.
  for (const c of columns) if (!filled.has(c.name)) column(c.name).fill(null, 0, rows);
  return data;
}

/**
 * The arrays of a row group's columns, each made once as long as the longest group of any table
 * with a column at its place: made for the first table and grown for a later one, they cost
 * fresh memory (page faults) and garbage collection several times over.
 */
function columnArrays(tables: readonly { kind: TableKind; groups: readonly PartitionGroup[] }[]): unknown[][] {
  const lengths: number[] = [];
  for (const { kind, groups } of tables) {
    let rows = 0;
    for (const { positions } of groups) rows = Math.max(rows, Math.min(PARQUET_ROW_GROUP_ROWS, positions.length));
    const count = parquetColumns(kind).length;
    for (let c = 0; c < count; c++) lengths[c] = Math.max(lengths[c] ?? 0, rows);
  }
  return lengths.map((length) => new Array<unknown>(length));
}

// The per-row loops of groupColumns are functions of their own: a small function is optimised
// after fewer calls than the large one around it, which is what a build's one cold run pays for.

/** A partial date's `_start`, `_end` and `_precision` columns, from its own. */
function fillDateColumns(
  values: readonly unknown[],
  start: unknown[],
  end: unknown[],
  precision: unknown[],
  rows: number,
  dates: (value: unknown) => [number, number, string] | null,
): void {
  for (let i = 0; i < rows; i++) {
    const derived = dates(values[i]);
    start[i] = derived ? derived[0] : null;
    end[i] = derived ? derived[1] : null;
    precision[i] = derived ? derived[2] : null;
  }
}

/** A relation's `status`, `supports`, `disputes` and `symmetric` columns, from its statement counts and type. */
function fillRelationColumns(
  [status, supports, disputes, symmetric]: readonly [unknown[], unknown[], unknown[], unknown[]],
  types: readonly unknown[],
  stats: RelationStats,
  positions: readonly number[],
  first: number,
  rows: number,
): void {
  for (let i = 0; i < rows; i++) {
    const p = positions[first + i]!;
    status[i] = stats.status(p);
    supports[i] = stats.supports[p];
    disputes[i] = stats.disputes[p];
    symmetric[i] = RELATION_TYPE_INFO[types[i] as RelationType]?.symmetric === true;
  }
}

/**
 * The Parquet tables, one folder each: entities, relations, statements (by `year=`), appearances,
 * sources, and redirects when the dataset has some; with several datasets, each table by
 * `dataset=` too (see `ParquetLayout`). One file per partition, `part-0.parquet`.
 */
export async function parquetParts(
  records: ExportRecords,
  stats: RelationStats,
  prefix = '',
  method = 'exportDataset',
  layout: ParquetLayout = SINGLE_DATASET_LAYOUT,
  datasets: readonly string[] = [],
): Promise<ExportPart[]> {
  const encoder = await parquetEncoder();
  const kinds: TableKind[] = [
    'entities',
    'relations',
    'statements',
    'appearances',
    'sources',
    ...(records.redirects.length > 0 ? (['redirects'] as const) : []),
  ];
  const resourceName = (kind: TableKind) => (isPartitioned(layout, kind) ? undefined : parquetResourceName(kind));
  const tables = kinds.map((kind) => {
    const source = kind === 'appearances' ? appearanceSource(records) : recordSource(records, kind);
    return { kind, source, groups: partitionRows(layout, kind, source.length, source.id, source.date, datasets) };
  });
  encoder.columns = columnArrays(tables);
  return tables.flatMap(({ kind, source, groups }) => {
    const tableSchema = parquetTableSchema(kind, resourceName);
    return groups.map(({ partition, positions }): ExportPart => ({
      path: parquetFilePath(kind, partition, prefix),
      name: parquetResourceName(kind, partition),
      table: kind,
      ...(Object.keys(partition).length > 0 ? { partition } : {}),
      tableSchema,
      mediatype: 'application/vnd.apache.parquet',
      format: 'parquet',
      records: positions.length,
      content: parquetTable(encoder, kind, source, positions, kind === 'relations' ? stats : null, method),
    }));
  });
}
