/**
 * The centrality chart's third stage: names fitted to the label column (wrapped at words onto
 * two lines before they are shortened), and the plot's width beside them.
 */
import { innerWidth, labelExtent } from '../frame.js';
import { wrapWords } from '../text-width.js';
import type { CentralityOptions } from './options.js';
import type { CentralitySelection, Scored } from './select.js';

export const NAME_SIZE = 12;
export const NAME_PADDING = 8;
/** Room right of the longest bar for its value. */
export const VALUE_ROOM = 36;

export type RankedRow = Scored & { label: string; shortened: boolean; rank: number };

export interface CentralityLayout {
  rows: RankedRow[];
  /** Whether some name takes two lines (rows then get the room of two). */
  twoLines: boolean;
  /** Width of the name column left of the plot. */
  left: number;
  plotWidth: number;
}

export function layoutCentrality({ ranked }: CentralitySelection, o: CentralityOptions): CentralityLayout {
  // Names take at most 40% of the width, so a narrow figure keeps its bars.
  const labelWidth = Math.min(o.labelWidth, Math.round(innerWidth(o.width) * 0.4));
  const rows = ranked.map((row, i) => {
    // A long name takes a second line before it is shortened; lines are joined by a newline,
    // which the axis splits back.
    const wrapped = wrapWords(row.name, labelWidth, NAME_SIZE, 2, undefined, false);
    return { ...row, label: wrapped.lines.join('\n'), shortened: wrapped.shortened, rank: i + 1 };
  });
  const twoLines = rows.some((r) => r.label.includes('\n'));
  const left = labelExtent(
    rows.flatMap((r) => r.label.split('\n')),
    NAME_SIZE,
    NAME_PADDING,
  );
  const plotWidth = Math.max(80, innerWidth(o.width) - left - VALUE_ROOM);
  return { rows, twoLines, left, plotWidth };
}
