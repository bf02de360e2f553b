/**
 * Node labels that never overlap: each label tries places around its node, best-connected nodes
 * first, takes the one free of every other label and node that covers the least of the links, and
 * is left out (its name stays in the tooltip and description) when none is free. A uniform grid
 * keeps each test local, so it is near-linear.
 */

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PlacedLabel extends Rect {
  /** Anchor of the first line: x where the text starts or ends, y of its middle. */
  x: number;
  y: number;
  align: 'left' | 'right' | 'center';
}

const CELL = 48;
/** Room between two labels, more than between a label and a node, so that two names never read as one. */
const LABEL_GAP = 5;

/** Rectangles indexed by the grid cells they touch. */
export class RectGrid {
  private cells = new Map<number, Rect[]>();

  private *keys(r: Rect): Generator<number> {
    for (let i = Math.floor(r.x0 / CELL); i <= Math.floor(r.x1 / CELL); i++)
      for (let j = Math.floor(r.y0 / CELL); j <= Math.floor(r.y1 / CELL); j++) yield (i + 1000) * 100_000 + j + 1000;
  }

  add(r: Rect): void {
    for (const k of this.keys(r)) {
      const list = this.cells.get(k);
      if (list) list.push(r);
      else this.cells.set(k, [r]);
    }
  }

  /**
   * What `r`, grown by `gap`, covers: the summed weight of the distinct things its rectangles belong
   * to (a link sampled into many rectangles counts once), 1 for a rectangle that says nothing.
   */
  cost(r: Rect, gap = 0): number {
    const grown = { x0: r.x0 - gap, y0: r.y0 - gap, x1: r.x1 + gap, y1: r.y1 + gap };
    const found = new Map<unknown, number>();
    for (const k of this.keys(grown))
      for (const other of this.cells.get(k) ?? [])
        if (overlaps(grown, other)) {
          const { owner, weight } = other as Partial<Sample>;
          found.set(owner ?? other, weight ?? 1);
        }
    let total = 0;
    for (const weight of found.values()) total += weight;
    return total;
  }

  /** True when `r`, grown by `gap`, overlaps a rectangle in the grid other than `except`. */
  hits(r: Rect, gap = 0, except?: Rect): boolean {
    const grown = { x0: r.x0 - gap, y0: r.y0 - gap, x1: r.x1 + gap, y1: r.y1 + gap };
    for (const k of this.keys(grown)) {
      for (const other of this.cells.get(k) ?? []) {
        if (other !== except && overlaps(grown, other)) return true;
      }
    }
    return false;
  }
}

/** A piece of something larger (a link sampled every few pixels): `owner` names the whole, `weight` its cost when covered. */
export interface Sample extends Rect {
  owner: number;
  weight: number;
}

export const overlaps = (a: Rect, b: Rect): boolean => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

export interface LabelRequest {
  x: number;
  y: number;
  radius: number;
  width: number;
  height: number;
}

/**
 * Places labels in the order given (most important first) inside [0, width] × [0, height].
 * `nodes` holds every node's square; a label may not cover any of them, its own included.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  nodes: RectGrid,
  width: number,
  height: number,
  gap = 2,
  /** Things a label had better not cover (the links): the free place covering fewest of them wins. */
  soft?: RectGrid,
): (PlacedLabel | null)[] {
  const labels = new RectGrid();
  return requests.map((q) => {
    // Four sides, then four corners, close to the node and then a little further out.
    const candidates: PlacedLabel[] = [0, 8, 16].flatMap((further) => {
      const offset = q.radius + 4 + further;
      const corner = q.radius * 0.7 + further;
      const ring: PlacedLabel[] = [
        { align: 'left', x: q.x + offset, y: q.y, x0: q.x + offset, x1: q.x + offset + q.width, y0: 0, y1: 0 },
        { align: 'right', x: q.x - offset, y: q.y, x0: q.x - offset - q.width, x1: q.x - offset, y0: 0, y1: 0 },
      ];
      for (const sy of [-1, 1]) {
        const y = q.y + sy * (offset + q.height / 2);
        ring.push({ align: 'center', x: q.x, y, x0: q.x - q.width / 2, x1: q.x + q.width / 2, y0: 0, y1: 0 });
      }
      for (const [sx, sy] of [
        [1, -1],
        [1, 1],
        [-1, -1],
        [-1, 1],
      ] as const) {
        const x0 = sx > 0 ? q.x + corner : q.x - corner - q.width;
        const y = q.y + sy * (corner + q.height / 2 + 1);
        ring.push({
          align: sx > 0 ? 'left' : 'right',
          x: sx > 0 ? x0 : x0 + q.width,
          y,
          x0,
          x1: x0 + q.width,
          y0: 0,
          y1: 0,
        });
      }
      return ring;
    });
    for (const c of candidates) {
      // At the drawing's edge a label slides along its side rather than giving up.
      c.y = Math.min(Math.max(c.y, q.height / 2), height - q.height / 2);
      if (c.align === 'center') {
        const shift = Math.min(Math.max(c.x0, 0), width - q.width) - c.x0;
        c.x += shift;
        c.x0 += shift;
        c.x1 += shift;
      }
      c.y0 = c.y - q.height / 2;
      c.y1 = c.y + q.height / 2;
    }
    const free = candidates.filter(
      (c) =>
        c.x0 >= 0 && c.x1 <= width && c.y0 >= 0 && c.y1 <= height && !labels.hits(c, LABEL_GAP) && !nodes.hits(c, gap),
    );
    // Of the free places, the one that crosses the fewest links (weighted); the nearest of those.
    let best: PlacedLabel | undefined;
    let least = Infinity;
    for (const c of free) {
      const covered = soft ? soft.cost(c, 1) : 0;
      if (covered < least) [best, least] = [c, covered];
      if (least === 0) break;
    }
    if (best) {
      labels.add(best);
      return best;
    }
    return null;
  });
}

/**
 * Pushes overlapping node squares apart (in place), a bounded number of rounds, within the
 * drawing; the grid makes a round near-linear in the number of nodes.
 */
export function separateNodes(
  nodes: { x: number; y: number; radius: number }[],
  width: number,
  height: number,
  rounds = 40,
): void {
  for (let round = 0; round < rounds; round++) {
    const cells = new Map<number, number[]>();
    const key = (i: number, j: number) => (i + 1000) * 100_000 + j + 1000;
    nodes.forEach((n, index) => {
      const k = key(Math.floor(n.x / CELL), Math.floor(n.y / CELL));
      const list = cells.get(k);
      if (list) list.push(index);
      else cells.set(k, [index]);
    });
    let moved = false;
    nodes.forEach((a, ia) => {
      const ci = Math.floor(a.x / CELL);
      const cj = Math.floor(a.y / CELL);
      for (let di = -1; di <= 1; di++)
        for (let dj = -1; dj <= 1; dj++)
          for (const ib of cells.get(key(ci + di, cj + dj)) ?? []) {
            if (ib <= ia) continue;
            const b = nodes[ib]!;
            const need = a.radius + b.radius + 2;
            const dx = b.x - a.x;
            const dy = b.y - a.y;
            const d = Math.hypot(dx, dy);
            if (d >= need) continue;
            moved = true;
            // Coincident nodes part along a fixed direction chosen by index, so the result is deterministic.
            const ux = d > 0 ? dx / d : Math.cos(ia + ib);
            const uy = d > 0 ? dy / d : Math.sin(ia + ib);
            const push = (need - d) / 2;
            a.x -= ux * push;
            a.y -= uy * push;
            b.x += ux * push;
            b.y += uy * push;
          }
    });
    for (const n of nodes) {
      n.x = Math.min(Math.max(n.x, n.radius), width - n.radius);
      n.y = Math.min(Math.max(n.y, n.radius), height - n.radius);
    }
    if (!moved) return;
  }
}
