import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPartialDate } from '../src/index.js';
import { fitLine, textWidth, wrapText } from '../src/text-width.js';

describe('textWidth', () => {
  it('measures DejaVu Sans: an "m" is wider than an "i", bold wider than regular', () => {
    expect(textWidth('m', 10)).toBeGreaterThan(textWidth('i', 10));
    expect(textWidth('Taliban', 12, 'bold')).toBeGreaterThan(textWidth('Taliban', 12));
    expect(textWidth('Taliban', 24)).toBeCloseTo(textWidth('Taliban', 12) * 2);
  });
});

describe('wrapText', () => {
  it('breaks at spaces into lines no wider than asked', () => {
    const lines = wrapText('The Taliban and the Haqqani network are separate entities.', 200, 12, 3);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 12)).toBeLessThanOrEqual(200);
    expect(lines.join(' ')).toBe('The Taliban and the Haqqani network are separate entities.');
  });

  it('ends the last allowed line with an ellipsis when the text is longer', () => {
    const lines = wrapText('one two three four five six seven eight nine ten', 60, 12, 2);
    expect(lines).toHaveLength(2);
    expect(lines[1]!.endsWith('…')).toBe(true);
  });

  it('never returns more lines than asked, nor a line wider than asked, for any text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200 }),
        fc.integer({ min: 20, max: 400 }),
        fc.integer({ min: 1, max: 4 }),
        (text, width, lines) => {
          const out = wrapText(text, width, 11, lines);
          expect(out.length).toBeLessThanOrEqual(lines);
          for (const line of out) expect(textWidth(line, 11)).toBeLessThanOrEqual(width);
        },
      ),
    );
  });
});

describe('fitLine', () => {
  it('keeps text that fits and cuts text that does not, at whole characters', () => {
    expect(fitLine('Ned Price', 200, 12)).toBe('Ned Price');
    const cut = fitLine('reporter questioning Ned Price at the State Department', 120, 12);
    expect(cut.endsWith('…')).toBe(true);
    expect(textWidth(cut, 12)).toBeLessThanOrEqual(120);
    expect(fitLine('😀😀😀😀😀😀', 30, 12)).not.toMatch(/[\uD800-\uDBFF]…/);
  });
});

describe('formatPartialDate', () => {
  it('writes a date at its own precision', () => {
    expect(formatPartialDate('2012')).toBe('2012');
    expect(formatPartialDate('2021-06')).toBe('Jun 2021');
    expect(formatPartialDate('2021-08-07')).toBe('7 Aug 2021');
  });
});
