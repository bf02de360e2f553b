/**
 * The dataset validator: checks every record against its schema, then the rules that span records
 * (unique ids, references, endpoint types, dates, one statement per relation at least), and reports
 * every problem at once.
 */
import { sortIssues, show, type ValidationIssue, type ValidationResult } from './issues.js';
import { checkRecordShape, describeType } from './schema-check.js';
import { RECORD_FILES, RECORD_KINDS, REDIRECTS_FILE, type Dataset, type RecordKind, type Redirect } from './records.js';
import { EXCLUSIONS, type Exclusions } from './exclusions.js';
import { checkCrossRecordRules, checkRecordRules, checkRedirects, presentIds, wrongKindProblem } from './rules.js';

export interface ValidateOptions {
  /** The file each record kind was read from, for messages (default `data/<kind>.json`). */
  files?: Partial<Record<RecordKind | 'redirects', string>>;
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
export function recordFiles(files: ValidateOptions['files'] = {}): Record<RecordKind | 'redirects', string> {
  return {
    ...(Object.fromEntries(RECORD_KINDS.map((kind) => [kind, files[kind] ?? `data/${RECORD_FILES[kind]}`])) as Record<
      RecordKind,
      string
    >),
    redirects: files.redirects ?? `data/${REDIRECTS_FILE}`,
  };
}

const TOP_LEVEL_KEYS = new Set<string>([...RECORD_KINDS, 'redirects']);

/**
 * Validates a whole dataset (`{ entities, relations, statements, sources }`) and returns every
 * problem found. Records that fail their schema are left out of the cross-record rules, so one
 * mistake is reported once rather than echoed by every rule that touches it.
 */
export function validateDataset(input: unknown, options: ValidateOptions = {}): ValidationResult {
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

  const present = presentIds(input as Partial<Record<RecordKind, unknown>>);
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
    records.forEach((record: unknown, index) => {
      const id = recordId(record);
      const problems = [...checkRecordShape(kind, record), ...checkRecordRules(kind, record)].map(
        (p) => wrongKindProblem(kind, record, p, present) ?? p,
      );
      for (const problem of problems)
        errors.push({ file: files[kind], id, path: problem.path, message: problem.message, index });
      if (problems.length === 0) (wellFormed[kind] as unknown[]).push(record);
    });
    if (requireSorted) errors.push(...checkSorted(records, files[kind]));
  }

  // A relation whose only statement is malformed is not "without statements": count every reference.
  const rawStatements = (input as { statements?: unknown }).statements;
  const mentioned = new Set<string>();
  if (Array.isArray(rawStatements)) {
    for (const s of rawStatements) {
      const relation = typeof s === 'object' && s !== null ? (s as { relation?: unknown }).relation : undefined;
      if (typeof relation === 'string') mentioned.add(relation);
    }
  }
  const exclusions = options.exclusions ?? (requireSorted ? EXCLUSIONS : {});
  errors.push(...checkCrossRecordRules(wellFormed, files, mentioned, present, exclusions));
  errors.push(
    ...validateRedirects((input as { redirects?: unknown }).redirects, wellFormed, files.redirects, requireSorted),
  );
  return { valid: errors.length === 0, errors: sortIssues(errors) };
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
    errors.push(
      ...checkSorted(
        redirects.map((r) => ({ id: (r as { from?: unknown })?.from })),
        file,
        'from',
      ),
    );
  errors.push(...checkRedirects(wellFormed, data, file));
  return errors;
}

function recordId(record: unknown): string | null {
  const id = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
  return typeof id === 'string' && id !== '' ? id : null;
}

/** Files are sorted by id (redirects by the old id, `from`) so that diffs of the data stay small and reviewable. */
function checkSorted(records: unknown[], file: string, field: 'id' | 'from' = 'id'): ValidationIssue[] {
  let previous: string | null = null;
  for (const [index, record] of records.entries()) {
    const id = recordId(record);
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
