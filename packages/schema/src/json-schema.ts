/**
 * The published JSON Schemas, as plain JSON objects: the TypeBox schemas minus TypeBox's own
 * symbol keys, so they serialise cleanly and any JSON Schema tool can read them.
 */
import {
  CoverageSchema,
  DatasetSchema,
  EntitySchema,
  RedirectSchema,
  RelationSchema,
  SourceSchema,
  StatementSchema,
} from './records.js';
import { ColumnsHeaderSchema } from './columns/format.js';

export type JsonSchema = { [key: string]: unknown };

/** File name → JSON Schema, for every record type, for `dataset.json` and for the header of `dataset.columns.bin`. */
export function jsonSchemas(): Record<string, JsonSchema> {
  const draft = 'https://json-schema.org/draft/2020-12/schema';
  const plain = (schema: object): JsonSchema => ({
    $schema: draft,
    ...(JSON.parse(JSON.stringify(schema)) as JsonSchema),
  });
  return {
    'entity.schema.json': plain(EntitySchema),
    'relation.schema.json': plain(RelationSchema),
    'statement.schema.json': plain(StatementSchema),
    'source.schema.json': plain(SourceSchema),
    'redirect.schema.json': plain(RedirectSchema),
    'coverage.schema.json': plain(CoverageSchema),
    'dataset.schema.json': plain(DatasetSchema),
    'columns.schema.json': plain(ColumnsHeaderSchema),
  };
}
