/**
 * What the CLI prints about counts and versions: "1 source", not "1 sources"; and a build whose
 * records differ from the kept release of its version says it is not that release.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '@claimgraph/schema';
import { afterAll, describe, expect, it } from 'vitest';
import { claimgraph, VALID } from './run-cli.js';

const temp = mkdtempSync(join(tmpdir(), 'claimgraph-counts-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('counts', () => {
  it('sheet export counts one record in the singular', async () => {
    const run = await claimgraph(['sheet', 'export', VALID, '-o', `${join(temp, 'sheets')}/`]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const counts = run.stdout.trim().split('\n').at(-1)!;
    expect(counts).toMatch(/(^|, )1 source(,|$)/);
    expect(counts).not.toMatch(/\b1 [a-z]+s\b/);
    expect(counts).toMatch(/^9 entities, 6 relations, 7 statements/);
  });
});

describe('claimgraph build beside a kept release of the same version', () => {
  const dir = join(temp, 'dataset');
  cpSync(VALID, dir, { recursive: true });
  const build = () => claimgraph(['build', dir, '-o', join(temp, 'dist'), '--no-parquet']);

  it('says a build of changed records is not that release, and one of the same records that it is', async () => {
    const first = await build();
    expect(first.code).toBe(0);
    expect(first.stdout).not.toContain('releases/');
    // Keep this build as releases/1.0.0, as a release does.
    mkdirSync(join(dir, 'releases', '1.0.0'), { recursive: true });
    cpSync(join(temp, 'dist', 'datapackage.json'), join(dir, 'releases', '1.0.0', 'datapackage.json'));
    const same = await build();
    expect(same.stdout).toContain(
      '  the same records as the kept release releases/1.0.0 (dataset.json sha256 matches)\n',
    );
    const file = join(dir, 'data', 'entities.json');
    const entities = JSON.parse(readFileSync(file, 'utf8')) as Entity[];
    entities[0] = { ...entities[0]!, description: 'Changed after the release.' };
    writeFileSync(file, `${JSON.stringify(entities, null, 2)}\n`);
    const changed = await build();
    expect(changed.code).toBe(0);
    expect(changed.stdout).toContain(
      '  note: this is not release 1.0.0: its dataset.json differs from the kept releases/1.0.0 (changes since that release)',
    );
    const json = JSON.parse(
      (await claimgraph(['build', dir, '-o', join(temp, 'dist'), '--no-parquet', '--json'])).stdout,
    ) as {
      keptRelease: unknown;
    };
    expect(json.keptRelease).toEqual({ path: 'releases/1.0.0', same: false });
  });
});

describe('claimgraph quotes without snapshots', () => {
  it('says what snapshots are, where they are kept and how to point the check at them', async () => {
    const run = await claimgraph(['quotes', VALID, '--sources', join(temp, 'no-such-folder')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no such folder of source snapshots\. Snapshots are text captures of each source/);
    expect(run.stderr).toContain('shared/sources/');
    expect(run.stderr).toContain('--sources');
    expect(run.stderr).toContain('CLAIMGRAPH_SOURCES');
  });
});
