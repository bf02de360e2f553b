/**
 * The entity network as an undirected graph with one edge per tied pair: who is connected to whom,
 * whatever the relation's type or direction. Layouts and centralities are computed on it.
 */
import Graph from 'graphology';
import type { ChartIndex } from './input.js';

/**
 * Builds the tie graph from the index. `keep` chooses the entities; isolated ones (named only as
 * speakers, say) are left out unless `isolated` is set.
 */
export function tieGraph(index: ChartIndex, keep: (id: string) => boolean = () => true, isolated = false): Graph {
  const graph = new Graph({ type: 'undirected', multi: false, allowSelfLoops: false });
  for (const entity of index.data.entities) if (keep(entity.id)) graph.addNode(entity.id);
  for (const relation of index.data.relations) {
    if (graph.hasNode(relation.source) && graph.hasNode(relation.target))
      graph.mergeEdge(relation.source, relation.target);
  }
  if (!isolated) for (const node of graph.filterNodes((n) => graph.degree(n) === 0)) graph.dropNode(node);
  return graph;
}

/** The entity and everything within `depth` relations of it, through the SDK's `neighbors`. */
export function neighbourhood(index: ChartIndex, focus: string, depth: number): Set<string> {
  const seen = new Set([focus]);
  let frontier = [focus];
  for (let d = 0; d < depth && frontier.length; d++) {
    const next: string[] = [];
    for (const id of frontier.flatMap((node) => index.neighbours(node))) {
      if (!seen.has(id)) {
        seen.add(id);
        next.push(id);
      }
    }
    frontier = next;
  }
  return seen;
}
