// 03 — Who is tied to whom. Every entity and relation, placed by a seeded ForceAtlas2 layout (the same
// seed draws the same picture); contested relations in thick vermillion. Run: node examples/03-network.mjs
import { networkChart } from '@claimgraph/charts';
import { loadDataset, save } from './lib/io.mjs';

// ── Knobs ───────────────────────────────────────────────────────────────────
const DATASET = 'afghanistan-2021';
const SEED = 1; // try another seed if labels collide
const FOCUS = 'Haqqani network'; // the second chart: this entity and its neighbours
// ────────────────────────────────────────────────────────────────────────────

const cg = await loadDataset();
await save(networkChart(cg, { seed: SEED, dataset: DATASET }), 'network', ['svg', 'png', 'html']);

const [focus] = cg.search(FOCUS);
await save(networkChart(cg, { seed: SEED, entity: focus.id, dataset: DATASET }), 'network-haqqani', ['svg', 'png']);
