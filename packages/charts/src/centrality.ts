/**
 * `centralityChart`: entities ranked by how central they are in the tie network, by degree (how
 * many others they are tied to) or betweenness (how many shortest paths run through them).
 * Built in stages, each a module of centrality/: options → selection → layout → spec.
 */
import type { TopLevelSpec } from 'vega-lite';
import { indexClaimGraph, labelsAmong, type ClaimGraphLike } from './input.js';
import { centralityOptions, type CentralityChartOptions } from './centrality/options.js';
import { selectCentral } from './centrality/select.js';
import { layoutCentrality } from './centrality/layout.js';
import { centralitySpec } from './centrality/spec.js';

export {
  CENTRALITY_CHART_DEFAULTS,
  CENTRALITY_TYPES,
  type CentralityChartOptions,
  type CentralityMetric,
} from './centrality/options.js';

/** A ranked bar chart of the most central entities, coloured by entity type. */
export function centralityChart(cg: ClaimGraphLike, options: CentralityChartOptions = {}): TopLevelSpec {
  const o = centralityOptions(options);
  const full = indexClaimGraph(cg);
  const scored = selectCentral(full, o);
  // Names are numbered only where they collide among the entities ranked (scores are not recomputed).
  const index = labelsAmong(
    full,
    scored.ranked.map((r) => r.id),
  );
  const selection = { ...scored, ranked: scored.ranked.map((r) => ({ ...r, name: index.labelOf(r.id) })) };
  return centralitySpec(index, o, selection, layoutCentrality(selection, o));
}
