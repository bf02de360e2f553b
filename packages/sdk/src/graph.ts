/**
 * The graphology view of a ClaimGraph: one node per entity, one directed edge per relation, with
 * the records' fields as attributes so any graphology tool (metrics, layouts, sigma) works on it.
 */
import { MultiDirectedGraph } from 'graphology';
import type { Entity, Relation } from '@claimgraph/schema';
import type { Records, Store } from './store.js';
import { relationStatus, type Status } from './status.js';

/**
 * Node attributes: the entity's fields, plus `label` (its name) for renderers, and in a graph of
 * several datasets `datasets`, the names of those holding the entity.
 */
export type EntityAttributes = Entity & { label: string; datasets?: string[] };

/** Edge attributes: the relation's fields, its status, how many statements support and dispute it, and (several datasets) `datasets`. */
export type RelationAttributes = Relation & { status: Status; supports: number; disputes: number; datasets?: string[] };

export type ClaimGraphGraph = MultiDirectedGraph<EntityAttributes, RelationAttributes>;

/** A new object per record: built straight from the columns when the list can, else a copy of the record. */
function copies<T extends object>(records: Records<T>): T[] {
  if (records.copyAll) return records.copyAll();
  const out = new Array<T>(records.length);
  for (let i = 0; i < records.length; i++) out[i] = { ...records.at(i)! };
  return out;
}

/** Builds the graph: node key = entity id, edge key = relation id, symmetric relations stored once, source → target. */
export function buildGraph(store: Store, datasetsOf?: (id: string) => string[]): ClaimGraphGraph {
  const graph = new MultiDirectedGraph<EntityAttributes, RelationAttributes>();
  // One object per node and edge: a fresh copy of the record (columnar rows are built straight
  // into it, column by column, never kept), with the derived attributes set on it.
  const { entities, relations, supports, disputes, relSource, relTarget } = store;
  const nodes = copies(entities) as EntityAttributes[];
  // One string per entity id, shared by its node key and every edge end that names it: graphology
  // then finds each end by a string whose hash is already known, as when it is given its own keys.
  const keys = new Array<string>(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    const attributes = nodes[i]!;
    const key = (keys[i] = attributes.id);
    attributes.label = attributes.name;
    if (datasetsOf) attributes.datasets = datasetsOf(key);
    graph.addNode(key, attributes);
  }
  const edges = copies(relations) as RelationAttributes[];
  for (let i = 0; i < edges.length; i++) {
    const attributes = edges[i]!;
    const source = (attributes.source = keys[relSource[i]!]!);
    const target = (attributes.target = keys[relTarget[i]!]!);
    attributes.status = relationStatus(supports[i]!, disputes[i]!);
    attributes.supports = supports[i]!;
    attributes.disputes = disputes[i]!;
    if (datasetsOf) attributes.datasets = datasetsOf(attributes.id);
    graph.addDirectedEdgeWithKey(attributes.id, source, target, attributes);
  }
  return graph;
}
