/**
 * `centralityChart`: entities ranked by how central they are in the tie network, by degree (how
 * many others they are tied to) or betweenness (how many shortest paths run through them).
 */
import type { TopLevelSpec } from 'vega-lite';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { ENTITY_TYPES, ENTITY_TYPE_INFO } from '@claimgraph/schema';
import { frame, labelExtent, legendColumns, subtitleLines, type ChartBody } from './frame.js';
import { fitLine } from './text-width.js';
import { creditLine, indexClaimGraph, type ClaimGraphLike, type Defaults, type FrameOptions } from './input.js';
import { ENTITY_STYLE } from './palette.js';
import { tieGraph } from './ties.js';

export type CentralityMetric = 'degree' | 'betweenness';

export interface CentralityChartOptions extends FrameOptions {
  /** `degree`: how many entities each is tied to; `betweenness`: share of shortest paths through it. */
  metric?: CentralityMetric;
  /** How many entities to rank. */
  limit?: number;
  /** Widest entity name before it is cut with an ellipsis, in pixels. */
  labelWidth?: number;
}

export const CENTRALITY_CHART_DEFAULTS = {
  metric: 'degree' as CentralityMetric,
  limit: 15,
  labelWidth: 180,
  width: 400,
  title: undefined,
  subtitle: undefined,
  dataset: undefined,
  credit: undefined,
} satisfies Defaults<CentralityChartOptions>;

const NAME_SIZE = 12;
const NAME_PADDING = 8;

const METRICS: Record<CentralityMetric, { title: string; axis: string; explain: string; format: string }> = {
  degree: {
    title: 'Who has the most ties',
    axis: 'Entities tied to',
    explain: 'Entities ranked by how many others they are tied to by any relation, in either direction.',
    format: 'd',
  },
  betweenness: {
    title: 'Who sits between the others',
    axis: 'Betweenness centrality',
    explain: 'Entities ranked by the share of shortest paths between other entities that run through them.',
    format: '.2f',
  },
};

/** A ranked bar chart of the most central entities, coloured by entity type. */
export function centralityChart(cg: ClaimGraphLike, options: CentralityChartOptions = {}): TopLevelSpec {
  const o = { ...CENTRALITY_CHART_DEFAULTS, ...options };
  const metric = METRICS[o.metric];
  if (!metric) {
    throw new Error(
      `@claimgraph/charts: centralityChart: options.metric: "${String(o.metric)}" is not a metric; use "degree" or "betweenness"`,
    );
  }
  const index = indexClaimGraph(cg);
  const ties = tieGraph(index);
  const scores: Record<string, number> =
    o.metric === 'degree'
      ? Object.fromEntries(ties.mapNodes((id) => [id, ties.degree(id)]))
      : betweennessCentrality(ties, { normalized: true });
  const ranked = Object.entries(scores)
    .map(([id, value]) => {
      const entity = index.entities.get(id)!;
      return { id, name: entity.name, type: ENTITY_TYPE_INFO[entity.type].label, value };
    })
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
    .slice(0, o.limit)
    .map((row, i) => ({ ...row, label: fitLine(row.name, o.labelWidth, NAME_SIZE), rank: i + 1 }));
  const types = ENTITY_TYPES.filter((t) => ranked.some((r) => r.type === ENTITY_TYPE_INFO[t].label));
  const typeScale = (pick: 'color') => ({
    domain: types.map((t) => ENTITY_TYPE_INFO[t].label),
    range: types.map((t) => ENTITY_STYLE[t][pick]),
  });

  const y = {
    field: 'label',
    type: 'nominal' as const,
    sort: { field: 'rank', op: 'min' as const, order: 'ascending' as const },
    axis: {
      title: null,
      ticks: false,
      domain: false,
      labelPadding: NAME_PADDING,
      labelFontSize: NAME_SIZE,
      labelLimit: o.labelWidth + 8,
    },
  };
  const body: ChartBody = {
    data: { values: ranked },
    width: o.width,
    height: { step: 24 },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 }, cornerRadiusEnd: 2, stroke: '#333333', strokeWidth: 0.4 },
        encoding: {
          y,
          x: {
            field: 'value',
            type: 'quantitative',
            title: metric.axis,
            axis: { format: metric.format, tickMinStep: o.metric === 'degree' ? 1 : undefined, grid: true },
          },
          color: {
            field: 'type',
            type: 'nominal',
            title: 'Entity',
            scale: typeScale('color'),
            legend: { columns: legendColumns(typeScale('color').domain, o.width) },
          },
          tooltip: [
            { field: 'name', title: 'Entity' },
            { field: 'type', title: 'Type' },
            { field: 'value', title: metric.axis, format: metric.format },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4, fontSize: 11 },
        encoding: { y, x: { field: 'value', type: 'quantitative' }, text: { field: 'value', format: metric.format } },
      },
    ],
  };
  const shown =
    ranked.length < ties.order
      ? `The ${ranked.length} highest of ${ties.order} tied entities.`
      : `All ${ranked.length} tied entities.`;
  const subtitle = subtitleLines(o.subtitle, [metric.explain, shown]);
  const description =
    `Bar chart ranking ${ranked.length} entities by ${o.metric}. ` +
    ranked
      .slice(0, 5)
      .map((r) => `${r.rank}. ${r.name} (${r.type}): ${formatValue(r.value, o.metric)}`)
      .join('; ') +
    '.';
  return frame(body, {
    title: o.title ?? metric.title,
    subtitle,
    description,
    credit: creditLine(
      index,
      index.data.statements.map((s) => s.source),
      o,
    ),
    width: o.width,
    left: labelExtent(
      ranked.map((r) => r.label),
      NAME_SIZE,
      NAME_PADDING,
    ),
  });
}

const formatValue = (value: number, metric: CentralityMetric) =>
  metric === 'degree' ? String(value) : value.toFixed(2);
