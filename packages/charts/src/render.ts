/**
 * @claimgraph/charts/render — Node-only renderers for the chart specs: SVG through vega's headless
 * View, PNG through resvg, and HTML pages through vega-embed (standalone, or sharing one runtime file).
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
export {
  renderHtml,
  renderResponsiveHtml,
  runtimeSrc,
  RESPONSIVE_WIDTHS,
  HTML_DEFAULTS,
  type HtmlOptions,
  type HtmlLibraries,
} from './render/html.js';
export { chartRuntime, type ChartRuntime } from './render/runtime.js';
export { ChartRenderError } from './render/errors.js';
export { compileSpec, type CompiledSpec } from './render/compile.js';
export { scriptSafeJson, escapeHtml } from './render/json.js';
