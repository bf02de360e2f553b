/**
 * The frame every chart shares: title and subtitle, a source line underneath, a description for
 * screen readers, and one theme (fonts, sizes, greys) sized to read at 600 pixels wide.
 */
import type { Config, TopLevelSpec } from 'vega-lite';
import { GREYS } from './palette.js';

/** A view that can sit inside a vertical concatenation: what each helper builds. */
export type ChartBody = Extract<TopLevelSpec, { vconcat: unknown }>['vconcat'][number];

export const SCHEMA_URL = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * DejaVu Sans first: the PNG renderer ships with it and measures text with its widths. Verdana,
 * drawn from the same design, keeps browser layouts close where DejaVu is not installed.
 */
export const FONT = 'DejaVu Sans, Verdana, Geneva, sans-serif';

export const THEME: Config = {
  font: FONT,
  background: 'white',
  view: { stroke: null },
  title: {
    anchor: 'start',
    fontSize: 18,
    fontWeight: 'bold',
    color: '#111111',
    subtitleFontSize: 12.5,
    subtitleColor: GREYS.text,
    subtitlePadding: 6,
    offset: 14,
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
    labelFontSize: 11.5,
    labelColor: GREYS.text,
    titleFontSize: 11.5,
    titleFontWeight: 'normal',
    titleColor: GREYS.muted,
    symbolStrokeWidth: 1.5,
    columnPadding: 14,
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
  /** Width of the widest view, so that the source line wraps no wider than the chart. */
  width: number;
}

/** Wraps a chart body in the shared frame: title block above, source line below. */
export function frame(body: ChartBody, parts: FrameParts): TopLevelSpec {
  const footer: ChartBody = {
    width: parts.width,
    height: 14,
    data: { values: [{}] },
    mark: { type: 'text', align: 'left', baseline: 'top', fontSize: 10.5, color: GREYS.muted, limit: parts.width },
    encoding: { x: { value: 0 }, y: { value: 0 }, text: { value: parts.credit } },
  };
  return {
    $schema: SCHEMA_URL,
    description: parts.description,
    title: { text: parts.title, subtitle: parts.subtitle },
    padding: 16,
    config: THEME,
    vconcat: [body, footer],
  };
}

export const subtitleLines = (value: string | string[] | undefined, derived: string[]): string[] =>
  value === undefined ? derived : Array.isArray(value) ? value : [value];
