/**
 * The Parquet export: one file per record kind with typed columns (lists, JSON, booleans, integers)
 * and, for every partial date, sortable DATE columns beside the date as written. Runs anywhere:
 * hyparquet-writer returns bytes, and only the Node path writes them to disk.
 */
import { RELATION_TYPE_INFO, type RelationType } from '@claimgraph/schema';
import { ClaimGraphError } from '../errors.js';
import { appearanceCount, appearanceRows } from './appearances.js';
import { dateRange, epochDays, tableFields, type Field, type TableKind } from './fields.js';
import type { ExportPart } from './files.js';
import { canonicalRecords, type ExportRecords, type ExportRecord, type RelationStats } from './records.js';
import { parquetResourceName, parquetTableSchema } from './table-schema.js';

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
 * The columns of one kind's file: each field in schema order; after each partial date `F` come
 * `F_start` and `F_end` (the first and last day it can mean) and `F_precision` (year, month or
 * day). relations.parquet ends with `status`, `supports`, `disputes` and `symmetric`;
 * statements.parquet leaves `appearances` to appearances.parquet (`statement`, `source`, `own`,
 * `anchor`, `note`: one row per statement and source).
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
  repetition_type?: 'REQUIRED' | 'OPTIONAL' | 'REPEATED';
  num_children?: number;
};

function schemaElements(column: ParquetColumn): SchemaElement[] {
  const repetition_type = column.nullable ? 'OPTIONAL' : 'REQUIRED';
  switch (column.type) {
    case 'STRING':
      return [{ name: column.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type }];
    case 'JSON':
      return [{ name: column.name, type: 'BYTE_ARRAY', converted_type: 'JSON', repetition_type }];
    case 'DATE':
      return [{ name: column.name, type: 'INT32', converted_type: 'DATE', repetition_type }];
    case 'INT32':
      return [{ name: column.name, type: 'INT32', repetition_type }];
    case 'BOOLEAN':
      return [{ name: column.name, type: 'BOOLEAN', repetition_type }];
    case 'LIST<STRING>':
      // The standard three-level list, which Spark, DuckDB, pandas and BigQuery (list inference) all read as an array of strings.
      return [
        { name: column.name, converted_type: 'LIST', repetition_type, num_children: 1 },
        { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
        { name: 'element', type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' },
      ];
  }
}

/** The writer's `created_by`: fixed, so that the same data always gives the same bytes. */
const CREATED_BY = 'claimgraph';

type ParquetWriteBuffer = (typeof import('hyparquet-writer'))['parquetWriteBuffer'];

/**
 * hyparquet-writer is an ES module only: loaded with import(), which the CommonJS build keeps,
 * it works from require() on every Node version, and only when Parquet is asked for.
 */
async function parquetWriter(): Promise<ParquetWriteBuffer> {
  return (await import('hyparquet-writer')).parquetWriteBuffer;
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

/** Writes one kind's records as a Parquet file, in memory. */
export function parquetTable(
  parquetWriteBuffer: ParquetWriteBuffer,
  records: ExportRecords,
  kind: TableKind,
  stats: RelationStats | null,
  method = 'exportDataset',
): Uint8Array {
  const columns = parquetColumns(kind);
  const data = columns.map(() => [] as unknown[]);
  const slot = (name: string) => data[columns.findIndex((c) => c.name === name)]!;
  // Each field's value column and, for dates, its three derived columns, looked up once.
  const fields = tableFields(kind).map((field) => ({
    field,
    values: slot(field.name),
    dates:
      field.type === 'date'
        ? [slot(`${field.name}_start`), slot(`${field.name}_end`), slot(`${field.name}_precision`)]
        : null,
  }));
  const derived =
    kind === 'relations' && stats
      ? { status: slot('status'), supports: slot('supports'), disputes: slot('disputes'), symmetric: slot('symmetric') }
      : null;
  const dates = dateColumns();
  let position = 0;
  const rows: Iterable<object> =
    kind === 'appearances' ? appearanceRows(records) : canonicalRecords<ExportRecord>(records, kind);
  for (const record of rows) {
    const values = record as unknown as Record<string, unknown>;
    for (const { field, values: column, dates: dateSlots } of fields) {
      const value = values[field.name];
      if (value === undefined && field.required) {
        const id = (values.id ?? values.from ?? values.statement) as string | undefined;
        throw new ClaimGraphError(
          `${method}(): ${kind}: ${String(id)} /${field.name}: is required; validate the dataset (claimgraph validate)`,
        );
      }
      column.push(value === undefined ? null : field.type === 'list' ? [...(value as string[])] : value);
      if (dateSlots) {
        const derivedDates = dates(value);
        dateSlots[0]!.push(derivedDates ? derivedDates[0] : null);
        dateSlots[1]!.push(derivedDates ? derivedDates[1] : null);
        dateSlots[2]!.push(derivedDates ? derivedDates[2] : null);
      }
    }
    if (derived) {
      derived.status.push(stats!.status(position));
      derived.supports.push(stats!.supports[position]);
      derived.disputes.push(stats!.disputes[position]);
      derived.symmetric.push(RELATION_TYPE_INFO[values.type as RelationType]?.symmetric === true);
    }
    position++;
  }
  const schema = [{ name: 'root', num_children: columns.length }, ...columns.flatMap(schemaElements)];
  const buffer = parquetWriteBuffer({
    // Min/max statistics help engines skip row groups on ids, dates and enums; on free text they only cost time.
    columnData: columns.map((c, i) => ({ name: c.name, data: data[i]!, statistics: !c.freeText })),
    schema: schema as Parameters<typeof parquetWriteBuffer>[0]['schema'],
    createdBy: CREATED_BY,
  });
  return new Uint8Array(buffer);
}

/** The Parquet files: entities, relations, statements, appearances, sources, and redirects when the dataset has some. */
export async function parquetParts(
  records: ExportRecords,
  stats: RelationStats,
  prefix = '',
  method = 'exportDataset',
): Promise<ExportPart[]> {
  const write = await parquetWriter();
  const kinds: TableKind[] = [
    'entities',
    'relations',
    'statements',
    'appearances',
    'sources',
    ...(records.redirects.length > 0 ? (['redirects'] as const) : []),
  ];
  return kinds.map((kind) => ({
    path: `${prefix}${kind}.parquet`,
    name: parquetResourceName(kind),
    tableSchema: parquetTableSchema(kind),
    mediatype: 'application/vnd.apache.parquet',
    format: 'parquet',
    records: kind === 'appearances' ? appearanceCount(records) : records[kind].length,
    content: parquetTable(write, records, kind, stats, method),
  }));
}
