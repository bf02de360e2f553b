/**
 * Partial dates in queries: "by a date" means by the last day its precision allows, and ordering
 * follows the schema's comparePartialDates. Dates become day numbers (days from 1970-01-01, as the
 * columnar release stores them), so both are cheap over a million statements.
 */
import { civilFromDays, daysInMonth, encodeDate, isPartialDate, type PartialDate } from '@claimgraph/schema';
import { optionError } from './errors.js';

/** The date an option names, checked: `"2021-13"` is an error that names the method and option. */
export function dateOption(method: string, option: string, value: unknown): PartialDate {
  if (!isPartialDate(value)) {
    throw optionError(
      method,
      option,
      `must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** The last day a date can mean, from its first day and precision (0 year, 1 month, 2 day). */
export function lastDay(first: number, precision: number): number {
  if (precision === 2) return first;
  const [year, month] = civilFromDays(first);
  if (precision === 1) return first + daysInMonth(year, month) - 1;
  return first + ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 365 : 364);
}

/** The last day `date` can mean, as a day number, for "on or before" tests. */
export function latestKey(date: PartialDate): number {
  const [first, precision] = encodeDate(date);
  return lastDay(first, precision);
}

/** The first day `date` can mean, as a day number, for "on or after" tests. */
export function earliestKey(date: PartialDate): number {
  return encodeDate(date)[0];
}

/** Each statement's first and last possible day and its precision, by position. */
export interface DayRanges {
  earliest: Int32Array;
  latest: Int32Array;
  /** 0 year, 1 month, 2 day. */
  precision: Uint8Array;
}

/** Day ranges of a list of dates (all present). */
export function dayRanges(count: number, dateAt: (i: number) => string): DayRanges {
  const earliest = new Int32Array(count);
  const latest = new Int32Array(count);
  const precision = new Uint8Array(count);
  // Dates repeat a lot (a few thousand days in a million statements): convert each once.
  const seen = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const date = dateAt(i);
    let k = seen.get(date);
    if (k === undefined) {
      const [first, p] = encodeDate(date);
      k = (first + 2 ** 24) * 4 + p;
      if (seen.size < 100_000) seen.set(date, k);
    }
    const p = k & 3;
    earliest[i] = (k >>> 2) - 2 ** 24;
    precision[i] = p;
    latest[i] = lastDay(earliest[i]!, p);
  }
  return { earliest, latest, precision };
}

/** Day ranges from the columnar file's first days and precisions, without a string in sight. */
export function dayRangesFromColumns(days: Int32Array, precisions: Uint8Array): DayRanges {
  const latest = new Int32Array(days.length);
  for (let i = 0; i < days.length; i++) latest[i] = lastDay(days[i]!, precisions[i]!);
  return { earliest: days, latest, precision: precisions };
}

/**
 * Statement positions ordered by date, then id (positions are id ranks): the order of
 * comparePartialDates, coarser precision first on the same first day, through one numeric sort.
 */
export function sortByDate(dates: DayRanges, positions: ArrayLike<number>): number[] {
  const n = dates.earliest.length;
  const { earliest, precision } = dates;
  const keys = new Float64Array(positions.length);
  // Day numbers may be negative (before 1970): shift them to keep the keys positive.
  for (let k = 0; k < positions.length; k++) {
    const i = positions[k]!;
    keys[k] = ((earliest[i]! + 2 ** 22) * 3 + precision[i]!) * n + i;
  }
  keys.sort();
  const out = new Array<number>(keys.length);
  for (let k = 0; k < keys.length; k++) out[k] = keys[k]! % n;
  return out;
}
