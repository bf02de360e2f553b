/**
 * Partial dates in queries: "by a date" means by the last day its precision allows, and ordering
 * follows the schema's comparePartialDates. Numeric day keys make both cheap over a million statements.
 */
import {
  earliestDay,
  isOnOrBefore,
  isPartialDate,
  latestDay,
  type PartialDate,
  type Relation,
  type Statement,
} from '@claimgraph/schema';
import { optionError } from './errors.js';

/** `YYYY-MM-DD` as the number YYYYMMDD: numbers order the same way as the strings. */
function dayNumber(day: string): number {
  let n = 0;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7) n = n * 10 + (day.charCodeAt(i) - 48);
  return n;
}

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

/** The last day `date` can mean, as a number, for "on or before" tests. */
export function latestKey(date: PartialDate): number {
  return dayNumber(latestDay(date));
}

/** The first day `date` can mean, as a number, for "on or after" tests. */
export function earliestKey(date: PartialDate): number {
  return dayNumber(earliestDay(date));
}

/** Each statement's first and last possible day, computed on first use. */
export class StatementDates {
  #earliest: Int32Array | undefined;
  #latest: Int32Array | undefined;

  constructor(private readonly statements: readonly Statement[]) {}

  get earliest(): Int32Array {
    return (this.#earliest ??= Int32Array.from(this.statements, (s) => earliestKey(s.date)));
  }

  get latest(): Int32Array {
    return (this.#latest ??= Int32Array.from(this.statements, (s) => latestKey(s.date)));
  }

  /**
   * Statement positions ordered by date, then id (positions are id ranks): the order of
   * comparePartialDates, coarser precision first on the same first day, through one numeric sort.
   */
  sort(positions: ArrayLike<number>): number[] {
    const n = this.statements.length;
    const earliest = this.earliest;
    const keys = new Float64Array(positions.length);
    for (let k = 0; k < positions.length; k++) {
      const i = positions[k]!;
      const precision = (this.statements[i]!.date.length - 4) / 3; // 0 year, 1 month, 2 day
      keys[k] = (earliest[i]! * 3 + precision) * n + i;
    }
    keys.sort();
    const out = new Array<number>(keys.length);
    for (let k = 0; k < keys.length; k++) out[k] = keys[k]! % n;
    return out;
  }
}

/**
 * Whether a relation holds at `date`, judged on the last day `date` can mean: it has started by then
 * (when it has a start) and has not certainly ended. With `end`, it has certainly ended after the last
 * day `end` can mean. With `endedBy` (over, end unknown), it has certainly ended from the last day
 * `endedBy` can mean on: before that it may still have held, so it is kept.
 */
export function holdsAt(relation: Relation, date: PartialDate): boolean {
  if (relation.start !== undefined && !isOnOrBefore(relation.start, date)) return false;
  if (relation.end !== undefined && latestDay(relation.end) < latestDay(date)) return false;
  if (relation.endedBy !== undefined && latestDay(relation.endedBy) <= latestDay(date)) return false;
  return true;
}
