// Marks at the ends of the time axis are drawn whole: where a `from`/`to` window cuts the axis, a
// statement on its first or last day, or a month or year the window cuts, is not half clipped.
import { describe, expect, it } from 'vitest';
import { timelineChart } from '../src/index.js';
import { headlessView } from '../src/render/view.js';
import { KEPT_RELEASES, keptRelease, sceneItems } from './fixture.js';

const WINDOWS = [
  {},
  { from: '2021-08' },
  { from: '2021-08-15', to: '2021-08-31' },
  { to: '2021-06' },
  { from: '2012', to: '2020' },
];

describe.each(KEPT_RELEASES)('the %s timeline', (name, version) => {
  const cg = keptRelease(name, version);

  it.each([375, 800, 1280])(
    'at %i px draws every statement mark inside the plot, whatever the window',
    async (width) => {
      const clipped: string[] = [];
      for (const window of WINDOWS) {
        const view = await headlessView(timelineChart(cg, { ...window, width }));
        try {
          const items = sceneItems(view);
          // The time axis's domain line runs along the plot's bottom edge, from its left to its right.
          const axis = items.find((i) => i.role === 'axis-domain')!;
          const marks = items.filter(
            (i) =>
              i.marktype === 'symbol' && i.role === 'mark' && i.item.datum && 'precision' in (i.item.datum as object),
          );
          expect(marks.length).toBeGreaterThan(0);
          for (const m of marks)
            if (m.bounds.x1 < axis.bounds.x1 - 0.5 || m.bounds.x2 > axis.bounds.x2 + 0.5)
              clipped.push(`${JSON.stringify(window)} ${String((m.item.datum as { dateLabel: string }).dateLabel)}`);
        } finally {
          view.finalize();
        }
      }
      expect([...new Set(clipped)], 'marks reaching past the plot').toEqual([]);
    },
  );
});
