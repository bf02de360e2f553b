/**
 * The network chart's third stage: where everything goes, in pixels. Nodes from a seeded
 * graphology layout, pushed apart; links between them; labels placed so that none overlaps
 * another label or a node, and crosses as few links as it can.
 */
import { maxOf } from '@claimgraph/schema';
import { innerWidth } from '../frame.js';
import type { ChartIndex } from '../input.js';
import { layoutGraph } from '../layout.js';
import { placeLabels, RectGrid, separateNodes, type Rect, type Sample } from '../placement.js';
import { textWidth, wrapWords } from '../text-width.js';
import { mergedLinks, type Link } from './links.js';
import type { NetworkOptions } from './options.js';
import type { NetworkSelection } from './select.js';

/** Node areas in square pixels, from the least to the most tied entity. */
const NODE_SIZE = [50, 380] as const;
export const LABEL_SIZE = 11;
const LABEL_LINE = 13;
/** Widest line of a node label, in pixels; longer names wrap onto a second line. */
const LABEL_WIDTH = 130;
/** Room kept at the drawing's edges for nodes. */
const INSET = 12;
/** How far a label's backing box reaches past its text: enough to clear a link's stroke. */
const BOX_PAD = { x: 2, y: 1 };

export interface NetworkNode {
  id: string;
  x: number;
  y: number;
  size: number;
  radius: number;
  ties: number;
}

/** One line of a node's label, at its place. */
export interface NetworkLabel {
  id: string;
  name: string;
  text: string;
  align: 'left' | 'right' | 'center';
  bold: boolean;
  x: number;
  y: number;
}

export interface NetworkLayout {
  plotWidth: number;
  plotHeight: number;
  nodes: NetworkNode[];
  links: Link[];
  labels: NetworkLabel[];
  /**
   * One box behind each placed label, drawn over the links: where no free place avoids every
   * link, the link passes behind the name instead of striking it through.
   */
  boxes: Rect[];
  /** Names left without a label for lack of room. */
  unlabelled: string[];
  /** Names whose label was shortened. */
  shortened: string[];
}

export function layoutNetwork(index: ChartIndex, selection: NetworkSelection, o: NetworkOptions): NetworkLayout {
  const plotWidth = innerWidth(o.width);
  // Three quarters of the width unless given, within what a page can show.
  const plotHeight = o.height ?? Math.round(Math.min(900, Math.max(320, o.width * 0.75)));
  const nodes = positionNodes(selection.ties, o, plotWidth, plotHeight);
  const squares = new RectGrid();
  for (const n of nodes)
    squares.add({ x0: n.x - n.radius, y0: n.y - n.radius, x1: n.x + n.radius, y1: n.y + n.radius });
  const links = mergedLinks(index, new Map(nodes.map((n) => [n.id, n])));
  // Arrowheads are obstacles for labels too.
  for (const a of links.flatMap((l) => l.arrows)) squares.add({ x0: a.x - 4, y0: a.y - 4, x1: a.x + 4, y1: a.y + 4 });
  const labelled = nodeLabels(index, selection, nodes, { squares, lines: linkSamples(links), plotWidth, plotHeight });
  return { plotWidth, plotHeight, nodes, links, ...labelled };
}

/** Layout positions scaled into the drawing, each node sized by its ties, overlapping ones pushed apart. */
function positionNodes(
  ties: NetworkSelection['ties'],
  o: NetworkOptions,
  plotWidth: number,
  plotHeight: number,
): NetworkNode[] {
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
  return nodes;
}

/**
 * Links, sampled every few pixels, are what a label should avoid when it can: each link crossed
 * counts once, a thick contested one as three.
 */
function linkSamples(links: readonly Link[]): RectGrid {
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
  return lines;
}

interface Obstacles {
  squares: RectGrid;
  lines: RectGrid;
  plotWidth: number;
  plotHeight: number;
}

/** Labels: the subject first, then by ties; each wrapped at word boundaries onto at most two lines. */
function nodeLabels(
  index: ChartIndex,
  { subject, entity }: NetworkSelection,
  nodes: readonly NetworkNode[],
  room: Obstacles,
): Pick<NetworkLayout, 'labels' | 'boxes' | 'unlabelled' | 'shortened'> {
  const order = [...nodes].sort(
    (a, b) =>
      Number(subject.seeds.has(b.id)) - Number(subject.seeds.has(a.id)) || b.ties - a.ties || (a.id < b.id ? -1 : 1),
  );
  const texts = order.map((n) => {
    const name = index.labelOf(n.id);
    const bold = n.id === entity;
    const wrapped = wrapWords(name, LABEL_WIDTH, LABEL_SIZE, 2, bold ? 'bold' : undefined, false);
    const width = maxOf(wrapped.lines.map((l) => textWidth(l, LABEL_SIZE, bold ? 'bold' : undefined)));
    return { node: n, name, bold, lines: wrapped.lines, shortened: wrapped.shortened, width };
  });
  const placed = placeLabels(
    texts.map((t) => ({
      x: t.node.x,
      y: t.node.y,
      radius: t.node.radius,
      width: t.width,
      height: t.lines.length * LABEL_LINE,
    })),
    room.squares,
    room.plotWidth,
    room.plotHeight,
    2,
    room.lines,
  );
  const labels = texts.flatMap((t, i) => {
    const at = placed[i];
    if (!at) return [];
    const height = t.lines.length * LABEL_LINE;
    return t.lines.map((line, k) => ({
      id: t.node.id,
      name: t.name,
      text: line,
      align: at.align,
      bold: t.bold,
      x: at.x,
      y: at.y - height / 2 + LABEL_LINE / 2 + k * LABEL_LINE,
    }));
  });
  const boxes = placed.filter((at): at is NonNullable<typeof at> => at !== null).map((at) => backing(at, room));
  const unlabelled = texts.filter((_, i) => !placed[i]).map((t) => t.name);
  const shortened = texts.filter((t, i) => placed[i] && t.shortened).map((t) => t.name);
  return { labels, boxes, unlabelled, shortened };
}

/** A label's box a little larger than its text, kept inside the drawing (or the figure would grow). */
function backing(at: Rect, room: Obstacles): Rect {
  return {
    x0: Math.max(0, at.x0 - BOX_PAD.x),
    y0: Math.max(0, at.y0 - BOX_PAD.y),
    x1: Math.min(room.plotWidth, at.x1 + BOX_PAD.x),
    y1: Math.min(room.plotHeight, at.y1 + BOX_PAD.y),
  };
}
