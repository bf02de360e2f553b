/**
 * How the search index cuts words into terms and files, shared by the builder and the search page:
 * the SDK's foldWords, so that case, accents, punctuation and Arabic-script keyboard variants never
 * stand in the way. Nothing here may pull the schema into the page's small script.
 */
import { foldWords } from '@claimgraph/sdk/fold';

/** A text's search terms: folded words. */
export const searchTerms = (text: string): string[] => foldWords(text).split(' ').filter(Boolean);

/**
 * The part of the index holding a term: its first two characters, as a file name of ASCII letters,
 * digits and `_` (`haqqani` → `ha`, `حقاني` → `_62d_642`). Every term a query word of two or
 * more characters is a prefix of lies in that word's part.
 */
export function termPart(term: string): string {
  let out = '';
  for (const ch of [...term].slice(0, 2)) out += /^[a-z0-9]$/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}`;
  return out;
}

/** Documents per file of the document table: a page of results fetches a few small files. */
export const DOCS_PER_PART = 64;

/** The longest snippet a result shows, in characters: the record's page has the rest. */
export const SNIPPET_MAX = 160;

/**
 * How a field's match counts: a name above the words that describe it; a title of one or two words
 * counts 2 or 1 more.
 */
export const FIELD_WEIGHT = { title: 3, keys: 2, text: 1 } as const;

/** A posting holds its weight (1 to 5) in the low bits of its number: gap × WEIGHT_STEPS + weight. */
export const WEIGHT_STEPS = 8;
