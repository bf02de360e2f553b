/**
 * Positions of a row file's records by id: an open-addressing hash table in one typed array,
 * sized once for the records it will hold. At a million statements a `Map` from id to position
 * grows by doubling (tens of MB of fresh tables, each filled again), and each lookup of a fresh id
 * string reads the keys of the other entries in its chain, scattered over the parsed records; here
 * a slot holds the id's hash next to its position, so only the one candidate is read.
 */
import type { IdIndex } from './store.js';

/** FNV-1a over the UTF-16 code units, never 0 (0 marks an empty slot). */
function hashOf(id: string): number {
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash | 1;
}

export class IdTable implements IdIndex {
  /** Per slot: the hash, then the position; a hash of 0 is an empty slot. */
  readonly #slots: Int32Array;
  readonly #mask: number;
  /** The id at each position added. */
  readonly #ids: string[];

  /** A table for up to `capacity` ids, at most two thirds full. */
  constructor(capacity: number) {
    let slots = 16;
    while (slots < capacity * 1.5) slots *= 2;
    this.#slots = new Int32Array(slots * 2);
    this.#mask = slots - 1;
    this.#ids = new Array<string>(capacity);
  }

  /** Adds `id` at `position` (below the capacity); false, and nothing added, when the table has it. */
  add(id: string, position: number): boolean {
    const hash = hashOf(id);
    const slots = this.#slots;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const at = slot * 2;
      if (slots[at] === 0) {
        slots[at] = hash;
        slots[at + 1] = position;
        this.#ids[position] = id;
        return true;
      }
      if (slots[at] === hash && this.#ids[slots[at + 1]!] === id) return false;
    }
  }

  get(id: string): number | undefined {
    if (typeof id !== 'string') return undefined;
    const hash = hashOf(id);
    const slots = this.#slots;
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const at = slot * 2;
      const found = slots[at];
      if (found === 0) return undefined;
      if (found === hash && this.#ids[slots[at + 1]!] === id) return slots[at + 1];
    }
  }
}
