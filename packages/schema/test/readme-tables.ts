/**
 * The tables of the README, generated from the code: vocabularies from `ENTITY_TYPE_INFO` and
 * `RELATION_TYPE_INFO`, fields from the TypeBox schemas. `readme.test.ts` checks the README holds them.
 */
import type { TSchema } from '@sinclair/typebox';
import { PARTIAL_DATE_PATTERN } from '../src/dates.js';
import {
  ENTITY_TYPE_INFO,
  ENTITY_TYPES,
  EntitySchemas,
  AppearanceSchema,
  CoverageSchema,
  ID_PATTERNS,
  LANGUAGE_PATTERN,
  RedirectSchema,
  RELATION_TYPE_INFO,
  RELATION_TYPES,
  RelationSchema,
  SourceSchema,
  StatementSchema,
  type EntityType,
} from '../src/index.js';

const ORGANIZATIONS: readonly EntityType[] = [
  'armed-group',
  'organization',
  'government-body',
  'international-body',
  'programme',
  'media-outlet',
];
const ACTORS: readonly EntityType[] = ['person', ...ORGANIZATIONS];

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
const cell = (text: string) => text.replace(/\|/g, '\\|');

/** Names a list of entity types by its group when it is one: "actors", "organizations, place", "any". */
export function endpoints(types: readonly EntityType[]): string {
  if (sameSet(types, ENTITY_TYPES)) return 'any';
  if (sameSet(types, ACTORS)) return 'actors';
  if (sameSet(types, ORGANIZATIONS)) return 'organizations';
  const rest = types.filter((t) => !ORGANIZATIONS.includes(t));
  if (ORGANIZATIONS.every((t) => types.includes(t))) return ['organizations', ...rest].join(', ');
  return types.join(', ');
}

export function entityTypeTable(): string {
  const rows = ENTITY_TYPES.map(
    (t) => `| \`${t}\` | ${ENTITY_TYPE_INFO[t].label} | ${cell(ENTITY_TYPE_INFO[t].description)} |`,
  );
  return ['| type | label | description |', '| --- | --- | --- |', ...rows].join('\n');
}

export function relationTypeTable(): string {
  const rows = RELATION_TYPES.map((t) => {
    const info = RELATION_TYPE_INFO[t];
    const attributes =
      Object.keys(info.attributes ?? {})
        .map((k) => `\`${k}\``)
        .join(', ') || '—';
    const excludes = (info.excludes ?? []).map((k) => `\`${k}\``).join(', ') || '—';
    return `| \`${t}\` | ${info.label} / ${info.inverseLabel} | ${info.symmetric ? 'yes' : 'no'} | ${endpoints(info.source)} | ${endpoints(info.target)} | ${attributes} | ${excludes} | ${cell(info.description)} |`;
  });
  return [
    '| type | reads (forward / inverse) | symmetric | source | target | attributes | excludes | description |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

type Json = {
  type?: string;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  const?: unknown;
  anyOf?: Json[];
  items?: Json;
  patternProperties?: Record<string, Json>;
  description?: string;
  uniqueItems?: boolean;
  title?: string;
};

function typeOf(schema: Json): string {
  if (
    schema.anyOf &&
    schema.anyOf.length === RELATION_TYPES.length &&
    schema.anyOf.every((s, i) => s.const === RELATION_TYPES[i])
  )
    return 'relation type (see the vocabulary)';
  if (schema.anyOf && schema.anyOf.every((s) => s.const !== undefined))
    return `one of ${schema.anyOf.map((s) => `\`${String(s.const)}\``).join(', ')}`;
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(', ');
  if (schema.const !== undefined) return `\`${String(schema.const)}\``;
  if (schema.type === 'string') {
    if (schema.pattern === PARTIAL_DATE_PATTERN) return 'partial date';
    if (schema.pattern === LANGUAGE_PATTERN) return 'language tag (BCP 47)';
    for (const [kind, pattern] of Object.entries(ID_PATTERNS)) if (schema.pattern === pattern) return `${kind} id`;
    if (schema.pattern) return 'id';
    if (schema.format === 'uri') return 'http(s) URL';
    const text = schema.minLength ? 'text' : 'string';
    return schema.maxLength ? `${text}, at most ${schema.maxLength} characters` : text;
  }
  if (schema.type === 'array')
    return `list of ${typeOf(schema.items ?? {})}${schema.uniqueItems ? ', no repeats' : ''}`;
  // Named objects (selectors, appearances) are described in a table or paragraph of their own.
  if (schema.type === 'object' && schema.title) return schema.title;
  if (schema.type === 'object' && schema.patternProperties) {
    const [key, value] = Object.entries(schema.patternProperties)[0]!;
    return `object: camelCase key (\`${key}\`) → ${typeOf(value)}`;
  }
  return schema.type ?? 'any';
}

/** | field | type | required | description | for the given fields of an object schema. */
export function fieldTable(schema: TSchema, only?: readonly string[]): string {
  const object = JSON.parse(JSON.stringify(schema)) as { properties: Record<string, Json>; required?: string[] };
  const required = new Set(object.required ?? []);
  const names = only ?? Object.keys(object.properties);
  const rows = names.map((name) => {
    const field = object.properties[name]!;
    return `| \`${name}\` | ${cell(typeOf(field))} | ${required.has(name) ? 'yes' : 'no'} | ${cell(field.description ?? '')} |`;
  });
  return ['| field | type | required | description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const COMMON = ['id', 'type', 'name', 'aliases', 'description'];

/** Fields every entity has (`type` shown for all types, not the person schema it is read from). */
export function entityFieldTable(): string {
  return fieldTable(EntitySchemas.person, COMMON).replace(
    '| `type` | `person` |',
    '| `type` | entity type (see the vocabulary) |',
  );
}

/** | type | extra fields | for each entity type. */
export function entityExtraFieldsTable(): string {
  const rows = ENTITY_TYPES.map((t) => {
    const object = JSON.parse(JSON.stringify(EntitySchemas[t])) as { properties: Record<string, Json> };
    const extra = Object.entries(object.properties).filter(([name]) => !COMMON.includes(name));
    const text = extra.map(([name, field]) => `\`${name}\` (${typeOf(field)})`).join('; ') || '—';
    return `| \`${t}\` | ${cell(text)} |`;
  });
  return ['| type | its own optional fields |', '| --- | --- |', ...rows].join('\n');
}

export const recordTables = () => ({
  relation: fieldTable(RelationSchema),
  statement: fieldTable(StatementSchema),
  source: fieldTable(SourceSchema),
  redirect: fieldTable(RedirectSchema),
  appearance: fieldTable(AppearanceSchema),
  coverage: fieldTable(CoverageSchema),
});
