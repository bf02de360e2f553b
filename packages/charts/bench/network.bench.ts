// Network chart timings on synthetic datasets: the default (a neighbourhood capped at 300 entities)
// and the whole graph uncapped, at 300, 1k and 5k entities. Prints figures; asserts nothing.
// Run: npx jiti bench/network.bench.ts
import { ClaimGraph } from '@claimgraph/sdk';
import { syntheticDataset } from '@claimgraph/sdk/synthetic';
import { networkChart } from '../src/index.js';

for (const entities of [300, 1000, 5000]) {
  const cg = ClaimGraph.fromData(syntheticDataset({ entities }), { validate: false, version: '0.0.0' });
  for (const [label, options] of [
    ['default (capped at 300)', {}],
    ['all, capped at 300', { all: true }],
    ['all, uncapped', { all: true, maxNodes: 100_000 }],
  ] as const) {
    const t0 = performance.now();
    const spec = networkChart(cg, { ...options, width: 960, height: 720 }) as { description: string };
    const ms = performance.now() - t0;
    const drawn = /Network of (\d+)/.exec(spec.description)?.[1];
    console.log(
      `${String(entities).padStart(5)} entities, ${label.padEnd(24)}: ${(ms / 1000).toFixed(2)} s, ${drawn} drawn`,
    );
  }
}
