import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Coverage } from '@claimgraph/schema';
import { ClaimGraph, ClaimGraphValidationError } from '../src/index.js';
import { fixture, writeRelease } from './fixture.js';

const COVERAGE: Coverage = {
  period: { from: '2012', to: '2021-08' },
  languages: ['en'],
  method: 'Read every article the searches found.',
  searches: [{ where: 'public news pages', query: 'Haqqani network Taliban', date: '2026-12-06' }],
  gaps: ['No Pashto sources.'],
};

describe('coverage', () => {
  it('is read from the data, kept by toJSON, and absent when not declared', () => {
    const cg = ClaimGraph.fromData({ ...fixture(), coverage: COVERAGE });
    expect(cg.coverage).toEqual(COVERAGE);
    expect(cg.toJSON().coverage).toEqual(COVERAGE);
    expect(ClaimGraph.fromData(fixture()).coverage).toBeUndefined();
    expect('coverage' in ClaimGraph.fromData(fixture()).toJSON()).toBe(false);
  });

  it('names the broken field of an invalid declaration', () => {
    const broken = { ...COVERAGE, period: { from: '2021', to: '2012' } };
    expect(() => ClaimGraph.fromData({ ...fixture(), coverage: broken })).toThrow(ClaimGraphValidationError);
    expect(() => ClaimGraph.fromData({ ...fixture(), coverage: broken })).toThrow(
      /data\/coverage\.json.*period\/from/s,
    );
  });

  it('makes asOf() say when its date is outside the period researched', () => {
    const cg = ClaimGraph.fromData({ ...fixture(), coverage: COVERAGE });
    expect(cg.asOf('2021-08-31').coverageWarning).toBeUndefined();
    expect(cg.asOf('2012').coverageWarning).toBeUndefined();
    expect(cg.asOf('2011-12').coverageWarning).toBe(
      '2011-12 is outside the period this dataset researched (2012 to 2021-08): what was said then was not looked for',
    );
    expect(cg.asOf('2022').coverageWarning).toMatch(/^2022 is outside the period/);
    expect(ClaimGraph.fromData(fixture()).asOf('1990').coverageWarning).toBeUndefined();
  });

  it('comes with every way of loading a release: source folder, dataset.json and the columnar file', async () => {
    const { source, release } = await writeRelease({ ...fixture(), coverage: COVERAGE });
    const descriptor = JSON.parse(await readFile(join(release, 'datapackage.json'), 'utf8')) as {
      claimgraph: { coverage: Coverage };
    };
    expect(descriptor.claimgraph.coverage).toEqual(COVERAGE);
    for (const location of [source, join(release, 'dataset.json'), release])
      expect((await ClaimGraph.load(location)).coverage, location).toEqual(COVERAGE);
  });

  it('refuses a release whose descriptor carries a damaged declaration', async () => {
    const { release } = await writeRelease({ ...fixture(), coverage: COVERAGE });
    const path = join(release, 'datapackage.json');
    const descriptor = JSON.parse(await readFile(path, 'utf8')) as { claimgraph: { coverage: unknown } };
    descriptor.claimgraph.coverage = { ...COVERAGE, languages: [] };
    await writeFile(path, JSON.stringify(descriptor));
    await expect(ClaimGraph.load(release)).rejects.toThrow(/datapackage\.json.*claimgraph\/coverage\/languages/s);
  });

  it('is listed per dataset when several are merged', () => {
    const a = ClaimGraph.fromData({ ...fixture(), coverage: COVERAGE }, { name: 'a' });
    const b = ClaimGraph.fromData(fixture(), { name: 'b' });
    const merged = ClaimGraph.merge([a, b]);
    expect(merged.datasets).toEqual([
      { name: 'a', version: undefined, coverage: COVERAGE },
      { name: 'b', version: undefined },
    ]);
    expect(merged.coverage).toBeUndefined();
  });
});
