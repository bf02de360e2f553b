/**
 * What the stance and timeline charts share: a band of rows labelled by speaker, where a speaker's
 * extra rows (a second statement, an overlapping mark) sit under one name, and the stance scales.
 */
import { STANCE_COLORS, STANCE_KEYS, STANCE_SHAPES, type StanceKey } from './palette.js';

/** Extra rows of one speaker are keyed by their name plus zero-width spaces, and left unlabelled. */
const EXTRA = '\u200b';

/** The row key for a speaker's label (lines joined by newlines) and its row number under it. */
export const rowKey = (label: string, extra: number): string => `${label}${EXTRA.repeat(extra)}`;

/** The lines a row key shows as its label (none for extra rows). */
export const rowLabelLines = (key: string): string[] => (key.includes(EXTRA) ? [] : key.split('\n'));

/** The same rule for vega's axis: `split` gives multi-line labels. */
export const ROW_LABEL_EXPR = "indexof(datum.value, '\\u200b') < 0 ? split(datum.value, '\\n') : ''";

/**
 * The y encoding of a band of speaker rows: one row per key, in `rank` order, labelled by
 * ROW_LABEL_EXPR. `axis` adds to or overrides the shared axis settings.
 */
export function speakerRowsY(
  label: { width: number; fontSize: number; padding: number },
  axis: Record<string, unknown> = {},
) {
  return {
    field: 'row',
    type: 'nominal' as const,
    sort: { field: 'rank', op: 'min' as const, order: 'ascending' as const },
    axis: {
      title: null,
      ticks: false,
      domain: false,
      labelPadding: label.padding,
      labelFontSize: label.fontSize,
      // Labels are fitted (at word boundaries) before they get here: vega must never cut one.
      labelLimit: 0,
      labelExpr: ROW_LABEL_EXPR,
      ...axis,
    },
  };
}

/** The stances present, in legend order. */
export const stancesIn = (rows: readonly { stanceKey: StanceKey }[]): StanceKey[] =>
  STANCE_KEYS.filter((k) => rows.some((r) => r.stanceKey === k));

/** Colour and shape channels for stance: one legend, a hue and a triangle per stance. */
export function stanceChannels(domain: readonly StanceKey[]) {
  const channel = (range: Readonly<Record<StanceKey, string>>) => ({
    field: 'stanceKey',
    type: 'nominal' as const,
    title: 'Stance',
    scale: { domain: [...domain], range: domain.map((k) => range[k]) },
  });
  return { color: channel(STANCE_COLORS), shape: channel(STANCE_SHAPES) };
}
