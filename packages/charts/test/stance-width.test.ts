// A wide stance chart uses its width: at 1280 px the words no longer stop at 600 px with a third of
// the figure left blank; contexts take a column of their own, and lines stay a readable length.
import { ClaimGraph } from '@claimgraph/sdk';
import { describe, expect, it } from 'vitest';
import { stanceChart } from '../src/index.js';
import { headlessView } from '../src/render/view.js';
import { KEPT_RELEASES, keptRelease, sceneItems } from './fixture.js';

const PADDING = 16;

/** The statement text lines of a drawn stance chart, with their bounds in figure pixels. */
async function wordLines(width: number, cg: ClaimGraph) {
  const view = await headlessView(stanceChart(cg, { width }));
  try {
    return sceneItems(view).filter(
      (i) =>
        i.marktype === 'text' &&
        ['quote', 'paraphrase', 'context'].includes(String((i.item.datum as { kind?: string } | undefined)?.kind)),
    );
  } finally {
    view.finalize();
  }
}

describe.each(KEPT_RELEASES)('the %s stance chart at 1280 px', (name, version) => {
  const cg = keptRelease(name, version);

  it('reaches across at least 90% of the width inside the padding, in lines at most 720 px long', async () => {
    const lines = await wordLines(1280, cg);
    expect(lines.length).toBeGreaterThan(10);
    const right = Math.max(...lines.map((l) => l.bounds.x2));
    expect((right - PADDING) / (1280 - 2 * PADDING)).toBeGreaterThan(0.9);
    expect(right).toBeLessThanOrEqual(1280 - PADDING);
    const longest = Math.max(...lines.map((l) => l.bounds.x2 - l.bounds.x1));
    expect(longest).toBeLessThanOrEqual(720);
  });

  it('sets each context beside its words, never over another line', async () => {
    const lines = await wordLines(1280, cg);
    const contexts = lines.filter((l) => (l.item.datum as { kind: string }).kind === 'context');
    const words = lines.filter((l) => (l.item.datum as { kind: string }).kind !== 'context');
    expect(contexts.length).toBeGreaterThan(0);
    const wordsRight = Math.max(...words.map((l) => l.bounds.x2));
    expect(contexts.every((c) => c.bounds.x1 > wordsRight)).toBe(true);
    const clash = (a: (typeof lines)[number], b: (typeof lines)[number]) =>
      a.bounds.x1 < b.bounds.x2 &&
      b.bounds.x1 < a.bounds.x2 &&
      a.bounds.y1 + 1 < b.bounds.y2 &&
      b.bounds.y1 + 1 < a.bounds.y2;
    const clashes = lines.flatMap((a, i) =>
      lines
        .slice(i + 1)
        .filter((b) => clash(a, b))
        .map((b) => `${String(a.item.text)} × ${String(b.item.text)}`),
    );
    expect(clashes).toEqual([]);
  });
});
