/**
 * The graph that GEXF and GraphML are written from: one node per entity, one edge per relation
 * (directed by default, with a `symmetric` flag), attributes flattened to typed scalars.
 */
import { MultiGraph } from 'graphology';
import type { Entity, Relation } from '@claimgraph/schema';
import { isUndirected } from './csv.js';
import { derivedEdgeValue, EDGE_COLUMNS } from './edge-columns.js';
import { fieldColumns, flatValue, type ColumnSpec } from './fields.js';
import type { ResolvedExportOptions } from './options.js';
import { canonicalRecords, type ExportRecords, type RelationStats } from './records.js';

/** Node attributes: `label` (the name), then every entity field but the id (which is the node key). */
export const NODE_ATTRIBUTES: readonly ColumnSpec[] = [
  { header: 'label', field: 'name', type: 'string' },
  ...fieldColumns('entities', 'id', 'name'),
];

/**
 * Edge attributes: `label` (the relation type's label), `kind` (the relation type; GEXF's parallel
 * edge kind), `weight` (the number of statements), `relationType`, `status`, `supports`,
 * `disputes`, `symmetric`, then every other relation field. The edge key is the relation id.
 */
export const EDGE_ATTRIBUTES: readonly ColumnSpec[] = EDGE_COLUMNS;

export type FlatAttributes = Record<string, string | number | boolean>;

function flatten(
  specs: readonly ColumnSpec[],
  record: Record<string, unknown>,
  derived: (header: string) => string | number | boolean,
): FlatAttributes {
  const out: FlatAttributes = {};
  for (const spec of specs) {
    const value =
      spec.field === undefined
        ? derived(spec.header)
        : spec.type === 'number'
          ? (record[spec.field] as number | undefined)
          : flatValue(spec.type, record[spec.field]);
    if (value !== undefined) out[spec.header] = value;
  }
  return out;
}

/** A mixed multigraph, entities and relations in id order, ready for graphology-gexf or our GraphML writer. */
export function exportGraph(
  records: ExportRecords,
  stats: RelationStats,
  options: ResolvedExportOptions,
): MultiGraph<FlatAttributes, FlatAttributes> {
  const graph = new MultiGraph<FlatAttributes, FlatAttributes>();
  for (const entity of canonicalRecords<Entity>(records, 'entities')) {
    graph.addNode(
      entity.id,
      flatten(NODE_ATTRIBUTES, entity as Record<string, unknown>, () => ''),
    );
  }
  let r = 0;
  for (const relation of canonicalRecords<Relation>(records, 'relations')) {
    const i = r++;
    const derived = (header: string) => derivedEdgeValue(header, relation, i, stats);
    const attributes = flatten(EDGE_ATTRIBUTES, relation as Record<string, unknown>, derived);
    if (isUndirected(relation.type, options))
      graph.addUndirectedEdgeWithKey(relation.id, relation.source, relation.target, attributes);
    else graph.addDirectedEdgeWithKey(relation.id, relation.source, relation.target, attributes);
  }
  return graph;
}
