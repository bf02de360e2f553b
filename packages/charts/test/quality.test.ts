// What a graphics editor checks, read from vega's scenegraph (a headless View): every chart kind on
// the bundled dataset and on a synthetic 300-entity dataset, at 640 and 960 px wide, has no text
// ending in a cut word, no two labels overlapping, no label over a node, and one labelled row group
// per speaker id.
import { readFileSync } from 'node:fs';
import type { Dataset } from '@claimgraph/schema';
import { ClaimGraph } from '@claimgraph/sdk';
import { syntheticDataset } from '@claimgraph/sdk/synthetic';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { centralityChart, networkChart, stanceChart, timelineChart } from '../src/index.js';
import { headlessView } from '../src/render/view.js';
import { dataOf } from './fixture.js';

const DATASET = new URL('../../../datasets/afghanistan-2021/', import.meta.url);
const read = (file: string) => JSON.parse(readFileSync(new URL(file, DATASET), 'utf8')) as unknown;

function bundled(): ClaimGraph {
  const data = Object.fromEntries(
    ['entities', 'relations', 'statements', 'sources'].map((kind) => [kind, read(`data/${kind}.json`)]),
  ) as unknown as Dataset;
  const { version } = read('package.json') as { version: string };
  // Not validated here: these tests judge the drawing, and the dataset's own tests judge its data.
  return ClaimGraph.fromData(data, { version, validate: false });
}

const synthetic = () => ClaimGraph.fromData(syntheticDataset({ entities: 300 }), { validate: false, version: '0.0.0' });

interface Item {
  text?: unknown;
  bounds: { x1: number; y1: number; x2: number; y2: number };
  datum?: Record<string, unknown>;
  mark: { marktype: string; role?: string; name?: string };
  x?: number;
  y?: number;
}

/** Text and symbol items with absolute bounds: vega's group items offset their children by x and y. */
function collect(root: unknown): { texts: Item[]; symbols: Item[] } {
  const texts: Item[] = [];
  const symbols: Item[] = [];
  const visit = (mark: Record<string, unknown>, dx: number, dy: number) => {
    for (const item of (mark.items as Record<string, unknown>[]) ?? []) {
      if (mark.marktype === 'group') {
        const gx = dx + Number(item.x ?? 0);
        const gy = dy + Number(item.y ?? 0);
        for (const child of (item.items as Record<string, unknown>[]) ?? []) visit(child, gx, gy);
      } else {
        const b = item.bounds as Item['bounds'];
        const abs = {
          ...(item as object),
          bounds: { x1: b.x1 + dx, y1: b.y1 + dy, x2: b.x2 + dx, y2: b.y2 + dy },
          mark: mark as unknown as Item['mark'],
        } as Item;
        if (mark.marktype === 'text' && String(item.text ?? '') !== '' && item.opacity !== 0) texts.push(abs);
        if (mark.marktype === 'symbol') symbols.push(abs);
      }
    }
  };
  visit(root as Record<string, unknown>, 0, 0);
  return { texts, symbols };
}

const lines = (item: Item): string[] => [item.text].flat().map(String);
const overlap = (a: Item['bounds'], b: Item['bounds'], slack = 0.5) =>
  a.x1 + slack < b.x2 && b.x1 + slack < a.x2 && a.y1 + slack < b.y2 && b.y1 + slack < a.y2;

/**
 * A line ending in "…" must stop after a whole word of a text its datum carries, or (for axis
 * labels, whose datum is the label) of a text in the chart's data.
 */
function cutWord(line: string, datum: Record<string, unknown> | undefined, data: readonly string[]): boolean {
  const stripped = line.replace(/[”"]$/, '');
  if (!stripped.endsWith('…')) return false;
  const prefix = stripped.slice(0, -1).replace(/^[“"]/, '');
  const own = Object.values(datum ?? {}).filter((v): v is string => typeof v === 'string');
  const candidates = datum && 'value' in datum ? [...own, ...data] : own;
  return !candidates.some((full) => {
    const at = full.indexOf(prefix);
    if (at < 0) return false;
    const next = full.charAt(at + prefix.length);
    return next === '' || /[\s,;:.!?)\]\u2013\u2014-]/.test(next);
  });
}

async function inspect(spec: TopLevelSpec) {
  const view = await headlessView(spec);
  try {
    const { texts, symbols } = collect((view.scenegraph() as unknown as { root: unknown }).root);
    // Two marks with the same text at one position read as one label.
    const seen = new Set<string>();
    const labels = texts.filter((t) => {
      const key = `${lines(t).join('\n')}@${Math.round(Number(t.x))},${Math.round(Number(t.y))}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return { labels, symbols };
  } finally {
    view.finalize();
  }
}

const KINDS = {
  stance: (cg: ClaimGraph, width: number) => stanceChart(cg, { width }),
  timeline: (cg: ClaimGraph, width: number) => timelineChart(cg, { width }),
  network: (cg: ClaimGraph, width: number) => networkChart(cg, { width }),
  centrality: (cg: ClaimGraph, width: number) => centralityChart(cg, { width, metric: 'betweenness' }),
};

const DATASETS = { bundled, 'synthetic 300': synthetic };

describe.each(Object.entries(DATASETS))('charts of the %s dataset', (_name, load) => {
  const cg = load();
  describe.each(Object.entries(KINDS))('%s chart', (kind, make) => {
    it.each([640, 960])('at %i px: no cut word, no overlapping labels, no label over a node', async (width) => {
      const spec = make(cg, width);
      const { labels, symbols } = await inspect(spec);
      const data = dataOf(spec).flatMap((row) => Object.values(row).filter((v): v is string => typeof v === 'string'));
      expect(labels.length).toBeGreaterThan(3);
      const cut = labels.flatMap((t) => lines(t).filter((line) => cutWord(line, t.datum, data)));
      expect(cut, 'lines ending in a cut word').toEqual([]);
      const clashes: string[] = [];
      for (let i = 0; i < labels.length; i++)
        for (let j = i + 1; j < labels.length; j++)
          if (overlap(labels[i]!.bounds, labels[j]!.bounds))
            clashes.push(`${lines(labels[i]!).join(' ')} × ${lines(labels[j]!).join(' ')}`);
      expect(clashes, 'overlapping labels').toEqual([]);
      if (kind === 'network') {
        const nodes = symbols.filter((s) => s.datum && 'ties' in s.datum);
        expect(nodes.length).toBeGreaterThan(3);
        const covered = labels.flatMap((t) =>
          nodes
            .filter((n) => overlap(t.bounds, n.bounds, 1))
            .map((n) => `${lines(t).join(' ')} over ${String(n.datum!.name)}`),
        );
        expect(covered, 'labels over nodes').toEqual([]);
      }
    });
  });

  it('gives each speaker id one labelled row group, in the stance and timeline charts', async () => {
    const stance = stanceChart(cg, { width: 640 });
    const { labels } = await inspect(stance);
    const names = labels.filter((t) => t.datum?.kind === 'name');
    // Per relation section: one group per speaker id, each with its own label.
    const labelOf = new Map<string, Set<string>>();
    for (const t of names) {
      const key = `${String(t.datum!.relation)} ${String(t.datum!.speaker)}`;
      labelOf.set(key, (labelOf.get(key) ?? new Set()).add(String(t.datum!.full)));
    }
    const perRelation = new Map<string, string[]>();
    for (const [key, label] of labelOf) {
      expect(label.size, `${key} has one label`).toBe(1);
      const relation = key.split(' ')[0]!;
      perRelation.set(relation, [...(perRelation.get(relation) ?? []), ...label]);
    }
    for (const [relation, list] of perRelation) expect(new Set(list).size, relation).toBe(list.length);
    const rows = dataOf(stance).filter((r) => 'stanceKey' in r && 'relation' in r && !('kind' in r));
    const expected = new Set(rows.map((r) => `${String(r.relation)} ${String(r.speaker)}`));
    expect(new Set(labelOf.keys())).toEqual(expected);

    const timeline = timelineChart(cg, { width: 640 });
    const values = (
      timeline as unknown as { vconcat: [{ layer: [{ data: { values: { speaker: string; row: string }[] } }] }] }
    ).vconcat[0].layer[0].data.values;
    const speakers = new Set(values.map((v) => v.speaker));
    const rowsOfSpeaker = new Map<string, Set<string>>();
    for (const v of values) rowsOfSpeaker.set(v.row, (rowsOfSpeaker.get(v.row) ?? new Set()).add(v.speaker));
    for (const [row, ids] of rowsOfSpeaker) expect(ids.size, `row ${row} holds one speaker`).toBe(1);
    const { labels: axis } = await inspect(timeline);
    const rowLabels = axis.filter((t) => t.mark.role === 'axis-label' && values.some((v) => v.row === lines(t)[0]));
    expect(rowLabels.length).toBe(speakers.size);
  });
});
