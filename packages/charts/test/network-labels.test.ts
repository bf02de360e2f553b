// On a phone the network's links run close to its names: a link may pass behind a label, never
// through it. Read from vega's scenegraph: a link segment that crosses a label's text must be
// covered there by a white box drawn after the link.
import { describe, expect, it } from 'vitest';
import { networkChart } from '../src/index.js';
import { headlessView } from '../src/render/view.js';
import { KEPT_RELEASES, keptRelease, sceneItems, type SceneItem } from './fixture.js';

type Box = SceneItem['bounds'];

/** Does the segment from (x, y) to (x2, y2) pass through the box (shrunk by `inset`)? Sampled every half pixel. */
function crosses(link: SceneItem, box: Box, inset = 1): boolean {
  const steps = Math.max(1, Math.ceil(Math.hypot(link.x2 - link.x, link.y2 - link.y) * 2));
  for (let i = 0; i <= steps; i++) {
    const x = link.x + ((link.x2 - link.x) * i) / steps;
    const y = link.y + ((link.y2 - link.y) * i) / steps;
    if (x > box.x1 + inset && x < box.x2 - inset && y > box.y1 + inset && y < box.y2 - inset) return true;
  }
  return false;
}

const inside = (inner: Box, outer: Box) =>
  inner.x1 >= outer.x1 - 0.5 && inner.x2 <= outer.x2 + 0.5 && inner.y1 >= outer.y1 - 0.5 && inner.y2 <= outer.y2 + 0.5;

describe.each(KEPT_RELEASES)('the %s network at 375 px', (name, version) => {
  const cg = keptRelease(name, version);

  it('no link strikes through a label: every link crossing a name runs under a white box', async () => {
    const view = await headlessView(networkChart(cg, { width: 375 }));
    try {
      const items = sceneItems(view);
      const order = new Map(items.map((item, i) => [item, i]));
      const links = items.filter((i) => i.marktype === 'rule' && i.item.datum && 'between' in (i.item.datum as object));
      const labels = items.filter((i) => i.marktype === 'text' && i.item.datum && 'align' in (i.item.datum as object));
      const boxes = items.filter((i) => i.marktype === 'rect' && i.item.fill === 'white');
      expect(links.length).toBeGreaterThan(10);
      expect(labels.length).toBeGreaterThan(5);
      const struck: string[] = [];
      for (const label of labels)
        for (const link of links.filter((l) => crosses(l, label.bounds))) {
          const covered = boxes.some(
            (b) => order.get(b)! > order.get(link)! && inside(label.bounds, b.bounds) && Number(b.item.opacity) >= 0.85,
          );
          if (!covered)
            struck.push(`${String(label.item.text)} × ${String((link.item.datum as { between: string }).between)}`);
        }
      expect(struck, 'labels struck through by a link').toEqual([]);
      // The boxes hide links only: every node and arrowhead is drawn over them.
      const lastBox = Math.max(...boxes.map((b) => order.get(b)!));
      const symbols = items.filter((i) => i.marktype === 'symbol' && i.role === 'mark');
      expect(symbols.every((s) => order.get(s)! > lastBox)).toBe(true);
    } finally {
      view.finalize();
    }
  });
});
