/**
 * Partial ISO 8601 dates (`2012`, `2021-06`, `2021-08-28`) that keep their precision.
 * A partial date stands for an interval: `2021-08` is any day from 2021-08-01 to 2021-08-31.
 */

import { show } from './issues.js';

/** A date written to the precision the source gives: year, month or day. */
export type PartialDate = string;

export type DatePrecision = 'year' | 'month' | 'day';

export interface ParsedDate {
  year: number;
  month?: number;
  day?: number;
  precision: DatePrecision;
}

/** The shape every partial date must have; calendar checks come on top of it. */
export const PARTIAL_DATE_PATTERN = '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$';
const PARTIAL_DATE_RE = new RegExp(PARTIAL_DATE_PATTERN);

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Why a string is not a valid partial date, or `null` when it is.
 * Year 0000 is rejected: in news data it is always a placeholder, never 1 BC.
 */
export function partialDateProblem(value: string): string | null {
  // Almost every date is valid: say so from the character codes, without the split below.
  if (isPartialDate(value as unknown)) return null;
  if (!PARTIAL_DATE_RE.test(value)) {
    return `${show(value)} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`;
  }
  const [y, m, d] = value.split('-').map(Number) as [number, number?, number?];
  if (y === 0) return `"${value}" has year 0000, which is not a real year`;
  if (m !== undefined && (m < 1 || m > 12))
    return `"${value}" has month ${String(m).padStart(2, '0')}, which does not exist`;
  if (m !== undefined && d !== undefined && (d < 1 || d > daysInMonth(y, m))) {
    return `"${value}" is not a calendar date`;
  }
  return null;
}

/** Digit `at` of a string as a number, or NaN when it is not an ASCII digit. */
function digit(value: string, at: number): number {
  const code = value.charCodeAt(at) - 48;
  return code >= 0 && code <= 9 ? code : NaN;
}

/**
 * Whether a value is a valid partial date: `partialDateProblem(value) === null`, read from the
 * character codes without a regular expression or a split, since loads ask it of every date.
 */
export function isPartialDate(value: unknown): value is PartialDate {
  if (typeof value !== 'string') return false;
  const n = value.length;
  if (n !== 4 && n !== 7 && n !== 10) return false;
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  // NaN (a character that is not a digit) fails every comparison.
  if (!(year >= 1)) return false;
  if (n === 4) return true;
  const month = digit(value, 5) * 10 + digit(value, 6);
  if (value.charCodeAt(4) !== 45 || !(month >= 1 && month <= 12)) return false;
  if (n === 7) return true;
  const day = digit(value, 8) * 10 + digit(value, 9);
  return value.charCodeAt(7) === 45 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses a partial date, or returns `null` when it is not one. */
export function parsePartialDate(value: string): ParsedDate | null {
  if (partialDateProblem(value) !== null) return null;
  const [year, month, day] = value.split('-').map(Number) as [number, number?, number?];
  if (day !== undefined) return { year, month, day, precision: 'day' };
  if (month !== undefined) return { year, month, precision: 'month' };
  return { year, precision: 'year' };
}

export function datePrecision(value: PartialDate): DatePrecision {
  return value.length === 4 ? 'year' : value.length === 7 ? 'month' : 'day';
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The first day a partial date can mean, as `YYYY-MM-DD` (`2021-08` → `2021-08-01`). */
export function earliestDay(value: PartialDate): string {
  if (value.length === 10) return value;
  if (value.length === 7) return `${value}-01`;
  return `${value}-01-01`;
}

/** The last day a partial date can mean, as `YYYY-MM-DD` (`2021-08` → `2021-08-31`). */
export function latestDay(value: PartialDate): string {
  if (value.length === 10) return value;
  if (value.length === 7) {
    // `YYYY-MM` read in place (every build asks this of many dates); anything else split as always.
    const [y, m] =
      value.indexOf('-') === 4 && value.lastIndexOf('-') === 4
        ? [Number(value.slice(0, 4)), Number(value.slice(5))]
        : (value.split('-').map(Number) as [number, number]);
    return `${value}-${pad(daysInMonth(y, m))}`;
  }
  return `${value}-12-31`;
}

/**
 * Whether `value` certainly happened on or before `bound` (both partial dates): a statement dated
 * `2021-08` is "by 2021-08-31" but not "by 2021-08-01".
 */
export function isOnOrBefore(value: PartialDate, bound: PartialDate): boolean {
  return latestDay(value) <= latestDay(bound);
}

/** Whether `value` certainly happened on or after `bound`. */
export function isOnOrAfter(value: PartialDate, bound: PartialDate): boolean {
  return earliestDay(value) >= earliestDay(bound);
}

/**
 * Orders partial dates by their first possible day, then coarser precision first, so that
 * `2021` < `2021-01` < `2021-01-01` < `2021-01-02`: a stable, total order for sorting.
 */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  const byStart = earliestDay(a).localeCompare(earliestDay(b));
  return byStart !== 0 ? byStart : a.length - b.length;
}
