// 02 — When was it said? The same claim over time: the Haqqani leader's 2012 words, a 2017 report,
// the UN in June 2021, then the week after the fall of Kabul. A date known only to the year is drawn
// across its year. The third chart hears each spokesman with his department: the State Department's
// change from "separate entities" to "affiliated" is a dark line joining its two marks, labelled.
// Run: node examples/02-timeline.mjs
import { timelineChart } from '@claimgraph/charts';
import { findRelation, loadDataset, save } from './lib/io.mjs';

// ── Knobs ───────────────────────────────────────────────────────────────────
const CLAIM = { source: 'Haqqani network', type: 'part-of', target: 'Taliban' };
const DATASET = 'afghanistan-2021';
const WEEK = { from: '2021-08', to: '2021-08' }; // the zoomed chart: every statement in August 2021
const LOOSER = { source: 'Haqqani network', type: 'affiliated-with', target: 'Taliban' }; // the tie a change may move to
// ────────────────────────────────────────────────────────────────────────────

const cg = await loadDataset();
const relation = findRelation(cg, CLAIM);
await save(timelineChart(cg, { relation: relation.id, dataset: DATASET }), 'timeline', ['svg', 'png', 'json']);
await save(
  timelineChart(cg, { ...WEEK, dataset: DATASET, title: 'Who said what, August 2021' }),
  'timeline-august-2021',
  ['svg', 'png'],
);

// Positions over time: part of, or only affiliated? One row per voice (a spokesperson with their body).
const looser = findRelation(cg, LOOSER);
await save(
  timelineChart(cg, {
    ...WEEK,
    relation: [relation.id, looser.id],
    voices: 'body',
    dataset: DATASET,
    title: 'Part of the Taliban, or affiliated? Who changed position, August 2021',
  }),
  'timeline-changes',
  ['svg', 'png'],
);
