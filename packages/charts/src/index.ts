/**
 * @claimgraph/charts — Vega-Lite chart helpers for claimgraph datasets: each takes a ClaimGraph
 * and returns a plain, self-contained `TopLevelSpec`. Runs anywhere; rendering lives in `/render`.
 */
export { stanceChart, STANCE_CHART_DEFAULTS, type StanceChartOptions } from './stance.js';
export { timelineChart, TIMELINE_CHART_DEFAULTS, type TimelineChartOptions } from './timeline.js';
export { networkChart, NETWORK_CHART_DEFAULTS, type NetworkChartOptions } from './network.js';
export {
  centralityChart,
  CENTRALITY_CHART_DEFAULTS,
  type CentralityChartOptions,
  type CentralityMetric,
} from './centrality.js';
export type { LayoutName } from './layout.js';
export type { ClaimGraphLike, FrameOptions } from './input.js';
export { THEME, FONT } from './frame.js';
export { OKABE_ITO, STANCE_COLORS, STANCE_SHAPES, STATUS_STYLE, ENTITY_STYLE, type StanceKey } from './palette.js';
export { formatPartialDate, formatDateRange } from './dates.js';
export { ChartError, ChartOptionError, EmptyChartError, WIDTH_RANGE } from './options.js';
export { NETWORK_MAX_NODES } from './network.js';
export { CENTRALITY_TYPES } from './centrality.js';
