/**
 * Name search: names and aliases folded to bare letters and digits (no case, accents or
 * punctuation), ranked exact match first, then prefix, then word start, then anywhere.
 */

/** Folds text for matching: `"Mazār-i-Sharīf"` → words `mazar i sharif`, key `mazarisharif`. */
export function foldWords(text: string): string {
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

/** The folded text without spaces, so `al-Qaeda`, `al Qaeda` and `AlQaeda` all meet. */
export function foldKey(text: string): string {
  return foldWords(text).replace(/ /g, '');
}

interface Names {
  /** Folded keys of the name and each alias, the name first. */
  keys: string[];
  /** Folded words of the name and aliases, space-separated, with a leading space. */
  words: string;
}

/** Match tiers, best first. */
const EXACT_NAME = 0;
const EXACT_ALIAS = 1;
const PREFIX = 2;
const WORD = 3;
const ANYWHERE = 4;

/** Folded names of every entity, built on the first search. */
export class NameIndex {
  #names: Names[] | undefined;

  constructor(
    private readonly count: number,
    private readonly names: (position: number) => string[],
  ) {}

  #build(): Names[] {
    return Array.from({ length: this.count }, (_, i) => {
      const all = this.names(i);
      return { keys: all.map(foldKey), words: ` ${all.map(foldWords).join(' ')}` };
    });
  }

  /**
   * Positions of the entities whose name or an alias matches, best tier first, then by position
   * (id order). `accept` filters positions (e.g. by type) before ranking.
   */
  search(text: string, accept: (position: number) => boolean, limit: number): number[] {
    const key = foldKey(text);
    if (key === '') return [];
    const wordStart = ` ${foldWords(text)}`;
    const names = (this.#names ??= this.#build());
    const tiers: number[][] = [[], [], [], [], []];
    for (let i = 0; i < names.length; i++) {
      const { keys, words } = names[i]!;
      let tier = -1;
      if (keys[0] === key) tier = EXACT_NAME;
      else if (keys.includes(key)) tier = EXACT_ALIAS;
      else if (keys.some((k) => k.startsWith(key))) tier = PREFIX;
      else if (words.includes(wordStart)) tier = WORD;
      else if (keys.some((k) => k.includes(key))) tier = ANYWHERE;
      if (tier >= 0 && accept(i)) tiers[tier]!.push(i);
    }
    return tiers.flat().slice(0, limit);
  }
}
