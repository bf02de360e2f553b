/**
 * @claimgraph/charts/render — Node-only renderers for the chart specs: SVG through vega's headless
 * View, PNG through resvg, and standalone HTML pages through vega-embed.
 */
export { renderSvg, SVG_DEFAULTS, type SvgOptions } from './render/view.js';
export {
  renderPng,
  pngSize,
  PNG_DEFAULTS,
  MAX_PNG_PIXELS,
  MissingRendererError,
  type PngOptions,
} from './render/png.js';
export { renderHtml, renderResponsiveHtml, RESPONSIVE_WIDTHS, HTML_DEFAULTS, type HtmlOptions } from './render/html.js';
export { ChartRenderError } from './render/errors.js';
export { compileSpec, type CompiledSpec } from './render/compile.js';
export { scriptSafeJson, escapeHtml } from './render/json.js';
