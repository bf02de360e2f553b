/**
 * Partial dates as charts need them: a readable label at the date's own precision, and the
 * interval it stands for, so that `2012` is drawn across 2012 rather than on 1 January.
 */
import { datePrecision, earliestDay, latestDay, type DatePrecision, type PartialDate } from '@claimgraph/schema';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

/** `2012` → "2012", `2021-06` → "Jun 2021", `2021-08-27` → "27 Aug 2021". */
export function formatPartialDate(value: PartialDate): string {
  const [year, month, day] = value.split('-');
  if (month === undefined) return year!;
  const name = MONTHS[Number(month) - 1]!;
  return day === undefined ? `${name} ${year}` : `${Number(day)} ${name} ${year}`;
}

export interface DateSpan {
  precision: DatePrecision;
  /** First instant the date can mean, in UTC milliseconds. */
  start: number;
  /** The instant after the last day it can mean (exclusive), in UTC milliseconds. */
  end: number;
  /** The middle of the span: where a point for a day-precision date sits. */
  mid: number;
}

/** The interval a partial date stands for, in UTC milliseconds. */
export function dateSpan(value: PartialDate): DateSpan {
  const start = Date.parse(`${earliestDay(value)}T00:00:00Z`);
  const end = Date.parse(`${latestDay(value)}T00:00:00Z`) + DAY_MS;
  return { precision: datePrecision(value), start, end, mid: (start + end) / 2 };
}

/**
 * A span of partial dates in words, both ends at the coarser precision of the two so the pair
 * reads evenly: `2021-08` … `2021-08-28` → "Aug 2021"; `2012` … `2021-08-27` → "2012 to 2021";
 * `2021-08-15` … `2021-08-28` → "15 to 28 Aug 2021".
 */
export function formatDateRange(first: PartialDate, last: PartialDate): string {
  const length = Math.min(first.length, last.length);
  const a = first.slice(0, length);
  const b = last.slice(0, length);
  if (a === b) return formatPartialDate(a);
  const [fa, fb] = [formatPartialDate(a), formatPartialDate(b)];
  // Drop what the two ends share on the right: "15 to 28 Aug 2021", "Jun to Aug 2021".
  const wa = fa.split(' ');
  const wb = fb.split(' ');
  let k = 0;
  while (k < wa.length - 1 && k < wb.length && wa[wa.length - 1 - k] === wb[wb.length - 1 - k]) k++;
  wa.length -= k;
  return `${wa.join(' ')} to ${fb}`;
}

/** The d3 time format for axis ticks over a span of days, in the same day-month-year order as the labels. */
export function tickFormat(spanMs: number): string {
  const days = spanMs / DAY_MS;
  if (days > 3 * 366) return '%Y';
  if (days > 62) return '%b %Y';
  return '%-d %b';
}
