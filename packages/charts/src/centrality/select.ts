/**
 * The centrality chart's second stage: every entity's score in the tie network, and the highest
 * `limit` of the wanted types, ranked.
 */
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { ENTITY_TYPE_INFO, type EntityType } from '@claimgraph/schema';
import type { ChartIndex } from '../input.js';
import { typeList } from '../options.js';
import { tieGraph } from '../ties.js';
import type { CentralityOptions } from './options.js';

export interface Scored {
  id: string;
  name: string;
  type: string;
  value: number;
}

export interface CentralitySelection {
  /** The highest scores, best first (ties by name). */
  ranked: Scored[];
  /** How many entities of the wanted types have ties: what `ranked` was chosen from. */
  candidates: number;
}

export function selectCentral(index: ChartIndex, o: CentralityOptions): CentralitySelection {
  const wanted = new Set<EntityType>(typeList(o.types));
  const ties = tieGraph(index);
  const scores: Record<string, number> =
    o.metric === 'degree'
      ? Object.fromEntries(ties.mapNodes((id) => [id, ties.degree(id)]))
      : betweennessCentrality(ties, { normalized: true });
  const ranked = Object.entries(scores)
    .filter(([id]) => wanted.has(index.entities.get(id)!.type))
    .map(([id, value]) => {
      const entity = index.entities.get(id)!;
      return { id, name: index.labelOf(id), type: ENTITY_TYPE_INFO[entity.type].label, value };
    })
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
    .slice(0, o.limit);
  const candidates = ties.filterNodes((id) => wanted.has(index.entities.get(id)!.type)).length;
  return { ranked, candidates };
}
