import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRelease, type BuildResult } from '@claimgraph/release';
import { canonicalRecord, formatIssue, RECORD_FILES, RECORD_KINDS, type Dataset } from '@claimgraph/schema';
import { ClaimGraph } from '@claimgraph/sdk';

/** The dataset source folder (the parent of this test folder), and the article dataset beside it. */
const datasetDir = fileURLToPath(new URL('..', import.meta.url));
const afghanistanDir = fileURLToPath(new URL('../../afghanistan-2021', import.meta.url));
const THE_QUESTION = [
  'rel:haqqani-network-part-of-taliban',
  'rel:haqqani-network-affiliated-with-taliban',
  'rel:haqqani-network-allied-with-taliban',
];

let outDir: string;
let build: BuildResult;
let dataset: Dataset;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'claimgraph-taliban-haqqani-'));
  build = await buildRelease(datasetDir, { outDir });
  if (build.result.valid) dataset = JSON.parse(await readFile(join(outDir, 'dataset.json'), 'utf8')) as Dataset;
});

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const years = (dates: string[]) => new Set(dates.map((d) => d.slice(0, 4)));

describe('the taliban-haqqani release', () => {
  it('builds into a valid release with every record and its coverage', () => {
    expect(build.result.errors.map(formatIssue)).toEqual([]);
    for (const kind of RECORD_KINDS) {
      const source = JSON.parse(readFileSync(join(datasetDir, 'data', RECORD_FILES[kind]), 'utf8')) as unknown[];
      expect(dataset[kind]).toHaveLength(source.length);
    }
    expect(dataset.coverage?.period).toEqual({ from: '2011', to: '2025-12' });
    expect(dataset.coverage?.searches.length).toBeGreaterThanOrEqual(100);
  });

  it('keeps every data file sorted by id, in schema key order and two-space indented', () => {
    for (const kind of RECORD_KINDS) {
      const text = readFileSync(join(datasetDir, 'data', RECORD_FILES[kind]), 'utf8');
      const records = JSON.parse(text) as { id: string }[];
      expect(text).toBe(
        `${JSON.stringify(
          records.map((r) => canonicalRecord(kind, r)),
          null,
          2,
        )}\n`,
      );
    }
  });

  it('holds at least 25 sources from 10 publishers over 8 years, and 150 statements', () => {
    expect(dataset.sources.length).toBeGreaterThanOrEqual(25);
    expect(new Set(dataset.sources.map((s) => s.publisher)).size).toBeGreaterThanOrEqual(10);
    expect(years(dataset.sources.flatMap((s) => (s.published ? [s.published] : []))).size).toBeGreaterThanOrEqual(8);
    expect(dataset.statements.length).toBeGreaterThanOrEqual(150);
  });

  it('records the same words in several outlets as one statement with appearances', () => {
    const reported = dataset.statements.filter((s) => (s.appearances?.length ?? 0) > 0);
    expect(reported.length).toBeGreaterThanOrEqual(20);
    const price = dataset.statements.find((s) => s.id === 'st:ned-price-separate-entities-2021-08-27')!;
    expect(price.quote).toBe('The Taliban and the Haqqani Network are separate entities.');
    expect(price.appearances!.length).toBeGreaterThanOrEqual(5);
  });

  it('has at least five speakers on the Taliban–Haqqani question at two dates or more', () => {
    const dates = new Map<string, Set<string>>();
    for (const s of dataset.statements)
      if (THE_QUESTION.includes(s.relation)) dates.set(s.speaker, (dates.get(s.speaker) ?? new Set()).add(s.date));
    const several = [...dates].filter(([, d]) => d.size >= 2).map(([speaker]) => speaker);
    expect(several.length).toBeGreaterThanOrEqual(5);
    expect(several).toEqual(expect.arrayContaining(['person:anas-haqqani', 'government-body:state-department']));
  });

  it('sets Price against Kirby and Sullivan, who grant the Haqqani network is part of the Taliban only in part', () => {
    const on = dataset.statements.filter((s) => s.relation === THE_QUESTION[0]);
    const by = (speaker: string) => on.filter((s) => s.speaker === speaker);
    expect(by('person:ned-price').map((s) => s.stance)).toEqual(['disputes']);
    for (const speaker of ['person:john-kirby', 'person:jake-sullivan'])
      expect(by(speaker).map((s) => [s.stance, s.partial])).toEqual([['supports', true]]);
  });

  it('states its counts in the README, generated from the data', () => {
    const readme = readFileSync(join(datasetDir, 'README.md'), 'utf8');
    const { entities, relations, statements, sources } = build.summary!.counts;
    expect(readme).toContain(
      `${entities} entities, ${relations} relations, ${statements} statements and ${sources} sources`,
    );
  });
});

describe('loaded with afghanistan-2021', () => {
  it('shares ids with it without a clash, and the judgements file joins the founder', async () => {
    const cg = await ClaimGraph.load([afghanistanDir, datasetDir], {
      judgements: join(datasetDir, 'data', 'judgements.json'),
    });
    expect(cg.datasets.map((d) => d.name)).toEqual(['afghanistan-2021', 'taliban-haqqani']);
    for (const id of ['armed-group:taliban', 'armed-group:haqqani-network', 'person:ned-price', THE_QUESTION[0]!])
      expect(cg.datasetsOf(id), id).toEqual(['afghanistan-2021', 'taliban-haqqani']);
    expect(cg.entity('person:jalaluddin-haqqani')?.id).toBe('person:haqqani-network-founder');
    expect(cg.search('Anas Haqqani')[0]?.id).toBe('person:anas-haqqani');
  });
});
