// Redraws the pictures in this package's README (docs/*.png) from the bundled dataset, at 640 px
// wide (1.5× pixels). Run after building the packages: npm run docs:images --workspace @claimgraph/charts
import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { ClaimGraph } from '@claimgraph/sdk';
import { centralityChart, networkChart, stanceChart, timelineChart } from '../dist/index.js';
import { pngSize, renderPng } from '../dist/render.js';

const folder = new URL('../../../datasets/afghanistan-2021/', import.meta.url);
const read = (/** @type {string} */ file) => JSON.parse(readFileSync(new URL(file, folder), 'utf8'));
const data = Object.fromEntries(
  ['entities', 'relations', 'statements', 'sources'].map((k) => [k, read(`data/${k}.json`)]),
);
// The dataset's own tests validate it; the pictures are drawn from its source files as they are.
const cg = ClaimGraph.fromData(data, { validate: false, version: read('package.json').version });
const docs = fileURLToPath(new URL('../docs/', import.meta.url));
const dataset = 'afghanistan-2021';
const width = Number(process.argv[2] ?? 640);
const relation = 'rel:haqqani-network-part-of-taliban';

const pictures = {
  stance: stanceChart(cg, { relation, dataset, width }),
  timeline: timelineChart(cg, { relation, dataset, width }),
  'timeline-changes': timelineChart(cg, {
    relation: [relation, 'rel:haqqani-network-affiliated-with-taliban'],
    voices: 'body',
    from: '2021-08',
    to: '2021-08',
    dataset,
    width,
    title: 'Part of the Taliban, or affiliated? Who changed position, August 2021',
  }),
  network: networkChart(cg, { dataset, width }),
  centrality: centralityChart(cg, { metric: 'betweenness', dataset, width }),
};
const out = process.argv[3] ?? docs;
await mkdir(out, { recursive: true });
for (const [name, spec] of Object.entries(pictures)) {
  const png = await renderPng(spec, { scale: 1.5 });
  await writeFile(`${out}${name}.png`, png);
  const size = pngSize(png);
  console.log(`${out}${name}.png ${size.width}×${size.height}, ${(png.length / 1024).toFixed(0)} kB`);
}
