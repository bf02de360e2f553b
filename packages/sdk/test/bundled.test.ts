// The bundled dataset, once built (node packages/cli/bin/claimgraph.js build datasets/afghanistan-2021).
// Its content is still being curated, so these tests assert structure, never exact counts.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canonicalDataset, comparePartialDates, type Dataset } from '@claimgraph/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { ClaimGraph, STATUSES } from '../src/index.js';

const datasetDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'datasets', 'afghanistan-2021');
const release = join(datasetDir, 'dist');
const built = existsSync(join(release, 'dataset.json'));

const TALIBAN = 'armed-group:taliban';
const HAQQANI = 'armed-group:haqqani-network';

describe.skipIf(!built)('the bundled afghanistan-2021 release', () => {
  let cg: ClaimGraph;
  beforeAll(async () => {
    cg = await ClaimGraph.load(release);
  });

  it('loads with its integrity checked, and knows its version', () => {
    expect(cg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(cg.entities().length).toBeGreaterThan(10);
  });

  it('has the Haqqani network part of the Taliban as a contested relation', () => {
    const [partOf] = cg.relations({ source: HAQQANI, target: TALIBAN, type: 'part-of' });
    expect(partOf).toBeDefined();
    const stances = cg.stances(partOf!.id);
    expect(stances.status).toBe('contested');
    expect(stances.supports.length).toBeGreaterThan(0);
    expect(stances.disputes.length).toBeGreaterThan(0);
    expect(cg.contested().map((r) => r.id)).toContain(partOf!.id);
  });

  it('finds the Taliban and the Haqqani network by name, exact match first', () => {
    expect(cg.search('taliban')[0]?.id).toBe(TALIBAN);
    expect(cg.search('TALIBAN')[0]?.id).toBe(TALIBAN);
    expect(cg.search('haqqani network')[0]?.id).toBe(HAQQANI);
  });

  it('lists relations by id and statements by date then id', () => {
    const relations = cg.relations().map((r) => r.id);
    expect(relations).toEqual([...relations].sort());
    const statements = cg.statements();
    for (let i = 1; i < statements.length; i++) {
      const [a, b] = [statements[i - 1]!, statements[i]!];
      const byDate = comparePartialDates(a.date, b.date);
      expect(byDate < 0 || (byDate === 0 && a.id < b.id)).toBe(true);
    }
  });

  it('agrees between stances(), relations({ status }) and the graph’s edge attributes', () => {
    for (const relation of cg.relations()) {
      const { status, supports, disputes } = cg.stances(relation.id);
      expect(STATUSES).toContain(status);
      expect(cg.graph.getEdgeAttributes(relation.id)).toMatchObject({
        status,
        supports: supports.length,
        disputes: disputes.length,
      });
    }
    const byStatus = STATUSES.map((status) => cg.relations({ status }).length);
    expect(byStatus.reduce((a, b) => a + b, 0)).toBe(cg.relations().length);
  });

  it('makes every relation’s endpoints neighbours of each other', () => {
    for (const relation of cg.relations()) {
      expect(cg.neighbors(relation.source).map((e) => e.id)).toContain(relation.target);
      expect(cg.neighbors(relation.target).map((e) => e.id)).toContain(relation.source);
    }
  });

  it('connects the Haqqani network and the Taliban, and a path is made of relations', () => {
    const path = cg.path(HAQQANI, TALIBAN);
    expect(path?.[0]).toBe(HAQQANI);
    expect(path?.at(-1)).toBe(TALIBAN);
    const anyPath = cg.path(TALIBAN, HAQQANI, { directed: false })!;
    for (let i = 1; i < anyPath.length; i++) {
      expect(
        cg.relations({ entity: anyPath[i - 1]!, target: anyPath[i] }).length +
          cg.relations({ entity: anyPath[i - 1]!, source: anyPath[i] }).length,
      ).toBeGreaterThan(0);
    }
  });

  it('asOf() grows with time and never holds a statement dated after its date', () => {
    const dates = ['2012', '2020', '2021-06', '2021-08-15', '2021-08'];
    let previous = -1;
    for (const date of ['2012', '2020', '2021-06', '2021-08-15']) {
      const count = cg.asOf(date).statements().length;
      expect(count).toBeGreaterThanOrEqual(previous);
      previous = count;
    }
    for (const date of dates)
      for (const s of cg.asOf(date).statements()) expect(cg.statements({ to: date }).map((x) => x.id)).toContain(s.id);
  });

  it('perspective() of each speaker holds only what they said, and all perspectives add up to every statement', () => {
    const speakers = new Set(cg.statements().map((s) => s.speaker));
    let total = 0;
    for (const speaker of speakers) {
      const view = cg.perspective(speaker);
      const said = view.statements();
      expect(said.every((s) => s.speaker === speaker)).toBe(true);
      total += said.length;
    }
    expect(total).toBe(cg.statements().length);
  });

  it('round-trips through toJSON() to the release content', async () => {
    const { readFile } = await import('node:fs/promises');
    const file = JSON.parse(await readFile(join(release, 'dataset.json'), 'utf8')) as Dataset;
    expect(cg.toJSON()).toStrictEqual(canonicalDataset(file));
  });
});
