/**
 * `timelineChart`: statements over time, one row per speaker. A statement dated to the day is a
 * point; one dated only to a month or a year is a bar across every day it could mean.
 */
import type { TopLevelSpec } from 'vega-lite';
import { isPartialDate, type PartialDate } from '@claimgraph/schema';
import { dateSpan, formatPartialDate } from './dates.js';
import { frame, subtitleLines, type ChartBody } from './frame.js';
import { creditLine, indexClaimGraph, type ClaimGraphLike, type Defaults, type FrameOptions } from './input.js';
import { STANCE_COLORS, STANCE_KEYS, STANCE_SHAPES } from './palette.js';
import { STATEMENT_TOOLTIP } from './stance.js';
import { selectRelations, statementRows, tallyStances } from './statements.js';
import { plural } from './text.js';

export interface TimelineChartOptions extends FrameOptions {
  /** An entity id: the statements about relations it takes part in. */
  entity?: string;
  /** One relation id or several. */
  relation?: string | string[];
  /** Show only statements that may fall on or after this partial date (`2021-08`). */
  from?: PartialDate;
  /** Show only statements that may fall on or before this partial date. */
  to?: PartialDate;
  /** Height of one speaker's row, in pixels. */
  rowHeight?: number;
  /** Widest speaker name before it is cut with an ellipsis, in pixels. */
  labelWidth?: number;
}

export const TIMELINE_CHART_DEFAULTS = {
  entity: undefined,
  relation: undefined,
  from: undefined,
  to: undefined,
  rowHeight: 26,
  labelWidth: 170,
  width: 430,
  title: undefined,
  subtitle: undefined,
  dataset: undefined,
  credit: undefined,
} satisfies Defaults<TimelineChartOptions>;

/** When each speaker said what, with partial dates drawn as the intervals they are. */
export function timelineChart(cg: ClaimGraphLike, options: TimelineChartOptions = {}): TopLevelSpec {
  const o = { ...TIMELINE_CHART_DEFAULTS, ...options };
  for (const key of ['from', 'to'] as const) {
    const value = o[key];
    if (value !== undefined && !isPartialDate(value)) {
      throw new Error(`@claimgraph/charts: timelineChart: options.${key}: "${String(value)}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`);
    }
  }
  const index = indexClaimGraph(cg);
  const relationIds = selectRelations(index, o, 'timelineChart', () => true);
  const window = { start: o.from ? dateSpan(o.from).start : -Infinity, end: o.to ? dateSpan(o.to).end : Infinity };
  // A statement is shown when any day it could mean falls inside the window.
  const rows = statementRows(index, relationIds).filter((r) => r.end > window.start && r.start < window.end);
  const stanceDomain = STANCE_KEYS.filter((k) => rows.some((r) => r.stanceKey === k));
  const firstSaid = new Map<string, number>();
  for (const [i, row] of rows.entries()) if (!firstSaid.has(row.speaker)) firstSaid.set(row.speaker, i);
  const values = rows.map((r) => ({ ...r, rank: firstSaid.get(r.speaker)! }));
  const speakers = firstSaid.size;
  const partial = rows.filter((r) => r.precision !== 'day').length;
  const { supports, disputes } = tallyStances(rows);

  const domain = rows.length
    ? [Math.max(window.start, Math.min(...rows.map((r) => r.start))), Math.min(window.end, Math.max(...rows.map((r) => r.end)))]
    : undefined;
  const x = {
    type: 'temporal' as const,
    title: null,
    scale: { type: 'utc' as const, ...(domain ? { domain, nice: true } : {}) },
    axis: { grid: true, tickCount: 6, labelFlush: true, labelOverlap: true },
  };
  const y = {
    field: 'speakerName',
    type: 'nominal' as const,
    sort: { field: 'rank', op: 'min' as const, order: 'ascending' as const },
    axis: { title: null, ticks: false, domain: false, labelPadding: 8, labelFontSize: 12, labelLimit: o.labelWidth, grid: true, gridColor: '#f2f2f2' },
  };
  const color = {
    field: 'stanceKey',
    type: 'nominal' as const,
    title: 'Stance',
    scale: { domain: stanceDomain, range: stanceDomain.map((k) => STANCE_COLORS[k]) },
  };
  const body: ChartBody = {
    data: { values },
    width: o.width,
    height: { step: o.rowHeight },
    layer: [
      {
        // Month- and year-precision dates: a bar from the first to the last day they can mean.
        transform: [{ filter: "datum.precision != 'day'" }],
        mark: { type: 'bar', height: 9, cornerRadius: 2, opacity: 0.8, clip: true },
        encoding: { x: { ...x, field: 'start' }, x2: { field: 'end' }, y, color, tooltip: [...STATEMENT_TOOLTIP] },
      },
      {
        transform: [{ filter: "datum.precision == 'day'" }],
        mark: { type: 'point', filled: true, size: 120, opacity: 1, stroke: 'white', strokeWidth: 0.5, clip: true },
        encoding: {
          x: { ...x, field: 'mid' },
          y,
          color,
          shape: { field: 'stanceKey', type: 'nominal', title: 'Stance', scale: { domain: stanceDomain, range: stanceDomain.map((k) => STANCE_SHAPES[k]) } },
          tooltip: [...STATEMENT_TOOLTIP],
        },
      },
    ],
  };

  const entityName = o.entity !== undefined ? index.nameOf(o.entity) : undefined;
  const about = relationIds.length === 1 ? rows[0]?.relationLabel ?? index.relations.get(relationIds[0]!)!.id : entityName;
  const title = o.title ?? (about ? `When they said it: ${about}` : 'When they said it');
  const span = rows.length ? `${rows[0]!.dateLabel} to ${formatPartialDate(rows[rows.length - 1]!.date)}` : 'no statements';
  const subtitle = subtitleLines(o.subtitle, [
    `${plural(rows.length, 'statement')} by ${plural(speakers, 'speaker')}, ${span}: ${supports} in support, ${disputes} disputing.`,
    ...(partial ? ['A bar spans the whole month or year when the source gives no exact day.'] : []),
  ]);
  const description =
    `Timeline of ${plural(rows.length, 'statement')} by ${plural(speakers, 'speaker')}${about ? ` about ${about}` : ''}, ${span}. ` +
    `Points are statements dated to the day; bars are statements dated only to a month or a year (${partial}).`;
  return frame(body, { title, subtitle, description, credit: creditLine(index, rows.map((r) => r.source), o), width: o.width + o.labelWidth });
}
