/**
 * The graphology view of a ClaimGraph: one node per entity, one directed edge per relation, with
 * the records' fields as attributes so any graphology tool (metrics, layouts, sigma) works on it.
 */
import { MultiDirectedGraph } from 'graphology';
import type { Entity, Relation } from '@claimgraph/schema';
import type { Store } from './store.js';
import { relationStatus, type Status } from './status.js';

/** Node attributes: the entity's fields, plus `label` (its name) for renderers. */
export type EntityAttributes = Entity & { label: string };

/** Edge attributes: the relation's fields, its status and how many statements support and dispute it. */
export type RelationAttributes = Relation & { status: Status; supports: number; disputes: number };

export type ClaimGraphGraph = MultiDirectedGraph<EntityAttributes, RelationAttributes>;

/** Builds the graph: node key = entity id, edge key = relation id, symmetric relations stored once, source → target. */
export function buildGraph(store: Store): ClaimGraphGraph {
  const graph = new MultiDirectedGraph<EntityAttributes, RelationAttributes>();
  for (let i = 0; i < store.entities.length; i++) {
    const entity = store.entities.at(i)!;
    graph.addNode(entity.id, { ...entity, label: entity.name });
  }
  const { relations, supports, disputes } = store;
  for (let i = 0; i < relations.length; i++) {
    const relation = relations.at(i)!;
    graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, {
      ...relation,
      status: relationStatus(supports[i]!, disputes[i]!),
      supports: supports[i]!,
      disputes: disputes[i]!,
    });
  }
  return graph;
}
