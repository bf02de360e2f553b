/**
 * Neighbours and shortest paths over the store's adjacency arrays, so traversal needs neither the
 * graphology graph nor an allocation per visited entity. Symmetric relation types go both ways.
 */
import { RELATION_TYPE_INFO, RELATION_TYPES } from '@claimgraph/schema';
import type { Csr, Store } from './store.js';

/** Whether the relation at a position takes part in a query. */
export type RelationFilter = (relation: number) => boolean;

/** The filter of a query without criteria: every relation takes part (traversals then use plain neighbour lists). */
export const EVERY_RELATION: RelationFilter = () => true;

export type Direction = 'any' | 'out' | 'in';

/** 1 for symmetric relation types, by index in RELATION_TYPES. */
const SYMMETRIC = Uint8Array.from(RELATION_TYPES, (t) => (RELATION_TYPE_INFO[t].symmetric ? 1 : 0));

/** Whether relation `r` leads from `v` to its other end, read in `direction`. */
function leads(store: Store, r: number, v: number, direction: Direction): boolean {
  if (direction === 'any' || SYMMETRIC[store.relType[r]!] === 1) return true;
  return direction === 'out' ? store.relSource[r] === v : store.relTarget[r] === v;
}

/** Positions of the entities one relation away from `v`, in position (id) order. */
export function neighborPositions(store: Store, v: number, accept: RelationFilter, direction: Direction): number[] {
  const { offsets, items } = store.byEntity;
  const found = new Set<number>();
  for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
    const r = items[k]!;
    if (!accept(r) || !leads(store, r, v, direction)) continue;
    found.add(store.relSource[r] === v ? store.relTarget[r]! : store.relSource[r]!);
  }
  return [...found].sort((a, b) => a - b);
}

/** Reusable marks for breadth-first searches: a stamp per search instead of clearing arrays. */
export class PathFinder {
  #stamp = 0;
  readonly #seenFrom: Int32Array;
  readonly #seenTo: Int32Array;
  readonly #parentFrom: Int32Array;
  readonly #parentTo: Int32Array;
  // Distance from each end, set when an entity is first reached: comparing meetings then costs
  // O(1), where walking parent pointers made a wide fan between long chains quadratic.
  readonly #depthFrom: Int32Array;
  readonly #depthTo: Int32Array;

  constructor(private readonly store: Store) {
    const n = store.entities.length;
    this.#seenFrom = new Int32Array(n);
    this.#seenTo = new Int32Array(n);
    this.#parentFrom = new Int32Array(n);
    this.#parentTo = new Int32Array(n);
    this.#depthFrom = new Int32Array(n);
    this.#depthTo = new Int32Array(n);
  }

  /**
   * A shortest path from `from` to `to` as entity positions, or null. Bidirectional breadth-first
   * search: each round expands one whole level of the smaller frontier and keeps the shortest meeting.
   * When `directed`, directed relations are followed from source to target only.
   */
  find(from: number, to: number, accept: RelationFilter, directed: boolean): number[] | null {
    if (from === to) return [from];
    const stamp = ++this.#stamp;
    const { store } = this;
    // Without criteria every relation takes part: walk plain neighbour lists. With criteria, walk
    // each entity's relations and keep those the filter accepts, in the direction they lead.
    const plain = accept === EVERY_RELATION;
    const forward = plain ? this.#neighbours(directed ? 'out' : 'any') : store.byEntity;
    const backward = plain && !directed ? forward : plain ? this.#neighbours('in') : store.byEntity;
    const forwardDirection: Direction = directed ? 'out' : 'any';
    const backwardDirection: Direction = directed ? 'in' : 'any';
    const seenFrom = this.#seenFrom;
    const seenTo = this.#seenTo;
    const parentFrom = this.#parentFrom;
    const parentTo = this.#parentTo;
    seenFrom[from] = stamp;
    seenTo[to] = stamp;
    parentFrom[from] = -1;
    parentTo[to] = -1;
    const depthFrom = this.#depthFrom;
    const depthTo = this.#depthTo;
    depthFrom[from] = 0;
    depthTo[to] = 0;
    let frontierFrom = [from];
    let frontierTo = [to];

    while (frontierFrom.length > 0 && frontierTo.length > 0) {
      const fromSide = frontierFrom.length <= frontierTo.length;
      const frontier = fromSide ? frontierFrom : frontierTo;
      const seen = fromSide ? seenFrom : seenTo;
      const parent = fromSide ? parentFrom : parentTo;
      const other = fromSide ? seenTo : seenFrom;
      const depth = fromSide ? depthFrom : depthTo;
      const otherDepth = fromSide ? depthTo : depthFrom;
      const direction = fromSide ? forwardDirection : backwardDirection;
      const { offsets, items } = fromSide ? forward : backward;
      const next: number[] = [];
      let meeting = -1;
      let meetingLength = Infinity;
      for (const v of frontier) {
        for (let k = offsets[v]!; k < offsets[v + 1]!; k++) {
          let w: number;
          if (plain) w = items[k]!;
          else {
            const r = items[k]!;
            if (!accept(r) || !leads(store, r, v, direction)) continue;
            w = store.relSource[r] === v ? store.relTarget[r]! : store.relSource[r]!;
          }
          if (seen[w] === stamp) continue;
          seen[w] = stamp;
          parent[w] = v;
          depth[w] = depth[v]! + 1;
          if (other[w] === stamp) {
            // Depths kept as entities are reached: no walk up the parents at each meeting (linear time).
            const length = otherDepth[w]!;
            if (length < meetingLength) {
              meeting = w;
              meetingLength = length;
            }
          }
          next.push(w);
        }
      }
      if (meeting >= 0) return this.#join(meeting);
      if (fromSide) frontierFrom = next;
      else frontierTo = next;
    }
    return null;
  }

  #out: Csr | undefined;
  #in: Csr | undefined;
  #any: Csr | undefined;

  /** Neighbour lists by entity position, one per way of walking: out (directed forward), in, any. */
  #neighbours(way: 'out' | 'in' | 'any'): Csr {
    const cached = way === 'out' ? this.#out : way === 'in' ? this.#in : this.#any;
    if (cached) return cached;
    const { relSource, relTarget, relType } = this.store;
    const n = this.store.entities.length;
    const offsets = new Int32Array(n + 1);
    const both = (r: number) => way === 'any' || SYMMETRIC[relType[r]!] === 1;
    for (let r = 0; r < relSource.length; r++) {
      const [a, b] = way === 'in' ? [relTarget[r]!, relSource[r]!] : [relSource[r]!, relTarget[r]!];
      offsets[a + 1]!++;
      if (both(r)) offsets[b + 1]!++;
    }
    for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
    const items = new Int32Array(offsets[n]!);
    const next = offsets.slice(0, n);
    for (let r = 0; r < relSource.length; r++) {
      const [a, b] = way === 'in' ? [relTarget[r]!, relSource[r]!] : [relSource[r]!, relTarget[r]!];
      items[next[a]!++] = b;
      if (both(r)) items[next[b]!++] = a;
    }
    const csr = { offsets, items };
    if (way === 'out') this.#out = csr;
    else if (way === 'in') this.#in = csr;
    else this.#any = csr;
    return csr;
  }

  #join(meeting: number): number[] {
    const head: number[] = [];
    for (let v = meeting; v !== -1; v = this.#parentFrom[v]!) head.push(v);
    head.reverse();
    for (let v = this.#parentTo[meeting]!; v !== -1; v = this.#parentTo[v]!) head.push(v);
    return head;
  }
}
