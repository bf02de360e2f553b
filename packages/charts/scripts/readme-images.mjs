// Redraws the pictures in this package's README (docs/*.png) from the bundled dataset release.
// Run after `npm run build` at the root: npm run docs:images --workspace @claimgraph/charts
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ClaimGraph } from '@claimgraph/sdk';
import { centralityChart, networkChart, stanceChart, timelineChart } from '../dist/index.js';
import { pngSize, renderPng } from '../dist/render.js';

const release = fileURLToPath(new URL('../../../datasets/afghanistan-2021/dist/', import.meta.url));
const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const cg = await ClaimGraph.load(release);
const dataset = 'afghanistan-2021';
const [relation] = cg.contested().filter((r) => r.type === 'part-of');

const pictures = {
  stance: stanceChart(cg, { relation: relation.id, dataset }),
  timeline: timelineChart(cg, { relation: relation.id, dataset }),
  network: networkChart(cg, { dataset }),
  centrality: centralityChart(cg, { metric: 'betweenness', dataset }),
};
await mkdir(docs, { recursive: true });
for (const [name, spec] of Object.entries(pictures)) {
  const png = await renderPng(spec, { scale: 1.5 });
  await writeFile(`${docs}${name}.png`, png);
  const { width, height } = pngSize(png);
  console.log(`docs/${name}.png ${width}×${height}, ${(png.length / 1024).toFixed(0)} kB`);
}
