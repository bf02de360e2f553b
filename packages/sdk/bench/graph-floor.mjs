/**
 * What graphology alone costs for a release's graph, against `cg.graph`: the same nodes and edges
 * added to a MultiDirectedGraph with empty attributes, by ids already in memory, and as many edges
 * between random entities; each in fresh processes, so that none pays for another's garbage. The
 * shape of the graph (a few hubs with thousands of neighbours) decides most of graphology's cost.
 * A fourth mode gives graphology shallow copies of attribute objects like those of `cg.graph` (the
 * values made before the timing, only the objects during it): what any attribute object holding the
 * records' fields costs at the least, however its values are built.
 * `npm run bench` prints it for the largest size; alone: node bench/graph-floor.mjs RELEASE_FOLDER
 */
import { spawnSync } from 'node:child_process';
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

/**
 * Best of `runs` processes each: `cg.graph` after a load, graphology alone, graphology on random
 * edges, graphology given copies of `cg.graph`'s attribute objects, each as `{ wall, cpu }`
 * milliseconds (the best wall time and, separately, the best CPU time).
 */
export function graphFloor(folder, runs = 3) {
  const run = (mode) => {
    const child = spawnSync(process.execPath, ['--expose-gc', self, folder, mode], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`graph-floor ${mode} failed:\n${child.stderr}`);
    const [wall, cpu] = child.stdout.trim().split(' ').map(Number);
    return { wall, cpu };
  };
  const best = (mode) => {
    const times = Array.from({ length: runs }, () => run(mode));
    return { wall: Math.min(...times.map((t) => t.wall)), cpu: Math.min(...times.map((t) => t.cpu)) };
  };
  return { claimGraph: best('cg'), graphology: best('bare'), random: best('random'), copies: best('copies') };
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
  const [folder, mode] = process.argv.slice(2);
  if (!folder) throw new Error('usage: node bench/graph-floor.mjs RELEASE_FOLDER');
  if (mode) process.stdout.write(`${await measure(folder, mode)}\n`);
  else {
    const f = graphFloor(folder);
    console.log(`${folder}, best of 3 processes each:`);
    const show = (t) => `${t.wall.toFixed(0)} ms (CPU ${t.cpu.toFixed(0)} ms)`;
    console.log(`  cg.graph right after ClaimGraph.load: ${show(f.claimGraph)}`);
    console.log(`  graphology alone, the same edges, empty attributes: ${show(f.graphology)}`);
    console.log(`  graphology alone, as many edges between random entities: ${show(f.random)}`);
    console.log(`  graphology given copies of cg.graph's attribute objects: ${show(f.copies)}`);
  }
}
