// 05 — Who is central? Entities ranked by how many others they are tied to (degree) and by how many
// shortest paths run through them (betweenness). Run: node examples/05-centrality.mjs
import { centralityChart } from '@claimgraph/charts';
import { loadDataset, save } from './lib/io.mjs';

// ── Knobs ───────────────────────────────────────────────────────────────────
const DATASET = 'afghanistan-2021';
const TOP = 15; // how many entities to rank
// ────────────────────────────────────────────────────────────────────────────

const cg = await loadDataset();
for (const metric of /** @type {const} */ (['degree', 'betweenness'])) {
  await save(centralityChart(cg, { metric, limit: TOP, dataset: DATASET }), `centrality-${metric}`, ['svg', 'png']);
}
