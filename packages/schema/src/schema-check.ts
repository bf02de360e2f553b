/**
 * Checks one record against its JSON Schema (compiled once by TypeBox) and turns the raw schema
 * errors into plain-language messages: "is required", "unknown field "spekaer" (did you mean speaker?)".
 */
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { PARTIAL_DATE_PATTERN, partialDateProblem } from './dates.js';
import { pointerSegment, show } from './issues.js';
import { closestName } from './suggest.js';
import { compileQuickCheck, type QuickCheck } from './quick-check.js';
import {
  CoverageSchema,
  EntitySchemas,
  ID_PATTERNS,
  RedirectSchema,
  RelationSchema,
  SourceSchema,
  StatementSchema,
  type RecordKind,
} from './records.js';
import { ENTITY_TYPES, isEntityType, type EntityType } from './vocabulary.js';

export interface FieldProblem {
  path: string;
  message: string;
}

/** Record kinds checked by this module: the four lists and the optional redirects. */
export type CheckedKind = RecordKind | 'redirects';

/**
 * A record schema, compiled twice: as a quick check every record gets (see quick-check.ts), and as
 * it is, compiled when a record first fails the quick check, whose errors are the ones reported.
 */
interface RecordChecker {
  quick: QuickCheck;
  strict: () => TypeCheck<TSchema>;
}

function recordChecker(schema: TSchema): RecordChecker {
  let strict: TypeCheck<TSchema> | undefined;
  return { quick: compileQuickCheck(schema), strict: () => (strict ??= TypeCompiler.Compile(schema)) };
}

let checkers:
  | ({ entity: Record<EntityType, RecordChecker> } & Record<Exclude<CheckedKind, 'entities'>, RecordChecker> & {
        coverage: TypeCheck<TSchema>;
      })
  | undefined;

/** Compiles the record schemas on first use, so importing the package costs nothing. */
function getCheckers() {
  if (!checkers) {
    if (!FormatRegistry.Has('uri')) FormatRegistry.Set('uri', isAbsoluteUrl);
    checkers = {
      entity: Object.fromEntries(ENTITY_TYPES.map((t) => [t, recordChecker(EntitySchemas[t] as TSchema)])) as Record<
        EntityType,
        RecordChecker
      >,
      relations: recordChecker(RelationSchema),
      statements: recordChecker(StatementSchema),
      sources: recordChecker(SourceSchema),
      redirects: recordChecker(RedirectSchema),
      coverage: TypeCompiler.Compile(CoverageSchema),
    };
  }
  return checkers;
}

/** The schema's `uri` format: an absolute http(s) URL. Exported so other compilers of these schemas agree. */
export function isAbsoluteUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** What a record that fits its schema gets: one empty list, not a new one per record. */
const NO_PROBLEMS: readonly FieldProblem[] = Object.freeze([]);

/** Structural problems of one record of the given kind; an empty list when it fits its schema. */
export function checkRecordShape(kind: CheckedKind, record: unknown): readonly FieldProblem[] {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return [{ path: '', message: `must be an object, not ${describeType(record)}` }];
  }
  const all = getCheckers();
  const type = kind === 'entities' ? (record as { type?: unknown }).type : undefined;
  const checker: RecordChecker | undefined =
    kind !== 'entities' ? all[kind] : isEntityType(type) ? all.entity[type] : undefined;
  // The quick check reads no deeper than the schema goes, so it is safe before the nesting check.
  if (checker?.quick(record as Record<string, unknown>)) return NO_PROBLEMS;
  // TypeBox walks nested values recursively (uniqueItems hashes them): 100,000 nested arrays from
  // JSON.parse would overflow the stack. No field nests more than two levels, so stop well before.
  const tooDeep = deeplyNestedField(record as Record<string, unknown>);
  if (tooDeep !== null)
    return [
      {
        path: tooDeep,
        message: `is nested more than ${MAX_NESTING} levels deep; no field of a record nests more than two`,
      },
    ];
  if (checker === undefined)
    return [
      type === undefined
        ? { path: '/type', message: 'is required' }
        : { path: '/type', message: `${show(type)} is not an entity type; use one of: ${ENTITY_TYPES.join(', ')}` },
    ];
  return translateErrors(checker.strict(), record);
}

/** Structural problems of a dataset's coverage declaration (`data/coverage.json`). */
export function checkCoverageShape(coverage: unknown): FieldProblem[] {
  if (typeof coverage !== 'object' || coverage === null || Array.isArray(coverage))
    return [{ path: '', message: `must be an object, not ${describeType(coverage)}` }];
  const tooDeep = deeplyNestedField(coverage as Record<string, unknown>);
  if (tooDeep !== null) return [{ path: tooDeep, message: `is nested more than ${MAX_NESTING} levels deep` }];
  const checker = getCheckers().coverage;
  return checker.Check(coverage) ? [] : translateErrors(checker, coverage);
}

/** How many levels of arrays and objects a field may hold before it is refused unread. */
const MAX_NESTING = 32;

/**
 * The pointer of the first field nested deeper than MAX_NESTING, or null when none is. Recursion
 * stops at MAX_NESTING levels, so any input is safe; nothing is allocated for the usual shallow
 * record, which every record of a build is checked for.
 */
function deeplyNestedField(record: Record<string, unknown>): string | null {
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (typeof value === 'object' && value !== null && nestsDeeper(value, 1)) return `/${pointerSegment(key)}`;
  }
  return null;
}

/** Whether `value`, at nesting `depth`, holds an array or object deeper than MAX_NESTING. */
function nestsDeeper(value: object, depth: number): boolean {
  if (depth > MAX_NESTING) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (typeof child === 'object' && child !== null && nestsDeeper(child, depth + 1)) return true;
    }
    return false;
  }
  for (const key of Object.keys(value)) {
    const child: unknown = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null && nestsDeeper(child, depth + 1)) return true;
  }
  return false;
}

function translateErrors(checker: TypeCheck<TSchema>, record: object): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const required = new Set<string>();
  const seen = new Set<string>();
  for (const error of checker.Errors(record)) {
    // A missing field also fails its type check; say it once.
    if (error.type === ValueErrorType.ObjectRequiredProperty) required.add(error.path);
    else if (required.has(error.path)) continue;
    const message = messageFor(error, checker.Schema());
    const key = `${error.path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ path: error.path, message });
  }
  return problems;
}

function messageFor(error: ValueError, recordSchema: TSchema): string {
  const { value, schema } = error;
  switch (error.type) {
    case ValueErrorType.ObjectRequiredProperty:
      return 'is required';
    case ValueErrorType.ObjectAdditionalProperties: {
      const field = error.path.split('/').pop() ?? '';
      // Only `attributes` nests an object, and its keys are free-form but camelCase.
      if (error.path.split('/').length > 2)
        return `${show(field)} is not an attribute key; write camelCase: a lower-case letter, then letters and digits (appointedBy)`;
      const suggestion = closestName(field, Object.keys((recordSchema as { properties?: object }).properties ?? {}));
      return `unknown field ${show(field)}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; allowed fields are fixed by the schema`;
    }
    case ValueErrorType.StringPattern:
      return patternMessage(String(value), (schema as { pattern?: string }).pattern ?? '');
    case ValueErrorType.StringMinLength:
      return 'must not be empty';
    case ValueErrorType.StringMaxLength: {
      const max = (schema as { maxLength?: number }).maxLength ?? 0;
      return `is ${String(value).length} characters long; at most ${max} allowed, shorten it`;
    }
    case ValueErrorType.StringFormat:
      return `${show(value)} is not an absolute http(s) URL`;
    case ValueErrorType.Union: {
      const options = literalOptions(schema);
      return options
        ? `${show(value)} is not one of: ${options.join(', ')}`
        : `${show(value)} does not match any allowed form`;
    }
    case ValueErrorType.Literal:
      return `must be ${show((schema as { const?: unknown }).const)}, not ${show(value)}`;
    case ValueErrorType.ArrayUniqueItems:
      return 'lists the same item twice';
    case ValueErrorType.String:
    case ValueErrorType.Number:
    case ValueErrorType.Boolean:
    case ValueErrorType.Array:
    case ValueErrorType.Object:
      return `must be ${article(expectedType(error.type))}, not ${describeType(value)}${typeof value === 'object' && value !== null ? '' : ` (${show(value)})`}`;
    default:
      return error.message.charAt(0).toLowerCase() + error.message.slice(1);
  }
}

function expectedType(type: ValueErrorType): string {
  switch (type) {
    case ValueErrorType.String:
      return 'string';
    case ValueErrorType.Number:
      return 'number';
    case ValueErrorType.Boolean:
      return 'boolean (true or false)';
    case ValueErrorType.Array:
      return 'array';
    default:
      return 'object';
  }
}

function article(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (value === undefined) return 'missing';
  return article(typeof value);
}

function literalOptions(schema: TSchema): string[] | null {
  const anyOf = (schema as { anyOf?: { const?: unknown }[] }).anyOf;
  if (!anyOf || !anyOf.every((s) => typeof s.const === 'string')) return null;
  return anyOf.map((s) => s.const as string);
}

function patternMessage(value: string, pattern: string): string {
  if (pattern === PARTIAL_DATE_PATTERN) return partialDateProblem(value) ?? `${show(value)} is not a date`;
  if (pattern === ID_PATTERNS.entity) {
    return `${show(value)} is not an entity id; write the entity type, a colon and a lower-case slug (person:john-kirby)`;
  }
  for (const [kind, prefix] of [
    ['relation', 'rel'],
    ['statement', 'st'],
    ['source', 'src'],
  ] as const) {
    if (pattern === ID_PATTERNS[kind]) {
      return `${show(value)} is not a ${kind} id; write "${prefix}:" and a lower-case slug (${prefix}:example-id)`;
    }
  }
  if (pattern.includes(ID_PATTERNS.entity) && pattern.includes(ID_PATTERNS.relation)) {
    return `${show(value)} is not a claimgraph id (an entity id, or "rel:", "st:" or "src:" and a lower-case slug)`;
  }
  return `${show(value)} does not match the pattern ${pattern}`;
}

export { pointerSegment };
