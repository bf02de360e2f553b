// The chart data pages load (chart-data.ts) draws every chart as the whole dataset does: the Vega
// specs from the decoded columns, plus the parts of words a chart asks for, equal those from the
// release's records, for the bundled datasets, a hostile one and a synthetic one.
import { networkChart, stanceChart, timelineChart } from '@claimgraph/charts';
import type { Dataset } from '@claimgraph/schema';
import { ClaimGraph } from '@claimgraph/sdk';
import { syntheticDataset } from '@claimgraph/sdk/synthetic';
import { describe, expect, it } from 'vitest';
import { dataScripts } from '../src/assets.js';
import { addWords, decodeChartData, encodeChartData, wordsPartOf, type ChartData } from '../src/chart-data.js';
import type { ChartRef } from '../src/paths.js';
import { bothInput, bundledInput, hostileDataset } from './fixtures.js';

/** The spec a page draws for a chart, as client/charts.ts asks for it. */
function specFor(cg: ClaimGraph, ref: ChartRef): unknown {
  const common = { dataset: 'x', width: 520 };
  if (ref.kind === 'stance') return stanceChart(cg, { ...common, relation: ref.relation });
  if (ref.kind === 'timeline') return timelineChart(cg, { ...common, relation: ref.relation });
  if (ref.kind === 'network') return networkChart(cg, { ...common, focus: ref.entity });
  return networkChart(cg.perspective(ref.speaker!), { ...common, title: 'As told' });
}

/** What a page holds once it has loaded the data and the parts of words of its chart, through JSON as in the script. */
function pageRecords(dataset: Dataset, ref: ChartRef): Dataset {
  const { data, words } = encodeChartData(dataset);
  const loaded = JSON.parse(JSON.stringify({ ...data, parts: words.map((_, k) => `words-${k}.js`) })) as ChartData;
  const records = decodeChartData(loaded);
  const quoted = ref.kind === 'stance' || ref.kind === 'timeline' ? [ref.relation ?? []].flat() : [];
  const parts = new Set(quoted.map((id) => wordsPartOf(records, loaded, id)!));
  for (const k of parts) addWords(records, loaded, k, JSON.parse(JSON.stringify(words[k])));
  return records;
}

/** Charts of several kinds over a dataset: its first relations, entities and speakers, and a timeline. */
function someCharts(dataset: Dataset, n: number): ChartRef[] {
  const step = (length: number) => Math.max(1, Math.floor(length / n));
  const relations = dataset.relations.filter((_, i) => i % step(dataset.relations.length) === 0).slice(0, n);
  const entities = [...new Set(dataset.relations.flatMap((r) => [r.source, r.target]))].slice(0, n);
  const speakers = [...new Set(dataset.statements.map((s) => s.speaker))].slice(0, n);
  return [
    ...relations.map((r): ChartRef => ({ kind: 'stance', relation: r.id })),
    ...entities.map((entity): ChartRef => ({ kind: 'network', entity })),
    ...speakers.map((speaker): ChartRef => ({ kind: 'perspective', speaker })),
    { kind: 'timeline', relation: relations.slice(0, 6).map((r) => r.id) },
  ];
}

function expectSameCharts(dataset: Dataset, n: number): void {
  const whole = ClaimGraph.fromData(dataset, { validate: false });
  for (const ref of someCharts(dataset, n)) {
    const page = ClaimGraph.fromData(pageRecords(dataset, ref), { validate: false });
    expect(specFor(page, ref), JSON.stringify(ref)).toEqual(specFor(whole, ref));
  }
}

describe('the chart data of the pages', () => {
  it('draws the bundled datasets’ charts as the whole release does', async () => {
    expectSameCharts((await bundledInput()).dataset, 12);
    expectSameCharts((await bothInput()).dataset, 6);
  });

  it('draws the charts of a hostile dataset (markup in names and words, a redirect) as the release does', () => {
    expectSameCharts(hostileDataset(), 6);
  });

  it('draws the charts of a synthetic dataset, its words in several parts, as the release does', () => {
    const dataset = syntheticDataset({ entities: 300, statements: 3000, seed: 7 });
    expect(encodeChartData(dataset).words.length).toBeGreaterThan(1);
    expectSameCharts(dataset, 8);
  });

  it('keeps every field the charts read, and no words outside the parts', async () => {
    const { dataset } = await bundledInput();
    const { data } = encodeChartData(dataset);
    const records = decodeChartData(JSON.parse(JSON.stringify({ ...data, parts: [] })) as ChartData);
    expect(records.entities.map((e) => [e.id, e.type, e.name, e.description])).toEqual(
      dataset.entities.map((e) => [e.id, e.type, e.name, e.description]),
    );
    expect(records.statements.map((s) => [s.id, s.relation, s.speaker, s.date, s.hedged, s.reportedBy])).toEqual(
      dataset.statements.map((s) => [s.id, s.relation, s.speaker, s.date, s.hedged, s.reportedBy]),
    );
    expect(records.statements.some((s) => s.quote !== undefined || s.context !== undefined)).toBe(false);
    expect(JSON.stringify(data)).not.toContain(dataset.statements.find((s) => s.quote)!.quote!);
  });

  it('names the record and field of a reference to nothing', () => {
    const dataset = hostileDataset();
    const broken = { ...dataset, statements: [{ ...dataset.statements[0]!, speaker: 'person:nobody' }] };
    expect(() => encodeChartData(broken)).toThrow(
      `statements ${dataset.statements[0]!.id}: speaker "person:nobody" names no record of entities`,
    );
  });

  it('writes the same scripts for the same dataset', async () => {
    const { dataset, meta } = await bundledInput();
    expect(dataScripts(meta, dataset)).toEqual(dataScripts(meta, structuredClone(dataset)));
  });
});
