// The release build writes Parquet and NDJSON beside dataset.json, hashes them in
// datapackage.json, rebuilds them byte for byte, and verify covers them.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRelease } from '@claimgraph/release';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimgraph, writeFixture } from './export-fixture.js';

let root: string;
let fixture: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'claimgraph-release-export-'));
  fixture = writeFixture(join(root, 'fixture'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const EXTRA = [
  'dataset.ndjson',
  'parquet/appearances/part-0.parquet',
  'parquet/entities/part-0.parquet',
  'parquet/relations/part-0.parquet',
  'parquet/sources/part-0.parquet',
  'parquet/statements/year=2020/part-0.parquet',
  'parquet/statements/year=2021/part-0.parquet',
];
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('claimgraph build with the interchange files', () => {
  it('writes the columnar file next to dataset.json and lists it with its hash; --no-parquet leaves Parquet out', () => {
    const out = join(root, 'no-parquet');
    const { status, stdout } = claimgraph(['build', fixture, '--out', out, '--no-parquet']);
    expect(status).toBe(0);
    expect(stdout).toContain('  dataset.columns.bin');
    expect(stdout).not.toContain('parquet/');
    const resources = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')).resources as {
      path: string;
      sha256: string;
    }[];
    expect(resources.map((r) => r.path)).not.toContain('parquet/entities/part-0.parquet');
    expect(resources.find((r) => r.path === 'dataset.columns.bin')).toMatchObject({
      format: 'claimgraph-columns',
      sha256: sha256(join(out, 'dataset.columns.bin')),
      'claimgraph:jsonSchema': 'schema/columns.schema.json',
    });
    expect(resources.map((r) => r.path)).toContain('schema/columns.schema.json');
  });

  it('writes Parquet and NDJSON next to dataset.json and lists them, in path order, with bytes and sha256', () => {
    const { status, stdout } = claimgraph(['build', fixture]);
    expect(status).toBe(0);
    for (const path of EXTRA) expect(stdout).toContain(`  ${path}`);
    const datapackage = JSON.parse(readFileSync(join(fixture, 'dist', 'datapackage.json'), 'utf8'));
    const resources = datapackage.resources as {
      path: string;
      sha256: string;
      bytes: number;
      format: string;
      mediatype: string;
      records?: number;
      encoding?: string;
    }[];
    expect(resources.map((r) => r.path).slice(-EXTRA.length)).toEqual(EXTRA);
    expect(resources[0]!.path).toBe('dataset.json');
    for (const resource of resources.slice(-EXTRA.length)) {
      expect(resource.sha256).toBe(sha256(join(fixture, 'dist', resource.path)));
      expect(resource.bytes).toBe(readFileSync(join(fixture, 'dist', resource.path)).length);
    }
    // The statements by year: one file and one resource per year, each naming its table and partition.
    expect(resources.find((r) => r.path === 'parquet/statements/year=2021/part-0.parquet')).toMatchObject({
      name: 'parquet-statements-year-2021',
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      records: 3,
      'claimgraph:table': 'statements',
      'claimgraph:partition': { year: 2021 },
    });
    expect(resources.find((r) => r.path === 'parquet/statements/year=2020/part-0.parquet')).toMatchObject({
      records: 1,
    });
    expect(resources.find((r) => r.path === 'parquet/statements/year=2021/part-0.parquet')).not.toHaveProperty(
      'encoding',
    );
    // The appearances table: one row per statement and source (the fixture's four statements, one source each).
    expect(resources.find((r) => r.path === 'parquet/appearances/part-0.parquet')).toMatchObject({
      format: 'parquet',
      mediatype: 'application/vnd.apache.parquet',
      records: 4,
    });
    expect(resources.find((r) => r.path === 'dataset.ndjson')).toMatchObject({
      format: 'ndjson',
      mediatype: 'application/x-ndjson',
      encoding: 'utf-8',
      records: 12 + 4,
    });
  });

  it('rebuilds byte for byte', () => {
    const first = [...EXTRA, 'datapackage.json'].map((path) => sha256(join(fixture, 'dist', path)));
    expect(claimgraph(['build', fixture]).status).toBe(0);
    expect([...EXTRA, 'datapackage.json'].map((path) => sha256(join(fixture, 'dist', path)))).toEqual(first);
  });

  it('is covered by claimgraph verify: a changed Parquet file is named', () => {
    expect(claimgraph(['verify', join(fixture, 'dist')]).status).toBe(0);
    appendFileSync(join(fixture, 'dist', 'parquet', 'relations', 'part-0.parquet'), 'x');
    const { status, stderr } = claimgraph(['verify', join(fixture, 'dist')]);
    expect(status).toBe(1);
    expect(stderr).toContain('parquet/relations/part-0.parquet: sha256 mismatch');
  });

  it('refuses extra files that would leave the release or replace its own files', async () => {
    for (const path of ['../escape.txt', 'dataset.json', 'schema/x.json', '/abs.txt', 'a//b.txt']) {
      await expect(
        buildRelease(fixture, { outDir: join(root, 'out'), extraFiles: () => [{ path, content: 'x' }] }),
      ).rejects.toThrow(`@claimgraph/release: buildRelease(): extraFiles: ${JSON.stringify(path)}`);
    }
  });
});
