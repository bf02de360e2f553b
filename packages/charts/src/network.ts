/**
 * `networkChart`: the entity network. Positions come from a seeded graphology layout and travel
 * in the spec's inline data, in pixels, so the chart is the same wherever it is drawn.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ENTITY_TYPES, ENTITY_TYPE_INFO, RELATION_TYPE_INFO } from '@claimgraph/schema';
import { frame, subtitleLines, type ChartBody } from './frame.js';
import { creditLine, indexClaimGraph, requireId, type ClaimGraphLike, type Defaults, type FrameOptions } from './input.js';
import { layoutGraph, type LayoutName } from './layout.js';
import { ENTITY_STYLE, GREYS, STATUS_KEYS, STATUS_STYLE } from './palette.js';
import { neighbourhood, tieGraph } from './ties.js';
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
  height: 440,
  title: undefined,
  subtitle: undefined,
  dataset: undefined,
  credit: undefined,
} satisfies Defaults<NetworkChartOptions>;

/** Room kept around the drawing for node labels, in pixels. */
const MARGIN = { left: 16, right: 16, top: 16, bottom: 16 };
/** Labels of nodes in the right part of the drawing go to their left, so they stay inside it. */
const FLIP_AT = 0.62;
/** Gap between parallel edges joining the same two entities, in pixels. */
const PARALLEL_GAP = 5;

/** Entities as nodes, relations as edges, contested relations drawn thick and vermillion. */
export function networkChart(cg: ClaimGraphLike, options: NetworkChartOptions = {}): TopLevelSpec {
  const o = { ...NETWORK_CHART_DEFAULTS, ...options };
  const index = indexClaimGraph(cg);
  if (o.focus !== undefined) requireId(index.entities, o.focus, { helper: 'networkChart', option: 'focus', kind: 'an entity' });
  const kept = o.focus !== undefined ? neighbourhood(index, o.focus, o.depth) : undefined;
  const ties = tieGraph(index, kept ? (id) => kept.has(id) : undefined, o.isolated);
  const unit = layoutGraph(ties, { layout: o.layout, seed: o.seed, iterations: o.iterations });
  const px = (id: string) => {
    const p = unit.get(id)!;
    return {
      x: MARGIN.left + p.x * (o.width - MARGIN.left - MARGIN.right),
      y: MARGIN.top + p.y * (o.height - MARGIN.top - MARGIN.bottom),
    };
  };

  const nodes = ties.mapNodes((id) => {
    const entity = index.entities.get(id)!;
    const { x, y } = px(id);
    return {
      id,
      name: entity.name,
      type: ENTITY_TYPE_INFO[entity.type].label,
      ties: ties.degree(id),
      x,
      y,
      side: x > o.width * FLIP_AT ? 'left' : 'right',
      focus: id === o.focus,
    };
  });

  const relations = index.data.relations.filter((r) => ties.hasNode(r.source) && ties.hasNode(r.target));
  const pairCount = new Map<string, number>();
  const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  for (const r of relations) pairCount.set(pairKey(r.source, r.target), (pairCount.get(pairKey(r.source, r.target)) ?? 0) + 1);
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
      mx: (a.x + b.x) / 2 + nx,
      my: (a.y + b.y) / 2 + ny,
      relation: relationPhrase(r, index.nameOf),
      type: RELATION_TYPE_INFO[r.type].label,
      status,
      supports,
      disputes,
    };
  });

  const types = ENTITY_TYPES.filter((t) => ties.someNode((id) => index.entities.get(id)!.type === t));
  const statuses = STATUS_KEYS.filter((s) => edges.some((e) => e.status === s));
  const pixels = { type: 'quantitative' as const, scale: null, axis: null };
  const nodeTooltip = [
    { field: 'name', title: 'Entity' },
    { field: 'type', title: 'Type' },
    { field: 'ties', title: 'Connected to' },
  ];
  const labelLayer = (side: 'left' | 'right', halo: boolean) => ({
    transform: [{ filter: `datum.side == '${side}'` }],
    mark: {
      type: 'text' as const,
      align: side === 'right' ? ('left' as const) : ('right' as const),
      baseline: 'middle' as const,
      dx: side === 'right' ? 9 : -9,
      fontSize: 11,
      ...(halo ? { stroke: 'white', strokeWidth: 3.5, strokeOpacity: 0.9, strokeJoin: 'round' as const } : {}),
    },
    encoding: {
      x: { field: 'x', ...pixels },
      y: { field: 'y', ...pixels },
      text: { field: 'name' },
      fontWeight: { condition: { test: 'datum.focus', value: 'bold' as const }, value: 'normal' as const },
    },
  });

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
          strokeWidth: {
            field: 'status',
            type: 'nominal',
            legend: null,
            scale: { domain: statuses, range: statuses.map((s) => STATUS_STYLE[s].width) },
          },
          strokeDash: {
            field: 'status',
            type: 'nominal',
            title: 'Relation',
            scale: { domain: statuses, range: statuses.map((s) => STATUS_STYLE[s].dash) },
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
        data: { values: edges },
        transform: [{ filter: "datum.status == 'contested'" }],
        mark: {
          type: 'text',
          fontSize: 10,
          fontStyle: 'italic',
          color: STATUS_STYLE.contested.color,
          dy: -8,
          stroke: 'white',
          strokeWidth: 3,
          strokeJoin: 'round',
        },
        encoding: { x: { field: 'mx', ...pixels }, y: { field: 'my', ...pixels }, text: { field: 'type' } },
      },
      {
        data: { values: edges },
        transform: [{ filter: "datum.status == 'contested'" }],
        mark: { type: 'text', fontSize: 10, fontStyle: 'italic', color: STATUS_STYLE.contested.color, dy: -8 },
        encoding: { x: { field: 'mx', ...pixels }, y: { field: 'my', ...pixels }, text: { field: 'type' } },
      },
      {
        data: { values: nodes },
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
                scale: { domain: types.map((t) => ENTITY_TYPE_INFO[t].label), range: types.map((t) => ENTITY_STYLE[t].color) },
              },
              shape: {
                field: 'type',
                type: 'nominal',
                title: 'Entity',
                scale: { domain: types.map((t) => ENTITY_TYPE_INFO[t].label), range: types.map((t) => ENTITY_STYLE[t].shape) },
              },
              size: { field: 'ties', type: 'quantitative', legend: null, scale: { range: [60, 420] } },
              tooltip: nodeTooltip,
            },
          },
          labelLayer('right', true),
          labelLayer('left', true),
          labelLayer('right', false),
          labelLayer('left', false),
        ],
      },
    ],
    resolve: { legend: { color: 'independent', shape: 'independent' } },
  };

  const contested = edges.filter((e) => e.status === 'contested');
  const focusName = o.focus !== undefined ? index.nameOf(o.focus) : undefined;
  const title = o.title ?? (focusName ? `Who is tied to ${focusName}` : 'Who is tied to whom');
  const subtitle = subtitleLines(o.subtitle, [
    `${plural(nodes.length, 'entity', 'entities')} and ${plural(edges.length, 'relation')}; ` +
      `${plural(contested.length, 'relation is', 'relations are')} contested, drawn in thick vermillion.`,
  ]);
  const description =
    `Network of ${plural(nodes.length, 'entity', 'entities')} linked by ${plural(edges.length, 'relation')}` +
    `${focusName ? ` around ${focusName}` : ''}. Contested relations: ${contested.map((e) => e.relation).join('; ') || 'none'}.`;
  const drawn = new Set(edges.map((e) => e.id));
  const sources = index.data.statements.filter((s) => drawn.has(s.relation)).map((s) => s.source);
  return frame(body, { title, subtitle, description, credit: creditLine(index, sources, o), width: o.width });
}
