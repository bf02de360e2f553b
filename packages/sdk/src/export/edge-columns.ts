/**
 * The columns every edge export carries besides the relation's own fields — its type's label, the
 * relation type as GEXF's parallel-edge kind, the statement count as weight, the status with its
 * counts, and whether the type is symmetric — and their values. GEXF, GraphML and CSV take them from here.
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
  { header: 'symmetric', type: 'boolean' },
  ...fieldColumns('relations', 'id', 'type', 'source', 'target'),
];

/** Whether a relation type reads the same both ways (allied-with, relative-of…), by the vocabulary. */
export function isSymmetric(type: string): boolean {
  return RELATION_TYPE_INFO[type as Relation['type']]?.symmetric === true;
}

/** The value of a derived edge column (one without a `field`) for relation number `i`. */
export function derivedEdgeValue(
  header: string,
  relation: Relation,
  i: number,
  stats: RelationStats,
): string | number | boolean {
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
    case 'symmetric':
      return isSymmetric(relation.type);
    default:
      throw new Error(`@claimgraph/sdk/export: no derived edge column "${header}"`);
  }
}
