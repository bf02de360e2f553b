/**
 * Records of several datasets grouped by the id they end up under, in id order: the datasets'
 * sorted id columns merged where they lie, without a string per id, into typed arrays.
 */
import { compareIds } from '@claimgraph/schema';
import type { IdColumn, IdIndex, Store } from '../store.js';
import type { Labelled } from './ids.js';

export type MergeKind = 'entities' | 'relations' | 'statements' | 'sources';

/**
 * Where each merged record comes from, in merged (id) order: the first dataset holding it and its
 * position there, and for records several datasets hold, the further dataset/position pairs.
 * Typed arrays, not an object per record: a merge of 200,000 statements allocates little. A
 * record's id is read from its first dataset when asked for, as a columnar store reads its own.
 */
export class Groups {
  constructor(
    private readonly idAt: (d: number, p: number) => string,
    readonly d: Int32Array,
    readonly p: Int32Array,
    readonly more: Map<number, number[]>,
    /** Ids of the records that may not have the id of their first dataset's record (it moved there). */
    readonly named: Map<number, string>,
  ) {}
  get length(): number {
    return this.d.length;
  }
  /** The id of merged record `i`. */
  id(i: number): string {
    return this.named.get(i) ?? this.idAt(this.d[i]!, this.p[i]!);
  }
  /** Dataset/position pairs of record `i`, first dataset first. */
  members(i: number): number[] {
    const rest = this.more.get(i);
    return rest ? [this.d[i]!, this.p[i]!, ...rest] : [this.d[i]!, this.p[i]!];
  }
  /** Records whose first dataset's record has another id, in order. */
  renamed(): number[] {
    const out: number[] = [];
    for (const [i, id] of this.named) if (this.idAt(this.d[i]!, this.p[i]!) !== id) out.push(i);
    return out.sort((a, b) => a - b);
  }
  /** Keeps the records whose flag is 0, in order. */
  without(dropped: Uint8Array): Groups {
    const n = this.length;
    let kept = 0;
    for (let i = 0; i < n; i++) if (dropped[i] === 0) kept++;
    const d = new Int32Array(kept);
    const p = new Int32Array(kept);
    const at = new Int32Array(n);
    for (let i = 0, k = 0; i < n; i++) {
      if (dropped[i] !== 0) continue;
      at[i] = k;
      d[k] = this.d[i]!;
      p[k++] = this.p[i]!;
    }
    const more = new Map<number, number[]>();
    for (const [i, rest] of this.more) if (dropped[i] === 0) more.set(at[i]!, rest);
    const named = new Map<number, string>();
    for (const [i, id] of this.named) if (dropped[i] === 0) named.set(at[i]!, id);
    return new Groups(this.idAt, d, p, more, named);
  }
}

/** A record whose id changes in the merge (another dataset's redirect, a judgement). */
export interface Moved {
  id: string;
  from: string;
  d: number;
  p: number;
}

/** Sorted ids read in place, with which record each one is. */
interface Stream {
  text: string;
  offsets: ArrayLike<number>;
  length: number;
  /** Row of the column of the k-th id (null: k), when some of the column's records are left out. */
  rows: Int32Array | null;
  /** The dataset of every id, or of each (null: `d`). */
  d: number;
  ds: Int32Array | null;
  /** The position of the k-th id's record in its dataset (null: its row). */
  p: Int32Array | null;
}

/** A store's sorted ids of one kind: its columnar file's column, or one built from the records' ids. */
function idColumn(store: Store, kind: MergeKind): IdColumn {
  const column = store.idColumns?.[kind];
  if (column) return column;
  const idAt = store.ids[kind];
  return textColumn(Array.from({ length: store[kind].length }, (_, i) => idAt(i)));
}

function textColumn(ids: readonly string[]): IdColumn {
  const offsets = new Uint32Array(ids.length + 1);
  for (let i = 0; i < ids.length; i++) offsets[i + 1] = offsets[i]! + ids[i]!.length;
  return { text: ids.join(''), offsets };
}

/** Compares two ids where they lie, as `<` compares strings (by UTF-16 code unit). */
function compareAt(a: string, aFrom: number, aTo: number, b: string, bFrom: number, bTo: number): number {
  const n = Math.min(aTo - aFrom, bTo - bFrom);
  for (let k = 0; k < n; k++) {
    const diff = a.charCodeAt(aFrom + k) - b.charCodeAt(bFrom + k);
    if (diff !== 0) return diff;
  }
  return aTo - aFrom - (bTo - bFrom);
}

/**
 * Positions of the records whose id changes, per dataset, in order: only ids a redirect or a
 * judgement names can change, so they are looked up rather than every id read.
 */
function movedRecords(
  inputs: readonly Labelled[],
  index: (store: Store) => IdIndex,
  changing: Iterable<string>,
  finalId: (id: string) => string,
): Moved[][] {
  const out = inputs.map(() => [] as Moved[]);
  for (const from of changing) {
    const to = finalId(from);
    if (to === from) continue;
    inputs.forEach(({ store }, d) => {
      const p = index(store).get(from);
      if (p !== undefined) out[d]!.push({ id: to, from, d, p });
    });
  }
  for (const list of out) list.sort((a, b) => a.p - b.p);
  return out;
}

/**
 * Records of every dataset grouped by the id they end up under, in id order: the datasets' sorted
 * id columns merged in one pass, records whose id changes sorted in afterwards as one more stream.
 * `changes`: the ids that may change (redirected or judged), how to find them, and what they become.
 */
export function groupById(
  inputs: readonly Labelled[],
  kind: MergeKind,
  changes: { ids: Iterable<string>; index: (store: Store) => IdIndex; finalId: (id: string) => string } | null,
): { groups: Groups; moved: Moved[] } {
  const streams: Stream[] = [];
  const moved: Moved[] = [];
  const perDataset = changes ? movedRecords(inputs, changes.index, changes.ids, changes.finalId) : [];
  let total = 0;
  inputs.forEach(({ store }, d) => {
    const { text, offsets } = idColumn(store, kind);
    const n = store[kind].length;
    total += n;
    const away = perDataset[d] ?? [];
    let rows: Int32Array | null = null;
    if (away.length > 0) {
      rows = new Int32Array(n - away.length);
      for (let i = 0, k = 0, a = 0; i < n; i++) {
        if (a < away.length && away[a]!.p === i) a++;
        else rows[k++] = i;
      }
      for (const m of away) moved.push(m);
    }
    streams.push({ text, offsets, length: rows?.length ?? n, rows, d, ds: null, p: rows });
  });
  if (moved.length > 0) {
    moved.sort((a, b) => compareIds(a.id, b.id) || a.d - b.d);
    const { text, offsets } = textColumn(moved.map((m) => m.id));
    const ds = Int32Array.from(moved, (m) => m.d);
    const p = Int32Array.from(moved, (m) => m.p);
    streams.push({ text, offsets, length: moved.length, rows: null, d: -1, ds, p });
  }

  const count = streams.length;
  const heads = new Int32Array(count);
  // The text range of each stream's current id; -1 once the stream is done.
  const start = new Int32Array(count);
  const end = new Int32Array(count);
  const advance = (s: number) => {
    const stream = streams[s]!;
    const k = heads[s]!;
    if (k >= stream.length) {
      start[s] = -1;
      return;
    }
    const row = stream.rows === null ? k : stream.rows[k]!;
    start[s] = stream.offsets[row]!;
    end[s] = stream.offsets[row + 1]!;
  };
  for (let s = 0; s < count; s++) advance(s);

  const gd = new Int32Array(total);
  const gp = new Int32Array(total);
  const more = new Map<number, number[]>();
  const named = new Map<number, string>();
  let m = 0;
  for (;;) {
    let least = -1;
    for (let s = 0; s < count; s++) {
      if (start[s]! < 0) continue;
      if (
        least < 0 ||
        compareAt(streams[s]!.text, start[s]!, end[s]!, streams[least]!.text, start[least]!, end[least]!) < 0
      )
        least = s;
    }
    if (least < 0) break;
    const text = streams[least]!.text;
    const [from, to] = [start[least]!, end[least]!];
    let members: number[] | null = null;
    let first = -1;
    let wasMoved = false;
    // Streams before the least one hold greater ids; each native stream holds an id once.
    for (let s = least; s < count; s++) {
      const stream = streams[s]!;
      while (
        start[s]! >= 0 &&
        end[s]! - start[s]! === to - from &&
        (first < 0 || compareAt(stream.text, start[s]!, end[s]!, text, from, to) === 0)
      ) {
        const k = heads[s]!;
        const d = stream.ds === null ? stream.d : stream.ds[k]!;
        const p = stream.p === null ? k : stream.p[k]!;
        if (first < 0) {
          first = m;
          gd[m] = d;
          gp[m] = p;
        } else (members ??= [gd[m]!, gp[m]!]).push(d, p);
        if (stream.ds !== null) wasMoved = true;
        heads[s]!++;
        advance(s);
        if (stream.ds === null) break;
      }
    }
    if (members !== null) {
      sortPairs(members);
      gd[m] = members[0]!;
      gp[m] = members[1]!;
      more.set(m, members.slice(2));
    }
    if (wasMoved) named.set(m, text.slice(from, to));
    m++;
  }
  const idAt = (d: number, p: number) => inputs[d]!.store.ids[kind](p);
  return { groups: new Groups(idAt, gd.slice(0, m), gp.slice(0, m), more, named), moved };
}

/** Sorts dataset/position pairs by dataset. */
export function sortPairs(members: number[]): void {
  const pairs: [number, number][] = [];
  for (let k = 0; k < members.length; k += 2) pairs.push([members[k]!, members[k + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  pairs.forEach(([d, p], k) => {
    members[2 * k] = d;
    members[2 * k + 1] = p;
  });
}
