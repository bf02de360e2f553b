/**
 * The Neo4j export: CSV files with `neo4j-admin database import` headers and a Cypher script for
 * LOAD CSV. Relations and statements become nodes too, so a statement can point at what it is about.
 */
import {
  ENTITY_TYPES,
  RELATION_TYPE_INFO,
  RELATION_TYPES,
  type Entity,
  type Relation,
  type RelationType,
  type Source,
  type Statement,
} from '@claimgraph/schema';
import { ClaimGraphError } from '../errors.js';
import { appearanceCount, appearanceRows, type AppearanceRow } from './appearances.js';
import { csvField, tableLines, type TableColumn } from './csv-text.js';
import { dateRange, FIELDS, type ExportKind } from './fields.js';
import { chunked, type ExportPart } from './files.js';
import { canonicalRecords, type ExportRecords, type RelationStats } from './records.js';

/**
 * Between list items and between labels. Names may hold `;` or `|`, but never a control
 * character (the validator rejects them), so U+001F keeps every list exact.
 */
export const NEO4J_ARRAY_DELIMITER = '\u001f';

type NeoType = 'string' | 'int' | 'boolean' | 'date' | 'string[]';

interface NeoColumn<T> {
  /** Property name (the part of the header before the colon), or a special column such as `:LABEL`. */
  name: string;
  type: NeoType;
  value: (record: T, position: number) => unknown;
}

const header = (c: NeoColumn<unknown>) =>
  c.name.startsWith(':') ? c.name : c.type === 'string' ? c.name : `${c.name}:${c.type}`;

/** `armed-group` → `ArmedGroup`; `part-of` → `PART_OF`. */
export const neo4jLabel = (type: string) => type.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
export const neo4jRelationshipType = (type: string) => type.toUpperCase().replace(/-/g, '_');

/** Columns for every field of a kind (partial dates get `_start`/`_end` as Neo4j dates and `_precision`). */
function fieldColumns<T>(kind: ExportKind, skip: string[]): NeoColumn<T>[] {
  const columns: NeoColumn<T>[] = [];
  for (const field of FIELDS[kind]) {
    if (skip.includes(field.name)) continue;
    const get = (r: T) => (r as Record<string, unknown>)[field.name];
    if (field.type === 'date') {
      const range = (r: T) => (typeof get(r) === 'string' ? dateRange(get(r) as string) : undefined);
      columns.push(
        { name: field.name, type: 'string', value: get },
        { name: `${field.name}_start`, type: 'date', value: (r) => range(r)?.start },
        { name: `${field.name}_end`, type: 'date', value: (r) => range(r)?.end },
        { name: `${field.name}_precision`, type: 'string', value: (r) => range(r)?.precision },
      );
    } else if (field.type === 'list') columns.push({ name: field.name, type: 'string[]', value: get });
    else if (field.type === 'boolean') columns.push({ name: field.name, type: 'boolean', value: get });
    // Neo4j properties cannot be maps: relation attributes are kept as their JSON text.
    else
      columns.push({
        name: field.name,
        type: 'string',
        value: (r) => (field.type === 'json' && get(r) !== undefined ? neo4jJson(get(r)) : get(r)),
      });
  }
  return columns;
}

/**
 * JSON text with no backslash before a quote: `"` and `\` inside strings are written `\u0022` and
 * `\u005c`, which JSON.parse reads back the same. LOAD CSV reads `\"` as an escaped quote while
 * `dbms.import.csv.legacy_quote_escaping` is on (the default) and as a backslash and a quote
 * when it is off; with only RFC 4180's doubled quotes left, both settings read the same cell.
 */
export function neo4jJson(value: unknown): string {
  return JSON.stringify(value).replace(/\\[\s\S]/g, (escape) =>
    escape === '\\"' ? '\\u0022' : escape === '\\\\' ? '\\u005c' : escape,
  );
}

/** A cell whose CSV form holds `\"`: LOAD CSV would read it differently by its quote-escaping setting. */
const AMBIGUOUS = (text: string) => csvField(text).includes('\\"');

function cellText(column: NeoColumn<unknown>, value: unknown, where: () => string): string {
  const text = cellValue(column, value, where);
  if (AMBIGUOUS(text))
    throw new ClaimGraphError(
      `exportDataset(): neo4j: ${where()} /${column.name.split(':')[0]}: holds a backslash right before a quote (or ending a text with a comma, quote or newline), which Neo4j's LOAD CSV reads differently by its dbms.import.csv.legacy_quote_escaping setting; correct the text or use another format`,
    );
  return text;
}

function cellValue(column: NeoColumn<unknown>, value: unknown, where: () => string): string {
  if (value === undefined || value === null) return '';
  if (column.type === 'string[]' || column.name === ':LABEL') {
    const items = value as string[];
    for (const item of items) {
      if (item.includes(NEO4J_ARRAY_DELIMITER))
        throw new ClaimGraphError(
          `exportDataset(): neo4j: ${where()} /${column.name}: holds U+001F, the array delimiter; validate the dataset (claimgraph validate)`,
        );
    }
    return items.join(NEO4J_ARRAY_DELIMITER);
  }
  if (column.type === 'boolean') return value === true ? 'true' : value === false ? 'false' : String(value);
  return String(value);
}

function table<T>(
  records: Iterable<T>,
  columns: NeoColumn<T>[],
  idOf: (r: T) => string = (r) => (r as { id: string }).id,
): () => Iterable<string> {
  const table = columns.map(
    (c) =>
      ({
        header: header(c as NeoColumn<unknown>),
        cell: (r: T, i: number) => cellText(c as NeoColumn<unknown>, c.value(r, i), () => idOf(r)),
      }) satisfies TableColumn<T>,
  );
  return () => chunked(tableLines(table, records));
}

/** Every source that reports a statement, its own included: (:Statement)-[:APPEARS_IN {own, anchor, note}]->(:Source). */
export const APPEARS_IN = 'APPEARS_IN';

const NODE_FILES = {
  entities: { id: 'entityId', label: 'Entity' },
  relations: { id: 'relationId', label: 'Relation' },
  statements: { id: 'statementId', label: 'Statement' },
  sources: { id: 'sourceId', label: 'Source' },
} as const;

/** The links between the reified records: (relation)-[:FROM|TO]->(entity), (speaker)-[:SAID]->(statement)… */
const LINKS = [
  { type: 'FROM', from: 'Relation', to: 'Entity' },
  { type: 'TO', from: 'Relation', to: 'Entity' },
  { type: 'SAID', from: 'Entity', to: 'Statement' },
  { type: 'ABOUT', from: 'Statement', to: 'Relation' },
  { type: 'CITED_IN', from: 'Statement', to: 'Source' },
  { type: 'REPORTED_BY', from: 'Statement', to: 'Entity' },
] as const;

interface Link {
  start: string;
  end: string;
  type: (typeof LINKS)[number]['type'];
}

function* links(records: ExportRecords): Generator<Link & { id: string }> {
  for (const r of canonicalRecords<Relation>(records, 'relations')) {
    yield { id: r.id, start: r.id, end: r.source, type: 'FROM' };
    yield { id: r.id, start: r.id, end: r.target, type: 'TO' };
  }
  for (const s of canonicalRecords<Statement>(records, 'statements')) {
    yield { id: s.id, start: s.speaker, end: s.id, type: 'SAID' };
    yield { id: s.id, start: s.id, end: s.relation, type: 'ABOUT' };
    yield { id: s.id, start: s.id, end: s.source, type: 'CITED_IN' };
    if (s.reportedBy !== undefined) yield { id: s.id, start: s.id, end: s.reportedBy, type: 'REPORTED_BY' };
  }
}

export function neo4jParts(records: ExportRecords, stats: RelationStats): ExportPart[] {
  const idColumn = <T extends { id: string }>(kind: keyof typeof NODE_FILES): NeoColumn<T> => ({
    name: `${NODE_FILES[kind].id}:ID`,
    type: 'string',
    value: (r) => r.id,
  });
  const labelColumn = <T>(labels: (r: T) => string[]): NeoColumn<T> => ({
    name: ':LABEL',
    type: 'string[]',
    value: labels,
  });
  const entityColumns = [
    idColumn<Entity>('entities'),
    labelColumn<Entity>((e) => ['Entity', neo4jLabel(e.type)]),
    ...fieldColumns<Entity>('entities', ['id']),
  ];
  const relationColumns = [
    idColumn<Relation>('relations'),
    labelColumn<Relation>(() => ['Relation']),
    ...fieldColumns<Relation>('relations', ['id']),
    { name: 'status', type: 'string', value: (_: Relation, i: number) => stats.status(i) },
    { name: 'supports', type: 'int', value: (_: Relation, i: number) => stats.supports[i] },
    { name: 'disputes', type: 'int', value: (_: Relation, i: number) => stats.disputes[i] },
    { name: 'symmetric', type: 'boolean', value: (r: Relation) => RELATION_TYPE_INFO[r.type]?.symmetric === true },
  ] satisfies NeoColumn<Relation>[];
  const statementColumns = [
    idColumn<Statement>('statements'),
    labelColumn<Statement>(() => ['Statement']),
    // Appearances are relationships to their sources (appearances.csv), not a property.
    ...fieldColumns<Statement>('statements', ['id', 'appearances']),
  ];
  const sourceColumns = [
    idColumn<Source>('sources'),
    labelColumn<Source>(() => ['Source']),
    ...fieldColumns<Source>('sources', ['id']),
  ];
  const relationshipColumns: NeoColumn<Relation>[] = [
    { name: ':START_ID', type: 'string', value: (r) => r.source },
    { name: ':END_ID', type: 'string', value: (r) => r.target },
    { name: ':TYPE', type: 'string', value: (r) => neo4jRelationshipType(r.type) },
    { name: 'relationId', type: 'string', value: (r) => r.id },
    { name: 'status', type: 'string', value: (_, i) => stats.status(i) },
    { name: 'supports', type: 'int', value: (_, i) => stats.supports[i] },
    { name: 'disputes', type: 'int', value: (_, i) => stats.disputes[i] },
  ];
  const appearanceColumns: NeoColumn<AppearanceRow>[] = [
    { name: ':START_ID', type: 'string', value: (a) => a.statement },
    { name: ':END_ID', type: 'string', value: (a) => a.source },
    { name: ':TYPE', type: 'string', value: () => APPEARS_IN },
    { name: 'own', type: 'boolean', value: (a) => a.own },
    { name: 'anchor', type: 'string', value: (a) => (a.anchor === undefined ? undefined : neo4jJson(a.anchor)) },
    { name: 'note', type: 'string', value: (a) => a.note },
  ];
  const linkColumns: NeoColumn<Link>[] = [
    { name: ':START_ID', type: 'string', value: (l) => l.start },
    { name: ':END_ID', type: 'string', value: (l) => l.end },
    { name: ':TYPE', type: 'string', value: (l) => l.type },
  ];
  const csv = (path: string, count: number, content: () => Iterable<string>): ExportPart => ({
    path,
    mediatype: 'text/csv',
    format: 'csv',
    records: count,
    content,
  });
  const linkCount =
    2 * records.relations.length +
    3 * records.statements.length +
    records.statements.filter((s) => s.reportedBy !== undefined).length;
  return [
    csv('entities.csv', records.entities.length, table(canonicalRecords<Entity>(records, 'entities'), entityColumns)),
    csv(
      'relations.csv',
      records.relations.length,
      table(canonicalRecords<Relation>(records, 'relations'), relationColumns),
    ),
    csv(
      'statements.csv',
      records.statements.length,
      table(canonicalRecords<Statement>(records, 'statements'), statementColumns),
    ),
    csv('sources.csv', records.sources.length, table(canonicalRecords<Source>(records, 'sources'), sourceColumns)),
    csv(
      'relationships.csv',
      records.relations.length,
      table(canonicalRecords<Relation>(records, 'relations'), relationshipColumns),
    ),
    csv('links.csv', linkCount, table(links(records), linkColumns)),
    csv(
      'appearances.csv',
      appearanceCount(records),
      table(appearanceRows(records), appearanceColumns, (a) => a.statement),
    ),
    {
      path: 'import.cypher',
      mediatype: 'application/x-cypher-query',
      format: 'cypher',
      content: () => [
        cypherScript({
          entities: entityColumns as NeoColumn<unknown>[],
          relations: relationColumns as NeoColumn<unknown>[],
          statements: statementColumns as NeoColumn<unknown>[],
          sources: sourceColumns as NeoColumn<unknown>[],
          relationships: relationshipColumns as NeoColumn<unknown>[],
          appearances: appearanceColumns as NeoColumn<unknown>[],
        }),
      ],
    },
  ];
}

const rowValue = (c: NeoColumn<unknown>) => `row.\`${header(c)}\``;

/** The Cypher expression that reads a column back into its typed property (empty cells become absent). */
function cypherValue(c: NeoColumn<unknown>): string {
  const cell = rowValue(c);
  const unlessEmpty = (expression: string) => `CASE coalesce(${cell}, '') WHEN '' THEN null ELSE ${expression} END`;
  switch (c.type) {
    case 'int':
      return unlessEmpty(`toInteger(${cell})`);
    case 'boolean':
      return unlessEmpty(`${cell} = 'true'`);
    case 'date':
      return unlessEmpty(`date(${cell})`);
    case 'string[]':
      return unlessEmpty(`split(${cell}, '\\u001f')`);
    default:
      return unlessEmpty(cell);
  }
}

const propertyMap = (columns: NeoColumn<unknown>[]) =>
  `{\n${columns
    .filter((c) => !c.name.startsWith(':'))
    .map((c) => `  \`${c.name.replace(/:ID$/, '')}\`: ${cypherValue(c)}`)
    .join(',\n')}\n}`;

function cypherScript(
  files: Record<
    'entities' | 'relations' | 'statements' | 'sources' | 'relationships' | 'appearances',
    NeoColumn<unknown>[]
  >,
): string {
  const lines: string[] = [
    "// claimgraph → Neo4j. Copy the .csv files into the database's import folder, then run this",
    '// script (cypher-shell -f import.cypher) on an empty database: it creates every node and link.',
    '//',
    '// For large datasets the bulk importer is much faster, with the same files (it reads the',
    '// typed headers such as supports:int and aliases:string[]):',
    '//   neo4j-admin database import full --array-delimiter=U+001F --multiline-fields=true \\',
    '//     --nodes=entities.csv --nodes=relations.csv --nodes=statements.csv --nodes=sources.csv \\',
    '//     --relationships=relationships.csv --relationships=links.csv --relationships=appearances.csv neo4j',
    '//',
    '// The files quote by RFC 4180 only (a quote inside a field is doubled) and no field holds a',
    '// backslash before a quote (JSON text writes " and \\ as \\u0022 and \\u005c), so LOAD CSV reads',
    '// them the same whatever dbms.import.csv.legacy_quote_escaping says, as does neo4j-admin.',
    '//',
    '// Model: (:Entity:<Type>), and each relation both as a relationship between its entities',
    '// (:PART_OF…, with status and statement counts) and as a (:Relation) node, so that',
    '// (:Entity)-[:SAID]->(:Statement)-[:ABOUT]->(:Relation)-[:FROM|TO]->(:Entity) and',
    '// (:Statement)-[:CITED_IN]->(:Source), (:Statement)-[:REPORTED_BY]->(:Entity), and every source',
    '// that reports a statement, its own included: (:Statement)-[:APPEARS_IN {own, anchor, note}]->(:Source).',
    '',
  ];
  for (const { id, label } of Object.values(NODE_FILES)) {
    lines.push(`CREATE CONSTRAINT ${label.toLowerCase()}_id IF NOT EXISTS FOR (n:${label}) REQUIRE n.${id} IS UNIQUE;`);
  }
  lines.push('');
  for (const [kind, { label }] of Object.entries(NODE_FILES) as [
    keyof typeof NODE_FILES,
    (typeof NODE_FILES)[keyof typeof NODE_FILES],
  ][]) {
    lines.push(
      `LOAD CSV WITH HEADERS FROM 'file:///${kind}.csv' AS row`,
      `CREATE (n:${label})`,
      `SET n += ${propertyMap(files[kind])};`,
      '',
    );
  }
  // Labels and relationship types cannot come from a value in portable Cypher, so each gets its own line.
  for (const type of ENTITY_TYPES) lines.push(`MATCH (n:Entity {type: '${type}'}) SET n:${neo4jLabel(type)};`);
  lines.push('');
  for (const type of RELATION_TYPES as readonly RelationType[]) {
    const relType = neo4jRelationshipType(type);
    lines.push(
      `LOAD CSV WITH HEADERS FROM 'file:///relationships.csv' AS row`,
      `WITH row WHERE row.\`:TYPE\` = '${relType}'`,
      'MATCH (a:Entity {entityId: row.`:START_ID`}), (b:Entity {entityId: row.`:END_ID`})',
      `CREATE (a)-[r:${relType}]->(b)`,
      `SET r += ${propertyMap(files.relationships)};`,
      '',
    );
  }
  const keyOf: Record<string, string> = {
    Entity: 'entityId',
    Relation: 'relationId',
    Statement: 'statementId',
    Source: 'sourceId',
  };
  for (const link of LINKS) {
    lines.push(
      `LOAD CSV WITH HEADERS FROM 'file:///links.csv' AS row`,
      `WITH row WHERE row.\`:TYPE\` = '${link.type}'`,
      `MATCH (a:${link.from} {${keyOf[link.from]}: row.\`:START_ID\`}), (b:${link.to} {${keyOf[link.to]}: row.\`:END_ID\`})`,
      `CREATE (a)-[:${link.type}]->(b);`,
      '',
    );
  }
  lines.push(
    `LOAD CSV WITH HEADERS FROM 'file:///appearances.csv' AS row`,
    'MATCH (a:Statement {statementId: row.`:START_ID`}), (b:Source {sourceId: row.`:END_ID`})',
    `CREATE (a)-[r:${APPEARS_IN}]->(b)`,
    `SET r += ${propertyMap(files.appearances)};`,
    '',
  );
  return lines.join('\n');
}
