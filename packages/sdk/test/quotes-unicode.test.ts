/** Issue 25: quotes compares Unicode-normalised text and names characters a reader cannot see. */
import { describe, expect, it } from 'vitest';
import { locateQuote } from '../src/quotes/index.js';

const SOURCE = 'He said the café was closed and kabul was quiet.';

describe('locateQuote() and Unicode', () => {
  it('finds a quote whose letters are composed where the source decomposes them, and the reverse', () => {
    expect(locateQuote(SOURCE.normalize('NFD'), 'the café was closed')).toEqual({
      status: 'verbatim',
      start: 8,
      end: 28,
    });
    const decomposed = locateQuote(SOURCE, 'the cafe\u0301 was closed');
    expect(decomposed).toEqual({ status: 'verbatim', start: 8, end: 27 });
    expect(SOURCE.slice(8, 27)).toBe('the café was closed');
  });

  it('names an invisible character and a Cyrillic look-alike by code point', () => {
    const match = locateQuote(SOURCE, 'the café was cl\u043Esed and ka\u200Bbul');
    expect(match.status).toBe('near-miss');
    const messages = match.status === 'near-miss' ? match.differences.map((d) => d.message) : [];
    expect(messages).toEqual([
      'changed word: the quote has "cl\u043Esed" where the source has "closed" (one letter); the quote has "\u043E" U+043E, a Cyrillic letter that looks Latin',
      'changed word: the quote has "ka\u200Bbul" where the source has "kabul" (one letter); the quote has an invisible U+200B',
    ]);
  });
});
