/**
 * The charts' errors and option checks, as the SDK checks its own: an unknown key or a value of the
 * wrong type is an error naming the helper and the option; `undefined` means the default.
 */
import { ClaimgraphBaseError, ENTITY_TYPES, isPartialDate, type EntityType } from '@claimgraph/schema';
import { resolveOptions as resolveWith } from '@claimgraph/schema/internal';

/** Base class of every error the chart helpers throw on purpose; messages start `@claimgraph/charts:`. */
export class ChartError extends ClaimgraphBaseError {
  readonly code: string = 'CHARTS_ERROR';
  constructor(message: string) {
    super(`@claimgraph/charts: ${message}`);
    this.name = 'ChartError';
  }
}

/** An option the caller gave is wrong: unknown, of the wrong type, or naming no record. */
export class ChartOptionError extends ChartError {
  override readonly code: string = 'CHARTS_OPTION';
  constructor(
    readonly helper: string,
    readonly option: string,
    problem: string,
  ) {
    super(`${helper}: options.${option}: ${problem}`);
    this.name = 'ChartOptionError';
  }
}

/** The selection leaves nothing to draw (a window with no statements, say). */
export class EmptyChartError extends ChartError {
  override readonly code: string = 'CHARTS_EMPTY';
  constructor(helper: string, selection: string) {
    super(`${helper}: no statements to draw for ${selection}; widen the selection`);
    this.name = 'EmptyChartError';
  }
}

/** Why a value does not fit its option, or null when it does. */
export type Check = (value: unknown) => string | null;

const show = (value: unknown): string => {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : typeof value;
};

export const CHECKS = {
  string: ((v) => (typeof v === 'string' ? null : `must be a string, not ${show(v)}`)) as Check,
  boolean: ((v) => (typeof v === 'boolean' ? null : `must be true or false, not ${show(v)}`)) as Check,
  /** A title or subtitle line: text, or for a subtitle a list of lines. */
  lines: ((v) =>
    typeof v === 'string' || (Array.isArray(v) && v.every((x) => typeof x === 'string'))
      ? null
      : `must be a string or a list of strings, not ${show(v)}`) as Check,
  /** One id or several. */
  ids: ((v) =>
    typeof v === 'string' || (Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string'))
      ? null
      : `must be an id or a non-empty list of ids, not ${show(v)}`) as Check,
  date: ((v) =>
    typeof v === 'string' && isPartialDate(v)
      ? null
      : `${show(v)} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`) as Check,
  entityTypes: ((v) => {
    const list = typeof v === 'string' ? [v] : v;
    if (!Array.isArray(list) || list.length === 0) return `must be an entity type or a non-empty list of them`;
    const bad: unknown = list.find((t) => !(ENTITY_TYPES as readonly unknown[]).includes(t));
    return bad === undefined ? null : `${show(bad)} is not an entity type; use ${ENTITY_TYPES.join(', ')}`;
  }) as Check,
  /** A whole number in [min, max]. */
  integer:
    (min: number, max: number): Check =>
    (v) =>
      typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
        ? null
        : `must be a whole number from ${min} to ${max}, not ${show(v)}`,
  /** A finite number in [min, max]. */
  number:
    (min: number, max: number): Check =>
    (v) =>
      typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max
        ? null
        : `must be a number from ${min} to ${max}, not ${show(v)}`,
  oneOf:
    (...allowed: readonly string[]): Check =>
    (v) =>
      typeof v === 'string' && allowed.includes(v) ? null : `must be one of ${allowed.join(', ')}, not ${show(v)}`,
};

/** Widths the helpers lay out for, in pixels: from a phone column to a wide desktop figure. */
export const WIDTH_RANGE = { min: 200, max: 2400 } as const;

/** The defaults of the options every helper takes (checked by FRAME_CHECKS); each helper's DEFAULTS spreads them. */
export const FRAME_DEFAULTS: {
  width: number;
  title: string | undefined;
  subtitle: string | string[] | undefined;
  dataset: string | undefined;
  credit: string | undefined;
  titleLines: number | undefined;
} = {
  width: 640,
  title: undefined,
  subtitle: undefined,
  dataset: undefined,
  credit: undefined,
  titleLines: undefined,
};

/** The options every helper takes: title, subtitle, source line, dataset name, width. */
export const FRAME_CHECKS: Record<string, Check> = {
  title: CHECKS.string,
  subtitle: CHECKS.lines,
  dataset: CHECKS.string,
  credit: CHECKS.string,
  width: CHECKS.number(WIDTH_RANGE.min, WIDTH_RANGE.max),
  titleLines: CHECKS.integer(1, 20),
};

/** Entity types as a list, from one type or several. */
export const typeList = (value: EntityType | readonly EntityType[]): EntityType[] =>
  typeof value === 'string' ? [value] : [...value];

/**
 * Options merged over the helper's DEFAULTS (the schema's resolver, as the SDK and site use it). A
 * key DEFAULTS lacks is a typo; a value that fails its check is an error naming the option;
 * `undefined` leaves the default.
 */
export function resolveOptions<T extends object>(
  helper: string,
  defaults: T,
  checks: Record<string, Check>,
  options: unknown,
): T {
  return resolveWith(defaults, options, {
    checks,
    error: (problem) => {
      if (problem.kind === 'not-an-object')
        return new ChartError(`${helper}: options must be an object, not ${show(problem.value)}`);
      if (problem.kind === 'invalid') return new ChartOptionError(helper, problem.option, problem.problem);
      const near = problem.suggestion ? ` (did you mean "${problem.suggestion}"?)` : '';
      return new ChartOptionError(helper, problem.option, `is not an option${near}; use ${problem.known.join(', ')}`);
    },
  });
}
