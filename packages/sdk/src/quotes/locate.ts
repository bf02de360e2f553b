/**
 * Finds a quote in a source's text: verbatim, or as a near miss (the closest span, and what differs),
 * so a curator sees "a curly quote where the source has a straight one" rather than "not found".
 */
import { fold, foldedDifference, type DifferenceKind } from '@claimgraph/schema';

export interface QuoteDifference {
  /** `word` for a changed, missing or extra word; the others are typographic. */
  kind: DifferenceKind | 'word';
  /** The text on each side ('' when the word is missing on that side). */
  quote: string;
  source: string;
  /** One line a curator reads: `"comingling" where the source has "commingling" (one letter)`. */
  message: string;
}

/** Where a quote sits in its source's text; offsets are UTF-16 indexes into the text (`text.slice(start, end)`). */
export type QuoteMatch =
  | { status: 'verbatim'; start: number; end: number }
  | { status: 'near-miss'; start: number; end: number; span: string; differences: QuoteDifference[] }
  | { status: 'missing' };

/** At most this share of a quote's characters may differ for a span to count as a near miss. */
const NEAR_MISS_SHARE = 0.15;

export function locateQuote(text: string, quote: string): QuoteMatch {
  const exact = text.indexOf(quote);
  if (quote.length > 0 && exact !== -1) return { status: 'verbatim', start: exact, end: exact + quote.length };
  // The same letters composed or decomposed ("café" as é or as e + U+0301) are the same words.
  const composed = quote.normalize('NFC');
  if (composed.length > 0 && (composed !== quote || NON_ASCII.test(text))) {
    const n = normalized(text);
    const at = n.text.indexOf(composed);
    if (at !== -1) return { status: 'verbatim', start: n.origin[at]!, end: n.origin[at + composed.length]! };
  }
  const t = fold(text);
  const q = fold(quote.trim());
  if (q.text.length === 0) return { status: 'missing' };

  const at = t.text.indexOf(q.text);
  if (at !== -1) {
    const start = t.origin[at]!;
    const end = t.origin[at + q.text.length]!;
    return {
      status: 'near-miss',
      start,
      end,
      span: text.slice(start, end),
      differences: typographic(quote.trim(), q.origin, text, t.origin, at),
    };
  }

  const closest = closestSpan(t.text, q.text, Math.max(2, Math.ceil(q.text.length * NEAR_MISS_SHARE)));
  if (!closest) return { status: 'missing' };
  const start = t.origin[closest.start]!;
  const end = t.origin[closest.end]!;
  const span = text.slice(start, end);
  return { status: 'near-miss', start, end, span, differences: wordDifferences(quote.trim(), span) };
}

const NON_ASCII = /[^\u0000-\u007f]/u;

let lastNormalized: { source: string; text: string; origin: number[] } | undefined;

/**
 * `text` in Unicode NFC with a map back to the original (`origin[i]`, one extra entry for the end).
 * Normalisation never joins across an ASCII character that is not followed by a combining mark,
 * so the text is normalised in pieces that start at one; each piece maps to where it starts.
 * The last text is kept: a check asks about one snapshot many times.
 */
function normalized(text: string): { text: string; origin: number[] } {
  if (lastNormalized?.source === text) return lastNormalized;
  const out: string[] = [];
  const origin: number[] = [];
  let start = 0;
  const flush = (end: number) => {
    const piece = text.slice(start, end);
    const n = NON_ASCII.test(piece) ? piece.normalize('NFC') : piece;
    out.push(n);
    if (n === piece) for (let k = start; k < end; k++) origin.push(k);
    else for (let k = 0; k < n.length; k++) origin.push(start);
    start = end;
  };
  for (let i = 1; i < text.length; i++) if (text.charCodeAt(i) < 0x80) flush(i);
  if (start < text.length) flush(text.length);
  origin.push(text.length);
  lastNormalized = { source: text, text: out.join(''), origin };
  return lastNormalized;
}

/** Characters a reader cannot see: format characters (zero-width spaces and joiners, direction marks, BOM) and the soft hyphen. */
const INVISIBLE = /[\p{Cf}\u00AD\u115F\u1160\u3164]|\u034F/u;
/** Letters of scripts that share shapes with Latin ones (а, е, о, р, с, х; ο, ν…). */
const LOOK_ALIKE = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

/** The characters of `word` a reader may not see as they are, named by code point; '' when none. */
export function hiddenCharacters(word: string): string {
  const latin = /\p{Script=Latin}/u.test(word);
  const found: string[] = [];
  for (const c of word) {
    const point = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    if (INVISIBLE.test(c)) found.push(`an invisible ${point}`);
    else if (latin && LOOK_ALIKE.test(c))
      found.push(
        `${JSON.stringify(c)} ${point}, a ${/\p{Script=Greek}/u.test(c) ? 'Greek' : 'Cyrillic'} letter that looks Latin`,
      );
  }
  return [...new Set(found)].join(', ');
}

/** The typographic differences behind a folded match, one entry per kind with its first example. */
function typographic(quote: string, qOrigin: number[], text: string, tOrigin: number[], at: number): QuoteDifference[] {
  const found = new Map<DifferenceKind, QuoteDifference>();
  for (let k = 0; k < qOrigin.length - 1; k++) {
    const a = quote.slice(qOrigin[k], qOrigin[k + 1]);
    const b = text.slice(tOrigin[at + k], tOrigin[at + k + 1]);
    const kind = foldedDifference(a, b);
    if (kind && !found.has(kind)) found.set(kind, { kind, quote: a, source: b, message: describe(kind, a, b) });
  }
  return [...found.values()];
}

const NAMES: Record<DifferenceKind, string> = {
  'quote-mark': 'quotation mark',
  dash: 'dash',
  ellipsis: 'ellipsis',
  whitespace: 'whitespace',
};

function describe(kind: DifferenceKind, quote: string, source: string): string {
  const show = (s: string) => JSON.stringify(s).replace(/\\u00a0/gi, '\\u00A0');
  return `${NAMES[kind]}: the quote has ${show(quote)} where the source has ${show(source)}`;
}

/**
 * The span of `text` with the smallest edit distance to `pattern`, if it is at most `limit`.
 * A q-gram filter first keeps only the stretches of text that can hold such a span (a span within
 * `limit` edits shares at least m + 1 − (limit + 1)·q of the pattern's q-grams), so a long snapshot
 * costs one pass plus the edit-distance search on those stretches alone.
 */
function closestSpan(text: string, pattern: string, limit: number): { start: number; end: number } | undefined {
  const m = pattern.length;
  const n = text.length;
  const threshold = m + 1 - (limit + 1) * GRAM;
  if (threshold <= 0 || n * m <= DIRECT_CELLS) return sellers(text, pattern, limit, 0, n);
  // Each pattern q-gram gets a small id and a count; ids[p] is the id of the text's q-gram at p (−1: none).
  const idOf = new Map<number, number>();
  const wanted: number[] = [];
  for (let i = 0; i + GRAM <= m; i++) {
    const g = gramAt(pattern, i);
    const id = idOf.get(g);
    if (id === undefined) {
      idOf.set(g, wanted.length);
      wanted.push(1);
    } else wanted[id]!++;
  }
  const positions = n - GRAM + 1;
  const ids = new Int32Array(Math.max(0, positions));
  for (let p = 0; p < positions; p++) ids[p] = idOf.get(gramAt(text, p)) ?? -1;
  const inWindowOf = new Int32Array(wanted.length);
  // A window as long as the longest span that can match (m + limit), slid one position at a time.
  const width = m + limit;
  const inWindow = Math.max(1, width - GRAM + 1);
  let best: { start: number; end: number; distance: number } | undefined;
  let count = 0;
  let from = -1;
  let to = -1;
  const search = () => {
    const found = sellers(text, pattern, limit, from, Math.min(n, to));
    if (found && (!best || found.distance < best.distance)) best = found;
  };
  for (let p = 0; p < positions; p++) {
    // Shared q-grams counted as the lemma counts them: each pattern occurrence matched at most once.
    const added = ids[p]!;
    if (added >= 0 && ++inWindowOf[added]! <= wanted[added]!) count++;
    if (p >= inWindow) {
      const gone = ids[p - inWindow]!;
      if (gone >= 0 && inWindowOf[gone]!-- <= wanted[gone]!) count--;
    }
    if (count < threshold) continue;
    const start = Math.max(0, p - inWindow + 1);
    const end = p + GRAM + limit;
    if (from !== -1 && start <= to) to = Math.max(to, end);
    else {
      if (from !== -1) search();
      from = start;
      to = end;
    }
  }
  if (from !== -1) search();
  return best && { start: best.start, end: best.end };
}

/** q-grams of this many UTF-16 units: long enough to be rare in unrelated text, short enough for 15% edits. */
const GRAM = 4;
/** Below this many cells the edit-distance search runs on the whole text: filtering would not pay. */
const DIRECT_CELLS = 2_000_000;

function gramAt(s: string, i: number): number {
  let h = 0;
  for (let k = 0; k < GRAM; k++) h = (Math.imul(h, 65_599) + s.charCodeAt(i + k)) | 0;
  return h;
}

/** Sellers' approximate substring search over text[from, to): a match may start anywhere, so row 0 costs nothing. */
function sellers(
  text: string,
  pattern: string,
  limit: number,
  fromIndex: number,
  toIndex: number,
): { start: number; end: number; distance: number } | undefined {
  const m = pattern.length;
  const codes = new Uint16Array(m);
  for (let i = 0; i < m; i++) codes[i] = pattern.charCodeAt(i);
  let cost = new Int32Array(m + 1);
  let from = new Int32Array(m + 1);
  let nextCost = new Int32Array(m + 1);
  let nextFrom = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) {
    cost[i] = i;
    from[i] = fromIndex;
  }
  let best: { start: number; end: number; distance: number } | undefined;
  for (let j = fromIndex + 1; j <= toIndex; j++) {
    nextCost[0] = 0;
    nextFrom[0] = j;
    const c = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const substitute = cost[i - 1]! + (codes[i - 1] === c ? 0 : 1);
      const skipText = cost[i]! + 1;
      const skipPattern = nextCost[i - 1]! + 1;
      if (substitute <= skipText && substitute <= skipPattern) {
        nextCost[i] = substitute;
        nextFrom[i] = from[i - 1]!;
      } else if (skipText <= skipPattern) {
        nextCost[i] = skipText;
        nextFrom[i] = from[i]!;
      } else {
        nextCost[i] = skipPattern;
        nextFrom[i] = nextFrom[i - 1]!;
      }
    }
    if (nextCost[m]! <= limit && (!best || nextCost[m]! < best.distance)) {
      best = { start: nextFrom[m]!, end: j, distance: nextCost[m]! };
    }
    [cost, nextCost] = [nextCost, cost];
    [from, nextFrom] = [nextFrom, from];
  }
  return best;
}

/** Word-level differences between a quote and the span it nearly matches (longest common subsequence of words). */
export function wordDifferences(quote: string, span: string): QuoteDifference[] {
  const a = quote.split(/\s+/u).filter(Boolean);
  const b = span.split(/\s+/u).filter(Boolean);
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const out: QuoteDifference[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    const dropQuote = i < a.length && (j >= b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!);
    const dropSource = j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!);
    if (dropQuote && dropSource) {
      out.push(changedWord(a[i]!, b[j]!));
      i++;
      j++;
    } else if (dropQuote) {
      out.push({
        kind: 'word',
        quote: a[i]!,
        source: '',
        message: `extra word: the quote has "${a[i]}", the source does not`,
      });
      i++;
    } else {
      out.push({ kind: 'word', quote: '', source: b[j]!, message: `missing word: the source has "${b[j]}" here` });
      j++;
    }
  }
  return out;
}

function changedWord(quote: string, source: string): QuoteDifference {
  const typo = [...quote].length === [...source].length || Math.abs(quote.length - source.length) === 1;
  const letters = typo && editDistance(quote, source) === 1 ? ' (one letter)' : '';
  const hiddenInQuote = hiddenCharacters(quote);
  const hiddenInSource = hiddenCharacters(source);
  const hidden =
    (hiddenInQuote ? `; the quote has ${hiddenInQuote}` : '') +
    (hiddenInSource ? `; the source has ${hiddenInSource}` : '');
  const kind = foldedDifference(quote, source);
  const message =
    kind && fold(quote).text === fold(source).text
      ? `${NAMES[kind]}: the quote has "${quote}" where the source has "${source}"`
      : `changed word: the quote has "${quote}" where the source has "${source}"${letters}${hidden}`;
  return { kind: kind && fold(quote).text === fold(source).text ? kind : 'word', quote, source, message };
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    row = next;
  }
  return row[b.length]!;
}

/** The code-point offset of a UTF-16 index: what a W3C TextPositionSelector counts. */
export function codePointOffset(text: string, index: number): number {
  let n = 0;
  for (let i = 0; i < index; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xdc00 || c > 0xdfff || i === 0 || text.charCodeAt(i - 1) < 0xd800 || text.charCodeAt(i - 1) > 0xdbff) n++;
  }
  return n;
}
