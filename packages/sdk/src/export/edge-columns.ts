/**
 * The columns every edge export carries besides the relation's own fields — its type's label, the
 * relation type as GEXF's parallel-edge kind, the statement count as weight, and the status with
 * its counts — and their values. GEXF, GraphML and CSV all take them from here.
 */
import { RELATION_TYPE_INFO, type Relation } from '@claimgraph/schema';
import { fieldColumns, type ColumnSpec } from './fields.js';
import type { RelationStats } from './records.js';

export const EDGE_COLUMNS: readonly ColumnSpec[] = [
  { header: 'label', type: 'string' },
  { header: 'kind', type: 'string' },
  { header: 'weight', type: 'number' },
  { header: 'relationType', field: 'type', type: 'string' },
  { header: 'status', type: 'string' },
  { header: 'supports', type: 'number' },
  { header: 'disputes', type: 'number' },
  ...fieldColumns('relations', 'id', 'type', 'source', 'target'),
];

/** The value of a derived edge column (one without a `field`) for relation number `i`. */
export function derivedEdgeValue(header: string, relation: Relation, i: number, stats: RelationStats): string | number {
  switch (header) {
    case 'label':
      return RELATION_TYPE_INFO[relation.type]?.label ?? relation.type;
    case 'kind':
      return relation.type;
    case 'weight':
      return stats.supports[i]! + stats.disputes[i]!;
    case 'status':
      return stats.status(i);
    case 'supports':
      return stats.supports[i]!;
    case 'disputes':
      return stats.disputes[i]!;
    default:
      throw new Error(`@claimgraph/sdk/export: no derived edge column "${header}"`);
  }
}
