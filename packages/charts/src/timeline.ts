/**
 * `timelineChart`: statements over time, one row per speaker. A statement dated to the day is a
 * point; one dated only to a month or a year is a bar across every day it could mean.
 */
import { maxOf, minOf } from '@claimgraph/schema';
import type { TopLevelSpec } from 'vega-lite';
import type { PartialDate } from '@claimgraph/schema';
import { dateSpan, formatDateRange, tickFormat } from './dates.js';
import { frame, innerWidth, labelExtent, legendColumns, subtitleLines, type ChartBody } from './frame.js';
import { creditLine, indexClaimGraph, type ClaimGraphLike, type FrameOptions } from './input.js';
import { COUNT_FONT_SIZE, timelineMarks } from './lanes.js';
import { GREYS } from './palette.js';
import { rowKey, speakerRowsY, stanceChannels, stancesIn } from './rows.js';
import {
  describeSelection,
  inWindow,
  requireRows,
  selectRelations,
  statementRows,
  tallyStances,
} from './statements.js';
import { CHECKS, FRAME_CHECKS, FRAME_DEFAULTS, resolveOptions, type Check } from './options.js';
import { plural } from './text.js';
import { wrapWords } from './text-width.js';
import { CHANGE_FONT, changeData, changePoints, LABEL_GAP, placeChangeLabels, voiceRows } from './changes.js';
import type { Voices } from '@claimgraph/sdk';

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
  /** Join the two marks of each change of position in a speaker's row and label what changed (needs `cg.positions`). */
  changes?: boolean;
  /** `'speaker'`: a row per speaker; `'body'`: a spokesperson's statements in the row of the body they speak for. */
  voices?: Voices;
}

export const TIMELINE_CHART_DEFAULTS: typeof FRAME_DEFAULTS & {
  entity: string | undefined;
  relation: string | string[] | undefined;
  from: PartialDate | undefined;
  to: PartialDate | undefined;
  rowHeight: number;
  labelWidth: number;
  changes: boolean;
  voices: Voices;
} = {
  entity: undefined,
  relation: undefined,
  from: undefined,
  to: undefined,
  rowHeight: 26,
  labelWidth: 210,
  changes: true,
  voices: 'speaker',
  ...FRAME_DEFAULTS,
};

const TIMELINE_CHECKS = {
  ...FRAME_CHECKS,
  entity: CHECKS.string,
  relation: CHECKS.ids,
  from: CHECKS.date,
  to: CHECKS.date,
  rowHeight: CHECKS.number(12, 200),
  labelWidth: CHECKS.number(40, 600),
  changes: CHECKS.boolean,
  voices: ((v: unknown) =>
    v === 'speaker' || v === 'body' ? null : `must be speaker or body, not ${JSON.stringify(v)}`) as Check,
};

const DAY_MS = 86_400_000;
const EMPTY = { changes: [], voiceOf: new Map<string, string>() };
/** The line that joins a change of position, darker than any stance. */
const CHANGE_COLOR = '#222222';
/** Pixels kept free at each end of the time axis: half a point on the left, a count on the right. */
const ROOM = { left: 10, right: 34 };
const COUNT_ROOM = 30;
const NAME_SIZE = 12;
const NAME_PADDING = 8;
/** The column of per-speaker totals right of the plot, in pixels. */
const TOTAL_COLUMN = 34;

/** When each speaker said what, with partial dates drawn as the intervals they are. */
export function timelineChart(cg: ClaimGraphLike, options: TimelineChartOptions = {}): TopLevelSpec {
  const o = resolveOptions('timelineChart', TIMELINE_CHART_DEFAULTS, TIMELINE_CHECKS, options);
  const index = indexClaimGraph(cg);
  const relationIds = selectRelations(index, o, 'timelineChart', () => true);
  const window = { start: o.from ? dateSpan(o.from).start : -Infinity, end: o.to ? dateSpan(o.to).end : Infinity };
  // A statement is shown when any day it could mean falls inside the window.
  const shown = inWindow(statementRows(index, relationIds), o.from, o.to);
  requireRows(shown, 'timelineChart', describeSelection(o));
  const { changes, voiceOf } = o.changes || o.voices === 'body' ? changeData(cg, shown, o.voices) : EMPTY;
  const rows = o.voices === 'body' ? voiceRows(index, shown, voiceOf) : shown;
  const stance = stanceChannels(stancesIn(rows));
  const partial = rows.filter((r) => r.precision !== 'day').length;
  const { supports, disputes } = tallyStances(rows);

  // Speakers keyed by id, in the order they first spoke; each gets a label (numbered when two
  // share a name) and a total, written in its own column right of the plot.
  const speakers = new Map<string, { order: number; label: string; total: number }>();
  // Names take at most 40% of the width, so a narrow figure keeps a plot.
  const labelWidth = Math.min(o.labelWidth, Math.round(innerWidth(o.width) * 0.4));
  for (const row of rows) {
    const known = speakers.get(row.speaker);
    if (known) known.total++;
    else
      speakers.set(row.speaker, {
        order: speakers.size,
        label: wrapWords(row.speakerName, labelWidth, NAME_SIZE, 1, undefined, false).lines[0]!,
        total: 1,
      });
  }
  const left = labelExtent(
    [...speakers.values()].map((s) => s.label),
    NAME_SIZE,
    NAME_PADDING,
  );
  const plotWidth = Math.max(80, innerWidth(o.width) - left - TOTAL_COLUMN);

  // The time the axis spans, with room at the ends for points and counts unless a window cuts
  // there; its scale in pixels tells which marks would overlap at this width.
  const first = Math.max(window.start, minOf(rows.map((r) => r.start)));
  const last = Math.min(window.end, maxOf(rows.map((r) => r.end)));
  const room = { left: o.from ? 0 : ROOM.left, right: o.to ? 0 : ROOM.right };
  const pxPerMs = (plotWidth - room.left - room.right) / Math.max(last - first, DAY_MS);
  const domain = { domainMin: first - room.left / pxPerMs, domainMax: last + room.right / pxPerMs };
  const marks = timelineMarks(rows, pxPerMs);
  const values = marks.map((m) => {
    const speaker = speakers.get(m.speaker)!;
    return {
      ...m,
      // Every other speaker's rows are shaded, so a speaker's extra lanes read as theirs.
      shade: speaker.order % 2,
      // One row per speaker, plus unlabelled rows for its extra lanes.
      row: rowKey(speaker.label, m.lane),
      rank: speaker.order * 1000 + m.lane,
      after: m.precision === 'day' ? m.mid : Math.min(m.end, domain.domainMax),
      // No room for the count after the range: it goes above the range's end.
      cut: m.precision !== 'day' && (domain.domainMax - m.end) * pxPerMs < COUNT_ROOM,
      at: m.precision === 'day' ? m.mid : Math.min(Math.max(m.mid, domain.domainMin), domain.domainMax),
      from: Math.max(m.start, domain.domainMin),
      until: Math.min(m.end, domain.domainMax),
    };
  });
  const changed = o.changes ? changePoints(changes, rows, values, index) : [];
  placeChangeLabels(changed, values, (t) => (t - domain.domainMin) * pxPerMs, plotWidth, COUNT_FONT_SIZE);
  const totals = [...speakers.values()].map((s) => ({ row: rowKey(s.label, 0), rank: s.order * 1000, total: s.total }));

  const y = speakerRowsY({ width: labelWidth, fontSize: NAME_SIZE, padding: NAME_PADDING });
  const tooltip = [
    { field: 'speakerName', title: o.voices === 'body' ? 'Voice' : 'Speaker' },
    ...(o.voices === 'body' ? [{ field: 'saidBy', title: 'Said by' }] : []),
    { field: 'stanceKey', title: 'Stance' },
    { field: 'dateLabel', title: 'Date' },
    { field: 'count', title: 'Statements' },
    { field: 'relationLabel', title: 'About' },
    { field: 'quote', title: 'Quote' },
    { field: 'paraphrase', title: 'Reported as' },
    { field: 'context', title: 'Context' },
    { field: 'sourceLabel', title: 'Source' },
    { field: 'sources', title: 'Sources' },
  ];
  const time = { field: 'at', type: 'temporal' as const };
  const body: ChartBody = {
    width: plotWidth,
    height: { step: o.rowHeight },
    encoding: { y },
    // Only layers with data: an empty layer leaves vega an empty extent to warn about.
    layer: [
      {
        data: { values },
        encoding: {
          x: {
            ...time,
            title: null,
            // A window given by `from`/`to` clips the marks: ranges are cut at its edges.
            scale: { type: 'utc', ...domain },
            axis: {
              grid: true,
              tickCount: 6,
              labelFlush: true,
              labelOverlap: true,
              format: tickFormat(domain.domainMax - domain.domainMin),
            },
          },
          color: {
            ...stance.color,
            // Full strength in the legend, whatever the lighter range lines use.
            legend: { columns: legendColumns(stance.color.scale.domain, plotWidth + TOTAL_COLUMN), symbolOpacity: 1 },
          },
          tooltip,
        },
        layer: [
          {
            transform: [{ filter: 'datum.shade == 1' }],
            mark: { type: 'rect', color: '#f3f3f3', opacity: 0.7 },
            encoding: { x: { value: 0 }, x2: { value: plotWidth }, color: { value: '#f3f3f3' }, tooltip: null },
          },
          ...(values.some((v) => v.precision !== 'day')
            ? [
                {
                  // Month- and year-precision dates: a thin line across every day they can mean and a
                  // hollow mark in its middle, lighter than the solid marks of exact days.
                  transform: [{ filter: "datum.precision != 'day'" }],
                  mark: { type: 'rule' as const, strokeWidth: 1.5, opacity: 0.55, clip: true },
                  encoding: { x: { field: 'from', type: 'temporal' as const }, x2: { field: 'until' } },
                },
                {
                  transform: [{ filter: "datum.precision != 'day'" }],
                  mark: {
                    type: 'point' as const,
                    filled: false,
                    size: 70,
                    strokeWidth: 1.5,
                    opacity: 1,
                    fill: 'white',
                    clip: true,
                  },
                  encoding: { shape: stance.shape },
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
          // "×3" after a mark that stands for several statements; before the range's end when there
          // is no room after it.
          ...[false, true]
            .filter((cut) => values.some((v) => v.count > 1 && v.cut === cut))
            .map((cut) => ({
              transform: [{ filter: `datum.count > 1 && datum.cut == ${cut}` }],
              mark: {
                type: 'text' as const,
                align: cut ? ('right' as const) : ('left' as const),
                baseline: 'middle' as const,
                dx: cut ? -4 : 8,
                dy: cut ? -7 : 0,
                fontSize: COUNT_FONT_SIZE,
                clip: true,
              },
              encoding: {
                x: { field: 'after', type: 'temporal' as const },
                text: { field: 'countLabel' },
                color: { value: GREYS.text },
              },
            })),
        ],
      },
      ...(changed.length
        ? [
            {
              // A change of position: a dark line joining the speaker's two marks, labelled with what changed.
              data: { values: changed },
              encoding: {
                x: { field: 'at', type: 'temporal' as const, scale: { type: 'utc' as const, ...domain } },
                tooltip: [
                  { field: 'speakerName', title: 'Changed position' },
                  { field: 'label', title: 'From → to' },
                  { field: 'dateLabel', title: 'When' },
                ],
              },
              layer: [
                {
                  mark: { type: 'line' as const, color: CHANGE_COLOR, strokeWidth: 2, clip: true },
                  encoding: { detail: { field: 'change', type: 'nominal' as const }, order: { field: 'end' } },
                },
                // The label, where it covers nothing: before the earlier mark, or after the later one.
                ...(['left', 'right'] as const)
                  .filter((side) => changed.some((p) => p.end === 1 && p.shown && p.side === side))
                  .map((side) => ({
                    transform: [{ filter: `datum.end == 1 && datum.shown != '' && datum.side == '${side}'` }],
                    mark: {
                      type: 'text' as const,
                      align: side === 'left' ? ('right' as const) : ('left' as const),
                      baseline: 'middle' as const,
                      dx: side === 'left' ? -LABEL_GAP : LABEL_GAP,
                      fontSize: CHANGE_FONT.size,
                      fontWeight: CHANGE_FONT.weight,
                      color: CHANGE_COLOR,
                    },
                    encoding: { x: { field: 'labelAt', type: 'temporal' as const }, text: { field: 'shown' } },
                  })),
              ],
            },
          ]
        : []),
      {
        // Each speaker's total, in a column right of the plot, so a dominant speaker reads as such.
        data: { values: totals },
        mark: { type: 'text', align: 'right', baseline: 'middle', fontSize: 11, color: GREYS.text },
        encoding: {
          x: { value: plotWidth + TOTAL_COLUMN - 4 },
          text: { field: 'total' },
          tooltip: null,
        },
      },
      {
        data: { values: [{ heading: 'Total' }] },
        mark: { type: 'text', align: 'right', baseline: 'bottom', fontSize: 10.5, color: GREYS.muted },
        encoding: { x: { value: plotWidth + TOTAL_COLUMN - 4 }, y: { value: -4 }, text: { field: 'heading' } },
      },
    ],
  };

  const entityName = o.entity !== undefined ? index.labelOf(o.entity) : undefined;
  const about =
    relationIds.length === 1 ? (rows[0]?.relationLabel ?? index.relations.get(relationIds[0]!)!.id) : entityName;
  const title = o.title ?? (about ? `When they said it: ${about}` : 'When they said it');
  const span = formatDateRange(rows[0]!.date, rows[rows.length - 1]!.date);
  const subtitle = subtitleLines(o.subtitle, [
    `${plural(rows.length, 'statement')} by ${plural(speakers.size, o.voices === 'body' ? 'voice' : 'speaker')}, ${span}: ${supports} in support, ${disputes} disputing.`,
    ...(partial
      ? ['A hollow mark on a thin line: a statement dated only to its month or year, across the days it may mean.']
      : []),
    ...(changed.length
      ? [
          `A dark line joins a change of position, labelled with what changed${o.voices === 'body' ? '; a spokesperson is shown in the row of the body they speak for' : ''}.`,
        ]
      : []),
  ]);
  const shared = [...speakers.keys()].filter((id) => index.sharesName(id));
  const description =
    `Timeline of ${plural(rows.length, 'statement')} by ${plural(speakers.size, o.voices === 'body' ? 'voice' : 'speaker')}${about ? ` about ${about}` : ''}, ${span}. ` +
    `Solid marks are statements dated to the day; hollow marks on a thin line are statements dated only to a month or a year (${partial}). ` +
    `Statements per speaker: ${[...speakers.entries()].map(([id, s]) => `${index.labelOf(id)} ${s.total}`).join(', ')}.` +
    (shared.length
      ? ` Speakers who share a name are numbered: ${shared.map((id) => `${index.labelOf(id)} is ${index.entities.get(id)?.description ?? id}`).join('; ')}.`
      : '') +
    (changed.length
      ? ` Changes of position: ${changed
          .filter((p) => p.end === 1)
          .map((p) => `${p.speakerName}, ${p.dateLabel}: ${p.label}`)
          .join('; ')}.`
      : '');
  return frame(body, {
    title,
    subtitle,
    description,
    credit: creditLine(
      index,
      rows.map((r) => r.source),
      o,
    ),
    width: plotWidth + TOTAL_COLUMN,
    left,
  });
}
