/**
 * The quick check compares a statement's date with its source's last possible day as written:
 * the same answer as comparing the date's first possible day, for every pair of partial dates.
 */
import { daysInMonth, earliestDay, latestDay } from '@claimgraph/schema';
import { describe, expect, it } from 'vitest';
import { startsByDay } from '../src/quick-check.js';

/** Every partial date (year, month and day precision) in the given years. */
function partialDates(years: number[]): string[] {
  const out: string[] = [];
  for (const year of years) {
    const y = String(year).padStart(4, '0');
    out.push(y);
    for (let month = 1; month <= 12; month++) {
      const m = `${y}-${String(month).padStart(2, '0')}`;
      out.push(m);
      for (let day = 1; day <= daysInMonth(year, month); day++) out.push(`${m}-${String(day).padStart(2, '0')}`);
    }
  }
  return out;
}

describe('startsByDay', () => {
  it('agrees with comparing the first possible day, over every pair of dates in three years', () => {
    const dates = partialDates([1999, 2000, 2001]);
    const days = [...new Set(dates.map(latestDay))];
    let disagreements = 0;
    let onOrBefore = 0;
    for (const date of dates)
      for (const day of days) {
        const expected = earliestDay(date) <= day;
        if (expected) onOrBefore++;
        if (startsByDay(date, day) !== expected) disagreements++;
      }
    expect(disagreements).toBe(0);
    // Both answers occur, so the comparison above says something.
    expect(onOrBefore).toBeGreaterThan(0);
    expect(onOrBefore).toBeLessThan(dates.length * days.length);
  });
});
