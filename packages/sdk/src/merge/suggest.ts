/**
 * Candidate pairs for a curator to judge: entities of one type whose names or aliases fold to the
 * same key (search()'s folding). Only suggestions: ids are joined by a judgements file, never here.
 */
import type { Entity } from '@claimgraph/schema';
import { foldKey } from '../search.js';

/** Two entities that may be one real thing. */
export interface SameCandidate {
  left: string;
  right: string;
  /** The names (or aliases) that met, left's then right's. */
  names: [string, string];
  /** The folded key they share. */
  key: string;
  /** The datasets of each, in a graph of several. */
  datasets: [string[], string[]];
}

export interface SuggestSameOptions {
  /** At most this many pairs [100]. */
  limit?: number;
  /** Only pairs whose two entities come from different datasets (a graph of several) [true]. */
  acrossDatasets?: boolean;
}

export const SUGGEST_SAME_DEFAULTS: SuggestSameOptions & { limit: number; acrossDatasets: boolean } = {
  limit: 100,
  acrossDatasets: true,
};

/** Pairs by folded key then ids; a pair judged `different` is left out. */
export function suggestSame(
  entities: readonly Entity[],
  datasetsOf: (id: string) => string[],
  judgedDifferent: (a: string, b: string) => boolean,
  options: { limit: number; acrossDatasets: boolean },
): SameCandidate[] {
  const buckets = new Map<string, { entity: Entity; name: string }[]>();
  for (const entity of entities) {
    const seen = new Set<string>();
    for (const name of [entity.name, ...(entity.aliases ?? [])]) {
      const key = foldKey(name);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const bucket = `${entity.type} ${key}`;
      const list = buckets.get(bucket) ?? [];
      list.push({ entity, name });
      buckets.set(bucket, list);
    }
  }
  const out: SameCandidate[] = [];
  const paired = new Set<string>();
  for (const bucket of [...buckets.keys()].sort()) {
    const list = buckets.get(bucket)!;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) {
        const [a, b] = [list[i]!, list[j]!];
        const pair = `${a.entity.id} ${b.entity.id}`;
        if (paired.has(pair) || judgedDifferent(a.entity.id, b.entity.id)) continue;
        const datasets: [string[], string[]] = [datasetsOf(a.entity.id), datasetsOf(b.entity.id)];
        if (
          options.acrossDatasets &&
          datasets[0].every((d) => datasets[1].includes(d)) &&
          datasets[1].every((d) => datasets[0].includes(d))
        )
          continue;
        paired.add(pair);
        out.push({
          left: a.entity.id,
          right: b.entity.id,
          names: [a.name, b.name],
          key: bucket.slice(bucket.indexOf(' ') + 1),
          datasets,
        });
        if (out.length >= options.limit) return out;
      }
  }
  return out;
}
