import { bidirectional } from 'graphology-shortest-path/unweighted';
import { MultiDirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { encodeColumns } from '@claimgraph/schema';
import { ClaimGraph } from '../src/index.js';
import { edgeOrder } from '../src/graph.js';
import { syntheticDataset } from '../src/synthetic.js';
import { fixture } from './fixture.js';

const cg = ClaimGraph.fromData(fixture());

describe('cg.graph', () => {
  it('is a graphology MultiDirectedGraph keyed by entity and relation ids', () => {
    const { graph } = cg;
    expect(graph).toBeInstanceOf(MultiDirectedGraph);
    expect(graph.order).toBe(fixture().entities.length);
    expect(graph.size).toBe(fixture().relations.length);
    expect(graph.hasNode('armed-group:taliban')).toBe(true);
    expect(graph.extremities('rel:haqqani-part-of-taliban')).toEqual([
      'armed-group:haqqani-network',
      'armed-group:taliban',
    ]);
  });

  it('gives nodes the entity fields and a label', () => {
    expect(cg.graph.getNodeAttributes('government-body:us-department-of-defense')).toEqual({
      id: 'government-body:us-department-of-defense',
      type: 'government-body',
      name: 'Defense Department',
      aliases: ['Pentagon'],
      label: 'Defense Department',
    });
  });

  it('gives edges the relation fields, the status and the statement counts', () => {
    expect(cg.graph.getEdgeAttributes('rel:haqqani-part-of-taliban')).toEqual({
      id: 'rel:haqqani-part-of-taliban',
      type: 'part-of',
      source: 'armed-group:haqqani-network',
      target: 'armed-group:taliban',
      status: 'contested',
      supports: 2,
      disputes: 1,
    });
    expect(cg.graph.getEdgeAttribute('rel:al-qaeda-part-of-taliban', 'status')).toBe('disputed');
  });

  it('is built once and shared', () => {
    expect(cg.graph).toBe(cg.graph);
  });

  it('does not change the records when its attributes are changed', () => {
    const copy = ClaimGraph.fromData(fixture());
    copy.graph.setNodeAttribute('place:kabul', 'name', 'Changed');
    expect(copy.entity('place:kabul')?.name).toBe('Kabul');
  });

  it('works with graphology’s standard library', () => {
    expect(bidirectional(cg.graph, 'person:sirajuddin-haqqani', 'armed-group:taliban')).toEqual([
      'person:sirajuddin-haqqani',
      'armed-group:haqqani-network',
      'armed-group:taliban',
    ]);
  });

  it('lists nodes by id, and edges by source, then target, then relation id', () => {
    const data = syntheticDataset({ entities: 300, seed: 3 });
    const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    for (const made of [ClaimGraph.fromData(data), ClaimGraph.fromColumns(encodeColumns(data))]) {
      const { graph } = made;
      expect(graph.nodes()).toEqual(data.entities.map((e) => e.id).sort(byId));
      const edges = data.relations
        .map((r) => [r.source, r.target, r.id] as const)
        .sort((a, b) => byId(a[0], b[0]) || byId(a[1], b[1]) || byId(a[2], b[2]));
      expect(graph.edges()).toEqual(edges.map((e) => e[2]));
    }
  });

  it('orders relation positions by source, then target, keeping ties in relation order', () => {
    const source = Int32Array.of(2, 0, 2, 1, 0, 2);
    const target = Int32Array.of(1, 1, 0, 0, 1, 1);
    expect([...edgeOrder(source, target, 3)]).toEqual([1, 4, 3, 2, 0, 5]);
  });

  it('views have their own graph', () => {
    const view = cg.asOf('2021-06');
    expect(view.graph.size).toBe(2);
    expect(view.graph.order).toBe(cg.graph.order);
    expect(view.graph.getEdgeAttribute('rel:taliban-allied-with-al-qaeda', 'supports')).toBe(1);
  });
});
