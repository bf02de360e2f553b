/**
 * Name search: names and aliases folded to bare letters and digits (no case, accents or
 * punctuation), ranked exact match first, then prefix, then word start, then anywhere.
 */

/** Folds text for matching: `"Mazār-i-Sharīf"` → words `mazar i sharif`, key `mazarisharif`. */
export function foldWords(text: string): string {
  // Plain ASCII (most names) needs only case, apostrophes and punctuation: the same result, far faster.
  if (ASCII.test(text))
    return text
      .toLowerCase()
      .replace(/['`]/g, '')
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  return (
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
      .replace(/[^\p{L}\p{N}]+/gu, ' ')
      .trim()
  );
}

const ASCII = /^[\x00-\x7f]*$/;

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

  #build(): void {
    const keys: string[] = [];
    const owners: number[] = [];
    const isName: number[] = [];
    const words: string[] = [];
    for (let i = 0; i < this.count; i++) {
      const all = this.names(i);
      let line = '';
      for (let k = 0; k < all.length; k++) {
        const folded = foldWords(all[k]!);
        line += ` ${folded}`;
        keys.push(folded.replace(/ /g, ''));
        owners.push(i);
        isName.push(k === 0 ? 1 : 0);
      }
      words.push(line);
    }
    this.#keyStart = new Int32Array(keys.length);
    let at = 1;
    for (let k = 0; k < keys.length; k++) {
      this.#keyStart[k] = at;
      at += keys[k]!.length + 1;
    }
    this.#keys = `\n${keys.join('\n')}\n`;
    this.#keyOwner = Int32Array.from(owners);
    this.#keyIsName = Uint8Array.from(isName);
    this.#wordStart = new Int32Array(words.length);
    at = 0;
    for (let i = 0; i < words.length; i++) {
      this.#wordStart[i] = at;
      at += words[i]!.length + 1;
    }
    this.#words = words.join('\n');
    this.#built = true;
  }

  /**
   * Positions of the entities whose name or an alias matches, best tier first, then by position
   * (id order). `accept` filters positions (e.g. by type) before ranking.
   */
  search(text: string, accept: (position: number) => boolean, limit: number): number[] {
    const key = foldKey(text);
    if (key === '') return [];
    if (!this.#built) this.#build();
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
