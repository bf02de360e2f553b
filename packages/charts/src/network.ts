/**
 * `networkChart`: the entities around what a story is about. Positions come from a seeded
 * graphology layout and travel in the spec's inline data, in pixels, so the chart is the same
 * wherever it is drawn; labels are placed so that none overlaps another label or a node.
 * Built in stages, each a module of network/: options → selection → layout → spec.
 */
import type { TopLevelSpec } from 'vega-lite';
import { indexClaimGraph, labelsAmong, type ClaimGraphLike } from './input.js';
import { networkOptions, type NetworkChartOptions } from './network/options.js';
import { selectNetwork } from './network/select.js';
import { layoutNetwork } from './network/layout.js';
import { networkSpec } from './network/spec.js';

export { NETWORK_CHART_DEFAULTS, NETWORK_MAX_NODES, type NetworkChartOptions } from './network/options.js';

/** Entities as nodes, relations as links (parallel ones merged), contested links thick and vermillion. */
export function networkChart(cg: ClaimGraphLike, options: NetworkChartOptions = {}): TopLevelSpec {
  const o = networkOptions(options);
  const full = indexClaimGraph(cg);
  const selection = selectNetwork(full, o);
  // Names are numbered only where they collide among the entities drawn.
  const index = labelsAmong(full, selection.ties.nodes());
  return networkSpec(index, o, selection, layoutNetwork(index, selection, o));
}
