/**
 * Quick record checks: each record schema reshaped so that a record is checked faster with the
 * same verdict (see speedSchema). The validator compiles them at run time for the check every
 * record gets; the SDK compiles them ahead of time (quickCheckModule), so that loading a dataset
 * never loads TypeBox. A record a quick check refuses goes to the schema as it is, whose errors are
 * the ones reported.
 */
import { CloneType, FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { isPartialDate, PARTIAL_DATE_PATTERN } from './dates.js';
import { EntitySchemas, ID_PATTERNS, RelationSchema, SourceSchema, StatementSchema } from './records.js';

const ID_PATTERN_SET = new Set<string>(Object.values(ID_PATTERNS));

export interface SpeedSchema {
  /** The schema without what the other fields say is checked apart. */
  schema: TSchema;
  /** Whether the schema refuses unknown fields (checked with one Set lookup per key). */
  closed: boolean;
  /** The fields the schema knows. */
  known: string[];
  /** Top-level lists of strings whose items must be unique (checked with a Set). */
  uniqueLists: string[];
  /** Top-level partial dates, whose pattern is left out (isPartialDate holds only for a string that fits it). */
  dateFields: string[];
}

export interface SpeedSchemaOptions {
  /**
   * Leave out the id pattern of reference fields (speaker, relation, source…), for a caller that
   * looks every reference up among ids that passed their own pattern, which proves the same (the SDK).
   * Default false: the pattern stays.
   */
  uncheckedReferences?: boolean;
}

/**
 * A record schema with the same verdicts as the schema itself once the fields it names are checked
 * apart, for speed: unknown fields with one Set lookup per key rather than an array allocated per
 * record and searched per key, unique lists with a Set rather than by hashing each item, partial
 * dates by their character codes rather than a regular expression.
 */
export function speedSchema(schema: TSchema, options: SpeedSchemaOptions = {}): SpeedSchema {
  const copy = CloneType(schema) as TSchema & { properties: Record<string, TSchema>; additionalProperties?: unknown };
  const uniqueLists: string[] = [];
  const dateFields: string[] = [];
  for (const [key, property] of Object.entries(copy.properties)) {
    const pattern = property.pattern as string | undefined;
    if (options.uncheckedReferences && key !== 'id' && pattern !== undefined && ID_PATTERN_SET.has(pattern))
      delete property.pattern;
    if (pattern === PARTIAL_DATE_PATTERN) {
      delete property.pattern;
      dateFields.push(key);
    }
    if (
      property.type === 'array' &&
      property.uniqueItems === true &&
      (property.items as { type?: unknown } | undefined)?.type === 'string'
    ) {
      delete property.uniqueItems;
      uniqueLists.push(key);
    }
  }
  const closed = copy.additionalProperties === false;
  delete copy.additionalProperties;
  return { schema: copy, closed, known: Object.keys(copy.properties), uniqueLists, dateFields };
}

/** A yes/no record check: yes only when the schema it was made from accepts the record. */
export type QuickCheck = (record: Record<string, unknown>) => boolean;

export interface FieldByFieldOptions extends SpeedSchemaOptions {
  /**
   * Also require the record's own property names to be exactly the keys walked (one array of them
   * per record), as the schema's additionalProperties counts them: a non-enumerable own field is
   * then refused too. Default false: the walk sees enumerable keys only, as JSON.parse makes them.
   */
  exactOwnKeys?: boolean;
}

/** Object keywords the field-by-field check knows how to honour; any other is refused. */
const OBJECT_KEYWORDS = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  '$id',
  'title',
  'description',
]);

/**
 * The source of `(function (format, isPartialDate) { … })`, which returns a record schema's quick
 * check. It walks the record's keys once, checking each field where it is met (its own schema,
 * compiled by TypeBox; partial dates on the calendar; unique lists with a Set) and counting the
 * required ones: no lookup of the many optional fields a record leaves out, and the unknown-field
 * check comes free. Loads of a million records spend most of their record checks on those lookups.
 */
export function fieldByFieldCode(schema: TSchema, options: FieldByFieldOptions = {}): string {
  const speed = speedSchema(schema, options);
  const name = String(schema.$id ?? schema.title);
  const object = speed.schema as TSchema & { properties: Record<string, TSchema>; required?: string[] };
  for (const keyword of Object.keys(object))
    if (!OBJECT_KEYWORDS.has(keyword))
      throw new Error(`quick-check: ${name}: cannot check "${keyword}" field by field`);
  if (object.type !== 'object') throw new Error(`quick-check: ${name}: not an object schema`);
  const required = new Set(object.required ?? []);
  const fields: string[] = [];
  const cases: string[] = [];
  Object.entries(object.properties).forEach(([key, property], i) => {
    const code = TypeCompiler.Code(property, [], { language: 'javascript' });
    // The compiled code may call only `format` (the schema's `uri`): no custom kinds, no hashing.
    if (/\b(kind|hash)\(/.test(code) || JSON.stringify(property).includes('"uniqueItems"'))
      throw new Error(`quick-check: ${name}: field ${key} needs TypeBox at run time`);
    fields.push(`  const field${i} = (function () {\n${code}\n  })();`);
    const tests = [`field${i}(value)`];
    if (speed.dateFields.includes(key)) tests.push('isPartialDate(value)');
    if (speed.uniqueLists.includes(key)) tests.push('(value.length < 2 || new Set(value).size === value.length)');
    const ok = tests.join(' && ');
    cases.push(
      required.has(key)
        ? `        case ${JSON.stringify(key)}:\n          if (!(${ok})) return false;\n          required++;\n          break;`
        : // An optional field holding undefined counts as left out, as in TypeBox's own check.
          `        case ${JSON.stringify(key)}:\n          if (value !== undefined && !(${ok})) return false;\n          break;`,
    );
  });
  for (const key of required)
    if (TypeCompiler.Compile(object.properties[key]!).Check(undefined))
      throw new Error(`quick-check: ${name}: required field ${key} accepts undefined, so it cannot be counted`);
  const walked = options.exactOwnKeys ? '      walked++;\n' : '';
  return `(function (format, isPartialDate) {
${fields.join('\n')}
  return function check(record) {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) return false;
    let required = 0;
${options.exactOwnKeys ? '    let walked = 0;\n' : ''}    for (const key in record) {
      const value = record[key];
${walked}      switch (key) {
${cases.join('\n')}
        default:
          ${speed.closed ? 'return false;' : 'break;'}
      }
    }
    return required === ${required.size}${options.exactOwnKeys ? ' && walked === Object.getOwnPropertyNames(record).length' : ''};
  };
})`;
}

/** What fieldByFieldCode's code evaluates to. */
type QuickCheckMaker = (
  format: (name: string, value: unknown) => boolean,
  isDate: (value: unknown) => boolean,
) => QuickCheck;

/** The `format` function compiled checks call: the registered format's verdict, false when unregistered. */
function registeredFormat(name: string, value: unknown): boolean {
  const check = FormatRegistry.Get(name);
  return check !== undefined && check(value as string);
}

/**
 * A record schema's quick check, compiled now. Called with the `uri` format registered (the
 * validator's getCheckers does so). Reads a record only as deep as the schema goes, so any nesting is safe.
 */
export function compileQuickCheck(schema: TSchema): QuickCheck {
  const code = fieldByFieldCode(schema, { exactOwnKeys: true });
  // Made a function as TypeBox makes its own compiled checks: from code generated from the schema.
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the code is generated from our own schemas
  const make = (new Function(`return ${code};`) as () => QuickCheckMaker)();
  return make(registeredFormat, isPartialDate);
}

/** Every schema the SDK's quick checks are compiled from, by name: entity types, then the other record kinds. */
export function quickCheckSchemas() {
  return {
    entity: EntitySchemas as Record<string, TSchema>,
    relation: RelationSchema as TSchema,
    statement: StatementSchema as TSchema,
    source: SourceSchema as TSchema,
  };
}

/**
 * One of the SDK's checks: references are not pattern-checked (the SDK looks every one up among ids
 * that passed their own pattern), and keys are walked as JSON.parse makes them.
 */
function sdkCheck(schema: TSchema): string {
  return `${fieldByFieldCode(schema, { uncheckedReferences: true })}(format, isPartialDate)`;
}

/** The text of the SDK's ahead-of-time quick-check module (`src/generated/quick-checks.js`). */
export function quickCheckModule(): string {
  const { entity, ...others } = quickCheckSchemas();
  const entities = Object.entries(entity)
    .map(([type, schema]) => `  ${JSON.stringify(type)}: ${sdkCheck(schema)},`)
    .join('\n');
  return `// Generated by @claimgraph/schema's quickCheckModule from its TypeBox schemas (npm run build); do not edit.
import { isAbsoluteUrl, isPartialDate } from '@claimgraph/schema';

const format = (name, value) => name === 'uri' && isAbsoluteUrl(value);

export const ENTITY_CHECKS = {
${entities}
};
${Object.entries(others)
  .map(([name, schema]) => `\nexport const ${name.toUpperCase()}_CHECK = ${sdkCheck(schema)};\n`)
  .join('')}`;
}
