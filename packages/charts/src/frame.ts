/**
 * The frame every chart shares: title and subtitle, a source line underneath, a description for
 * screen readers, and one theme (fonts, sizes, greys) sized to read at 600 pixels wide.
 */
import { maxOf } from '@claimgraph/schema';
import type { Config, TopLevelSpec } from 'vega-lite';
import { GREYS } from './palette.js';
import { textWidth, wrapWords } from './text-width.js';

/** A view that can sit inside a vertical concatenation: what each helper builds. */
export type ChartBody = Extract<TopLevelSpec, { vconcat: unknown }>['vconcat'][number];

/** White space around the whole figure, in pixels: a helper's `width` includes it. */
export const PADDING = 16;

/** The width inside the padding, where the chart body and its labels go. */
export const innerWidth = (width: number): number => width - 2 * PADDING;

export const SCHEMA_URL = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * DejaVu Sans first: the PNG renderer ships with it and measures text with its widths. Verdana,
 * drawn from the same design, keeps browser layouts close where DejaVu is not installed.
 */
export const FONT = 'DejaVu Sans, Verdana, Geneva, sans-serif';

/** Font sizes of the framing text, which the frame wraps to the chart's width. */
const TITLE_SIZE = 18;
const SUBTITLE_SIZE = 12.5;
const CREDIT_SIZE = 10.5;
const CREDIT_LINE_HEIGHT = 14;
const LEGEND_SIZE = 11.5;
const LEGEND_PADDING = 14;
/** A legend symbol and the gap to its label, in pixels. */
const LEGEND_SYMBOL = 21;

export const THEME: Config = {
  font: FONT,
  background: 'white',
  view: { stroke: null },
  title: {
    anchor: 'start',
    fontSize: TITLE_SIZE,
    fontWeight: 'bold',
    color: '#111111',
    subtitleFontSize: SUBTITLE_SIZE,
    subtitleColor: GREYS.text,
    subtitlePadding: 6,
    offset: 14,
    // The title starts at the chart's left edge, where the row labels start.
    frame: 'bounds',
  },
  axis: {
    labelFontSize: 11.5,
    labelColor: GREYS.text,
    titleFontSize: 12,
    titleFontWeight: 'normal',
    titleColor: GREYS.text,
    domainColor: GREYS.line,
    tickColor: GREYS.line,
    gridColor: '#e8e8e8',
  },
  legend: {
    orient: 'top',
    direction: 'horizontal',
    labelFontSize: LEGEND_SIZE,
    labelColor: GREYS.text,
    titleFontSize: LEGEND_SIZE,
    titleFontWeight: 'normal',
    titleColor: GREYS.muted,
    symbolStrokeWidth: 1.5,
    columnPadding: LEGEND_PADDING,
  },
  header: { labelFontSize: 13, labelColor: '#111111', titleFontSize: 13 },
  text: { fontSize: 11.5, color: GREYS.text },
  concat: { spacing: 14 },
};

export interface FrameParts {
  title: string;
  subtitle: string[];
  description: string;
  credit: string;
  /** Width of the plotting area. */
  width: number;
  /** Width of the labels left of the plotting area (see `labelExtent`); the source line starts there. */
  left?: number;
  /** At most this many lines for the title and for each subtitle line; none when undefined. */
  titleLines?: number | undefined;
}

/** Where a spec keeps its whole title when the drawn one is shortened: `<title>` and the page title read it. */
export interface FrameMeta {
  title: string;
}

/** How far a left axis reaches: its widest label and the padding between labels and plot. */
export function labelExtent(labels: readonly string[], fontSize: number, padding: number): number {
  return Math.ceil(Math.max(0, maxOf(labels.map((label) => textWidth(label, fontSize)))) + padding);
}

/** Wraps a chart body in the shared frame: title block above, source line below. */
export function frame(body: ChartBody, parts: FrameParts): TopLevelSpec {
  // Wrapping here, with the renderer's font widths, keeps long titles from widening the chart.
  const left = parts.left ?? 0;
  const full = left + parts.width;
  const limit = parts.titleLines ?? Infinity;
  const credit = wrapWords(parts.credit, full, CREDIT_SIZE, 3).lines;
  const footer: ChartBody = {
    width: parts.width,
    height: credit.length * CREDIT_LINE_HEIGHT,
    data: { values: [{}] },
    mark: {
      type: 'text',
      align: 'left',
      baseline: 'top',
      fontSize: CREDIT_SIZE,
      lineHeight: CREDIT_LINE_HEIGHT,
      color: GREYS.muted,
    },
    // Starts under the row labels, where the chart starts (never -0, which JSON cannot keep).
    encoding: { x: { value: left > 0 ? -left : 0 }, y: { value: 0 }, text: { value: credit } },
  };
  return {
    $schema: SCHEMA_URL,
    description: parts.description,
    title: {
      // Lines break between words; only a caller's line limit shortens them, after a whole word.
      text: wrapWords(parts.title, full, TITLE_SIZE, limit, 'bold').lines,
      subtitle: parts.subtitle.flatMap((line) => wrapWords(line, full, SUBTITLE_SIZE, limit).lines),
    },
    usermeta: { title: parts.title.trim() } satisfies FrameMeta,
    padding: PADDING,
    config: THEME,
    vconcat: [body, footer],
  };
}

/**
 * How many legend columns fit in `width`. vega fills a legend's grid row by row and sizes each
 * column to its widest entry (symbol, label, padding), so count the same way.
 */
export function legendColumns(labels: readonly string[], width: number): number {
  const entries = labels.map((label) => LEGEND_SYMBOL + textWidth(label, LEGEND_SIZE) + LEGEND_PADDING);
  for (let columns = entries.length; columns > 1; columns--) {
    const widths = Array.from({ length: columns }, (_, c) => maxOf(entries.filter((_, i) => i % columns === c)));
    if (widths.reduce((sum, w) => sum + w, 0) <= width) return columns;
  }
  return 1;
}

export const subtitleLines = (value: string | string[] | undefined, derived: string[]): string[] =>
  value === undefined ? derived : Array.isArray(value) ? value : [value];
