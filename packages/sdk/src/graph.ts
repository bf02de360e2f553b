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

/**
 * A new object per record: built straight from the columns when the list can (references to
 * entities then hold the strings of `entityIds`, not copies), else a copy of the record.
 */
function copies<T extends object>(records: Records<T>, entityIds?: readonly string[]): T[] {
  if (records.copyAll) return records.copyAll(entityIds);
  const out = new Array<T>(records.length);
  for (let i = 0; i < records.length; i++) out[i] = { ...records.at(i)! };
  return out;
}

/**
 * Relation positions grouped by source, by target within a source, then in relation order: one
 * stable counting sort by target, then one by source. Graphology adds an edge faster when the edge
 * before it touched the same nodes (their entries and neighbour objects are still in the cache)
 * than in relation id order, which jumps between random entities.
 */
export function edgeOrder(relSource: Int32Array, relTarget: Int32Array, entityCount: number): Int32Array {
  const byTarget = stableSortBy(relTarget, entityCount);
  return stableSortBy(relSource, entityCount, byTarget);
}

/** Positions `0 … key.length - 1` (or those of `order`) sorted by `key[position]`, ties kept in order. */
function stableSortBy(key: Int32Array, keyCount: number, order?: Int32Array): Int32Array {
  const n = key.length;
  const start = new Int32Array(keyCount + 1);
  for (let i = 0; i < n; i++) start[key[i]! + 1]!++;
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k]!;
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const position = order ? order[i]! : i;
    out[start[key[position]!]!++] = position;
  }
  return out;
}

/**
 * Builds the graph: node key = entity id, edge key = relation id, symmetric relations stored once,
 * source → target. Nodes are added in id order; edges by source, then target (both in entity id
 * order), then relation id.
 */
export function buildGraph(store: Store, datasetsOf?: (id: string) => string[]): ClaimGraphGraph {
  const graph = new MultiDirectedGraph<EntityAttributes, RelationAttributes>();
  // One object per node and edge: a fresh copy of the record (columnar rows are built straight
  // into it, column by column, never kept), with the derived attributes set on it. Each derived
  // field is set over every object in its own loop: a loop that stores one key is far faster than
  // one that stores five different keys into objects of many shapes.
  const { entities, relations, supports, disputes, relSource, relTarget } = store;
  const nodes = copies(entities) as EntityAttributes[];
  // One string per entity id, shared by its node key and every edge end that names it: graphology
  // then finds each end by a string whose hash is already known, as when it is given its own keys.
  const keys = new Array<string>(nodes.length);
  for (let i = 0; i < nodes.length; i++) keys[i] = nodes[i]!.id;
  for (let i = 0; i < nodes.length; i++) nodes[i]!.label = nodes[i]!.name;
  if (datasetsOf) for (let i = 0; i < nodes.length; i++) nodes[i]!.datasets = datasetsOf(keys[i]!);
  for (let i = 0; i < nodes.length; i++) graph.addNode(keys[i]!, nodes[i]!);
  const edges = copies(relations, keys) as RelationAttributes[];
  if (!relations.copyAll)
    for (let i = 0; i < edges.length; i++) {
      edges[i]!.source = keys[relSource[i]!]!;
      edges[i]!.target = keys[relTarget[i]!]!;
    }
  for (let i = 0; i < edges.length; i++) edges[i]!.status = relationStatus(supports[i]!, disputes[i]!);
  for (let i = 0; i < edges.length; i++) edges[i]!.supports = supports[i]!;
  for (let i = 0; i < edges.length; i++) edges[i]!.disputes = disputes[i]!;
  if (datasetsOf) for (let i = 0; i < edges.length; i++) edges[i]!.datasets = datasetsOf(edges[i]!.id);
  const order = edgeOrder(relSource, relTarget, nodes.length);
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    graph.addDirectedEdgeWithKey(edges[i]!.id, keys[relSource[i]!]!, keys[relTarget[i]!]!, edges[i]!);
  }
  return graph;
}
