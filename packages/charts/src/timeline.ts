/**
 * `timelineChart`: statements over time, one row per speaker. A statement dated to the day is a
 * point; one dated only to a month or a year is a bar across every day it could mean.
 * Built in stages, each a module of timeline/: options → selection → layout → spec.
 */
import type { TopLevelSpec } from 'vega-lite';
import { indexClaimGraph, selectLabelled, type ClaimGraphLike } from './input.js';
import { rowEntities } from './statements.js';
import { timelineOptions, type TimelineChartOptions } from './timeline/options.js';
import { selectTimeline } from './timeline/select.js';
import { layoutTimeline } from './timeline/layout.js';
import { timelineSpec } from './timeline/spec.js';

export { TIMELINE_CHART_DEFAULTS, type TimelineChartOptions } from './timeline/options.js';

/** When each speaker said what, with partial dates drawn as the intervals they are. */
export function timelineChart(cg: ClaimGraphLike, options: TimelineChartOptions = {}): TopLevelSpec {
  const o = timelineOptions(options);
  const { index, selection } = selectLabelled(
    indexClaimGraph(cg),
    (index) => selectTimeline(cg, index, o),
    (selection, index) => [...rowEntities(index, selection.rows), ...(o.entity !== undefined ? [o.entity] : [])],
  );
  return timelineSpec(index, o, selection, layoutTimeline(index, selection, o));
}
