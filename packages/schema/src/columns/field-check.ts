/**
 * One field's value checked the way validateDataset checks it (its schema property, compiled once,
 * then the record rules on that field: calendar dates, clean text), for readers that validate a
 * columnar file column by column.
 */
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { partialDateProblem } from '../dates.js';
import { EntitySchemas, RECORD_SCHEMAS, RedirectSchema } from '../records.js';
import { DATE_FIELDS, TEXT_FIELDS } from '../rules.js';
import { isAbsoluteUrl } from '../schema-check.js';
import { nameProblem, textProblem } from '../text.js';
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
  const text = (TEXT_FIELDS[table] ?? []).includes(name);
  const date = (DATE_FIELDS[table] ?? []).includes(name);
  const aliases = table === 'entities' && name === 'aliases';
  // As the validator: an entity's name and aliases by the name rules, attribute values as text.
  const textRule = table === 'entities' && name === 'name' ? nameProblem : textProblem;
  const attributes = table === 'relations' && name === 'attributes';
  const check = (value: unknown) => {
    if (!compiled.Check(value)) return false;
    if (text && typeof value === 'string' && value !== '' && textRule(value) !== null) return false;
    if (date && typeof value === 'string' && partialDateProblem(value) !== null) return false;
    if (
      aliases &&
      Array.isArray(value) &&
      value.some((a) => typeof a === 'string' && a !== '' && nameProblem(a) !== null)
    )
      return false;
    if (
      attributes &&
      typeof value === 'object' &&
      value !== null &&
      Object.values(value).some((v) => typeof v === 'string' && v !== '' && textProblem(v) !== null)
    )
      return false;
    return true;
  };
  cache.set(key, check);
  return check;
}
