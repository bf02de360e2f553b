/**
 * The network chart's last stage: the laid-out nodes, links and labels as Vega-Lite layers in
 * pixels, with the title, subtitle and description that say what the picture shows.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ENTITY_TYPES, ENTITY_TYPE_INFO } from '@claimgraph/schema';
import { frame, legendColumns, subtitleLines, type ChartBody } from '../frame.js';
import { creditLine, type ChartIndex } from '../input.js';
import { ENTITY_STYLE, GREYS, STATUS_KEYS, STATUS_STYLE } from '../palette.js';
import { listing, plural } from '../text.js';
import { LABEL_SIZE, type NetworkLabel, type NetworkLayout } from './layout.js';
import type { Link } from './links.js';
import type { NetworkOptions } from './options.js';
import type { NetworkSelection } from './select.js';

const ARROW_SIZE = 42;
const pixels = { type: 'quantitative' as const, scale: null, axis: null };

type NodeValue = NetworkLayout['nodes'][number] & { name: string; type: string; focus: boolean };

export function networkSpec(
  index: ChartIndex,
  o: NetworkOptions,
  selection: NetworkSelection,
  layout: NetworkLayout,
): TopLevelSpec {
  const { nodes, links } = layout;
  const nodeValues: NodeValue[] = nodes.map((n) => {
    const e = index.entities.get(n.id)!;
    return { ...n, name: index.labelOf(n.id), type: ENTITY_TYPE_INFO[e.type].label, focus: n.id === selection.entity };
  });
  const drawn = new Set(links.flatMap((l) => l.ids));
  const sources = index.data.statements.filter((s) => drawn.has(s.relation)).map((s) => s.source);
  return frame(networkBody(index, layout, nodeValues), {
    ...networkWords(index, o, selection, layout, nodeValues),
    credit: creditLine(index, sources, o),
    width: layout.plotWidth,
    titleLines: o.titleLines,
  });
}

function networkBody(index: ChartIndex, layout: NetworkLayout, nodeValues: NodeValue[]): ChartBody {
  const { nodes, links, labels, plotWidth } = layout;
  const types = ENTITY_TYPES.filter((t) => nodes.some((n) => index.entities.get(n.id)!.type === t));
  const arrows = links.flatMap((l) => l.arrows);
  return {
    width: plotWidth,
    height: layout.plotHeight,
    layer: [
      linkLayer(links),
      ...(layout.boxes.length ? [boxLayer(layout.boxes)] : []),
      ...(arrows.length ? [arrowLayer(arrows)] : []),
      nodeLayer(nodeValues, types, plotWidth),
      ...(labels.length ? [labelLayer(labels)] : []),
    ],
    // Links and nodes each keep their own colour scale and legend.
    resolve: { scale: { color: 'independent', shape: 'independent', strokeDash: 'independent' } },
  };
}

function linkLayer(links: readonly Link[]) {
  const statuses = STATUS_KEYS.filter((s) => links.some((e) => e.status === s));
  return {
    data: { values: links },
    mark: { type: 'rule' as const, strokeCap: 'round' as const },
    encoding: {
      x: { field: 'x', ...pixels },
      y: { field: 'y', ...pixels },
      x2: { field: 'x2' },
      y2: { field: 'y2' },
      color: {
        field: 'status',
        type: 'nominal' as const,
        title: 'Relation',
        scale: { domain: statuses, range: statuses.map((s) => STATUS_STYLE[s].color) },
      },
      strokeDash: {
        field: 'status',
        type: 'nominal' as const,
        title: 'Relation',
        scale: { domain: statuses, range: statuses.map((s) => STATUS_STYLE[s].dash) },
        legend: { orient: 'bottom' as const },
      },
      strokeWidth: {
        condition: { test: "datum.status == 'contested'", value: STATUS_STYLE.contested.width },
        value: STATUS_STYLE.supported.width,
      },
      tooltip: [
        { field: 'between', title: 'Between' },
        { field: 'count', title: 'Relations' },
        { field: 'relations', title: 'Which' },
        { field: 'status', title: 'Status' },
      ],
    },
  };
}

/** White boxes under the labels and over the links: a link passes behind a name, never through it. */
const boxLayer = (boxes: NetworkLayout['boxes']) => ({
  data: { values: boxes },
  mark: { type: 'rect' as const, fill: 'white', opacity: 0.9, cornerRadius: 2 },
  encoding: {
    x: { field: 'x0', ...pixels },
    x2: { field: 'x1' },
    y: { field: 'y0', ...pixels },
    y2: { field: 'y1' },
    tooltip: null,
  },
});

/** Directed relations end in an arrowhead at their target. */
const arrowLayer = (arrows: Link['arrows']) => ({
  data: { values: arrows },
  mark: { type: 'point' as const, shape: 'triangle-right', filled: true, opacity: 1, size: ARROW_SIZE },
  encoding: {
    x: { field: 'x', ...pixels },
    y: { field: 'y', ...pixels },
    angle: { field: 'angle', type: 'quantitative' as const, scale: null },
    color: { value: GREYS.text },
    tooltip: null,
  },
});

function nodeLayer(nodeValues: NodeValue[], types: (typeof ENTITY_TYPES)[number][], plotWidth: number) {
  const typeLabels = types.map((t) => ENTITY_TYPE_INFO[t].label);
  return {
    data: { values: nodeValues },
    mark: { type: 'point' as const, filled: true, opacity: 1, stroke: GREYS.text, strokeWidth: 0.6 },
    encoding: {
      x: { field: 'x', ...pixels },
      y: { field: 'y', ...pixels },
      color: {
        field: 'type',
        type: 'nominal' as const,
        title: 'Entity',
        scale: { domain: typeLabels, range: types.map((t) => ENTITY_STYLE[t].color) },
        legend: { columns: legendColumns(typeLabels, plotWidth) },
      },
      shape: {
        field: 'type',
        type: 'nominal' as const,
        title: 'Entity',
        scale: { domain: typeLabels, range: types.map((t) => ENTITY_STYLE[t].shape) },
      },
      size: { field: 'size', type: 'quantitative' as const, scale: null, legend: null },
      tooltip: [
        { field: 'name', title: 'Entity' },
        { field: 'type', title: 'Type' },
        { field: 'ties', title: 'Tied to (entities)' },
      ],
    },
  };
}

/** The labels over their backing boxes (network/layout.ts), which keep links from striking through them. */
const labelLayer = (labels: readonly NetworkLabel[]) => ({
  data: { values: labels },
  layer: (['left', 'right', 'center'] as const).flatMap((align) =>
    [false, true]
      .filter((bold) => labels.some((l) => l.align === align && l.bold === bold))
      .map((bold) => ({
        transform: [{ filter: `datum.align == '${align}' && ${bold ? '' : '!'}datum.bold` }],
        mark: {
          type: 'text' as const,
          align,
          baseline: 'middle' as const,
          fontSize: LABEL_SIZE,
          fontWeight: bold ? ('bold' as const) : ('normal' as const),
        },
        encoding: {
          x: { field: 'x', ...pixels },
          y: { field: 'y', ...pixels },
          text: { field: 'text' },
          tooltip: [{ field: 'name', title: 'Entity' }],
        },
      })),
  ),
});

/** Title, subtitle and the description a screen reader reads. */
function networkWords(
  index: ChartIndex,
  o: NetworkOptions,
  { entity, subject, available }: NetworkSelection,
  { nodes, links, unlabelled, shortened }: NetworkLayout,
  nodeValues: readonly NodeValue[],
) {
  const contested = links.filter((e) => e.status === 'contested');
  const title =
    o.title ??
    (entity !== undefined
      ? `Who is tied to ${index.labelOf(entity)}`
      : o.all
        ? 'Who is tied to whom'
        : subject.title(index.labelOf));
  const capped =
    available > nodes.length
      ? ` Showing the ${nodes.length} best-connected of ${available} entities (at most ${o.maxNodes}).`
      : '';
  const subtitle = subtitleLines(o.subtitle, [
    `${subject.about(index.labelOf)}: ${plural(nodes.length, 'entity', 'entities')}, ${plural(links.length, 'link')}.${capped}`,
    `Contested links in thick vermillion (${contested.length}); arrows point from source to target${unlabelled.length ? `; ${plural(unlabelled.length, 'entity', 'entities')} unlabelled for room (names in the tooltip)` : ''}.`,
  ]);
  const described = nodeValues
    .slice()
    .sort((a, b) => b.ties - a.ties || a.name.localeCompare(b.name))
    .map((n) => `${n.name} (${n.type.toLowerCase()}, ${n.ties})`);
  const description =
    `Network of ${plural(nodes.length, 'entity', 'entities')} joined by ${plural(links.length, 'link')}, ${subject.about(index.labelOf).toLowerCase()}.${capped} ` +
    `Contested: ${contested.map((e) => e.relations).join('; ') || 'none'}. ` +
    `Entities with their number of ties: ${described.join(', ')}.` +
    (shortened.length ? ` Labels shortened: ${listing(shortened)}.` : '') +
    (unlabelled.length ? ` Not labelled for lack of room: ${listing(unlabelled)}.` : '');
  return { title, subtitle, description };
}
