/**
 * The columns every export writes, derived from the schema's TypeBox objects (never listed twice),
 * and the value encodings shared by the formats: how lists, objects and partial dates are flattened.
 */
import {
  AppearanceSchema,
  datePrecision,
  earliestDay,
  EntitySchemas,
  latestDay,
  PARTIAL_DATE_PATTERN,
  RedirectSchema,
  RelationSchema,
  SourceSchema,
  StatementSchema,
  type DatePrecision,
} from '@claimgraph/schema';

/**
 * How a field is stored: `string` (text, ids, enums), `date` (a partial date kept as written),
 * `boolean`, `list` (of strings: aliases), `json` (an object: relation attributes).
 */
export type FieldType = 'string' | 'date' | 'boolean' | 'list' | 'json';

export interface Field {
  name: string;
  type: FieldType;
  /** Present on every valid record of its kind. */
  required: boolean;
  /** Free text (names, quotes, notes, URLs): a string with no pattern and no fixed set of values. */
  freeText: boolean;
}

/** The record kinds an export writes, in release order; redirects only when a dataset has some. */
export type ExportKind = 'entities' | 'relations' | 'statements' | 'sources' | 'redirects';

interface PropertyLike {
  type?: string;
  pattern?: string;
  const?: unknown;
  anyOf?: { type?: string }[];
  items?: { type?: string };
}

interface SchemaLike {
  properties?: Record<string, PropertyLike>;
  required?: string[];
}

function fieldType(property: PropertyLike): FieldType {
  // A list of objects (appearances) is JSON like any object; only lists of strings are lists.
  if (property.type === 'array') return property.items?.type === 'object' ? 'json' : 'list';
  if (property.type === 'object') return 'json';
  if (property.anyOf?.length && property.anyOf.every((p) => p.type === 'object')) return 'json';
  if (property.type === 'boolean') return 'boolean';
  if (property.type === 'string' && property.pattern === PARTIAL_DATE_PATTERN) return 'date';
  return 'string';
}

/** The fields of one or more closed schemas, in schema order; a field is required only when every schema requires it. */
function fieldsOf(schemas: SchemaLike[]): Field[] {
  const fields = new Map<string, Field>();
  for (const schema of schemas) {
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      if (!fields.has(name)) {
        const type = fieldType(property);
        const freeText =
          type === 'string' &&
          property.type === 'string' &&
          property.pattern === undefined &&
          property.const === undefined;
        fields.set(name, { name, type, required: true, freeText });
      }
    }
  }
  for (const field of fields.values()) field.required = schemas.every((s) => s.required?.includes(field.name) ?? false);
  return [...fields.values()];
}

/** Every field a record of each kind can have: entities get the union of all entity types' fields. */
export const FIELDS: Readonly<Record<ExportKind, readonly Field[]>> = {
  entities: fieldsOf(Object.values(EntitySchemas) as SchemaLike[]),
  relations: fieldsOf([RelationSchema as SchemaLike]),
  statements: fieldsOf([StatementSchema as SchemaLike]),
  sources: fieldsOf([SourceSchema as SchemaLike]),
  redirects: fieldsOf([RedirectSchema as SchemaLike]),
};

/**
 * The appearances table: one row per statement and source that reports it — `statement`, `source`,
 * `own` (true for the statement's own `source`, false for an appearance), then the appearance's
 * other fields (`anchor`, `note`; the own source's anchor is the statement's). A statement's
 * `appearances` field is written here, never as a column of the statements table.
 */
export const APPEARANCE_FIELDS: readonly Field[] = (() => {
  const [source, ...rest] = fieldsOf([AppearanceSchema as SchemaLike]);
  return [
    { name: 'statement', type: 'string', required: true, freeText: false },
    source!,
    { name: 'own', type: 'boolean', required: true, freeText: false },
    ...rest,
  ];
})();

/** The tables an export writes: one per record kind, and the appearances of statements in sources. */
export type TableKind = ExportKind | 'appearances';

/** The fields of each table's rows: a record kind's fields (statements without `appearances`), or the appearances table's. */
export function tableFields(kind: TableKind): readonly Field[] {
  if (kind === 'appearances') return APPEARANCE_FIELDS;
  return kind === 'statements' ? fieldsExcept('statements', 'appearances') : FIELDS[kind];
}

/** The field list of a kind without some fields (those a format writes under another name). */
export function fieldsExcept(kind: ExportKind, ...names: string[]): Field[] {
  return FIELDS[kind].filter((f) => !names.includes(f.name));
}

/**
 * A column (CSV) or attribute (GEXF, GraphML) of an export: the record field it holds, or none for
 * a derived value that readers skip (a label, a weight, a status).
 */
export interface ColumnSpec {
  header: string;
  /** The record field; undefined for values computed from other data. */
  field?: string;
  /** How the value is written: `number` as a number, the rest as `flatValue` describes. */
  type: FieldType | 'number';
  /** A derived column of a partial date field: its first day, last day or precision (`date_start`…). */
  dateOf?: { field: string; part: 'start' | 'end' | 'precision' };
}

/**
 * The columns with each partial date field `F` followed by `F_start` and `F_end` (the first and
 * last day it can mean, `YYYY-MM-DD`) and `F_precision` (year, month or day), as in Parquet.
 */
export function withDateRanges(specs: readonly ColumnSpec[]): ColumnSpec[] {
  return specs.flatMap((spec) =>
    spec.type === 'date' && spec.field !== undefined
      ? [
          spec,
          ...(['start', 'end', 'precision'] as const).map((part): ColumnSpec => ({
            header: `${spec.field}_${part}`,
            type: part === 'precision' ? 'string' : 'date',
            dateOf: { field: spec.field!, part },
          })),
        ]
      : [spec],
  );
}

/** The value of a derived date column for a record; undefined when the date is absent. */
export function dateRangeValue(
  dateOf: NonNullable<ColumnSpec['dateOf']>,
  record: Record<string, unknown>,
): string | undefined {
  const value = record[dateOf.field];
  return typeof value === 'string' ? dateRange(value)[dateOf.part] : undefined;
}

/** One column per field of a kind, named after the field, skipping the fields given. */
export function fieldColumns(kind: ExportKind, ...skip: string[]): ColumnSpec[] {
  return fieldsExcept(kind, ...skip).map((f) => ({ header: f.name, field: f.name, type: f.type }));
}

/**
 * The flat text form of a value, for formats whose cells hold only text (CSV, GEXF, GraphML):
 * lists and objects as JSON (`["Siraj Haqqani"]`, `{"role":"deputy leader"}`), booleans as
 * `true`/`false`; `undefined` when the field is absent. `JSON.parse` reverses lists and objects.
 */
export function flatValue(type: FieldType, value: unknown): string | boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (type === 'list' || type === 'json') return JSON.stringify(value);
  if (type === 'boolean') return typeof value === 'boolean' ? value : String(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The first and last day a partial date can mean and its precision, for sortable derived columns. */
export function dateRange(value: string): { start: string; end: string; precision: DatePrecision } {
  return { start: earliestDay(value), end: latestDay(value), precision: datePrecision(value) };
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a `YYYY-MM-DD` day: how Parquet's DATE type stores it. */
export function epochDays(day: string): number {
  return Math.round(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / DAY_MS);
}

/** Characters that make a spreadsheet read a cell as a formula (OWASP's CSV injection list). */
const FORMULA_START = /^'*[=+\-@\t\r]/;
const ESCAPED_FORMULA = /^'+[=+\-@\t\r]/;

/**
 * Protects spreadsheet users from CSV injection: a cell starting with `=`, `+`, `-`, `@`, tab or
 * CR gets a leading `'`, which Excel, LibreOffice and Google Sheets show as text. A cell that
 * already starts with quotes before such a character gets one more, so `unescapeFormula` is exact.
 */
export function escapeFormula(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Reverses `escapeFormula`: the reader side of a CSV written with `formulaEscape: true`. */
export function unescapeFormula(cell: string): string {
  return ESCAPED_FORMULA.test(cell) ? cell.slice(1) : cell;
}
