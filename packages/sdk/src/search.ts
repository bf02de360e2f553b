/**
 * Name search: names and aliases folded to bare letters and digits (no case, accents or
 * punctuation), ranked exact match first, then prefix, then word start, then anywhere.
 */

import { pushAll } from '@claimgraph/schema';

/** Folds text for matching: `"Mazār-i-Sharīf"` → words `mazar i sharif`, key `mazarisharif`. */
export function foldWords(text: string): string {
  return fold(text, false);
}

/**
 * Folds many texts: the same result as foldWords on each, at a fraction of the cost for a hundred
 * thousand names. Plain ASCII texts and the rest are joined by newlines into two blocks, each folded
 * by a few regular expressions over the whole block, instead of a few per name.
 */
export function foldEach(texts: readonly string[]): string[] {
  const out = new Array<string>(texts.length);
  const plain: number[] = [];
  const other: number[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    if (text.includes('\n')) out[i] = foldWords(text);
    else (ASCII.test(text) ? plain : other).push(i);
  }
  for (const group of [plain, other]) {
    if (group.length === 0) continue;
    // Folding keeps newlines and never makes one, so the block splits back into its texts.
    const folded = fold(group.map((i) => texts[i]!).join('\n'), true).split('\n');
    for (let k = 0; k < group.length; k++) out[group[k]!] = folded[k]!;
  }
  return out;
}

const ASCII = /^[\x00-\x7f]*$/;

/** The folding of foldWords; with `lines`, newlines are kept and each line is folded on its own. */
function fold(text: string, lines: boolean): string {
  // Plain ASCII (most names) needs only case, apostrophes and punctuation: the same result, far faster.
  if (ASCII.test(text))
    return trim(
      text
        .toLowerCase()
        .replace(/['`]/g, '')
        .replace(lines ? /[^a-z0-9\n]+/g : /[^a-z0-9]+/g, ' '),
      lines,
    );
  return trim(
    text
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/ß/g, 'ss')
      .replace(/[łŁ]/g, 'l')
      .replace(/[øØ]/g, 'o')
      .replace(/[đĐ]/g, 'd')
      .replace(/[ıİ]/g, 'i')
      .replace(/['’`ʼ]/g, '')
      // Arabic-script letters that Arabic, Persian and Pashto keyboards type differently, and the
      // tatweel stretch, so a name typed on either keyboard finds the other.
      .replace(/[\u06CC\u0649\u06D2]/g, '\u064A')
      .replace(/\u06A9/g, '\u0643')
      .replace(/[\u06C1\u06D5\u0629]/g, '\u0647')
      .replace(/\u0640/g, '')
      .replace(lines ? /[^\p{L}\p{N}\n]+/gu : /[^\p{L}\p{N}]+/gu, ' '),
    lines,
  );
}

/** Drops the space a run of punctuation left at either end of the text, or of each line. */
function trim(text: string, lines: boolean): string {
  return lines ? text.replace(/^ | $/gm, '') : text.trim();
}

/** The folded text without spaces, so `al-Qaeda`, `al Qaeda` and `AlQaeda` all meet. */
export function foldKey(text: string): string {
  return foldWords(text).replace(/ /g, '');
}

/** Match tiers, best first. */
const EXACT_NAME = 0;
const EXACT_ALIAS = 1;
const PREFIX = 2;
const WORD = 3;
const ANYWHERE = 4;
const NONE = 5;

/**
 * Folded names of every entity, built on the first search, as two long strings searched with
 * indexOf: every key (name and aliases, folded, without spaces) between newlines, and every
 * entity's words, each after a space, entities separated by newlines. A match's owner is found
 * by binary search over where each key (entity) starts.
 */
export class NameIndex {
  #keys = '';
  /** Per key: where it starts in #keys, its entity, and 1 when it is the entity's name. */
  #keyStart = new Int32Array(0);
  #keyOwner = new Int32Array(0);
  #keyIsName = new Uint8Array(0);
  #words = '';
  #wordStart = new Int32Array(0);
  #built = false;

  constructor(
    private readonly count: number,
    private readonly names: (position: number) => string[],
  ) {}

  /** Folds every name now rather than on the first search. */
  build(): void {
    if (this.#built) return;
    const { count } = this;
    // Every name and alias, entity by entity: entity i's are texts[firstKey[i] .. firstKey[i + 1]).
    const texts: string[] = [];
    const firstKey = new Int32Array(count + 1);
    for (let i = 0; i < count; i++) {
      firstKey[i] = texts.length;
      pushAll(texts, this.names(i));
    }
    firstKey[count] = texts.length;
    const folded = foldEach(texts);

    this.#keyOwner = new Int32Array(texts.length);
    this.#keyIsName = new Uint8Array(texts.length);
    const lines = new Array<string>(count);
    for (let i = 0; i < count; i++) {
      let line = '';
      for (let k = firstKey[i]!; k < firstKey[i + 1]!; k++) {
        this.#keyOwner[k] = i;
        line += ` ${folded[k]}`;
      }
      if (firstKey[i]! < firstKey[i + 1]!) this.#keyIsName[firstKey[i]!] = 1;
      lines[i] = line;
    }
    this.#keys = `\n${folded.join('\n').replace(/ /g, '')}\n`;
    this.#keyStart = new Int32Array(texts.length);
    for (let k = 0, at = 1; k < texts.length; k++) {
      this.#keyStart[k] = at;
      at = this.#keys.indexOf('\n', at) + 1;
    }
    this.#words = lines.join('\n');
    this.#wordStart = new Int32Array(count);
    for (let i = 0, at = 0; i < count; i++) {
      this.#wordStart[i] = at;
      at += lines[i]!.length + 1;
    }
    this.#built = true;
  }

  /**
   * Positions of the entities whose name or an alias matches, best tier first, then by position
   * (id order). `accept` filters positions (e.g. by type) before ranking.
   */
  search(text: string, accept: (position: number) => boolean, limit: number): number[] {
    const key = foldKey(text);
    if (key === '') return [];
    this.build();
    const tier = new Map<number, number>();
    const note = (entity: number, t: number) => {
      if ((tier.get(entity) ?? NONE) > t) tier.set(entity, t);
    };
    const keys = this.#keys;
    for (let at = keys.indexOf(key, 1); at !== -1; at = keys.indexOf(key, at + 1)) {
      const k = lastAtOrBefore(this.#keyStart, at);
      const owner = this.#keyOwner[k]!;
      if (at !== this.#keyStart[k]) note(owner, ANYWHERE);
      else if (keys.charCodeAt(at + key.length) !== 10) note(owner, PREFIX);
      else note(owner, this.#keyIsName[k] === 1 ? EXACT_NAME : EXACT_ALIAS);
    }
    const wordStart = ` ${foldWords(text)}`;
    const words = this.#words;
    for (let at = words.indexOf(wordStart); at !== -1; at = words.indexOf(wordStart, at + 1))
      note(lastAtOrBefore(this.#wordStart, at), WORD);
    const found: number[] = [];
    for (const [entity, t] of tier) if (accept(entity)) found.push(t * this.count + entity);
    found.sort((a, b) => a - b);
    const out: number[] = [];
    for (let k = 0; k < found.length && out.length < limit; k++) out.push(found[k]! % this.count);
    return out;
  }
}

/** The last index whose start is at or before `at`, in an ascending list of starts. */
function lastAtOrBefore(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
