/**
 * The dataset validator: checks every record against its schema, then the rules that span records
 * (unique ids, references, endpoint types, dates, one statement per relation at least), and reports
 * every problem at once.
 */
import { pushAll } from './arrays.js';
import { sortIssues, show, type ValidationIssue, type ValidationResult } from './issues.js';
import { checkCoverageShape, checkRecordShape, describeType } from './schema-check.js';
import {
  COVERAGE_FILE,
  RECORD_FILES,
  RECORD_KINDS,
  REDIRECTS_FILE,
  type Dataset,
  type RecordKind,
  type Redirect,
} from './records.js';
import { checkCoverageRules } from './coverage.js';
import { EXCLUSIONS, type Exclusions } from './exclusions.js';
import { checkCrossRecordRules, checkRecordRules, checkRedirects, presentIds, wrongKindProblem } from './rules.js';

export interface ValidateOptions {
  /** The file each record kind was read from, for messages (default `data/<kind>.json`). */
  files?: Partial<Record<RecordKind | 'redirects' | 'coverage', string>>;
  /** Require each file's records to be sorted by id, as dataset sources are (default true). */
  requireSorted?: boolean;
  /**
   * The relation types that exclude each other, as the vocabulary the data was built with says
   * (`exclusionsOf(vocabulary.json)` for a release). Default: the current vocabulary's for a source
   * (`requireSorted` true); none for a release, which was checked when it was built and may predate
   * an exclusion.
   */
  exclusions?: Exclusions;
}

const DEFAULTS: Required<Omit<ValidateOptions, 'files' | 'exclusions'>> = { requireSorted: true };

/** Where each record kind lives, for messages: `data/entities.json` unless told otherwise. */
export function recordFiles(
  files: ValidateOptions['files'] = {},
): Record<RecordKind | 'redirects' | 'coverage', string> {
  return {
    ...(Object.fromEntries(RECORD_KINDS.map((kind) => [kind, files[kind] ?? `data/${RECORD_FILES[kind]}`])) as Record<
      RecordKind,
      string
    >),
    redirects: files.redirects ?? `data/${REDIRECTS_FILE}`,
    coverage: files.coverage ?? `data/${COVERAGE_FILE}`,
  };
}

const TOP_LEVEL_KEYS = new Set<string>([...RECORD_KINDS, 'redirects', 'coverage']);

/**
 * Validates a whole dataset (`{ entities, relations, statements, sources }`) and returns every
 * problem found. Records that fail their schema are left out of the cross-record rules, so one
 * mistake is reported once rather than echoed by every rule that touches it.
 */
export function validateDataset(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const files = recordFiles(options.files);
  // Anything may come in (getters that throw, revoked proxies, sparse arrays of length 2**32-1):
  // such input is reported as one issue, never thrown, and never iterated without bound.
  try {
    const shape = listShapeProblems(input, files);
    if (shape.length > 0) return { valid: false, errors: shape };
    return validateData(input, options);
  } catch (error) {
    return {
      valid: false,
      errors: [
        {
          file: files.entities,
          id: null,
          path: '',
          message: `the dataset could not be read (${thrownMessage(error)}); pass plain data, as JSON.parse returns it`,
        },
      ],
    };
  }
}

/** The most records one list may hold: beyond this an array is a hostile length, not data. */
export const MAX_RECORDS = 2 ** 24;

/** What an exception says, read without trusting it (its message may itself be a throwing getter). */
function thrownMessage(error: unknown): string {
  try {
    const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return show(text, 120).slice(1, -1);
  } catch {
    return 'an exception';
  }
}

/**
 * Lists too long to be real, and holes in lists (`[, {…}]`), which `forEach` and the rules would
 * silently skip. Linear in the list lengths, which are bounded first.
 */
export function listShapeProblems(
  input: unknown,
  options: ValidateOptions['files'] | ReturnType<typeof recordFiles> = {},
): ValidationIssue[] {
  const files = recordFiles(options);
  const issues: ValidationIssue[] = [];
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return issues;
  for (const kind of [...RECORD_KINDS, 'redirects'] as const) {
    const list = (input as Record<string, unknown>)[kind];
    if (!Array.isArray(list)) continue;
    const length = list.length;
    if (length > MAX_RECORDS) {
      issues.push({
        file: files[kind],
        id: null,
        path: '',
        message: `has a length of ${length}; a list holds at most ${MAX_RECORDS} records`,
      });
      continue;
    }
    for (let i = 0; i < length; i++) {
      if (!(i in list)) {
        issues.push({
          file: files[kind],
          id: null,
          path: '',
          index: i,
          message: 'is missing: the list has a hole here (a sparse array); every position must hold a record',
        });
        break;
      }
    }
  }
  return issues;
}

function validateData(input: unknown, options: ValidateOptions): ValidationResult {
  const { requireSorted } = { ...DEFAULTS, ...options };
  const files = recordFiles(options.files);
  const errors: ValidationIssue[] = [];

  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    errors.push({
      file: files.entities,
      id: null,
      path: '',
      message: `a dataset must be an object with ${RECORD_KINDS.join(', ')}, not ${describeType(input)}`,
    });
    return { valid: false, errors };
  }

  for (const key of Object.keys(input)) {
    if (!TOP_LEVEL_KEYS.has(key)) {
      errors.push({
        file: files.entities,
        id: null,
        path: `/${key}`,
        message: `unknown list ${show(key)}; a dataset holds ${[...TOP_LEVEL_KEYS].join(', ')}`,
      });
    }
  }

  // Every id and its kind, malformed records included: needed only once some record is malformed
  // (a valid dataset's well-formed records are all of them, and the cross-record rules index those).
  let present: Map<string, RecordKind> | undefined;
  const presentOf = () => (present ??= presentIds(input as Partial<Record<RecordKind, unknown>>));
  let malformed = false;
  // A relation whose only statement is malformed is not "without statements": count every reference.
  const mentionedByMalformed = new Set<string>();
  const wellFormed: Dataset = { entities: [], relations: [], statements: [], sources: [] };
  for (const kind of RECORD_KINDS) {
    const records = (input as Record<string, unknown>)[kind];
    if (!Array.isArray(records)) {
      errors.push({
        file: files[kind],
        id: null,
        path: '',
        message:
          records === undefined
            ? `the ${kind} list is missing`
            : `must be a JSON array of ${kind}, not ${describeType(records)}`,
      });
      continue;
    }
    // The well-formed records are the list itself until one is not: no copy of a valid list.
    let passed: unknown[] | undefined;
    records.forEach((record: unknown, index) => {
      const shape = checkRecordShape(kind, record);
      const rules = checkRecordRules(kind, record);
      if (shape.length === 0 && rules.length === 0) {
        passed?.push(record);
        return;
      }
      passed ??= records.slice(0, index);
      malformed = true;
      if (kind === 'statements') {
        const relation =
          typeof record === 'object' && record !== null ? (record as { relation?: unknown }).relation : undefined;
        if (typeof relation === 'string') mentionedByMalformed.add(relation);
      }
      const id = recordId(record);
      for (const p of [...shape, ...rules]) {
        const problem = wrongKindProblem(kind, record, p, presentOf()) ?? p;
        errors.push({ file: files[kind], id, path: problem.path, message: problem.message, index });
      }
    });
    (wellFormed as Record<RecordKind, unknown[]>)[kind] = passed ?? records;
    if (requireSorted) pushAll(errors, checkSorted(records, files[kind]));
  }

  const exclusions = options.exclusions ?? (requireSorted ? EXCLUSIONS : {});
  pushAll(
    errors,
    checkCrossRecordRules(wellFormed, files, mentionedByMalformed, malformed ? presentOf() : undefined, exclusions),
  );
  pushAll(
    errors,
    validateRedirects((input as { redirects?: unknown }).redirects, wellFormed, files.redirects, requireSorted),
  );
  pushAll(errors, validateCoverage((input as { coverage?: unknown }).coverage, files.coverage));
  return { valid: errors.length === 0, errors: sortIssues(errors) };
}

/** The optional coverage declaration: its shape, then its dates. */
export function validateCoverage(coverage: unknown, file = `data/${COVERAGE_FILE}`): ValidationIssue[] {
  if (coverage === undefined) return [];
  const shape = checkCoverageShape(coverage);
  const problems = shape.length > 0 ? shape : checkCoverageRules(coverage as Dataset['coverage'] & object);
  return problems.map((p) => ({ file, id: null, path: p.path, message: p.message }));
}

/** The optional redirects list: old ids that must keep resolving to their replacements. */
function validateRedirects(redirects: unknown, data: Dataset, file: string, requireSorted: boolean): ValidationIssue[] {
  if (redirects === undefined) return [];
  if (!Array.isArray(redirects))
    return [{ file, id: null, path: '', message: `must be a JSON array of redirects, not ${describeType(redirects)}` }];
  const errors: ValidationIssue[] = [];
  const wellFormed: Redirect[] = [];
  redirects.forEach((record: unknown, index) => {
    const from = typeof record === 'object' && record !== null ? (record as { from?: unknown }).from : undefined;
    const id = typeof from === 'string' && from !== '' ? from : null;
    const problems = [...checkRecordShape('redirects', record), ...checkRecordRules('redirects', record)];
    for (const problem of problems) errors.push({ file, id, path: problem.path, message: problem.message, index });
    if (problems.length === 0) wellFormed.push(record as Redirect);
  });
  if (requireSorted)
    pushAll(
      errors,
      checkSorted(
        redirects.map((r) => ({ id: (r as { from?: unknown })?.from })),
        file,
        'from',
      ),
    );
  pushAll(errors, checkRedirects(wellFormed, data, file));
  return errors;
}

function recordId(record: unknown): string | null {
  const id = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : null;
}

/** Files are sorted by id (redirects by the old id, `from`) so that diffs of the data stay small and reviewable. */
function checkSorted(records: unknown[], file: string, field: 'id' | 'from' = 'id'): ValidationIssue[] {
  let previous: string | null = null;
  // An indexed loop: an iterator of entries would make a pair per record.
  for (let index = 0; index < records.length; index++) {
    const id = recordId(records[index]);
    if (id === null) continue;
    if (previous !== null && compareIds(previous, id) > 0) {
      return [
        {
          file,
          id,
          path: `/${field}`,
          index,
          message: `records are not sorted by ${field}: ${show(id)} comes after ${show(previous)}; run "claimgraph format" to sort the file`,
        },
      ];
    }
    previous = id;
  }
  return [];
}

/** Code-point order, the same in every locale and runtime. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
