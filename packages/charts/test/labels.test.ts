// Names are numbered only where they collide within the chart drawn: the bundled dataset has two
// entities called "one member state"; a chart that shows one of them labels it by its name alone.
import { readFileSync } from 'node:fs';
import type { Dataset } from '@claimgraph/schema';
import { ClaimGraph } from '@claimgraph/sdk';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { centralityChart, networkChart, stanceChart, timelineChart } from '../src/index.js';
import { renderSvg } from '../src/render.js';
import { parseSvg, svgTexts } from './fixture.js';

const file = new URL('../../../datasets/afghanistan-2021/releases/3.0.0/dataset.json', import.meta.url);
const cg = ClaimGraph.fromData(JSON.parse(readFileSync(file, 'utf8')) as Dataset, {
  validate: false,
  version: '3.0.0',
});

const COOPERATES = 'rel:haqqani-network-cooperates-with-isis-k';
const MUHAJIR = 'rel:shahab-muhajir-member-of-haqqani-network';
const NUMBERED = /^(.*\S) \((\d+)\)$/;

/** Every numbered label in the drawn chart, and the names of all its labels. */
async function labels(spec: TopLevelSpec): Promise<{ numbered: string[]; all: string }> {
  const texts = svgTexts(parseSvg(await renderSvg(spec)));
  return { numbered: texts.filter((t) => NUMBERED.test(t)), all: texts.join('\n') };
}

describe('shared names are numbered within the chart drawn', () => {
  it.each([
    ['stance', () => stanceChart(cg, { width: 800 })],
    ['stance of one relation', () => stanceChart(cg, { relation: COOPERATES, width: 800 })],
    ['timeline', () => timelineChart(cg, { width: 800 })],
    ['network', () => networkChart(cg, { width: 800, all: true })],
    ['centrality', () => centralityChart(cg, { width: 800, limit: 40 })],
  ])('the %s chart numbers a name only beside another label with the same name', async (_kind, make) => {
    const { numbered, all } = await labels(make());
    const numbers = new Map<string, Set<string>>();
    for (const label of numbered) {
      const [, name, n] = NUMBERED.exec(label)!;
      numbers.set(name!, (numbers.get(name!) ?? new Set()).add(n!));
    }
    const alone = [...numbers].filter(([, ns]) => ns.size < 2).map(([name, ns]) => `${name} (${[...ns].join()})`);
    expect(alone, 'numbered names with no namesake in the chart').toEqual([]);
    expect(all).toContain('Haqqani');
  });

  it('a stance chart with one of the two "one member state" entities labels it by its name', async () => {
    const spec = stanceChart(cg, { width: 800 });
    const { numbered, all } = await labels(spec);
    expect(numbered).toEqual([]);
    expect(all).toContain('one member state');
    expect(spec.description).not.toMatch(/one member state \(\d\)|share a name/);
  });

  it('a chart showing both entities called "one member state" numbers them (1) and (2)', async () => {
    const spec = stanceChart(cg, { relation: [COOPERATES, MUHAJIR], width: 800 });
    const { numbered } = await labels(spec);
    expect(numbered).toEqual(['one member state (1)', 'one member state (2)']);
    expect(spec.description).toContain('Speakers who share a name are numbered: one member state (1) is');
  });
});
