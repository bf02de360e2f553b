import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparePartialDates,
  datePrecision,
  daysInMonth,
  earliestDay,
  isOnOrAfter,
  isOnOrBefore,
  isPartialDate,
  latestDay,
  parsePartialDate,
  partialDateProblem,
} from '../src/index.js';

describe('partialDateProblem()', () => {
  it('accepts a year, a month and a day', () => {
    expect(partialDateProblem('2021')).toBeNull();
    expect(partialDateProblem('2021-08')).toBeNull();
    expect(partialDateProblem('2021-08-31')).toBeNull();
  });

  it('rejects 30 February and 31 April as not calendar dates', () => {
    expect(partialDateProblem('2021-02-30')).toBe('"2021-02-30" is not a calendar date');
    expect(partialDateProblem('2021-04-31')).toBe('"2021-04-31" is not a calendar date');
  });

  it('rejects 29 February except in leap years (every 4, not every 100, every 400)', () => {
    expect(partialDateProblem('2021-02-29')).toBe('"2021-02-29" is not a calendar date');
    expect(partialDateProblem('1900-02-29')).toBe('"1900-02-29" is not a calendar date');
    expect(partialDateProblem('2020-02-29')).toBeNull();
    expect(partialDateProblem('2000-02-29')).toBeNull();
  });

  it('rejects day 00 and month 00 or 13', () => {
    expect(partialDateProblem('2021-01-00')).toBe('"2021-01-00" is not a calendar date');
    expect(partialDateProblem('2021-13-01')).toBe('"2021-13-01" has month 13, which does not exist');
    expect(partialDateProblem('2021-00')).toBe('"2021-00" has month 00, which does not exist');
  });

  it('rejects year 0000 as a placeholder', () => {
    expect(partialDateProblem('0000')).toBe('"0000" has year 0000, which is not a real year');
    expect(partialDateProblem('0000-01-01')).toBe('"0000-01-01" has year 0000, which is not a real year');
  });

  it('rejects other spellings with the three accepted forms', () => {
    for (const value of ['21', '2021-8', '2021-08-1', '2021/08/01', '2021-08-01T00:00', ' 2021', 'August 2021', '']) {
      expect(partialDateProblem(value)).toBe(
        `${JSON.stringify(value)} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`,
      );
    }
  });

  it('escapes control characters in the value it quotes', () => {
    expect(partialDateProblem('2021\u202E')).toBe('"2021\\u202e" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD');
  });
});

describe('isPartialDate()', () => {
  it('is true only for strings that are valid partial dates', () => {
    expect(isPartialDate('2021-08')).toBe(true);
    expect(isPartialDate('2021-02-30')).toBe(false);
    expect(isPartialDate(2021)).toBe(false);
    expect(isPartialDate(null)).toBe(false);
    expect(isPartialDate('0000')).toBe(false);
    expect(isPartialDate('2024-02-29')).toBe(true);
    expect(isPartialDate('2023-02-29')).toBe(false);
    expect(isPartialDate('2021-8-01')).toBe(false);
    expect(isPartialDate('２０２１')).toBe(false);
  });

  it('agrees with partialDateProblem() and with the pattern and calendar on any string made of date characters', () => {
    // The calendar spelt out again, by Date, independently of both (partialDateProblem asks isPartialDate first).
    const monthDays = (y: number, m: number) => {
      const day = new Date(0);
      day.setUTCFullYear(y, m, 0);
      return day.getUTCDate();
    };
    const reference = (value: string) => {
      if (!/^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$/.test(value)) return false;
      const [y, m, d] = value.split('-').map(Number) as [number, number?, number?];
      if (y === 0 || (m !== undefined && (m < 1 || m > 12))) return false;
      return d === undefined || (d >= 1 && d <= monthDays(y, m!));
    };
    const chars = fc.constantFrom('0', '1', '2', '3', '9', '-', ' ', 'a', '\n', '٢');
    const dateLike = fc.oneof(
      fc.string({ unit: chars, maxLength: 11 }),
      fc
        .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
        .map(
          ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
        ),
    );
    fc.assert(
      fc.property(dateLike, fc.constantFrom(4, 7, 10, 11), (text, cut) => {
        const value = text.slice(0, cut);
        expect(isPartialDate(value)).toBe(partialDateProblem(value) === null);
        expect(isPartialDate(value)).toBe(reference(value));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parsePartialDate() and datePrecision()', () => {
  it('keeps the precision the date was written with', () => {
    expect(parsePartialDate('2021')).toEqual({ year: 2021, precision: 'year' });
    expect(parsePartialDate('2021-08')).toEqual({ year: 2021, month: 8, precision: 'month' });
    expect(parsePartialDate('2021-08-28')).toEqual({ year: 2021, month: 8, day: 28, precision: 'day' });
    expect(datePrecision('2021')).toBe('year');
    expect(datePrecision('2021-08')).toBe('month');
    expect(datePrecision('2021-08-28')).toBe('day');
  });

  it('returns null for a string that is not a partial date', () => {
    expect(parsePartialDate('2021-02-30')).toBeNull();
    expect(parsePartialDate('soon')).toBeNull();
  });
});

describe('daysInMonth()', () => {
  it('knows month lengths and leap years', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2021, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2400, 2)).toBe(29);
  });
});

describe('earliestDay() and latestDay()', () => {
  it('turn a partial date into the first and last day it can mean', () => {
    expect(earliestDay('2021')).toBe('2021-01-01');
    expect(latestDay('2021')).toBe('2021-12-31');
    expect(earliestDay('2021-08')).toBe('2021-08-01');
    expect(latestDay('2021-08')).toBe('2021-08-31');
    expect(latestDay('2021-09')).toBe('2021-09-30');
    expect(earliestDay('2021-08-28')).toBe('2021-08-28');
    expect(latestDay('2021-08-28')).toBe('2021-08-28');
  });

  it('end February on the 29th in leap years only', () => {
    expect(latestDay('2020-02')).toBe('2020-02-29');
    expect(latestDay('2021-02')).toBe('2021-02-28');
    expect(latestDay('1900-02')).toBe('1900-02-28');
  });

  it('read a seven-character text that is not YYYY-MM by its dashes, as they always did', () => {
    expect(latestDay('20-2-12')).toBe('20-2-12-29');
    expect(latestDay('-021-02')).toBe('-021-02-31');
  });
});

describe('isOnOrBefore() and isOnOrAfter()', () => {
  it('treat a month as "by its last day" but not "by its first day"', () => {
    expect(isOnOrBefore('2021-08', '2021-08-31')).toBe(true);
    expect(isOnOrBefore('2021-08', '2021-08-01')).toBe(false);
  });

  it('compare a day with a coarser bound by the end of the bound', () => {
    expect(isOnOrBefore('2021-08-15', '2021-08')).toBe(true);
    expect(isOnOrBefore('2021-09-01', '2021-08')).toBe(false);
    expect(isOnOrBefore('2021-12-31', '2021')).toBe(true);
    expect(isOnOrBefore('2022', '2021')).toBe(false);
  });

  it('treat a month as "on or after its first day" but not "after its last day"', () => {
    expect(isOnOrAfter('2021-08', '2021-08-01')).toBe(true);
    expect(isOnOrAfter('2021-08', '2021-08-31')).toBe(false);
    expect(isOnOrAfter('2021-08-01', '2021')).toBe(true);
    expect(isOnOrAfter('2020-12-31', '2021')).toBe(false);
  });

  it('hold for equal dates at every precision', () => {
    for (const d of ['2021', '2021-08', '2021-08-28']) {
      expect(isOnOrBefore(d, d)).toBe(true);
      expect(isOnOrAfter(d, d)).toBe(true);
    }
  });
});

describe('comparePartialDates()', () => {
  it('orders by first possible day, coarser precision first', () => {
    const dates = ['2021-01-02', '2021-01-01', '2020-12-31', '2021', '2021-01', '2020-12'];
    expect([...dates].sort(comparePartialDates)).toEqual([
      '2020-12',
      '2020-12-31',
      '2021',
      '2021-01',
      '2021-01-01',
      '2021-01-02',
    ]);
  });

  it('returns 0 only for the same date', () => {
    expect(comparePartialDates('2021-08', '2021-08')).toBe(0);
    expect(comparePartialDates('2021-08', '2021-08-01')).toBeLessThan(0);
    expect(comparePartialDates('2021-08-01', '2021-08')).toBeGreaterThan(0);
  });

  const partialDate = fc
    .tuple(
      fc.integer({ min: 1, max: 9999 }),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 1, max: 31 }),
      fc.constantFrom(4, 7, 10),
    )
    .map(([y, m, d, length]) =>
      `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, daysInMonth(y, m))).padStart(2, '0')}`.slice(
        0,
        length,
      ),
    );

  it('is a total order: antisymmetric and transitive on any partial dates', () => {
    fc.assert(
      fc.property(partialDate, partialDate, partialDate, (a, b, c) => {
        // Antisymmetric; summed, not negated, since -Math.sign(0) is -0 and toBe tells -0 from 0.
        expect(Math.sign(comparePartialDates(a, b)) + Math.sign(comparePartialDates(b, a))).toBe(0);
        if (comparePartialDates(a, b) <= 0 && comparePartialDates(b, c) <= 0)
          expect(comparePartialDates(a, c)).toBeLessThanOrEqual(0);
        if (comparePartialDates(a, b) === 0) expect(a).toBe(b);
      }),
    );
  });

  it('agrees with earliestDay() and latestDay(): earliest ≤ latest, both valid calendar days', () => {
    fc.assert(
      fc.property(partialDate, (d) => {
        expect(partialDateProblem(d)).toBeNull();
        expect(earliestDay(d) <= latestDay(d)).toBe(true);
        expect(partialDateProblem(earliestDay(d))).toBeNull();
        expect(partialDateProblem(latestDay(d))).toBeNull();
        expect(isOnOrBefore(d, latestDay(d))).toBe(true);
        expect(isOnOrAfter(d, earliestDay(d))).toBe(true);
      }),
    );
  });
});
