/**
 * `networkChart`: the entities around what a story is about. Positions come from a seeded
 * graphology layout and travel in the spec's inline data, in pixels, so the chart is the same
 * wherever it is drawn; labels are placed so that none overlaps another label or a node.
 */
import type { TopLevelSpec } from 'vega-lite';
import { ENTITY_TYPES, ENTITY_TYPE_INFO, maxOf, RELATION_TYPE_INFO } from '@claimgraph/schema';
import type { Status } from '@claimgraph/sdk';
import { frame, innerWidth, legendColumns, subtitleLines, type ChartBody } from './frame.js';
import {
  creditLine,
  indexClaimGraph,
  requireId,
  type ChartIndex,
  type ClaimGraphLike,
  type FrameOptions,
} from './input.js';
import { layoutGraph, type LayoutName } from './layout.js';
import { CHECKS, ChartOptionError, FRAME_CHECKS, FRAME_DEFAULTS, resolveOptions } from './options.js';
import { ENTITY_STYLE, GREYS, STATUS_KEYS, STATUS_STYLE } from './palette.js';
import { placeLabels, RectGrid, separateNodes, type Sample } from './placement.js';
import { neighbourhood, tieGraph } from './ties.js';
import { textWidth, wrapWords } from './text-width.js';
import { listing, plural } from './text.js';

export interface NetworkChartOptions extends FrameOptions {
  /** An entity id: draw it and what lies within `depth` relations of it, and emphasise it. */
  entity?: string;
  /** The same as `entity` (its earlier name). */
  focus?: string;
  /** One relation id or several: draw their two ends and what lies within `depth` of them. */
  relation?: string | string[];
  /** How many relations away from the subject to reach: 1 or 2 [1]. */
  depth?: number;
  /** Draw the whole graph instead of a neighbourhood [false]. */
  all?: boolean;
  /** The most entities drawn; above it the best-connected are kept and the subtitle says so [300]. */
  maxNodes?: number;
  /** How nodes are placed ['forceatlas2']. */
  layout?: LayoutName;
  /** Seed for the starting positions: the same seed draws the same picture [1]. */
  seed?: number;
  /** ForceAtlas2 iterations [by size: 500 for up to 100 entities, fewer above, at least 60]. */
  iterations?: number;
  /** Keep entities that take part in no relation (speakers only) [false]. */
  isolated?: boolean;
  /** Height of the drawing in pixels [three quarters of the width, 320 to 900]. */
  height?: number;
}

export const NETWORK_CHART_DEFAULTS: typeof FRAME_DEFAULTS & {
  entity: string | undefined;
  focus: string | undefined;
  relation: string | string[] | undefined;
  depth: number;
  all: boolean;
  maxNodes: number;
  layout: LayoutName;
  seed: number;
  iterations: number | undefined;
  isolated: boolean;
  height: number | undefined;
} = {
  entity: undefined,
  focus: undefined,
  relation: undefined,
  depth: 1,
  all: false,
  maxNodes: 300,
  layout: 'forceatlas2',
  seed: 1,
  iterations: undefined,
  isolated: false,
  height: undefined,
  ...FRAME_DEFAULTS,
};

/** The most entities a network chart draws by default; `maxNodes` changes it. */
export const NETWORK_MAX_NODES = 300;

const NETWORK_CHECKS = {
  ...FRAME_CHECKS,
  entity: CHECKS.string,
  focus: CHECKS.string,
  relation: CHECKS.ids,
  depth: CHECKS.integer(1, 2),
  all: CHECKS.boolean,
  maxNodes: CHECKS.integer(2, 100_000),
  layout: CHECKS.oneOf('forceatlas2', 'circular'),
  seed: CHECKS.integer(0, 2 ** 32 - 1),
  iterations: CHECKS.integer(1, 10_000),
  isolated: CHECKS.boolean,
  height: CHECKS.number(160, 4000),
};

/** Node areas in square pixels, from the least to the most tied entity. */
const NODE_SIZE = [50, 380] as const;
const LABEL_SIZE = 11;
const LABEL_LINE = 13;
/** Widest line of a node label, in pixels; longer names wrap onto a second line. */
const LABEL_WIDTH = 130;
/** Room kept at the drawing's edges for nodes. */
const INSET = 12;
const ARROW_SIZE = 42;

/** Entities as nodes, relations as links (parallel ones merged), contested links thick and vermillion. */
export function networkChart(cg: ClaimGraphLike, options: NetworkChartOptions = {}): TopLevelSpec {
  const o = resolveOptions('networkChart', NETWORK_CHART_DEFAULTS, NETWORK_CHECKS, options);
  const index = indexClaimGraph(cg);
  const entity = o.entity ?? o.focus;
  const subject = subjectOf(index, { ...o, entity });
  const ties = tieGraph(index, subject.keep, o.isolated);
  const available = ties.order;
  // Above the cap, the best-connected entities stay (the subject's own first).
  if (ties.order > o.maxNodes) {
    const ranked = ties
      .nodes()
      .sort(
        (a, b) =>
          Number(subject.seeds.has(b)) - Number(subject.seeds.has(a)) ||
          ties.degree(b) - ties.degree(a) ||
          (a < b ? -1 : 1),
      );
    for (const id of ranked.slice(o.maxNodes)) ties.dropNode(id);
    if (!o.isolated) for (const id of ties.filterNodes((n) => ties.degree(n) === 0)) ties.dropNode(id);
  }
  if (ties.order === 0) {
    throw new ChartOptionError(
      'networkChart',
      entity !== undefined ? 'entity' : 'relation',
      'leaves no entity with a relation to draw',
    );
  }

  const plotWidth = innerWidth(o.width);
  // Three quarters of the width unless given, within what a page can show.
  const plotHeight = o.height ?? Math.round(Math.min(900, Math.max(320, o.width * 0.75)));
  const iterations = o.iterations ?? Math.max(60, Math.min(500, Math.round(50_000 / ties.order)));
  const unit = layoutGraph(ties, { layout: o.layout, seed: o.seed, iterations });
  const maxTies = Math.max(1, maxOf(ties.mapNodes((id) => ties.degree(id))));
  const nodes = ties.mapNodes((id) => {
    const p = unit.get(id)!;
    const size = NODE_SIZE[0] + ((NODE_SIZE[1] - NODE_SIZE[0]) * ties.degree(id)) / maxTies;
    return {
      id,
      x: INSET + p.x * (plotWidth - 2 * INSET),
      y: INSET + p.y * (plotHeight - 2 * INSET),
      size,
      radius: Math.sqrt(size) / 2 + 1.5,
      ties: ties.degree(id),
    };
  });
  separateNodes(nodes, plotWidth, plotHeight);
  const squares = new RectGrid();
  for (const n of nodes)
    squares.add({ x0: n.x - n.radius, y0: n.y - n.radius, x1: n.x + n.radius, y1: n.y + n.radius });

  const at = new Map(nodes.map((n) => [n.id, n]));
  const links = mergedLinks(index, at);
  // Arrowheads are obstacles for labels too.
  for (const a of links.flatMap((l) => l.arrows)) squares.add({ x0: a.x - 4, y0: a.y - 4, x1: a.x + 4, y1: a.y + 4 });

  // Links, sampled every few pixels, are what a label should avoid when it can: each link crossed
  // counts once, a thick contested one as three.
  const lines = new RectGrid();
  links.forEach((l, owner) => {
    const weight = l.status === 'contested' ? 3 : 1;
    const steps = Math.ceil(Math.hypot(l.x2 - l.x, l.y2 - l.y) / 5);
    for (let i = 1; i < steps; i++) {
      const x = l.x + ((l.x2 - l.x) * i) / steps;
      const y = l.y + ((l.y2 - l.y) * i) / steps;
      const sample: Sample = { x0: x - 1.5, y0: y - 1.5, x1: x + 1.5, y1: y + 1.5, owner, weight };
      lines.add(sample);
    }
  });

  // Labels: the subject first, then by ties; each wrapped at word boundaries onto at most two lines.
  const order = [...nodes].sort(
    (a, b) =>
      Number(subject.seeds.has(b.id)) - Number(subject.seeds.has(a.id)) || b.ties - a.ties || (a.id < b.id ? -1 : 1),
  );
  const texts = order.map((n) => {
    const name = index.labelOf(n.id);
    const bold = n.id === entity;
    const wrapped = wrapWords(name, LABEL_WIDTH, LABEL_SIZE, 2, bold ? 'bold' : undefined, false);
    const width = maxOf(wrapped.lines.map((l) => textWidth(l, LABEL_SIZE, bold ? 'bold' : undefined)));
    return {
      node: n,
      name,
      bold,
      lines: wrapped.lines,
      shortened: wrapped.shortened,
      width,
      height: wrapped.lines.length * LABEL_LINE,
    };
  });
  const placed = placeLabels(
    texts.map((t) => ({ x: t.node.x, y: t.node.y, radius: t.node.radius, width: t.width, height: t.height })),
    squares,
    plotWidth,
    plotHeight,
    2,
    lines,
  );
  const labels = texts.flatMap((t, i) => {
    const at = placed[i];
    if (!at) return [];
    return t.lines.map((line, k) => ({
      id: t.node.id,
      name: t.name,
      text: line,
      align: at.align,
      bold: t.bold,
      x: at.x,
      y: at.y - t.height / 2 + LABEL_LINE / 2 + k * LABEL_LINE,
    }));
  });
  const unlabelled = texts.filter((_, i) => !placed[i]).map((t) => t.name);
  const shortened = texts.filter((t, i) => placed[i] && t.shortened).map((t) => t.name);

  const types = ENTITY_TYPES.filter((t) => nodes.some((n) => index.entities.get(n.id)!.type === t));
  const typeLabels = types.map((t) => ENTITY_TYPE_INFO[t].label);
  const statuses = STATUS_KEYS.filter((s) => links.some((e) => e.status === s));
  const pixels = { type: 'quantitative' as const, scale: null, axis: null };
  const nodeValues = nodes.map((n) => {
    const e = index.entities.get(n.id)!;
    return { ...n, name: index.labelOf(n.id), type: ENTITY_TYPE_INFO[e.type].label, focus: n.id === entity };
  });
  const arrows = links.flatMap((l) => l.arrows);

  const body: ChartBody = {
    width: plotWidth,
    height: plotHeight,
    layer: [
      {
        data: { values: links },
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
            { field: 'between', title: 'Between' },
            { field: 'count', title: 'Relations' },
            { field: 'relations', title: 'Which' },
            { field: 'status', title: 'Status' },
          ],
        },
      },
      ...(arrows.length
        ? [
            {
              // Directed relations end in an arrowhead at their target.
              data: { values: arrows },
              mark: { type: 'point' as const, shape: 'triangle-right', filled: true, opacity: 1, size: ARROW_SIZE },
              encoding: {
                x: { field: 'x', ...pixels },
                y: { field: 'y', ...pixels },
                angle: { field: 'angle', type: 'quantitative' as const, scale: null },
                color: { value: GREYS.text },
                tooltip: null,
              },
            },
          ]
        : []),
      {
        data: { values: nodeValues },
        mark: { type: 'point', filled: true, opacity: 1, stroke: GREYS.text, strokeWidth: 0.6 },
        encoding: {
          x: { field: 'x', ...pixels },
          y: { field: 'y', ...pixels },
          color: {
            field: 'type',
            type: 'nominal',
            title: 'Entity',
            scale: { domain: typeLabels, range: types.map((t) => ENTITY_STYLE[t].color) },
            legend: { columns: legendColumns(typeLabels, plotWidth) },
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
      ...(labels.length
        ? [
            {
              data: { values: labels },
              // A white halo under each label keeps it legible where a link passes behind it.
              layer: (['left', 'right', 'center'] as const).flatMap((align) =>
                [false, true]
                  .filter((bold) => labels.some((l) => l.align === align && l.bold === bold))
                  .flatMap((bold) =>
                    [true, false].map((halo) => ({
                      transform: [{ filter: `datum.align == '${align}' && ${bold ? '' : '!'}datum.bold` }],
                      mark: {
                        type: 'text' as const,
                        align,
                        baseline: 'middle' as const,
                        fontSize: LABEL_SIZE,
                        fontWeight: bold ? ('bold' as const) : ('normal' as const),
                        ...(halo
                          ? { stroke: 'white', strokeWidth: 3, strokeOpacity: 0.85, strokeJoin: 'round' as const }
                          : {}),
                      },
                      encoding: {
                        x: { field: 'x', ...pixels },
                        y: { field: 'y', ...pixels },
                        text: { field: 'text' },
                        tooltip: [{ field: 'name', title: 'Entity' }],
                      },
                    })),
                  ),
              ),
            },
          ]
        : []),
    ],
    // Links and nodes each keep their own colour scale and legend.
    resolve: { scale: { color: 'independent', shape: 'independent', strokeDash: 'independent' } },
  };

  const contested = links.filter((e) => e.status === 'contested');
  const title =
    o.title ??
    (entity !== undefined ? `Who is tied to ${index.labelOf(entity)}` : o.all ? 'Who is tied to whom' : subject.title);
  const capped =
    available > nodes.length
      ? ` Showing the ${nodes.length} best-connected of ${available} entities (at most ${o.maxNodes}).`
      : '';
  const subtitle = subtitleLines(o.subtitle, [
    `${subject.about}: ${plural(nodes.length, 'entity', 'entities')}, ${plural(links.length, 'link')}.${capped}`,
    `Contested links in thick vermillion (${contested.length}); arrows point from source to target${unlabelled.length ? `; ${plural(unlabelled.length, 'entity', 'entities')} unlabelled for room (names in the tooltip)` : ''}.`,
  ]);
  const described = nodeValues
    .slice()
    .sort((a, b) => b.ties - a.ties || a.name.localeCompare(b.name))
    .map((n) => `${n.name} (${n.type.toLowerCase()}, ${n.ties})`);
  const description =
    `Network of ${plural(nodes.length, 'entity', 'entities')} joined by ${plural(links.length, 'link')}, ${subject.about.toLowerCase()}.${capped} ` +
    `Contested: ${contested.map((e) => e.relations).join('; ') || 'none'}. ` +
    `Entities with their number of ties: ${described.join(', ')}.` +
    (shortened.length ? ` Labels shortened: ${listing(shortened)}.` : '') +
    (unlabelled.length ? ` Not labelled for lack of room: ${listing(unlabelled)}.` : '');
  const drawn = new Set(links.flatMap((l) => l.ids));
  const sources = index.data.statements.filter((s) => drawn.has(s.relation)).map((s) => s.source);
  return frame(body, { title, subtitle, description, credit: creditLine(index, sources, o), width: plotWidth });
}

interface Subject {
  keep: ((id: string) => boolean) | undefined;
  seeds: Set<string>;
  title: string;
  about: string;
}

/** What the chart is about: an entity, relations, the contested relations' ends, or everything. */
function subjectOf(
  index: ChartIndex,
  o: { entity?: string; relation?: string | string[]; depth: number; all: boolean },
): Subject {
  const within = (seeds: Set<string>) => {
    const kept = new Set<string>();
    for (const seed of seeds) for (const id of neighbourhood(index, seed, o.depth)) kept.add(id);
    return kept;
  };
  const hops = o.depth === 1 ? 'one relation' : `${o.depth} relations`;
  if (o.entity !== undefined) {
    requireId(index.entities, o.entity, { helper: 'networkChart', option: 'entity', kind: 'an entity' });
    const seeds = new Set([o.entity]);
    const kept = within(seeds);
    return { keep: (id) => kept.has(id), seeds, title: '', about: `Within ${hops} of ${index.labelOf(o.entity)}` };
  }
  if (o.relation !== undefined) {
    const ids = [o.relation].flat();
    for (const id of ids)
      requireId(index.relations, id, { helper: 'networkChart', option: 'relation', kind: 'a relation' });
    const seeds = new Set(ids.flatMap((id) => [index.relations.get(id)!.source, index.relations.get(id)!.target]));
    const kept = within(seeds);
    const name = ids.length === 1 ? index.relations.get(ids[0]!)! : undefined;
    const phrase = name
      ? `${index.labelOf(name.source)} ${RELATION_TYPE_INFO[name.type].label} ${index.labelOf(name.target)}`
      : `${ids.length} relations`;
    return {
      keep: (id) => kept.has(id),
      seeds,
      title: `Who is tied to whom: ${phrase}`,
      about: `Within ${hops} of ${phrase}`,
    };
  }
  const contested = index.data.relations.filter((r) => index.status(r.id) === 'contested');
  if (o.all || contested.length === 0)
    return { keep: undefined, seeds: new Set(), title: 'Who is tied to whom', about: 'The whole dataset' };
  const seeds = new Set(contested.flatMap((r) => [r.source, r.target]));
  const kept = within(seeds);
  return {
    keep: (id) => kept.has(id),
    seeds,
    title: 'Who is tied to the contested claims',
    about: `Within ${hops} of the ${plural(contested.length, 'contested relation')}`,
  };
}

interface Link {
  ids: string[];
  x: number;
  y: number;
  x2: number;
  y2: number;
  between: string;
  count: number;
  relations: string;
  status: Status;
  arrows: { x: number; y: number; angle: number }[];
}

/** One link per pair of drawn entities, whatever the number of relations between them. */
function mergedLinks(index: ChartIndex, at: Map<string, { x: number; y: number; radius: number }>): Link[] {
  const pairs = new Map<string, { a: string; b: string; relations: typeof index.data.relations }>();
  for (const r of index.data.relations) {
    if (!at.has(r.source) || !at.has(r.target) || r.source === r.target) continue;
    const [a, b] = r.source < r.target ? [r.source, r.target] : [r.target, r.source];
    const key = `${a}\u0000${b}`;
    const pair = pairs.get(key) ?? { a, b, relations: [] };
    pair.relations.push(r);
    pairs.set(key, pair);
  }
  const rank: Record<Status, number> = { contested: 2, supported: 1, disputed: 0 };
  const links = [...pairs.values()].map(({ a, b, relations }) => {
    const pa = at.get(a)!;
    const pb = at.get(b)!;
    const status = relations
      .map((r) => index.status(r.id))
      .reduce((best, s) => (rank[s] > rank[best] ? s : best), 'disputed' as Status);
    const length = Math.hypot(pb.x - pa.x, pb.y - pa.y) || 1;
    const ux = (pb.x - pa.x) / length;
    const uy = (pb.y - pa.y) / length;
    const arrows: Link['arrows'] = [];
    const directed = relations.filter((r) => !RELATION_TYPE_INFO[r.type].symmetric);
    // An arrowhead just outside the target's symbol, pointing at it.
    if (directed.some((r) => r.source === a))
      arrows.push({ x: pb.x - ux * (pb.radius + 4), y: pb.y - uy * (pb.radius + 4), angle: deg(ux, uy) });
    if (directed.some((r) => r.source === b))
      arrows.push({ x: pa.x + ux * (pa.radius + 4), y: pa.y + uy * (pa.radius + 4), angle: deg(-ux, -uy) });
    const phrases = relations.map(
      (r) =>
        `${index.labelOf(r.source)} ${RELATION_TYPE_INFO[r.type].label} ${index.labelOf(r.target)} (${index.status(r.id)})`,
    );
    return {
      ids: relations.map((r) => r.id),
      x: pa.x,
      y: pa.y,
      x2: pb.x,
      y2: pb.y,
      between: `${index.labelOf(a)} and ${index.labelOf(b)}`,
      count: relations.length,
      relations: phrases.join('; '),
      status,
      arrows,
    };
  });
  // Contested links last, so they are drawn over the settled ones beside them.
  return links.sort((x, y) => rank[x.status] - rank[y.status]);
}

const deg = (x: number, y: number) => Math.round(((Math.atan2(y, x) * 180) / Math.PI + 360) % 360);
