/**
 * `centralityChart`: entities ranked by how central they are in the tie network, by degree (how
 * many others they are tied to) or betweenness (how many shortest paths run through them).
 */
import type { TopLevelSpec } from 'vega-lite';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness.js';
import { ENTITY_TYPES, ENTITY_TYPE_INFO, type EntityType } from '@claimgraph/schema';
import { frame, innerWidth, labelExtent, legendColumns, subtitleLines, type ChartBody } from './frame.js';
import { wrapWords } from './text-width.js';
import { creditLine, indexClaimGraph, type ClaimGraphLike, type FrameOptions } from './input.js';
import { CHECKS, FRAME_CHECKS, FRAME_DEFAULTS, resolveOptions, typeList } from './options.js';
import { listing } from './text.js';
import { ENTITY_STYLE } from './palette.js';
import { tieGraph } from './ties.js';

export type CentralityMetric = 'degree' | 'betweenness';

export interface CentralityChartOptions extends FrameOptions {
  /** `degree`: how many entities each is tied to; `betweenness`: share of shortest paths through it. */
  metric?: CentralityMetric;
  /** How many entities to rank. */
  limit?: number;
  /** Widest entity name, in pixels; a longer one is shortened after a whole word [180]. */
  labelWidth?: number;
  /** Which entity types are ranked [person, armed-group, government-body, international-body]. */
  types?: EntityType | EntityType[];
}

/** The actors a newsroom ranks: people, armed groups, governments and international bodies. */
export const CENTRALITY_TYPES: readonly EntityType[] = [
  'person',
  'armed-group',
  'government-body',
  'international-body',
];

export const CENTRALITY_CHART_DEFAULTS: typeof FRAME_DEFAULTS & {
  metric: CentralityMetric;
  limit: number;
  labelWidth: number;
  types: EntityType | EntityType[];
} = {
  metric: 'degree',
  limit: 15,
  labelWidth: 180,
  types: [...CENTRALITY_TYPES],
  ...FRAME_DEFAULTS,
};

const CENTRALITY_CHECKS = {
  ...FRAME_CHECKS,
  metric: CHECKS.oneOf('degree', 'betweenness'),
  limit: CHECKS.integer(1, 500),
  labelWidth: CHECKS.number(40, 600),
  types: CHECKS.entityTypes,
};

const NAME_SIZE = 12;
const NAME_PADDING = 8;
const VALUE_ROOM = 36;

const METRICS: Record<CentralityMetric, { title: string; axis: string; explain: string; format: string }> = {
  degree: {
    title: 'Who has the most ties',
    axis: 'Entities tied to',
    explain: 'How many others each is tied to by any relation, in either direction.',
    format: 'd',
  },
  betweenness: {
    title: 'Who sits between the others',
    axis: 'Betweenness centrality',
    explain:
      'How often each lies on the shortest chain of ties between two others: a high score marks a go-between that links groups which are otherwise apart (0 to 1).',
    format: '.2f',
  },
};

/** A ranked bar chart of the most central entities, coloured by entity type. */
export function centralityChart(cg: ClaimGraphLike, options: CentralityChartOptions = {}): TopLevelSpec {
  const o = resolveOptions('centralityChart', CENTRALITY_CHART_DEFAULTS, CENTRALITY_CHECKS, options);
  const metric = METRICS[o.metric];
  const wanted = new Set(typeList(o.types));
  const index = indexClaimGraph(cg);
  const ties = tieGraph(index);
  // Names take at most 40% of the width, so a narrow figure keeps its bars.
  const labelWidth = Math.min(o.labelWidth, Math.round(innerWidth(o.width) * 0.4));
  const scores: Record<string, number> =
    o.metric === 'degree'
      ? Object.fromEntries(ties.mapNodes((id) => [id, ties.degree(id)]))
      : betweennessCentrality(ties, { normalized: true });
  const ranked = Object.entries(scores)
    .filter(([id]) => wanted.has(index.entities.get(id)!.type))
    .map(([id, value]) => {
      const entity = index.entities.get(id)!;
      return { id, name: index.labelOf(id), type: ENTITY_TYPE_INFO[entity.type].label, value };
    })
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
    .slice(0, o.limit)
    .map((row, i) => {
      // A long name takes a second line before it is shortened; lines are joined by a newline,
      // which the axis splits back.
      const wrapped = wrapWords(row.name, labelWidth, NAME_SIZE, 2, undefined, false);
      return { ...row, label: wrapped.lines.join('\n'), shortened: wrapped.shortened, rank: i + 1 };
    });
  const twoLines = ranked.some((r) => r.label.includes('\n'));
  const left = labelExtent(
    ranked.flatMap((r) => r.label.split('\n')),
    NAME_SIZE,
    NAME_PADDING,
  );
  // Room right of the longest bar for its value.
  const plotWidth = Math.max(80, innerWidth(o.width) - left - VALUE_ROOM);
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
      // Labels are fitted (at word boundaries) before they get here: vega must never cut one.
      labelLimit: 0,
      labelExpr: "split(datum.label, '\\n')",
      labelLineHeight: NAME_SIZE + 2,
      // Multi-line labels hang from their first line: a two-line name moves up half a line to sit centred on its bar.
      labelOffset: { expr: `indexof(datum.label, '\\n') >= 0 ? ${-(NAME_SIZE + 2) / 2} : 0` },
    },
  };
  const body: ChartBody = {
    data: { values: ranked },
    width: plotWidth,
    // Rows of two-line names get the room of two lines.
    height: { step: twoLines ? 34 : 24 },
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
            legend: { columns: legendColumns(typeScale('color').domain, plotWidth) },
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
  const candidates = ties.filterNodes((id) => wanted.has(index.entities.get(id)!.type)).length;
  const kinds = listing(typeList(o.types).map(pluralType));
  const shown =
    ranked.length < candidates
      ? `The ${ranked.length} highest of ${candidates} ${kinds} with ties; the network counts every entity.`
      : `All ${ranked.length} ${kinds} with ties; the network counts every entity.`;
  const subtitle = subtitleLines(o.subtitle, [metric.explain, shown]);
  const shortenedNames = ranked.filter((r) => r.shortened).map((r) => r.name);
  const description =
    `Bar chart ranking ${ranked.length} entities by ${o.metric}. ` +
    ranked
      .slice(0, 5)
      .map((r) => `${r.rank}. ${r.name} (${r.type}): ${formatValue(r.value, o.metric)}`)
      .join('; ') +
    '.' +
    (shortenedNames.length ? ` Names shortened in the chart: ${shortenedNames.join('; ')}.` : '');
  return frame(body, {
    title: o.title ?? metric.title,
    subtitle,
    description,
    credit: creditLine(
      index,
      index.data.statements.map((s) => s.source),
      o,
    ),
    // The value labels' room right of the bars belongs to the figure.
    width: plotWidth + VALUE_ROOM,
    left,
  });
}

/** "people", "armed groups", "government bodies". */
const pluralType = (t: EntityType) =>
  t === 'person' ? 'people' : ENTITY_TYPE_INFO[t].label.toLowerCase().replace(/y$/, 'ie') + 's';

const formatValue = (value: number, metric: CentralityMetric) =>
  metric === 'degree' ? String(value) : value.toFixed(2);
