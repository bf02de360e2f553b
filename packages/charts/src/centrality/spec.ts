/**
 * The centrality chart's last stage: the ranked rows as a bar chart coloured by entity type, each
 * bar with its value, and the title, subtitle and description.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ENTITY_TYPES, ENTITY_TYPE_INFO, type EntityType } from '@claimgraph/schema';
import { frame, legendColumns, subtitleLines, type ChartBody } from '../frame.js';
import { creditLine, type ChartIndex } from '../input.js';
import { typeList } from '../options.js';
import { ENTITY_STYLE } from '../palette.js';
import { listing } from '../text.js';
import { NAME_PADDING, NAME_SIZE, VALUE_ROOM, type CentralityLayout } from './layout.js';
import type { CentralityMetric, CentralityOptions } from './options.js';
import type { CentralitySelection } from './select.js';

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

export function centralitySpec(
  index: ChartIndex,
  o: CentralityOptions,
  selection: CentralitySelection,
  layout: CentralityLayout,
): TopLevelSpec {
  return frame(centralityBody(o, layout), {
    ...centralityWords(o, selection, layout),
    credit: creditLine(
      index,
      index.data.statements.map((s) => s.source),
      o,
    ),
    // The value labels' room right of the bars belongs to the figure.
    width: layout.plotWidth + VALUE_ROOM,
    titleLines: o.titleLines,
    left: layout.left,
  });
}

/** Names as the y axis, fitted before they get there: vega must never cut one. */
const nameAxis = {
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

function centralityBody(o: CentralityOptions, { rows, twoLines, plotWidth }: CentralityLayout): ChartBody {
  const metric = METRICS[o.metric];
  const types = ENTITY_TYPES.filter((t) => rows.some((r) => r.type === ENTITY_TYPE_INFO[t].label));
  const typeScale = (pick: 'color') => ({
    domain: types.map((t) => ENTITY_TYPE_INFO[t].label),
    range: types.map((t) => ENTITY_STYLE[t][pick]),
  });
  const y = nameAxis;
  return {
    data: { values: rows },
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
}

/** Title, subtitle and the description a screen reader reads. */
function centralityWords(o: CentralityOptions, { candidates }: CentralitySelection, { rows }: CentralityLayout) {
  const metric = METRICS[o.metric];
  const kinds = listing(typeList(o.types).map(pluralType));
  const shown =
    rows.length < candidates
      ? `The ${rows.length} highest of ${candidates} ${kinds} with ties; the network counts every entity.`
      : `All ${rows.length} ${kinds} with ties; the network counts every entity.`;
  const subtitle = subtitleLines(o.subtitle, [metric.explain, shown]);
  const shortenedNames = rows.filter((r) => r.shortened).map((r) => r.name);
  const description =
    `Bar chart ranking ${rows.length} entities by ${o.metric}. ` +
    rows
      .slice(0, 5)
      .map((r) => `${r.rank}. ${r.name} (${r.type}): ${formatValue(r.value, o.metric)}`)
      .join('; ') +
    '.' +
    (shortenedNames.length ? ` Names shortened in the chart: ${shortenedNames.join('; ')}.` : '');
  return { title: o.title ?? metric.title, subtitle, description };
}

/** "people", "armed groups", "government bodies". */
const pluralType = (t: EntityType) =>
  t === 'person' ? 'people' : ENTITY_TYPE_INFO[t].label.toLowerCase().replace(/y$/, 'ie') + 's';

const formatValue = (value: number, metric: CentralityMetric) =>
  metric === 'degree' ? String(value) : value.toFixed(2);
