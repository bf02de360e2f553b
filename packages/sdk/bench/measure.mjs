// One measurement in a fresh process, so its heap and peak RSS belong to it alone; prints JSON.
// Usage: node --expose-gc bench/measure.mjs baseline|sdk|merge|queries FILE [LOADS]
// FILE is a release's dataset.json (the rows) or dataset.columns.bin (the columns): `sdk` and
// `queries` load it with ClaimGraph.load, validated and checked against the release's sha256.
import { readFile } from 'node:fs/promises';
import { ClaimGraph } from '../dist/index.js';

const [mode, file, loadsArg] = process.argv.slice(2);
const loads = Number(loadsArg ?? 1);
if (typeof gc !== 'function') throw new Error('run with --expose-gc');

const heap = () => {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
/** Seeded picks, so every run asks the same questions. */
function picker(seed) {
  let a = seed >>> 0;
  return (n) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}
function time(fn) {
  const t = performance.now();
  const value = fn();
  return [performance.now() - t, value];
}

/** What a user does without the SDK: read the file as text and JSON.parse it. */
async function parseOnly() {
  const t = performance.now();
  const text = await readFile(file, 'utf8');
  const read = performance.now() - t;
  return { value: JSON.parse(text), read };
}

async function timedLoads(load) {
  const out = { wallMs: [], cpuMs: [], readMs: [], retainedBytes: 0 };
  let kept;
  const before = heap();
  for (let i = 0; i < loads; i++) {
    kept = undefined;
    heap();
    const [t, c] = [performance.now(), cpu()];
    const result = await load();
    out.wallMs.push(performance.now() - t);
    out.cpuMs.push(cpu() - c);
    kept = result.value ?? result;
    if (result.read !== undefined) out.readMs.push(result.read);
  }
  out.retainedBytes = heap() - before;
  return { out, kept };
}

let result;
if (mode === 'baseline') {
  const { out, kept } = await timedLoads(parseOnly);
  result = { ...out, counts: Object.fromEntries(Object.entries(kept).map(([k, v]) => [k, v.length])) };
} else if (mode === 'sdk') {
  ({ out: result } = await timedLoads(() => ClaimGraph.load(file)));
} else if (mode === 'merge') {
  // FILE is several files joined by commas: ClaimGraph.load of all of them at once, merged.
  ({ out: result } = await timedLoads(() => ClaimGraph.load(file.split(','))));
} else if (mode === 'queries') {
  result = {};
  const cg = await ClaimGraph.load(file);
  // First calls right after a validated load, before anything else has built rows or indexes: what
  // a user who loads the release and asks one question waits for.
  const [searchFirst] = time(() => cg.search('haqqani'));
  const search = ['haqqani', 'kabul', 'jose nunez', 'al masri front', 'zzz'].map((q) => time(() => cg.search(q))[0]);
  const [asOf] = time(() => cg.asOf('2010-06'));
  const [asOfNext] = time(() => cg.asOf('2014'));
  const beforeGraph = heap();
  [result.graphMs] = time(() => cg.graph);
  result.graphBytes = heap() - beforeGraph;

  // The naive versions scan the same records a user would get from JSON.parse.
  const entities = cg.entities();
  const relations = cg.relations();
  const statements = cg.statements();
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const pick = picker(42);

  const stanceIds = Array.from({ length: 1000 }, () => relations[pick(relations.length)].id);
  const stances = stanceIds.map((id) => time(() => cg.stances(id))[0]);
  const naiveStances = stanceIds.slice(0, 15).map(
    (id) =>
      time(() => {
        const mine = statements.filter((s) => s.relation === id);
        return {
          supports: mine.filter((s) => s.stance === 'supports'),
          disputes: mine.filter((s) => s.stance === 'disputes'),
        };
      })[0],
  );

  const entityIds = Array.from({ length: 1000 }, () => entities[pick(entities.length)].id);
  const neighbors = entityIds.map((id) => time(() => cg.neighbors(id))[0]);
  const naiveNeighbors = entityIds.slice(0, 15).map(
    (id) =>
      time(() => {
        const found = new Set();
        for (const r of relations) {
          if (r.source === id) found.add(r.target);
          else if (r.target === id) found.add(r.source);
        }
        return [...found].sort().map((x) => entityById.get(x));
      })[0],
  );

  const [contestedFirst, contestedList] = time(() => cg.contested());
  const contested = Array.from({ length: 20 }, () => time(() => cg.contested())[0]);
  const naiveContested = Array.from(
    { length: 5 },
    () =>
      time(() => {
        const flags = new Map();
        for (const s of statements)
          flags.set(s.relation, (flags.get(s.relation) ?? 0) | (s.stance === 'supports' ? 1 : 2));
        return relations.filter((r) => flags.get(r.id) === 3);
      })[0],
  );

  const pairs = Array.from({ length: 300 }, () => [
    entities[pick(entities.length)].id,
    entities[pick(entities.length)].id,
  ]);
  const paths = (options) => {
    let found = 0;
    const times = pairs.map(([a, b]) => {
      const [t, p] = time(() => cg.path(a, b, options));
      if (p) found++;
      return t;
    });
    return { median: median(times), p99: quantile(times, 0.99), found, pairs: pairs.length };
  };

  result.queries = {
    stances: { median: median(stances), naive: median(naiveStances) },
    neighbors: { median: median(neighbors), naive: median(naiveNeighbors) },
    contested: {
      first: contestedFirst,
      median: median(contested),
      naive: median(naiveContested),
      count: contestedList.length,
    },
    path: paths(undefined),
    pathUndirected: paths({ directed: false }),
    search: { first: searchFirst, median: median(search) },
    asOf,
    asOfNext,
  };
} else throw new Error(`unknown mode ${mode}`);

result.maxRssBytes = process.resourceUsage().maxRSS * 1024;
process.stdout.write(`${JSON.stringify(result)}\n`);
