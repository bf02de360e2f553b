/**
 * Which datasets each record of a merged graph comes from: a bit per dataset per record, looked up
 * by id (views of the merged graph hold fewer relations and statements, at other positions).
 */
import type { IdIndex, Store } from '../store.js';
import type { MergeKind } from './merge-store.js';

/** The kind of record an id names, by its prefix. */
export function kindOfId(id: string): MergeKind {
  return id.startsWith('rel:')
    ? 'relations'
    : id.startsWith('st:')
      ? 'statements'
      : id.startsWith('src:')
        ? 'sources'
        : 'entities';
}

export class Provenance {
  readonly #names = new Map<number, string[]>();
  constructor(
    readonly labels: readonly string[],
    private readonly masks: Record<MergeKind, Uint32Array>,
    private readonly store: Store,
  ) {}

  /** The datasets holding the record with this id (or the record it leads to), in load order; undefined for an unknown id. */
  of(id: string): string[] | undefined {
    const kind = kindOfId(id);
    const index: IdIndex | undefined =
      kind === 'entities'
        ? this.store.entityIndex
        : kind === 'relations'
          ? this.store.relationIndex
          : kind === 'sources'
            ? this.store.sourceIndex
            : this.store.statementIndex;
    const position = index?.get(id);
    return position === undefined ? undefined : this.#labels(this.masks[kind][position]!);
  }

  /** One shared list per set of datasets: the graph's nodes and edges hold few distinct ones. */
  #labels(mask: number): string[] {
    let names = this.#names.get(mask);
    if (names === undefined) {
      names = this.labels.filter((_, d) => (mask & (1 << d)) !== 0);
      this.#names.set(mask, names);
    }
    return names;
  }
}
