/**
 * Which columns each table of the columnar file has, read from the record schemas: a field that
 * names another record becomes a reference, a vocabulary an enum, a partial date a day number.
 * A field added to a schema is carried without touching the encoder.
 */
import type { TSchema } from '@sinclair/typebox';
import { PARTIAL_DATE_PATTERN } from '../dates.js';
import { EntitySchemas, ID_PATTERNS, RECORD_SCHEMAS, RedirectSchema } from '../records.js';
import type { ColumnTable } from './format.js';

export type RefTarget = 'entities' | 'relations' | 'statements' | 'sources';

/** What the schema says a field holds, as far as the encoding cares. */
export type FieldPlan =
  | { name: string; kind: 'id' }
  | { name: string; kind: 'ref'; table: RefTarget }
  | { name: string; kind: 'enum'; values: string[] }
  | { name: string; kind: 'date' }
  | { name: string; kind: 'bool' }
  | { name: string; kind: 'string' }
  | { name: string; kind: 'strings' }
  | { name: string; kind: 'json' };

const REF_TARGETS = new Map<string, RefTarget>([
  [ID_PATTERNS.entity, 'entities'],
  [ID_PATTERNS.relation, 'relations'],
  [ID_PATTERNS.statement, 'statements'],
  [ID_PATTERNS.source, 'sources'],
]);

type Property = TSchema & {
  type?: string;
  pattern?: string;
  const?: unknown;
  anyOf?: Property[];
  items?: Property;
};

function literals(property: Property): string[] | null {
  if (typeof property.const === 'string') return [property.const];
  if (Array.isArray(property.anyOf) && property.anyOf.every((p) => typeof p.const === 'string'))
    return property.anyOf.map((p) => p.const as string);
  return null;
}

function planField(name: string, property: Property, values: string[] | null): FieldPlan {
  if (name === 'id') return { name, kind: 'id' };
  const target = property.pattern === undefined ? undefined : REF_TARGETS.get(property.pattern);
  if (target) return { name, kind: 'ref', table: target };
  if (values) return { name, kind: 'enum', values };
  if (property.pattern === PARTIAL_DATE_PATTERN) return { name, kind: 'date' };
  if (property.type === 'boolean') return { name, kind: 'bool' };
  if (property.type === 'string') return { name, kind: 'string' };
  if (property.type === 'array' && property.items?.type === 'string') return { name, kind: 'strings' };
  return { name, kind: 'json' };
}

/** The properties of a table in key order; for entities, the union over the entity types in schema order. */
function properties(table: ColumnTable): Map<string, Property[]> {
  const schemas: TSchema[] =
    table === 'entities'
      ? Object.values(EntitySchemas)
      : table === 'redirects'
        ? [RedirectSchema]
        : [RECORD_SCHEMAS[table]];
  const out = new Map<string, Property[]>();
  for (const schema of schemas) {
    for (const [key, property] of Object.entries(
      (schema as unknown as { properties: Record<string, Property> }).properties,
    )) {
      const list = out.get(key) ?? [];
      list.push(property);
      out.set(key, list);
    }
  }
  return out;
}

const plans = new Map<ColumnTable, FieldPlan[]>();

/** The fields the schema gives a table, each with the encoding it calls for. */
export function tablePlan(table: ColumnTable): FieldPlan[] {
  let plan = plans.get(table);
  if (!plan) {
    plan = [...properties(table)].map(([name, props]) => {
      const all = props.map(literals);
      const values = all.every((v) => v !== null) ? [...new Set(all.flatMap((v) => v!))] : null;
      return planField(name, props[0]!, values);
    });
    plans.set(table, plan);
  }
  return plan;
}
