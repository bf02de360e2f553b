/**
 * The stance chart's second stage: the statements it shows — about the chosen relations (the
 * contested ones by default) and inside the window.
 */
import type { ChartIndex } from '../input.js';
import {
  describeSelection,
  inWindow,
  requireRows,
  selectRelations,
  statementRows,
  type StatementRow,
} from '../statements.js';
import type { StanceOptions } from './options.js';

export function selectStance(index: ChartIndex, o: StanceOptions): StatementRow[] {
  const relationIds = selectRelations(index, o, 'stanceChart', (id) => index.status(id) === 'contested');
  const rows = inWindow(statementRows(index, relationIds), o.from, o.to);
  requireRows(rows, 'stanceChart', describeSelection(o));
  return rows;
}
