/**
 * `timelineChart`: statements over time, one row per speaker. A statement dated to the day is a
 * point; one dated only to a month or a year is a bar across every day it could mean.
 */
import { maxOf, minOf } from '@claimgraph/schema';
import type { TopLevelSpec } from 'vega-lite';
import { isPartialDate, type PartialDate } from '@claimgraph/schema';
import { dateSpan } from './dates.js';
import { frame, labelExtent, subtitleLines, type ChartBody } from './frame.js';
import { creditLine, indexClaimGraph, type ClaimGraphLike, type Defaults, type FrameOptions } from './input.js';
import { COUNT_FONT_SIZE, timelineMarks } from './lanes.js';
import { GREYS } from './palette.js';
import { rowKey, rowLabelLines, speakerRowsY, stanceChannels, stancesIn } from './rows.js';
import { describeSelection, requireRows, selectRelations, statementRows, tallyStances } from './statements.js';
import { plural } from './text.js';
import { fitLine } from './text-width.js';

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

const DAY_MS = 86_400_000;
/** Pixels kept free at each end of the time axis: half a point on the left, a count on the right. */
const ROOM = { left: 10, right: 34 };
const COUNT_ROOM = 30;
const NAME_SIZE = 12;
const NAME_PADDING = 8;

/** When each speaker said what, with partial dates drawn as the intervals they are. */
export function timelineChart(cg: ClaimGraphLike, options: TimelineChartOptions = {}): TopLevelSpec {
  const o = { ...TIMELINE_CHART_DEFAULTS, ...options };
  for (const key of ['from', 'to'] as const) {
    const value = o[key];
    if (value !== undefined && !isPartialDate(value)) {
      throw new Error(
        `@claimgraph/charts: timelineChart: options.${key}: "${String(value)}" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD`,
      );
    }
  }
  const index = indexClaimGraph(cg);
  const relationIds = selectRelations(index, o, 'timelineChart', () => true);
  const window = { start: o.from ? dateSpan(o.from).start : -Infinity, end: o.to ? dateSpan(o.to).end : Infinity };
  // A statement is shown when any day it could mean falls inside the window.
  const rows = statementRows(index, relationIds).filter((r) => r.end > window.start && r.start < window.end);
  requireRows(rows, 'timelineChart', describeSelection(o));
  const stance = stanceChannels(stancesIn(rows));
  const speakers = new Set(rows.map((r) => r.speaker)).size;
  const partial = rows.filter((r) => r.precision !== 'day').length;
  const { supports, disputes } = tallyStances(rows);

  // The time the axis spans, with room at the ends for points and counts unless a window cuts
  // there; its scale in pixels tells which marks would overlap at this width.
  const first = Math.max(window.start, minOf(rows.map((r) => r.start)));
  const last = Math.min(window.end, maxOf(rows.map((r) => r.end)));
  const room = { left: o.from ? 0 : ROOM.left, right: o.to ? 0 : ROOM.right };
  const pxPerMs = (o.width - room.left - room.right) / Math.max(last - first, DAY_MS);
  const domain = { domainMin: first - room.left / pxPerMs, domainMax: last + room.right / pxPerMs };
  const marks = timelineMarks(rows, pxPerMs);
  const firstSaid = new Map<string, number>();
  for (const row of rows) if (!firstSaid.has(row.speaker)) firstSaid.set(row.speaker, firstSaid.size);
  const values = marks.map((m) => ({
    ...m,
    // Every other speaker's rows are shaded, so a speaker's extra lanes read as theirs.
    shade: firstSaid.get(m.speaker)! % 2,
    // One row per speaker, plus unlabelled rows for its extra lanes.
    row: rowKey(fitLine(m.speakerName, o.labelWidth, NAME_SIZE), m.lane),
    rank: firstSaid.get(m.speaker)! * 1000 + m.lane,
    after: m.precision === 'day' ? m.mid : Math.min(m.end, domain.domainMax),
    // No room for the count after the bar: it goes inside the bar's end.
    cut: m.precision !== 'day' && (domain.domainMax - m.end) * pxPerMs < COUNT_ROOM,
  }));

  const y = speakerRowsY({ width: o.labelWidth, fontSize: NAME_SIZE, padding: NAME_PADDING });
  const tooltip = [
    { field: 'speakerName', title: 'Speaker' },
    { field: 'stanceKey', title: 'Stance' },
    { field: 'dateLabel', title: 'Date' },
    { field: 'count', title: 'Statements' },
    { field: 'relationLabel', title: 'About' },
    { field: 'quote', title: 'Quote' },
    { field: 'sourceLabel', title: 'Source' },
  ];
  const body: ChartBody = {
    data: { values },
    width: o.width,
    height: { step: o.rowHeight },
    encoding: {
      x: {
        field: 'at',
        type: 'temporal',
        title: null,
        // A window given by `from`/`to` clips the marks: bars are cut at its edges.
        scale: { type: 'utc', ...domain },
        axis: { grid: true, tickCount: 6, labelFlush: true, labelOverlap: true },
      },
      y,
      color: stance.color,
      tooltip,
    },
    // Only layers with data: an empty layer leaves vega an empty extent to warn about.
    layer: [
      {
        transform: [{ filter: 'datum.shade == 1' }],
        mark: { type: 'rect', color: '#f3f3f3', opacity: 0.7 },
        encoding: { x: { value: 0 }, x2: { value: o.width }, color: { value: '#f3f3f3' }, tooltip: null },
      },
      ...(values.some((v) => v.precision !== 'day')
        ? [
            {
              // Month- and year-precision dates: a bar from the first to the last day they can mean.
              transform: [{ filter: "datum.precision != 'day'" }],
              mark: { type: 'bar' as const, height: 9, cornerRadius: 2, clip: true },
              encoding: { x2: { field: 'end' } },
            },
          ]
        : []),
      ...(values.some((v) => v.precision === 'day')
        ? [
            {
              transform: [{ filter: "datum.precision == 'day'" }],
              mark: {
                type: 'point' as const,
                filled: true,
                size: 120,
                opacity: 1,
                stroke: 'white',
                strokeWidth: 0.5,
                clip: true,
              },
              encoding: { shape: stance.shape },
            },
          ]
        : []),
      // "×3" after a mark that stands for several statements; inside the bar's end, in white, when
      // there is no room after it.
      ...[false, true]
        .filter((cut) => values.some((v) => v.count > 1 && v.cut === cut))
        .map((cut) => ({
          transform: [{ filter: `datum.count > 1 && datum.cut == ${cut}` }],
          mark: {
            type: 'text' as const,
            align: cut ? ('right' as const) : ('left' as const),
            baseline: 'middle' as const,
            dx: cut ? -4 : 8,
            fontSize: COUNT_FONT_SIZE,
            fontWeight: cut ? ('bold' as const) : ('normal' as const),
            clip: true,
          },
          encoding: {
            x: { field: 'after', type: 'temporal' as const },
            text: { field: 'countLabel' },
            color: { value: cut ? 'white' : GREYS.text },
          },
        })),
    ],
  };

  const entityName = o.entity !== undefined ? index.nameOf(o.entity) : undefined;
  const about =
    relationIds.length === 1 ? (rows[0]?.relationLabel ?? index.relations.get(relationIds[0]!)!.id) : entityName;
  const title = o.title ?? (about ? `When they said it: ${about}` : 'When they said it');
  const span = `${rows[0]!.dateLabel} to ${rows[rows.length - 1]!.dateLabel}`;
  const subtitle = subtitleLines(o.subtitle, [
    `${plural(rows.length, 'statement')} by ${plural(speakers, 'speaker')}, ${span}: ${supports} in support, ${disputes} disputing.`,
    ...(partial ? ['A bar spans the whole month or year when the source gives no exact day.'] : []),
  ]);
  const description =
    `Timeline of ${plural(rows.length, 'statement')} by ${plural(speakers, 'speaker')}${about ? ` about ${about}` : ''}, ${span}. ` +
    `Points are statements dated to the day; bars are statements dated only to a month or a year (${partial}).`;
  const left = labelExtent(
    values.flatMap((v) => rowLabelLines(v.row)),
    NAME_SIZE,
    NAME_PADDING,
  );
  return frame(body, {
    title,
    subtitle,
    description,
    credit: creditLine(
      index,
      rows.map((r) => r.source),
      o,
    ),
    width: o.width,
    left,
  });
}
