// The GEXF and GraphML exports as NetworkX 2.8 and python-igraph 0.10 (Debian's python3-networkx
// and python3-igraph, under /usr/bin/python3) read them: counts, direction, ids and typed attributes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RELATION_TYPE_INFO, type Dataset } from '@claimgraph/schema';
import { ClaimGraph } from '../src/index.js';
import { exportDataset, type ExportOptions } from '../src/export/index.js';
import { requireReader } from '../../schema/test/readers.js';
import { awkwardDataset } from './export-helpers.js';

const PYTHON = '/usr/bin/python3';
const SCRIPT = join(__dirname, 'interop', 'read_graph.py');
const RELEASE = join(__dirname, '..', '..', '..', 'datasets', 'afghanistan-2021', 'dist');

function hasModule(module: string): boolean {
  const ok = existsSync(PYTHON) && spawnSync(PYTHON, ['-c', `import ${module}`]).status === 0;
  return requireReader(`${module} (under ${PYTHON})`, ok, `python3-${module}`, `the ${module} interop tests`);
}
const NETWORKX = hasModule('networkx');
const IGRAPH = hasModule('igraph');

interface Seen {
  error?: string;
  reader: string;
  directed: boolean;
  nodes: { id: string; attributes: Record<string, unknown> }[];
  edges: { id: string; source: string; target: string; attributes: Record<string, unknown> }[];
}

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-interop-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(
  reader: 'networkx' | 'igraph',
  format: 'gexf' | 'graphml',
  cg: ClaimGraph,
  options: ExportOptions = {},
): Promise<Seen> {
  const { files } = await exportDataset(cg, format, options);
  const path = join(dir, `${reader}-${Math.random().toString(36).slice(2)}.${format}`);
  writeFileSync(path, files[0]!.content as string);
  const run = spawnSync(PYTHON, [SCRIPT, reader, format, path], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (run.status !== 0) throw new Error(`${SCRIPT} failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Seen;
}

/** What every reader must see: each entity a node, each relation a directed edge source → target, typed. */
function expectFaithful(seen: Seen, data: Dataset) {
  expect(seen.error).toBeUndefined();
  expect(seen.directed).toBe(true);
  expect(seen.nodes.map((n) => n.id).sort()).toEqual(data.entities.map((e) => e.id).sort());
  const nodes = new Map(seen.nodes.map((n) => [n.id, n.attributes]));
  for (const entity of data.entities) {
    expect(nodes.get(entity.id)!.label).toBe(entity.name);
    expect(nodes.get(entity.id)!.type).toBe(entity.type);
    if (entity.aliases) expect(JSON.parse(nodes.get(entity.id)!.aliases as string)).toEqual(entity.aliases);
  }
  expect(seen.edges).toHaveLength(data.relations.length);
  const edges = new Map(seen.edges.map((e) => [e.id, e]));
  for (const relation of data.relations) {
    const edge = edges.get(relation.id)!;
    expect([edge.source, edge.target]).toEqual([relation.source, relation.target]);
    expect(edge.attributes.relationType).toBe(relation.type);
    expect(edge.attributes.symmetric).toBe(RELATION_TYPE_INFO[relation.type].symmetric);
    const statements = data.statements.filter((s) => s.relation === relation.id);
    expect(edge.attributes.supports).toBe(statements.filter((s) => s.stance === 'supports').length);
    expect(edge.attributes.disputes).toBe(statements.filter((s) => s.stance === 'disputes').length);
    if (relation.attributes) expect(JSON.parse(edge.attributes.attributes as string)).toEqual(relation.attributes);
    if (relation.note) expect(edge.attributes.note).toBe(relation.note);
  }
}

const datasets: [string, () => Promise<ClaimGraph>][] = [
  ['a dataset of awkward text (quotes, Pashto, formula starts)', async () => ClaimGraph.fromData(awkwardDataset())],
];
if (existsSync(join(RELEASE, 'dataset.json')))
  datasets.push(['the bundled dataset', () => ClaimGraph.load(RELEASE, { validate: false })]);

describe.each(datasets)('the default GEXF and GraphML of %s', (_name, load) => {
  it.runIf(NETWORKX)('read in NetworkX as a directed multigraph with every relation and its attributes', async () => {
    const cg = await load();
    const data = cg.toJSON();
    for (const format of ['gexf', 'graphml'] as const) {
      const seen = await read('networkx', format, cg);
      expect(seen.reader).toMatch(/^networkx /);
      expectFaithful(seen, data);
    }
  });

  it.runIf(IGRAPH)('read in igraph (GraphML) as a directed graph with every relation and its attributes', async () => {
    const cg = await load();
    expectFaithful(await read('igraph', 'graphml', cg), cg.toJSON());
  });
});

describe('the mixed graph of symmetricEdges: "undirected", as the docs say each reader sees it', () => {
  const cg = ClaimGraph.fromData(awkwardDataset());

  it.runIf(NETWORKX)('NetworkX refuses both files', async () => {
    expect((await read('networkx', 'gexf', cg, { symmetricEdges: 'undirected' })).error).toMatch(
      /Undirected edge found in directed graph/,
    );
    expect((await read('networkx', 'graphml', cg, { symmetricEdges: 'undirected' })).error).toMatch(
      /directed=true edge found in undirected graph/,
    );
  });

  it.runIf(IGRAPH)('igraph reads the GraphML as wholly undirected', async () => {
    expect((await read('igraph', 'graphml', cg, { symmetricEdges: 'undirected' })).directed).toBe(false);
  });
});

describe('GEXF 1.3', () => {
  it.runIf(NETWORKX)('is read by NetworkX 3.6 and later only: 2.8 finds no <graph> element', async () => {
    const seen = await read('networkx', 'gexf', ClaimGraph.fromData(awkwardDataset()), { gexfVersion: '1.3' });
    if (/^networkx [0-2]\.|^networkx 3\.[0-5]\./.test(seen.reader ?? '') || seen.error)
      expect(seen.error).toMatch(/No <graph> element/);
    else expectFaithful(seen, awkwardDataset());
  });
});
