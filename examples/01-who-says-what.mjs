// 01 — Who says what about the Taliban and the Haqqani network.
// The headline chart of the dispute: one row per speaker, who says the Haqqani network is part of
// the Taliban (▲) and who disputes it (▼), when, and in their words. Run: node examples/01-who-says-what.mjs
import { stanceChart } from '@claimgraph/charts';
import { findRelation, loadDataset, save } from './lib/io.mjs';

// ── Knobs: edit these to chart another claim ────────────────────────────────
const CLAIM = { source: 'Haqqani network', type: 'part-of', target: 'Taliban' };
const DATASET = 'afghanistan-2021'; // named in the source line under the chart
const TITLE = undefined; // e.g. 'Is the Haqqani network part of the Taliban?'
const QUOTES = true; // print the quotes beside the marks
const FILE = 'who-says-what'; // examples/out/who-says-what.svg, .png, …
// ────────────────────────────────────────────────────────────────────────────

const cg = await loadDataset();
const relation = findRelation(cg, CLAIM);
const spec = stanceChart(cg, { relation: relation.id, dataset: DATASET, title: TITLE, quotes: QUOTES });
await save(spec, FILE, ['svg', 'png', 'json', 'html']);

// Every contested relation at once, one section each.
await save(stanceChart(cg, { dataset: DATASET }), 'who-says-what-contested', ['svg', 'png']);
