/**
 * Changes of position on the timeline: the SDK finds where a speaker (or a body's voice) changed
 * stance or relation type on a pair of entities; this module turns them into joined, labelled marks.
 */
import { maxOf, minOf } from '@claimgraph/schema';
import type { PositionChange, Voices } from '@claimgraph/sdk';
import type { ChartIndex, ClaimGraphLike } from './input.js';
import type { StatementRow } from './statements.js';
import { textWidth } from './text-width.js';

/** What the SDK says about who changed position, and in whose voice each statement is heard. */
export interface ChangeData {
  changes: PositionChange[];
  /** Statement id → the voice (speaker, or the body a spokesperson speaks for) it is heard in. */
  voiceOf: Map<string, string>;
}

/** The changes and voices of the statements shown, or none when the ClaimGraph cannot tell (no `positions`). */
export function changeData(cg: ClaimGraphLike, rows: readonly StatementRow[], voices: Voices): ChangeData {
  const shown = new Set(rows.map((r) => r.id));
  const voiceOf = new Map<string, string>();
  const changes: PositionChange[] = [];
  if (typeof cg.positions !== 'function') return { changes, voiceOf };
  for (const position of cg.positions({ voices })) {
    for (const s of position.statements) if (shown.has(s.id)) voiceOf.set(s.id, position.voice);
    for (const change of position.changes)
      if (shown.has(change.to.id) && change.from.some((s) => shown.has(s.id))) changes.push(change);
  }
  return { changes, voiceOf };
}

/**
 * Rows heard in their voice: with `voices: 'body'` a spokesperson's statements join their body's
 * row; `saidBy` keeps who spoke, for the tooltip.
 */
export function voiceRows(
  index: ChartIndex,
  rows: StatementRow[],
  voiceOf: Map<string, string>,
): (StatementRow & { saidBy: string })[] {
  return rows.map((row) => {
    const voice = voiceOf.get(row.id) ?? row.speaker;
    return { ...row, speaker: voice, speakerName: index.labelOf(voice), saidBy: row.speakerName };
  });
}

/** "supports → disputes", "part-of → affiliated-with", or both when both changed. */
export function changeLabel(change: PositionChange, index: ChartIndex): string {
  const before = change.from.find((s) => s.stance !== change.to.stance) ?? change.from[0]!;
  const type = (relation: string) => index.relations.get(relation)?.type ?? relation;
  const [stance, relation] = [change.changed.includes('stance'), change.changed.includes('relation')];
  const side = (stanceOf: string, relationOf: string) =>
    [stance ? stanceOf : '', relation ? type(relationOf) : ''].filter(Boolean).join(' ');
  return `${side(before.stance, before.relation)} → ${side(change.to.stance, change.to.relation)}`;
}

interface Placed {
  id: string;
  speaker: string;
  date: string;
  stanceKey: string;
  at: number;
  row: string;
  rank: number;
}

/** A change drawn: both ends (`end` 0 and 1, for a line per `change`) and the label at the later one. */
export interface ChangePoint {
  change: number;
  end: number;
  at: number;
  /** Where the label is anchored: its end just before the earlier mark, or its start just after the later one. */
  labelAt: number;
  /** The label as drawn: '' when it would cover a mark or another label (the tooltip and description keep it). */
  shown: string;
  /** Which side of `labelAt` the label runs. */
  side: 'left' | 'right';
  row: string;
  rank: number;
  label: string;
  speakerName: string;
  dateLabel: string;
}

/**
 * The two ends of each change, at the marks that stand for its statements (a mark groups one
 * speaker's statements of one date and stance), so the line joins marks the reader can see.
 */
export function changePoints(
  changes: readonly PositionChange[],
  rows: readonly StatementRow[],
  marks: readonly Placed[],
  index: ChartIndex,
): ChangePoint[] {
  const rowOf = new Map(rows.map((r) => [r.id, r]));
  const markOf = (id: string) => {
    const row = rowOf.get(id);
    return row
      ? marks.find((m) => m.speaker === row.speaker && m.date === row.date && m.stanceKey === row.stanceKey)
      : undefined;
  };
  const points: ChangePoint[] = [];
  // Two statements of one mark that change alike (two "affiliated" on one day) draw one line.
  const drawn = new Set<string>();
  changes.forEach((change, k) => {
    const before = change.from.map((s) => markOf(s.id)).find(Boolean);
    const after = markOf(change.to.id);
    if (!before || !after) return;
    const label = changeLabel(change, index);
    const key = `${before.row} ${before.at} ${after.row} ${after.at} ${label}`;
    if (drawn.has(key)) return;
    drawn.add(key);
    const speakerName = index.labelOf(change.voice);
    const dateLabel = `${rowOf.get(before.id)?.dateLabel ?? before.date} → ${rowOf.get(change.to.id)!.dateLabel}`;
    const labelAt = Math.min(before.at, after.at);
    for (const [end, mark] of [before, after].entries())
      points.push({
        change: k,
        end,
        at: mark.at,
        labelAt,
        shown: '',
        side: 'left',
        row: mark.row,
        rank: mark.rank,
        label,
        speakerName,
        dateLabel,
      });
  });
  return points;
}

/** What a drawn mark covers in its row, for placing change labels clear of it. */
export interface MarkExtent {
  row: string;
  precision: string;
  at: number;
  from: number;
  until: number;
  after: number;
  cut: boolean;
  countLabel: string;
}

/** Pixels between a change label and the mark it sits beside; its font. */
export const LABEL_GAP = 10;
export const CHANGE_FONT = { size: 10.5, weight: 'bold' as const };
const POINT_HALF = 8;

/**
 * Labels each change beside its marks where the label covers no mark, count or other label in its
 * row and stays in the plot: before the earlier mark, else after the later one, else not at all.
 */
export function placeChangeLabels(
  points: ChangePoint[],
  marks: readonly MarkExtent[],
  px: (time: number) => number,
  plotWidth: number,
  countSize: number,
): void {
  const taken = new Map<string, [number, number][]>();
  const take = (row: string, span: [number, number]) => taken.set(row, [...(taken.get(row) ?? []), span]);
  for (const m of marks) {
    const count = m.countLabel ? textWidth(m.countLabel, countSize) : 0;
    if (m.precision === 'day') take(m.row, [px(m.at) - POINT_HALF, px(m.at) + POINT_HALF + (count ? 8 + count : 0)]);
    else {
      take(m.row, [px(m.from), px(m.until)]);
      take(m.row, [px(m.at) - POINT_HALF, px(m.at) + POINT_HALF]);
      if (count) take(m.row, m.cut ? [px(m.after) - 4 - count, px(m.after)] : [px(m.after), px(m.after) + 8 + count]);
    }
  }
  const free = (row: string, [a, b]: [number, number]) =>
    a >= 0 && b <= plotWidth && !(taken.get(row) ?? []).some(([c, d]) => a < d + 2 && c < b + 2);
  for (const point of points) {
    if (point.end !== 1) continue;
    const pair = points.filter((p) => p.change === point.change);
    const width = textWidth(point.label, CHANGE_FONT.size, CHANGE_FONT.weight);
    const [first, last] = [minOf(pair.map((p) => p.at)), maxOf(pair.map((p) => p.at))];
    const earlier = px(first);
    const later = px(last);
    const left: [number, number] = [earlier - LABEL_GAP - width, earlier - LABEL_GAP];
    const right: [number, number] = [later + LABEL_GAP, later + LABEL_GAP + width];
    const side = free(point.row, left) ? 'left' : free(point.row, right) ? 'right' : undefined;
    if (!side) continue;
    take(point.row, side === 'left' ? left : right);
    for (const p of pair) {
      p.shown = point.label;
      p.side = side;
      p.labelAt = side === 'left' ? first : last;
    }
  }
}
