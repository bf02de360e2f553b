/**
 * Folds the typographic variants that copying text changes — curly and straight quotes, dashes,
 * the ellipsis character, runs of spaces — keeping a map back to the original string, so a match
 * found in the folded text can be reported at its place in the original.
 */

/** What each variant folds to, and the name a near-miss report gives the difference. */
interface Fold {
  to: string;
  kind: DifferenceKind;
}

const variants = (chars: string, fold: Fold): [string, Fold][] => [...chars].map((c) => [c, fold]);

const FOLDS: ReadonlyMap<string, Fold> = new Map([
  ...variants('\u2018\u2019\u201A\u201B\u2032', { to: "'", kind: 'quote-mark' }),
  ...variants('\u201C\u201D\u201E\u201F\u2033', { to: '"', kind: 'quote-mark' }),
  ...variants('\u2010\u2011\u2012\u2013\u2014\u2015\u2212', { to: '-', kind: 'dash' }),
  ...variants('\u2026', { to: '...', kind: 'ellipsis' }),
]);

/** The kinds of difference a folded match can hide. */
export type DifferenceKind = 'quote-mark' | 'dash' | 'ellipsis' | 'whitespace';

export interface Folded {
  text: string;
  /** `origin[i]` is the index in the original string of folded character `i`; one extra entry holds the original length. */
  origin: number[];
}

const isSpace = (c: string): boolean => /\s/u.test(c);

/** The folded form of `text`: variants replaced, every run of whitespace one space. */
export function fold(text: string): Folded {
  // Unchanged runs are copied as slices and joined once at the end: asking a growing string whether
  // it ends with a space flattened it each time, which made folding a long snapshot quadratic.
  const out: string[] = [];
  const origin: number[] = [];
  let run = 0;
  let afterSpace = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Printable ASCII other than the space is never folded: the common case, kept cheap.
    if (code > 0x20 && code < 0x7f) {
      origin.push(i);
      afterSpace = false;
      continue;
    }
    const c = text[i]!;
    const space = isSpace(c);
    const variant = space ? undefined : FOLDS.get(c);
    if (!space && !variant) {
      origin.push(i);
      afterSpace = false;
      continue;
    }
    if (run < i) out.push(text.slice(run, i));
    run = i + 1;
    if (space) {
      if (afterSpace) continue;
      out.push(' ');
      origin.push(i);
      afterSpace = true;
      continue;
    }
    afterSpace = false;
    out.push(variant!.to);
    for (let k = 0; k < variant!.to.length; k++) origin.push(i);
  }
  if (run < text.length) out.push(text.slice(run));
  origin.push(text.length);
  return { text: out.join(''), origin };
}

/** The kind of difference between two short original strings that fold to the same text, if any. */
export function foldedDifference(a: string, b: string): DifferenceKind | undefined {
  if (a === b) return undefined;
  if (isSpace(a[0] ?? '') || isSpace(b[0] ?? '')) return 'whitespace';
  const kindOf = (s: string) => [...s].map((c) => FOLDS.get(c)?.kind).find((k) => k !== undefined);
  return kindOf(a) ?? kindOf(b) ?? (a.includes('.') || b.includes('.') ? 'ellipsis' : undefined);
}

// Edges that differ between outlets quoting the same words: quotation marks, brackets, ending punctuation.
const EDGE = /^[\s\p{P}]+|[\s\p{P}]+$/gu;

// The same fold as `fold`, without the map back to the original: every variant at once, every run
// of whitespace one space (`\s` is the same set of characters as `isSpace`'s).
const VARIANT = new RegExp(`[${[...FOLDS.keys()].join('')}]`, 'g');
const WHITESPACE_RUN = /\s+/g;
// Printable ASCII is its own NFC form, holds no variant and no whitespace but the space.
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const SPACE_RUN = / {2,}/g;

/**
 * The key under which two reports of a speaker's words count as the same words: Unicode NFC, then
 * the typographic fold above, then case folded and the punctuation at either end dropped ("The
 * Taliban are…" and "the Taliban are…."). The validator's "one statement, two appearances" rule,
 * the SDK's fast check and its merging of datasets all compare words with this, and only this.
 * Equal to `fold(text.normalize('NFC')).text.toLowerCase()` with the ends dropped (a test says so),
 * in a few regular expressions: every load keys the words of statements that share a speaker.
 */
export function wordsKey(text: string): string {
  const folded = PRINTABLE_ASCII.test(text)
    ? text.replace(SPACE_RUN, ' ')
    : text
        .normalize('NFC')
        .replace(VARIANT, (c) => FOLDS.get(c)!.to)
        .replace(WHITESPACE_RUN, ' ');
  return folded.toLowerCase().replace(EDGE, '');
}
