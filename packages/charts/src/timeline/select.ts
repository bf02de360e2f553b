/**
 * The timeline chart's second stage: the statements it shows — those about the chosen relations
 * that may fall in the window — with the changes of position among them, in the rows they are heard in.
 */
import { changeData, voiceRows } from '../changes.js';
import { dateSpan } from '../dates.js';
import type { ChartIndex, ClaimGraphLike } from '../input.js';
import {
  describeSelection,
  inWindow,
  requireRows,
  selectRelations,
  statementRows,
  type StatementRow,
} from '../statements.js';
import type { TimelineOptions } from './options.js';

const EMPTY = { changes: [], voiceOf: new Map<string, string>() };

export interface TimelineSelection {
  relationIds: string[];
  /** The window `from`/`to` give, in ms (infinite where not given). */
  window: { start: number; end: number };
  /** The statements shown, each in the row of the voice it is heard in. */
  rows: (StatementRow & { saidBy?: string })[];
  changes: ReturnType<typeof changeData>['changes'];
}

export function selectTimeline(cg: ClaimGraphLike, index: ChartIndex, o: TimelineOptions): TimelineSelection {
  const relationIds = selectRelations(index, o, 'timelineChart', () => true);
  const window = { start: o.from ? dateSpan(o.from).start : -Infinity, end: o.to ? dateSpan(o.to).end : Infinity };
  // A statement is shown when any day it could mean falls inside the window.
  const shown = inWindow(statementRows(index, relationIds), o.from, o.to);
  requireRows(shown, 'timelineChart', describeSelection(o));
  const { changes, voiceOf } = o.changes || o.voices === 'body' ? changeData(cg, shown, o.voices) : EMPTY;
  const rows = o.voices === 'body' ? voiceRows(index, shown, voiceOf) : shown;
  return { relationIds, window, rows, changes };
}
