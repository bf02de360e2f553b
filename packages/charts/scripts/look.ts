// Development aid: draws one chart of the bundled release at a width, to look at.
// npx jiti scripts/look.ts KIND WIDTH OUT.png ['{"option":…}']
import { writeFile } from 'node:fs/promises';
import { ClaimGraph } from '@claimgraph/sdk';
import { centralityChart, networkChart, stanceChart, timelineChart } from '../src/index.js';
import { renderPng, renderSvg } from '../src/render.js';

const [kind = 'stance', width = '640', out = '/tmp/chart.png', json = '{}'] = process.argv.slice(2);
const cg = await ClaimGraph.load(new URL('../../../datasets/afghanistan-2021/dist/', import.meta.url).pathname);
const make = { stance: stanceChart, timeline: timelineChart, network: networkChart, centrality: centralityChart }[
  kind
]!;
const t0 = performance.now();
const spec = make(cg, { width: Number(width), dataset: 'afghanistan-2021', ...JSON.parse(json) });
const t1 = performance.now();
if (out.endsWith('.svg')) await writeFile(out, await renderSvg(spec));
else if (out.endsWith('.json')) await writeFile(out, JSON.stringify(spec, null, 2));
else await writeFile(out, await renderPng(spec, { scale: 1 }));
console.log(
  `${kind} ${width}px: spec ${(t1 - t0).toFixed(0)} ms, render ${(performance.now() - t1).toFixed(0)} ms → ${out}`,
);
