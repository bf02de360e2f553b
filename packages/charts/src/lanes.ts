/**
 * Timeline marks without overlap: statements by one speaker on one date with one stance become a
 * single mark with a count, and marks that would still overlap go to extra lanes under the speaker.
 */
import { textWidth } from './text-width.js';
import type { StatementRow } from './statements.js';

export interface TimelineMark extends StatementRow {
  /** How many statements the mark stands for (same speaker, date and stance). */
  count: number;
  countLabel: string;
  /** Where the mark is drawn: a point in the middle of its day, a bar from its start. */
  at: number;
  /** 0 for the speaker's first lane, 1 for the next… */
  lane: number;
}

/** Half a point's width and the gap kept between marks in one lane, in pixels. */
const POINT_HALF = 7;
const GAP = 3;
/** Font size of the counts written after marks. */
export const COUNT_FONT_SIZE = 10;

/**
 * Groups rows into marks and assigns lanes. `pxPerMs` converts time to pixels, so that two points
 * a day apart on a ten-year axis count as overlapping.
 */
export function timelineMarks(rows: readonly StatementRow[], pxPerMs: number): TimelineMark[] {
  const groups = new Map<string, TimelineMark>();
  for (const row of rows) {
    const key = `${row.speaker} ${row.date} ${row.stanceKey}`;
    const group = groups.get(key);
    if (group) {
      group.count++;
      if (!group.quote && row.quote) group.quote = row.quote;
      if (group.relationLabel !== row.relationLabel) group.relationLabel = 'several relations';
      // One mark for several statements: how many outlets carried the first says nothing of the rest.
      group.sources = '';
    } else {
      groups.set(key, { ...row, count: 1, countLabel: '', at: row.precision === 'day' ? row.mid : row.start, lane: 0 });
    }
  }
  const bySpeaker = new Map<string, TimelineMark[]>();
  for (const mark of groups.values()) {
    mark.countLabel = mark.count > 1 ? `×${mark.count}` : '';
    bySpeaker.set(mark.speaker, [...(bySpeaker.get(mark.speaker) ?? []), mark]);
  }
  for (const marks of bySpeaker.values()) {
    const laneEnds: number[] = [];
    const extent = (m: TimelineMark) => {
      const from = m.precision === 'day' ? m.mid * pxPerMs - POINT_HALF : m.start * pxPerMs;
      const to =
        (m.precision === 'day' ? m.mid * pxPerMs + POINT_HALF : m.end * pxPerMs) +
        (m.countLabel ? textWidth(m.countLabel, COUNT_FONT_SIZE) + 6 : 0);
      return [from, to] as const;
    };
    for (const mark of [...marks].sort((a, b) => extent(a)[0] - extent(b)[0])) {
      const [from, to] = extent(mark);
      let lane = laneEnds.findIndex((end) => end + GAP <= from);
      if (lane < 0) lane = laneEnds.length;
      laneEnds[lane] = to;
      mark.lane = lane;
    }
  }
  return [...groups.values()];
}
