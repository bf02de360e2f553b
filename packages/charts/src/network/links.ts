/**
 * The network's links: one per pair of drawn entities, whatever the number of relations between
 * them, with the strongest status among them and an arrowhead at each directed end.
 */
import { RELATION_TYPE_INFO } from '@claimgraph/schema';
import type { Status } from '@claimgraph/sdk';
import type { ChartIndex } from '../input.js';

export interface Link {
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
export function mergedLinks(index: ChartIndex, at: Map<string, { x: number; y: number; radius: number }>): Link[] {
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
