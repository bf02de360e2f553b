/**
 * @claimgraph/sdk/export — a dataset in the formats journalists' and analysts' tools open: GEXF,
 * GraphML, CSV, NDJSON, Parquet and Neo4j. Runs in browsers too; writing files needs Node.
 */
export {
  exportDataset,
  streamNdjson,
  releaseFiles,
  type ExportResult,
  type ExportedFile,
  type ReleaseFile,
  type ReleaseFilesOptions,
} from './export.js';
export { EXPORT_FORMATS, EXPORT_DEFAULTS, type ExportFormat, type ExportOptions } from './options.js';
export type { ExportInput } from './records.js';
export { CSV_COLUMNS, type CsvFile } from './csv.js';
export { csvLine } from './csv-text.js';
export { NODE_ATTRIBUTES, EDGE_ATTRIBUTES } from './graph.js';
export { parquetColumns, PARQUET_ROW_GROUP_ROWS, type ParquetColumn } from './parquet.js';
export { dateYear, parquetFilePath, parquetResourceName, type ParquetPartition } from './parquet-layout.js';
export {
  parquetTableSchema,
  type TableSchema,
  type TableSchemaField,
  type TableSchemaForeignKey,
} from './table-schema.js';
export { NDJSON_KINDS, NDJSON_APPEARANCE_KIND, type NdjsonKind } from './ndjson.js';
export { NEO4J_ARRAY_DELIMITER, APPEARS_IN } from './neo4j.js';
export type { AppearanceRow } from './appearances.js';
export {
  FIELDS,
  APPEARANCE_FIELDS,
  tableFields,
  escapeFormula,
  unescapeFormula,
  type ColumnSpec,
  type Field,
  type FieldType,
  type ExportKind,
  type TableKind,
} from './fields.js';
