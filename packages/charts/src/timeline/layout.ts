/**
 * The timeline chart's third stage: rows and time in pixels. One row per speaker (plus a lane for
 * marks that would overlap), the time axis fitted to the plot with room at its ends, the marks
 * grouped where they would overlap at this width, and the change-of-position labels placed.
 */
import { maxOf, minOf } from '@claimgraph/schema';
import { changePoints, placeChangeLabels, type ChangePoint } from '../changes.js';
import { innerWidth, labelExtent } from '../frame.js';
import type { ChartIndex } from '../input.js';
import { COUNT_FONT_SIZE, timelineMarks, type TimelineMark } from '../lanes.js';
import { rowKey } from '../rows.js';
import { wrapWords } from '../text-width.js';
import type { TimelineOptions } from './options.js';
import type { TimelineSelection } from './select.js';

const DAY_MS = 86_400_000;
/** Pixels kept free at each end of the time axis: half a point on the left, a count on the right. */
const ROOM = { left: 10, right: 34 };
/**
 * Where a window given by `from`/`to` cuts the axis, still room for half a mark (the largest, a
 * day's point, reaches 6.5 px from its centre; a hollow one with its stroke 7.2 px), so that a
 * mark on the window's first or last day is drawn whole.
 */
const EDGE = 8;
const COUNT_ROOM = 30;
export const NAME_SIZE = 12;
export const NAME_PADDING = 8;
/** The column of per-speaker totals right of the plot, in pixels. */
export const TOTAL_COLUMN = 34;

export interface Speaker {
  order: number;
  label: string;
  total: number;
}

/** A mark with its row and where its parts are drawn on the time axis (ms). */
export type TimelineValue = TimelineMark & {
  shade: number;
  row: string;
  rank: number;
  after: number;
  cut: boolean;
  at: number;
  from: number;
  until: number;
};

export interface TimelineLayout {
  /** Speakers keyed by id, in the order they first spoke. */
  speakers: Map<string, Speaker>;
  labelWidth: number;
  /** Width of the row labels left of the plot. */
  left: number;
  plotWidth: number;
  domain: { domainMin: number; domainMax: number };
  values: TimelineValue[];
  changed: ChangePoint[];
  totals: { row: string; rank: number; total: number }[];
}

export function layoutTimeline(index: ChartIndex, { rows, window, changes }: TimelineSelection, o: TimelineOptions) {
  // Names take at most 40% of the width, so a narrow figure keeps a plot.
  const labelWidth = Math.min(o.labelWidth, Math.round(innerWidth(o.width) * 0.4));
  const speakers = speakersOf(rows, labelWidth);
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
  const room = { left: o.from ? EDGE : ROOM.left, right: o.to ? EDGE : ROOM.right };
  const pxPerMs = (plotWidth - room.left - room.right) / Math.max(last - first, DAY_MS);
  const domain = { domainMin: first - room.left / pxPerMs, domainMax: last + room.right / pxPerMs };
  const values = placedMarks(timelineMarks(rows, pxPerMs), speakers, { ...domain, first, last }, pxPerMs);
  const changed = o.changes ? changePoints(changes, rows, values, index) : [];
  placeChangeLabels(changed, values, (t) => (t - domain.domainMin) * pxPerMs, plotWidth, COUNT_FONT_SIZE);
  const totals = [...speakers.values()].map((s) => ({ row: rowKey(s.label, 0), rank: s.order * 1000, total: s.total }));
  return { speakers, labelWidth, left, plotWidth, domain, values, changed, totals } satisfies TimelineLayout;
}

/**
 * Speakers keyed by id, in the order they first spoke; each gets a label (numbered when two share
 * a name) and a total, written in its own column right of the plot.
 */
function speakersOf(rows: TimelineSelection['rows'], labelWidth: number): Map<string, Speaker> {
  const speakers = new Map<string, Speaker>();
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
  return speakers;
}

/**
 * Each mark in its speaker's row, its range and count kept inside the axis. A month or year the
 * window cuts keeps its mark inside the window (`first`..`last`), whole; its line runs on to the edge.
 */
function placedMarks(
  marks: TimelineMark[],
  speakers: Map<string, Speaker>,
  domain: TimelineLayout['domain'] & { first: number; last: number },
  pxPerMs: number,
): TimelineValue[] {
  return marks.map((m) => {
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
      at: m.precision === 'day' ? m.mid : Math.min(Math.max(m.mid, domain.first), domain.last),
      from: Math.max(m.start, domain.domainMin),
      until: Math.min(m.end, domain.domainMax),
    };
  });
}
