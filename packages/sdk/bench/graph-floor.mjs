/**
 * What graphology alone costs for a release's graph, against `cg.graph`: the same nodes and edges
 * added to a MultiDirectedGraph with empty attributes, by ids already in memory, and as many edges
 * between random entities; each in a fresh process, so that none pays for another's garbage. The
 * shape of the graph (a few hubs with thousands of neighbours) decides most of graphology's cost.
 * A fourth mode gives graphology shallow copies of attribute objects like those of `cg.graph` (the
 * values made before the timing, only the objects during it): what any attribute object holding the
 * records' fields costs at the least, however its values are built.
 * The modes run interleaved, one process each per round, so that a busy spell on a shared machine
 * slows the modes of a round alike; `cg.graph` is compared with graphology alone round by round.
 * `npm run bench` prints it for the largest size; alone: node bench/graph-floor.mjs RELEASE_FOLDER [ROUNDS]
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MultiDirectedGraph } from 'graphology';

const self = fileURLToPath(import.meta.url);
/** Wall and CPU milliseconds of fn: on a shared machine CPU time is the figure that waits for no one. */
const time = (fn) => {
  const t = performance.now();
  const cpu = process.cpuUsage();
  fn();
  const used = process.cpuUsage(cpu);
  return `${performance.now() - t} ${(used.user + used.system) / 1000}`;
};

export const MODES = ['cg', 'bare', 'copies', 'random'];
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
/** Median and best of some `{ wall, cpu }` times, each figure taken on its own. */
const summary = (times) => ({
  median: { wall: median(times.map((t) => t.wall)), cpu: median(times.map((t) => t.cpu)) },
  best: { wall: Math.min(...times.map((t) => t.wall)), cpu: Math.min(...times.map((t) => t.cpu)) },
});

/**
 * `rounds` rounds of one fresh process per mode: `cg.graph` after a load (cg), graphology alone
 * (bare), graphology given copies of `cg.graph`'s attribute objects (copies), graphology on random
 * edges (random). Rounds alternate the order (cg, bare, copies, random, then the reverse), so that
 * a slowdown building up or fading over a round weighs on cg and bare alike. Returns each round's
 * `{ wall, cpu }` milliseconds by mode, the median and best of each mode, and `ratio`: cg / bare
 * of each round and the median of those ratios.
 */
export function graphFloor(folder, rounds = 5) {
  const run = (mode) => {
    const child = spawnSync(process.execPath, ['--expose-gc', self, folder, mode], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`graph-floor ${mode} failed:\n${child.stderr}`);
    const [wall, cpu] = child.stdout.trim().split(' ').map(Number);
    return { wall, cpu };
  };
  const perRound = [];
  for (let r = 0; r < rounds; r++) {
    const round = { load: loadavg()[0] };
    for (const mode of r % 2 ? [...MODES].reverse() : MODES) round[mode] = run(mode);
    perRound.push(round);
    console.error(`  graph-floor round ${r + 1} of ${rounds} done`);
  }
  const modes = Object.fromEntries(MODES.map((m) => [m, summary(perRound.map((round) => round[m]))]));
  const ratios = perRound.map((round) => ({
    wall: round.cg.wall / round.bare.wall,
    cpu: round.cg.cpu / round.bare.cpu,
  }));
  return {
    rounds: perRound,
    ...modes,
    ratio: {
      rounds: ratios,
      median: { wall: median(ratios.map((x) => x.wall)), cpu: median(ratios.map((x) => x.cpu)) },
    },
  };
}

async function measure(folder, mode) {
  const { ClaimGraph } = await import('../dist/index.js');
  const cg = await ClaimGraph.load(join(folder, 'dataset.columns.bin'));
  // Every mode starts from a collected heap, so that none pays for the load's garbage.
  if (mode === 'cg') {
    globalThis.gc?.();
    return time(() => cg.graph);
  }
  if (mode === 'copies') {
    // Objects shaped like cg.graph's attributes, made from the same records as the mode below makes
    // its ids from, without graphology (a first cg.graph would compile graphology's code before the
    // timing); the derived values are the same for every edge, which changes no object's shape.
    const nodes = cg.entities().map((e) => [e.id, { ...e, label: e.name }]);
    const key = new Map(nodes.map(([id]) => [id, id]));
    const edges = cg.relations().map((r) => {
      const attributes = { ...r, status: 'supported', supports: 1, disputes: 0 };
      return [r.id, key.get(r.source), key.get(r.target), attributes];
    });
    globalThis.gc?.();
    return time(() => {
      const graph = new MultiDirectedGraph();
      for (const [id, attributes] of nodes) graph.addNode(id, { ...attributes });
      for (const [id, source, target, attributes] of edges)
        graph.addDirectedEdgeWithKey(id, source, target, { ...attributes });
    });
  }
  const ids = cg.entities().map((e) => e.id);
  const position = new Map(ids.map((id, i) => [id, i]));
  const edges = cg.relations().map((r) => [r.id, position.get(r.source), position.get(r.target)]);
  if (mode === 'random') {
    let seed = 1;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 1) % ids.length;
    for (const edge of edges) [edge[1], edge[2]] = [next(), next()];
  }
  globalThis.gc?.();
  return time(() => {
    const graph = new MultiDirectedGraph();
    for (const id of ids) graph.addNode(id, {});
    for (const [key, source, target] of edges) graph.addDirectedEdgeWithKey(key, ids[source], ids[target], {});
  });
}

if (process.argv[1] === self) {
  const [folder, modeOrRounds] = process.argv.slice(2);
  if (!folder) throw new Error('usage: node bench/graph-floor.mjs RELEASE_FOLDER [ROUNDS]');
  if (MODES.includes(modeOrRounds)) process.stdout.write(`${await measure(folder, modeOrRounds)}\n`);
  else {
    const rounds = Number(modeOrRounds ?? 5);
    const f = graphFloor(folder, rounds);
    const show = (t) => `${t.wall.toFixed(0)} ms (CPU ${t.cpu.toFixed(0)})`;
    const x = (r) => `${r.wall.toFixed(2)}× (CPU ${r.cpu.toFixed(2)}×)`;
    console.log(`${folder}, ${rounds} rounds of one fresh process per mode, interleaved:`);
    f.rounds.forEach((round, i) =>
      console.log(
        `  round ${i + 1} (load ${round.load.toFixed(2)}): ${MODES.map((m) => `${m} ${show(round[m])}`).join(', ')}; cg / bare ${x(f.ratio.rounds[i])}`,
      ),
    );
    const labels = {
      cg: 'cg.graph right after ClaimGraph.load',
      bare: 'graphology alone, the same edges, empty attributes',
      copies: "graphology given copies of cg.graph's attribute objects",
      random: 'graphology alone, as many edges between random entities',
    };
    for (const m of MODES) console.log(`  ${labels[m]}: median ${show(f[m].median)}, best ${show(f[m].best)}`);
    console.log(`  cg.graph / graphology alone, median of the rounds' ratios: ${x(f.ratio.median)}`);
  }
}
