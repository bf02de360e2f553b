/**
 * Reproducible node positions: seeded random starting points, then a fixed number of
 * ForceAtlas2 iterations (or a circle), scaled into the unit square.
 */
import { maxOf, minOf } from '@claimgraph/schema';
import { mulberry32 } from '@claimgraph/schema/internal';
import type { AbstractGraph as Graph } from 'graphology-types';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import circular from 'graphology-layout/circular.js';

export type LayoutName = 'forceatlas2' | 'circular';

export interface LayoutOptions {
  layout: LayoutName;
  seed: number;
  iterations: number;
}

export type Positions = Map<string, { x: number; y: number }>;

/** Positions for every node of `graph`, each coordinate in [0, 1]. Does not change `graph`. */
export function layoutGraph(graph: Graph, options: LayoutOptions): Positions {
  const work = graph.copy();
  if (options.layout === 'circular') {
    circular.assign(work);
  } else {
    const random = mulberry32(options.seed);
    work.forEachNode((node) => work.mergeNodeAttributes(node, { x: random() * 2 - 1, y: random() * 2 - 1 }));
    forceAtlas2.assign(work, {
      iterations: options.iterations,
      // Strong gravity keeps small components (a spokesman and his department) near the rest;
      // distributing attraction by degree pushes hubs apart and leaves to the edges.
      settings: {
        ...forceAtlas2.inferSettings(work),
        // Barnes–Hut makes each iteration n log n instead of n², which large graphs need.
        barnesHutOptimize: work.order > 150,
        strongGravityMode: true,
        gravity: 2,
        scalingRatio: 10,
        outboundAttractionDistribution: true,
      },
    });
  }
  return normalise(work);
}

function normalise(graph: Graph): Positions {
  const raw: [string, number, number][] = graph.mapNodes((node, a) => [node, a.x as number, a.y as number]);
  const span = (values: number[]) => [minOf(values), maxOf(values)] as const;
  const [x0, x1] = span(raw.map((r) => r[1]));
  const [y0, y1] = span(raw.map((r) => r[2]));
  const scale = (v: number, lo: number, hi: number) => (hi > lo ? (v - lo) / (hi - lo) : 0.5);
  return new Map(raw.map(([node, x, y]) => [node, { x: scale(x, x0, x1), y: scale(y, y0, y1) }]));
}
