/**
 * The Frictionless Table Schema of each Parquet table, derived from the same columns the Parquet
 * writer writes (`parquetColumns`), so `datapackage.json` can never describe a column the file
 * does not have. Every file of a table has its table's schema. Valid under Data Package v1 and v2.
 */
import type { TableKind } from './fields.js';
import { parquetColumns, type ParquetColumn } from './parquet.js';
import { isPartitioned, parquetResourceName, SINGLE_DATASET_LAYOUT } from './parquet-layout.js';

/** A Table Schema field: its name, its Frictionless type, and `required` when the column is never null. */
export interface TableSchemaField {
  name: string;
  type: 'string' | 'date' | 'boolean' | 'integer' | 'object' | 'array';
  constraints?: { required: true };
}

/** A Table Schema foreign key: columns of this table whose values are keys of another resource. */
export interface TableSchemaForeignKey {
  fields: string[];
  reference: { resource: string; fields: string[] };
}

/** A Frictionless Table Schema (the `schema` of a tabular resource in `datapackage.json`). */
export interface TableSchema {
  fields: TableSchemaField[];
  primaryKey?: string[];
  foreignKeys?: TableSchemaForeignKey[];
}

/** How each Parquet column type reads in Frictionless terms (a JSON column holds an object: relation attributes, anchors). */
const FRICTIONLESS_TYPE: Record<ParquetColumn['type'], TableSchemaField['type']> = {
  STRING: 'string',
  DATE: 'date',
  BOOLEAN: 'boolean',
  INT32: 'integer',
  JSON: 'object',
  'LIST<STRING>': 'array',
};

/**
 * The keys that hold in every valid dataset: each record kind's `id` is unique (redirects: `from`),
 * and every reference the validator resolves points at a row of another table. Appearances have
 * no primary key (nothing forbids a source listed twice for one statement), and a redirect's `to`
 * may name a record of any kind, so it has no foreign key.
 */
const KEYS: Record<TableKind, { primaryKey?: string[]; references: [field: string, kind: TableKind][] }> = {
  entities: { primaryKey: ['id'], references: [] },
  relations: {
    primaryKey: ['id'],
    references: [
      ['source', 'entities'],
      ['target', 'entities'],
    ],
  },
  statements: {
    primaryKey: ['id'],
    references: [
      ['relation', 'relations'],
      ['speaker', 'entities'],
      ['source', 'sources'],
      ['reportedBy', 'entities'],
    ],
  },
  appearances: {
    references: [
      ['statement', 'statements'],
      ['source', 'sources'],
    ],
  },
  sources: { primaryKey: ['id'], references: [] },
  redirects: { primaryKey: ['from'], references: [] },
};

/**
 * The Table Schema of one table's Parquet files: one field per column, in file order, typed as the
 * column is; its primary key and its foreign keys to the other Parquet resources, named by
 * `resourceName`. A table split into several files (statements, by year) is no single resource,
 * so `resourceName` gives undefined for it and keys that point at it are left out: a Table
 * Schema's foreign key names one resource. The primary key holds across all of a table's files.
 */
export function parquetTableSchema(
  kind: TableKind,
  resourceName: (kind: TableKind) => string | undefined = (target) =>
    isPartitioned(SINGLE_DATASET_LAYOUT, target) ? undefined : parquetResourceName(target),
): TableSchema {
  const columns = parquetColumns(kind);
  const names = new Set(columns.map((c) => c.name));
  const { primaryKey, references } = KEYS[kind];
  const foreignKeys = references.flatMap(([field, target]) => {
    const resource = resourceName(target);
    return names.has(field) && resource !== undefined
      ? [{ fields: [field], reference: { resource, fields: [KEYS[target].primaryKey![0]!] } }]
      : [];
  });
  return {
    fields: columns.map((column) => ({
      name: column.name,
      type: FRICTIONLESS_TYPE[column.type],
      ...(column.nullable ? {} : { constraints: { required: true as const } }),
    })),
    ...(primaryKey ? { primaryKey } : {}),
    ...(foreignKeys.length > 0 ? { foreignKeys } : {}),
  };
}
