// Stand-in for @claimgraph/sdk until its build lands: the documented graph attributes only.
import { MultiDirectedGraph } from 'graphology';
import { readFileSync } from 'node:fs';
export function fakeClaimGraph(path, version = '0.1.0') {
  const data = JSON.parse(readFileSync(path, 'utf8'));
  const graph = new MultiDirectedGraph();
  for (const e of data.entities) graph.addNode(e.id, { ...e, label: e.name });
  for (const r of data.relations) {
    const st = data.statements.filter((s) => s.relation === r.id);
    const supports = st.filter((s) => s.stance === 'supports').length;
    const disputes = st.length - supports;
    graph.addEdgeWithKey(r.id, r.source, r.target, { ...r, supports, disputes, status: supports && disputes ? 'contested' : supports ? 'supported' : 'disputed' });
  }
  return { graph, version, toJSON: () => structuredClone(data) };
}
