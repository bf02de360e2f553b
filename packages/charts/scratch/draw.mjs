import { stanceChart, timelineChart, networkChart, centralityChart } from '../dist/index.js';
import { renderPng, renderSvg, compileSpec } from '../dist/render.js';
import { writeFileSync, mkdirSync } from 'node:fs';
import { fakeClaimGraph } from './fake.mjs';
const cg = fakeClaimGraph(new URL('../test/fixtures/afghanistan-mini.json', import.meta.url));
mkdirSync('scratch/out', { recursive: true });
const charts = {
  stance: stanceChart(cg, { relation: 'rel:haqqani-network-part-of-taliban', dataset: 'afghanistan-2021' }),
  stanceAll: stanceChart(cg, { entity: 'armed-group:haqqani-network' }),
  timeline: timelineChart(cg, { entity: 'armed-group:haqqani-network' }),
  timelineAug: timelineChart(cg, { from: '2021-08' }),
  network: networkChart(cg),
  degree: centralityChart(cg, { metric: 'degree' }),
  betweenness: centralityChart(cg, { metric: 'betweenness' }),
};
for (const [name, spec] of Object.entries(charts)) {
  if (process.argv[2] && !process.argv.slice(2).includes(name)) continue;
  const { warnings } = compileSpec(spec);
  if (warnings.length) console.log(name, warnings);
  writeFileSync(`scratch/out/${name}.json`, JSON.stringify(spec, null, 2));
  writeFileSync(`scratch/out/${name}.svg`, await renderSvg(spec, { warnings: 'ignore' }));
  writeFileSync(`scratch/out/${name}.png`, await renderPng(spec, { scale: 1.5, warnings: 'ignore' }));
  console.log('wrote', name);
}
