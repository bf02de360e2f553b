/**
 * Keeps node labels readable: nudges nodes apart until no two label boxes overlap (or a fixed
 * number of rounds has passed) and every box lies inside the drawing. Deterministic.
 */

export interface LabelBox {
  x: number;
  y: number;
  /** Box extent around the node's position: left, right, up, down (all positive), in pixels. */
  left: number;
  right: number;
  up: number;
  down: number;
}

const GAP = 3;

/** Moves the boxes' positions in place; `width` and `height` bound the drawing. */
export function declutter(boxes: LabelBox[], width: number, height: number, rounds = 300): void {
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        const overlapX = Math.min(a.x + a.right, b.x + b.right) - Math.max(a.x - a.left, b.x - b.left) + GAP;
        const overlapY = Math.min(a.y + a.down, b.y + b.down) - Math.max(a.y - a.up, b.y - b.up) + GAP;
        if (overlapX <= 0 || overlapY <= 0) continue;
        moved = true;
        // Part along the axis that needs the shorter move; vertical moves are cheaper for labels.
        if (overlapY <= overlapX * 2) {
          const shift = overlapY / 2;
          const sign = a.y < b.y || (a.y === b.y && i < j) ? -1 : 1;
          a.y += sign * shift;
          b.y -= sign * shift;
        } else {
          const shift = overlapX / 2;
          const sign = a.x < b.x || (a.x === b.x && i < j) ? -1 : 1;
          a.x += sign * shift;
          b.x -= sign * shift;
        }
      }
    }
    for (const box of boxes) {
      box.x = Math.min(Math.max(box.x, box.left), width - box.right);
      box.y = Math.min(Math.max(box.y, box.up), height - box.down);
    }
    if (!moved) return;
  }
}
