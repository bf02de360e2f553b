/**
 * Name search: names and aliases folded to bare letters and digits (no case, accents or
 * punctuation), ranked exact match first, then prefix, then word start, then anywhere.
 */

import { pushAll } from '@claimgraph/schema';
import { foldEach, foldKey, foldWords } from './fold/fold.js';

export { foldEach, foldKey, foldWords } from './fold/fold.js';

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
