// 02 — When was it said? The same claim over time: the Haqqani leader's 2012 words, a 2017 report,
// the UN in June 2021, then the week after the fall of Kabul. A date known only to the year is drawn
// across its year. Run: node examples/02-timeline.mjs
import { timelineChart } from '@claimgraph/charts';
import { findRelation, loadDataset, save } from './lib/io.mjs';

// ── Knobs ───────────────────────────────────────────────────────────────────
const CLAIM = { source: 'Haqqani network', type: 'part-of', target: 'Taliban' };
const DATASET = 'afghanistan-2021';
const WEEK = { from: '2021-08', to: '2021-08' }; // the zoomed chart: every statement in August 2021
// ────────────────────────────────────────────────────────────────────────────

const cg = await loadDataset();
const relation = findRelation(cg, CLAIM);
await save(timelineChart(cg, { relation: relation.id, dataset: DATASET }), 'timeline', ['svg', 'png', 'json']);
await save(
  timelineChart(cg, { ...WEEK, dataset: DATASET, title: 'Who said what, August 2021' }),
  'timeline-august-2021',
  ['svg', 'png'],
);
