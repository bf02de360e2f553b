/**
 * Partial dates as whole numbers for the columnar release: the first day a date can mean, counted
 * from 1970-01-01, plus its precision. Both directions are exact for every valid partial date.
 */
import type { PartialDate } from '../dates.js';

/** Precision codes of the columnar file's `precision` table, by index. */
export const PRECISIONS = ['year', 'month', 'day'] as const;

/** Days from 1970-01-01 to a calendar day (proleptic Gregorian; H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar day `days` after 1970-01-01, as year, month and day. */
export function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** The first day of a valid partial date and its precision code (0 year, 1 month, 2 day). */
export function encodeDate(value: PartialDate): [days: number, precision: number] {
  const year = Number(value.slice(0, 4));
  const month = value.length >= 7 ? Number(value.slice(5, 7)) : 1;
  const day = value.length === 10 ? Number(value.slice(8, 10)) : 1;
  return [daysFromCivil(year, month, day), value.length === 4 ? 0 : value.length === 7 ? 1 : 2];
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** The partial date back from its first day and precision code. */
export function decodeDate(days: number, precision: number): PartialDate {
  const [year, month, day] = civilFromDays(days);
  const y = String(year).padStart(4, '0');
  if (precision === 0) return y;
  if (precision === 1) return `${y}-${pad2(month)}`;
  return `${y}-${pad2(month)}-${pad2(day)}`;
}

/** Whether a first day and precision code can be written as a partial date (years 0001–9999, aligned to the precision). */
export function dateCodeOk(days: number, precision: number): boolean {
  if (precision > 2 || !Number.isInteger(days)) return false;
  const [year, month, day] = civilFromDays(days);
  if (year < 1 || year > 9999) return false;
  return precision === 2 || (day === 1 && (precision === 1 || month === 1));
}
