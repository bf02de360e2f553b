import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimgraph, copyFixture, VALID } from './run-cli.js';

const COVERAGE = {
  period: { from: '2012', to: '2021-08' },
  languages: ['en', 'ps'],
  searches: [
    { where: 'public news pages', query: 'Haqqani network Taliban', date: '2026-11-30' },
    { where: 'public news pages', query: 'Anas Haqqani interview', date: '2026-12-06' },
  ],
  gaps: ['No Urdu sources.'],
};

describe('claimgraph info', () => {
  it('shows what the research covered, and its known gaps', async () => {
    const dir = copyFixture(VALID);
    writeFileSync(join(dir, 'data', 'coverage.json'), JSON.stringify(COVERAGE));
    const run = await claimgraph(['info', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'research covers 2012 to 2021-08, sources in en, ps; 2 searches from 2026-11-30 to 2026-12-06\nknown gaps:\n  - No Urdu sources.\n',
    );
    const json = await claimgraph(['info', dir, '--json']);
    expect((JSON.parse(json.stdout) as { coverage: unknown }).coverage).toEqual(COVERAGE);
  });

  it('says when a dataset declares no coverage', async () => {
    const run = await claimgraph(['info', copyFixture(VALID)]);
    expect(run.stdout).toContain('coverage not declared (no data/coverage.json): what was not looked for is unknown');
    expect(JSON.parse((await claimgraph(['info', copyFixture(VALID), '--json'])).stdout)).toMatchObject({
      coverage: null,
    });
  });

  it('refuses a broken declaration, naming the file and field', async () => {
    const dir = copyFixture(VALID);
    writeFileSync(join(dir, 'data', 'coverage.json'), JSON.stringify({ ...COVERAGE, languages: 'en' }));
    const run = await claimgraph(['info', dir]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/data\/coverage\.json.*\/languages/);
  });
});
