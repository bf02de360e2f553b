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
  // One object per node and edge: a fresh copy of the record (columnar rows are built straight
  // into it, never kept), with the derived attributes set on it.
  const { entities, relations, supports, disputes } = store;
  for (let i = 0; i < entities.length; i++) {
    const attributes = (entities.copy ? entities.copy(i) : { ...entities.at(i)! }) as EntityAttributes;
    attributes.label = attributes.name;
    graph.addNode(attributes.id, attributes);
  }
  for (let i = 0; i < relations.length; i++) {
    const attributes = (relations.copy ? relations.copy(i) : { ...relations.at(i)! }) as RelationAttributes;
    attributes.status = relationStatus(supports[i]!, disputes[i]!);
    attributes.supports = supports[i]!;
    attributes.disputes = disputes[i]!;
    graph.addDirectedEdgeWithKey(attributes.id, attributes.source, attributes.target, attributes);
  }
  return graph;
}
