/**
 * One field's value checked the way validateDataset checks it (its schema property, compiled once,
 * then the record rules on that field: calendar dates, clean text, names), for readers that validate a
 * columnar file column by column.
 */
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { EntitySchemas, RECORD_SCHEMAS, RedirectSchema } from '../records.js';
import { checkFieldRules } from '../rules.js';
import { isAbsoluteUrl, type FieldProblem } from '../schema-check.js';
import type { ColumnTable } from './format.js';

const cache = new Map<string, (value: unknown) => boolean>();

/** The schema property of a field (for entities, the first entity type that has it), or undefined. */
export function fieldProperty(table: ColumnTable, name: string): TSchema | undefined {
  const schemas =
    table === 'entities'
      ? Object.values(EntitySchemas)
      : [table === 'redirects' ? RedirectSchema : RECORD_SCHEMAS[table]];
  for (const schema of schemas) {
    const property = (schema as unknown as { properties: Record<string, TSchema> }).properties[name];
    if (property) return property;
  }
  return undefined;
}

/** A check of one value of a field, or undefined for a field the schema does not have. */
export function fieldValueCheck(table: ColumnTable, name: string): ((value: unknown) => boolean) | undefined {
  const key = `${table}\u0000${name}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const property = fieldProperty(table, name);
  if (!property) return undefined;
  if (!FormatRegistry.Has('uri')) FormatRegistry.Set('uri', isAbsoluteUrl);
  const compiled = TypeCompiler.Compile(property);
  // The record rules of this one field, as validateDataset applies them (one scratch list, emptied).
  const problems: FieldProblem[] = [];
  const check = (value: unknown) => {
    if (!compiled.Check(value)) return false;
    checkFieldRules(table, name, value, problems);
    if (problems.length === 0) return true;
    problems.length = 0;
    return false;
  };
  cache.set(key, check);
  return check;
}
