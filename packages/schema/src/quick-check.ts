/**
 * Quick record checks: each record schema reshaped so that a record is checked faster with the
 * same verdict (see speedSchema). The validator compiles them at run time for the check every
 * record gets; the SDK compiles them ahead of time (quickCheckModule), so that loading a dataset
 * never loads TypeBox. A record a quick check refuses goes to the schema as it is, whose errors are
 * the ones reported.
 */
import { CloneType, type TSchema } from '@sinclair/typebox';
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

/**
 * A record schema's quick check, compiled now. Called with the `uri` format registered (the
 * validator's getCheckers does so). Reads a record only as deep as the schema goes, so any nesting is safe.
 */
export function compileQuickCheck(schema: TSchema): QuickCheck {
  const speed = speedSchema(schema);
  if (JSON.stringify(speed.schema).includes('"uniqueItems"'))
    throw new Error(`${String(schema.$id)}: a nested uniqueItems would hash values of any depth`);
  const compiled = TypeCompiler.Compile(speed.schema);
  const known = new Set(speed.known);
  const { closed, uniqueLists, dateFields } = speed;
  return (record) => {
    if (!compiled.Check(record)) return false;
    // Own names, enumerable or not, as the schema's additionalProperties counts them.
    if (closed) for (const key of Object.getOwnPropertyNames(record)) if (!known.has(key)) return false;
    for (const field of dateFields) {
      const value = record[field];
      if (value !== undefined && !isPartialDate(value)) return false;
    }
    for (const field of uniqueLists) {
      const list = record[field] as string[] | undefined;
      if (list !== undefined && list.length > 1 && new Set(list).size !== list.length) return false;
    }
    return true;
  };
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

function compiledCode(schema: TSchema): string {
  const { schema: fast, closed, known, uniqueLists } = speedSchema(schema, { uncheckedReferences: true });
  // The SDK checks its date fields itself (calendarOk), so the pattern stays out of the code here too.
  const code = TypeCompiler.Code(fast, [], { language: 'javascript' });
  // The compiled code may call only `format` (the schema's `uri`): no custom kinds, no hashing.
  if (/\b(kind|hash)\(/.test(code))
    throw new Error(`quick-check: ${String(schema.$id)}: compiled code needs TypeBox at run time`);
  return `{\n    check: (function (kind, format, hash) {\n${code}\n})(kind, format, hash),\n    closed: ${closed},\n    known: ${JSON.stringify(known)},\n    uniqueLists: ${JSON.stringify(uniqueLists)},\n  }`;
}

/** The text of the SDK's ahead-of-time quick-check module (`src/generated/quick-checks.js`). */
export function quickCheckModule(): string {
  const { entity, ...others } = quickCheckSchemas();
  const entities = Object.entries(entity)
    .map(([type, schema]) => `  ${JSON.stringify(type)}: ${compiledCode(schema)},`)
    .join('\n');
  return `// Generated by @claimgraph/schema's quickCheckModule from its TypeBox schemas (npm run build); do not edit.
import { isAbsoluteUrl } from '@claimgraph/schema';

const format = (name, value) => name === 'uri' && isAbsoluteUrl(value);
const kind = () => false;
const hash = () => 0;

export const ENTITY_CHECKS = {
${entities}
};
${Object.entries(others)
  .map(([name, schema]) => `\nexport const ${name.toUpperCase()}_CHECK = ${compiledCode(schema)};\n`)
  .join('')}`;
}
