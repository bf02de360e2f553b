/**
 * `networkChart`: the entity network. Positions come from a seeded graphology layout and travel
 * in the spec's inline data, in pixels, so the chart is the same wherever it is drawn.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ENTITY_TYPES, ENTITY_TYPE_INFO, maxOf, RELATION_TYPE_INFO } from '@claimgraph/schema';
import { frame, legendColumns, subtitleLines, type ChartBody } from './frame.js';
import {
  creditLine,
  indexClaimGraph,
  requireId,
  type ClaimGraphLike,
  type Defaults,
  type FrameOptions,
} from './input.js';
import { layoutGraph, type LayoutName } from './layout.js';
import { ENTITY_STYLE, GREYS, STATUS_KEYS, STATUS_STYLE } from './palette.js';
import { declutter } from './declutter.js';
import { neighbourhood, tieGraph } from './ties.js';
import { fitLine, textWidth } from './text-width.js';
import { plural, relationPhrase } from './text.js';

export interface NetworkChartOptions extends FrameOptions {
  /** How nodes are placed. */
  layout?: LayoutName;
  /** Seed for the starting positions: the same seed draws the same picture. */
  seed?: number;
  /** ForceAtlas2 iterations. */
  iterations?: number;
  /** An entity id: draw it and its neighbours within `depth` ties, and emphasise it. */
  focus?: string;
  /** How many ties away from `focus` to reach. */
  depth?: number;
  /** Keep entities that take part in no relation (speakers only). */
  isolated?: boolean;
  /** Plot height in pixels. */
  height?: number;
}

export const NETWORK_CHART_DEFAULTS = {
  layout: 'forceatlas2' as LayoutName,
  seed: 1,
  iterations: 500,
  focus: undefined,
  depth: 1,
  isolated: false,
  width: 600,
  height: 480,
  title: undefined,
  subtitle: undefined,
  dataset: undefined,
  credit: undefined,
} satisfies Defaults<NetworkChartOptions>;

/** Node areas in square pixels, from the least to the most tied entity. */
const NODE_SIZE = [60, 420] as const;
const LABEL_SIZE = 11;
/** The layout fills the drawing less this inset, leaving room for labels at its edges. */
const INSET = { x: 50, y: 14 };
const LABEL_GAP = 6;
/** Longest node label before it is cut with an ellipsis, in pixels. */
const LABEL_WIDTH = 150;
/** Gap between parallel edges joining the same two entities, in pixels. */
const PARALLEL_GAP = 5;

/** Entities as nodes, relations as edges, contested relations drawn thick and vermillion. */
export function networkChart(cg: ClaimGraphLike, options: NetworkChartOptions = {}): TopLevelSpec {
  const o = { ...NETWORK_CHART_DEFAULTS, ...options };
  const index = indexClaimGraph(cg);
  if (o.focus !== undefined)
    requireId(index.entities, o.focus, { helper: 'networkChart', option: 'focus', kind: 'an entity' });
  const kept = o.focus !== undefined ? neighbourhood(index, o.focus, o.depth) : undefined;
  const ties = tieGraph(index, kept ? (id) => kept.has(id) : undefined, o.isolated);
  const unit = layoutGraph(ties, { layout: o.layout, seed: o.seed, iterations: o.iterations });
  const maxTies = Math.max(1, maxOf(ties.mapNodes((id) => ties.degree(id))));
  const nodes = ties.mapNodes((id) => {
    const entity = index.entities.get(id)!;
    const focus = id === o.focus;
    const p = unit.get(id)!;
    const x = INSET.x + p.x * (o.width - 2 * INSET.x);
    const y = INSET.y + p.y * (o.height - 2 * INSET.y);
    const size = NODE_SIZE[0] + ((NODE_SIZE[1] - NODE_SIZE[0]) * ties.degree(id)) / maxTies;
    const radius = Math.sqrt(size) / 2 + 1;
    const labelSize = focus ? LABEL_SIZE + 1 : LABEL_SIZE;
    const label = fitLine(entity.name, LABEL_WIDTH, labelSize, focus ? 'bold' : undefined);
    const reach = radius + LABEL_GAP + textWidth(label, labelSize, focus ? 'bold' : undefined);
    const side = labelSide(
      x,
      reach,
      o.width,
      ties.mapNeighbors(id, (n) => unit.get(n)!.x - p.x),
    );
    return {
      id,
      name: entity.name,
      label,
      type: ENTITY_TYPE_INFO[entity.type].label,
      ties: ties.degree(id),
      size,
      radius,
      side,
      focus,
      // A box around the node and its label, placed by the layout, then nudged clear of the others.
      box: {
        x,
        y,
        left: side === 'left' ? reach : radius,
        right: side === 'right' ? reach : radius,
        up: Math.max(radius, LABEL_SIZE * 0.7),
        down: Math.max(radius, LABEL_SIZE * 0.7),
      },
    };
  });
  declutter(
    nodes.map((n) => n.box),
    o.width,
    o.height,
  );
  const boxes = new Map(nodes.map((n) => [n.id, n.box]));
  const px = (id: string) => boxes.get(id)!;

  // Contested relations last, so they are drawn over the settled ones beside them.
  const relations = index.data.relations
    .filter((r) => ties.hasNode(r.source) && ties.hasNode(r.target))
    .sort((a, b) => Number(index.status(a.id) === 'contested') - Number(index.status(b.id) === 'contested'));
  const pairCount = new Map<string, number>();
  const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  for (const r of relations)
    pairCount.set(pairKey(r.source, r.target), (pairCount.get(pairKey(r.source, r.target)) ?? 0) + 1);
  const pairSeen = new Map<string, number>();
  const edges = relations.map((r) => {
    const key = pairKey(r.source, r.target);
    const k = pairSeen.get(key) ?? 0;
    pairSeen.set(key, k + 1);
    // Parallel edges fan out side by side instead of hiding one another.
    const a = px(r.source < r.target ? r.source : r.target);
    const b = px(r.source < r.target ? r.target : r.source);
    const length = Math.hypot(b.x - a.x, b.y - a.y) || 1;
    const shift = (k - ((pairCount.get(key) ?? 1) - 1) / 2) * PARALLEL_GAP;
    const nx = (-(b.y - a.y) / length) * shift;
    const ny = ((b.x - a.x) / length) * shift;
    const status = index.status(r.id);
    const { supports, disputes } = index.counts(r.id);
    return {
      id: r.id,
      x: a.x + nx,
      y: a.y + ny,
      x2: b.x + nx,
      y2: b.y + ny,
      relation: relationPhrase(r, index.nameOf),
      type: RELATION_TYPE_INFO[r.type].label,
      status,
      supports,
      disputes,
    };
  });

  const types = ENTITY_TYPES.filter((t) => ties.someNode((id) => index.entities.get(id)!.type === t));
  const typeLabels = types.map((t) => ENTITY_TYPE_INFO[t].label);
  const statuses = STATUS_KEYS.filter((s) => edges.some((e) => e.status === s));
  const pixels = { type: 'quantitative' as const, scale: null, axis: null };
  // Labels are drawn twice, a white halo under the text, so they stay legible over edges.
  const labelLayers = (['right', 'left'] as const).flatMap((side) =>
    [true, false].flatMap((halo) =>
      [false, true].map((focus) => ({
        transform: [{ filter: `datum.side == '${side}' && ${focus ? '' : '!'}datum.focus` }],
        mark: {
          type: 'text' as const,
          align: side === 'right' ? ('left' as const) : ('right' as const),
          baseline: 'middle' as const,
          fontSize: focus ? LABEL_SIZE + 1 : LABEL_SIZE,
          fontWeight: focus ? ('bold' as const) : ('normal' as const),
          ...(halo ? { stroke: 'white', strokeWidth: 3, strokeOpacity: 0.85, strokeJoin: 'round' as const } : {}),
        },
        encoding: { x: { field: 'labelX', ...pixels }, y: { field: 'y', ...pixels }, text: { field: 'label' } },
      })),
    ),
  );

  const body: ChartBody = {
    width: o.width,
    height: o.height,
    layer: [
      {
        data: { values: edges },
        mark: { type: 'rule', strokeCap: 'round' },
        encoding: {
          x: { field: 'x', ...pixels },
          y: { field: 'y', ...pixels },
          x2: { field: 'x2' },
          y2: { field: 'y2' },
          color: {
            field: 'status',
            type: 'nominal',
            title: 'Relation',
            scale: { domain: statuses, range: statuses.map((s) => STATUS_STYLE[s].color) },
          },
          strokeDash: {
            field: 'status',
            type: 'nominal',
            title: 'Relation',
            scale: { domain: statuses, range: statuses.map((s) => STATUS_STYLE[s].dash) },
            legend: { orient: 'bottom' },
          },
          strokeWidth: {
            condition: { test: "datum.status == 'contested'", value: STATUS_STYLE.contested.width },
            value: STATUS_STYLE.supported.width,
          },
          tooltip: [
            { field: 'relation', title: 'Relation' },
            { field: 'status', title: 'Status' },
            { field: 'supports', title: 'Statements supporting' },
            { field: 'disputes', title: 'Statements disputing' },
          ],
        },
      },
      {
        data: {
          values: nodes.map(({ box, radius, ...node }) => ({
            ...node,
            x: box.x,
            y: box.y,
            labelX: box.x + (node.side === 'right' ? radius + LABEL_GAP : -radius - LABEL_GAP),
          })),
        },
        layer: [
          {
            mark: { type: 'point', filled: true, opacity: 1, stroke: GREYS.text, strokeWidth: 0.6 },
            encoding: {
              x: { field: 'x', ...pixels },
              y: { field: 'y', ...pixels },
              color: {
                field: 'type',
                type: 'nominal',
                title: 'Entity',
                scale: { domain: typeLabels, range: types.map((t) => ENTITY_STYLE[t].color) },
                legend: { columns: legendColumns(typeLabels, o.width) },
              },
              shape: {
                field: 'type',
                type: 'nominal',
                title: 'Entity',
                scale: { domain: typeLabels, range: types.map((t) => ENTITY_STYLE[t].shape) },
              },
              size: { field: 'size', type: 'quantitative', scale: null, legend: null },
              tooltip: [
                { field: 'name', title: 'Entity' },
                { field: 'type', title: 'Type' },
                { field: 'ties', title: 'Tied to (entities)' },
              ],
            },
          },
          ...labelLayers,
        ],
      },
    ],
    // Edges and nodes each keep their own colour scale and legend.
    resolve: { scale: { color: 'independent', shape: 'independent', strokeDash: 'independent' } },
  };

  const contested = edges.filter((e) => e.status === 'contested');
  const focusName = o.focus !== undefined ? index.nameOf(o.focus) : undefined;
  const title = o.title ?? (focusName ? `Who is tied to ${focusName}` : 'Who is tied to whom');
  const named = contested.length && contested.length <= 3 ? `: ${contested.map((e) => e.relation).join('; ')}` : '';
  const subtitle = subtitleLines(o.subtitle, [
    `${plural(nodes.length, 'entity', 'entities')} and ${plural(edges.length, 'relation')}. ` +
      `Contested, in thick vermillion: ${plural(contested.length, 'relation')}${named}.`,
  ]);
  const description =
    `Network of ${plural(nodes.length, 'entity', 'entities')} linked by ${plural(edges.length, 'relation')}` +
    `${focusName ? ` around ${focusName}` : ''}. Contested relations: ${contested.map((e) => e.relation).join('; ') || 'none'}.`;
  const drawn = new Set(edges.map((e) => e.id));
  const sources = index.data.statements.filter((s) => drawn.has(s.relation)).map((s) => s.source);
  return frame(body, { title, subtitle, description, credit: creditLine(index, sources, o), width: o.width });
}

/**
 * A label goes on the side away from most of the node's edges, unless it would not fit there.
 * `dx` are the horizontal offsets of the node's neighbours.
 */
function labelSide(x: number, reach: number, width: number, dx: number[]): 'left' | 'right' {
  const away = dx.reduce((sum, d) => sum + Math.sign(d), 0) > 0 ? 'left' : 'right';
  const fits = (side: 'left' | 'right') => (side === 'left' ? x - reach >= 0 : x + reach <= width);
  return fits(away) || !fits(away === 'left' ? 'right' : 'left') ? away : away === 'left' ? 'right' : 'left';
}
