/**
 * Headless vega: runs a spec in a View with no renderer, measuring text with DejaVu Sans widths
 * (there is no canvas in Node), and returns it as an SVG string.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ChartRenderError } from './errors.js';
import { collectingLogger, compileSpec } from './compile.js';
import { escapeHtml, specTitle } from './json.js';
import { loadVega } from './modules.js';
import { textWidth } from '../text-width.js';

interface TextItem {
  text?: unknown;
  fontSize?: number;
  fontWeight?: unknown;
}

/** vega calls this for every label it lays out or truncates; see vega-scenegraph's textMetrics. */
function measure(item: TextItem, text?: unknown): number {
  const value = text ?? item.text;
  const line = value == null ? '' : String(value);
  return textWidth(line, item.fontSize ?? 11, item.fontWeight);
}

export interface SvgOptions {
  /** What to do with vega-lite's and vega's warnings: throw (so a broken chart never ships) or ignore. */
  warnings?: 'throw' | 'ignore';
}

export const SVG_DEFAULTS: Required<SvgOptions> = { warnings: 'throw' };

/**
 * A headless vega View of the spec, run and with its scenegraph built, text measured as the PNG
 * renderer draws it: what tests read label boxes from. The caller finalizes it.
 */
export async function headlessView(spec: TopLevelSpec) {
  const { vega } = await loadVega();
  const { vega: compiled } = await compileSpec(spec);
  (vega as unknown as { textMetrics: { width: typeof measure } }).textMetrics.width = measure;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
  await view.runAsync();
  // Building the SVG lays out every mark, legends and titles included.
  await view.toSVG();
  return view;
}

/** The chart as a standalone SVG document. Text from the data is escaped by vega's SVG writer. */
export async function renderSvg(spec: TopLevelSpec, options: SvgOptions = {}): Promise<string> {
  const o = { ...SVG_DEFAULTS, ...options };
  const { vega } = await loadVega();
  const { vega: compiled, warnings } = await compileSpec(spec);
  if (warnings.length && o.warnings === 'throw') {
    throw new ChartRenderError(`the spec compiles with warnings: ${warnings.join('; ')}`);
  }
  // vega's documented hook for measuring text without a canvas (vl-convert sets it too).
  (vega as unknown as { textMetrics: { width: typeof measure } }).textMetrics.width = measure;
  const runtime = collectingLogger('vega');
  const view = new vega.View(vega.parse(compiled), {
    renderer: 'none',
    logger: runtime.logger as never,
    logLevel: vega.Warn,
  });
  try {
    const svg = await view.toSVG();
    if (runtime.warnings.length && o.warnings === 'throw') {
      throw new ChartRenderError(`vega warned while drawing the chart: ${runtime.warnings.join('; ')}`);
    }
    return describe(svg, spec);
  } finally {
    view.finalize();
  }
}

/**
 * vega writes no accessible name on the SVG root: add the chart's title as `<title>` and its
 * description (the alt text) as `<desc>`, and label the image with both.
 */
function describe(svg: string, spec: TopLevelSpec): string {
  const title = specTitle(spec);
  const description = typeof spec.description === 'string' ? spec.description : '';
  if (!title && !description) return svg;
  const label = escapeHtml([title, description].filter(Boolean).join('. '));
  const parts = `${title ? `<title>${escapeHtml(title)}</title>` : ''}${description ? `<desc>${escapeHtml(description)}</desc>` : ''}`;
  // A function, not a replacement string: a description holding "$1" or "$&" ("offering $10 million")
  // must reach the SVG as written, not as a back-reference.
  return svg.replace(
    /^<svg\b([^>]*)>/,
    (_, attributes: string) => `<svg${attributes} role="img" aria-label="${label}">${parts}`,
  );
}
