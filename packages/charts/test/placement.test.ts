import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, RectGrid, type Rect, type Sample } from '../src/placement.js';

const node = { x: 200, y: 200, radius: 6, width: 60, height: 12 };
const grown = (r: Rect, by: number): Rect => ({ x0: r.x0 - by, y0: r.y0 - by, x1: r.x1 + by, y1: r.y1 + by });

/** Link samples every 4 px over the whole drawing, except where `keep` says. */
function links(keep: (x: number, y: number) => boolean): RectGrid {
  const grid = new RectGrid();
  for (let x = 0; x < 400; x += 4)
    for (let y = 0; y < 400; y += 4) if (keep(x, y)) grid.add({ x0: x, y0: y, x1: x + 2, y1: y + 2 });
  return grid;
}

describe('placeLabels()', () => {
  it('takes the free place that covers the fewest links, when every place covers some', () => {
    // Links everywhere; left of the node, only one sample: that place wins over the nearer right.
    const leftOfNode = (x: number, y: number) => x >= 120 && x < 192 && y >= 190 && y < 210;
    const soft = links((x, y) => !leftOfNode(x, y) || (x === 160 && y === 200));
    const nodes = new RectGrid();
    nodes.add({ x0: 194, y0: 194, x1: 206, y1: 206 });
    const [placed] = placeLabels([node], nodes, 400, 400, 2, soft);
    expect(placed?.align).toBe('right');
    expect(placed!.x1).toBeLessThanOrEqual(node.x - node.radius);
    expect(soft.cost(placed!, 1)).toBe(1);
  });

  it('counts a link once however many of its samples a place covers, a heavier link for more', () => {
    const rightOfNode = (x: number, y: number) => x >= 208 && x < 280 && y >= 190 && y < 210;
    const leftOfNode = (x: number, y: number) => x >= 120 && x < 192 && y >= 190 && y < 210;
    const world = (weightRight: number) => {
      const soft = links((x, y) => !rightOfNode(x, y) && !leftOfNode(x, y));
      // Right of the node: one long link along the label; left of it: two short ones.
      for (let x = 212; x < 270; x += 4) {
        const sample: Sample = { x0: x, y0: 199, x1: x + 2, y1: 201, owner: 1, weight: weightRight };
        soft.add(sample);
      }
      for (const [owner, x] of [
        [2, 150],
        [3, 170],
      ] as const) {
        const sample: Sample = { x0: x, y0: 199, x1: x + 2, y1: 201, owner, weight: 1 };
        soft.add(sample);
      }
      return placeLabels([node], new RectGrid(), 400, 400, 2, soft)[0];
    };
    expect(world(1)?.align).toBe('left');
    // Two plain links against one that counts two: the nearer place wins the tie.
    expect(world(2)?.align).toBe('left');
    expect(world(3)?.align).toBe('right');
  });

  it('keeps the nearest place when nothing is in the way', () => {
    const [placed] = placeLabels([node], new RectGrid(), 400, 400, 2, new RectGrid());
    expect(placed).toMatchObject({ align: 'left', x: node.x + node.radius + 4, y: node.y });
  });

  it('leaves room between the labels of two nodes, so two names never read as one', () => {
    // Two nodes one above the other: their labels may not touch, nor come within a few pixels.
    const requests = [node, { ...node, y: node.y + 14 }];
    const placed = placeLabels(requests, new RectGrid(), 400, 400, 2);
    expect(placed.every(Boolean)).toBe(true);
    expect(overlaps(grown(placed[0]!, 2.4), grown(placed[1]!, 2.4))).toBe(false);
  });
});
