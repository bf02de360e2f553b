import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimgraph, copyFixture, crashIn, lines, MALFORMED, PACKAGE_DIR, snapshot, VALID } from './run-cli.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'claimgraph-cli-release-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

async function build(out: string) {
  const run = await claimgraph(['build', VALID, '--out', out]);
  expect(crashIn(run.stderr), run.stderr).toBeNull();
  expect(run.code).toBe(0);
  return run;
}

describe('claimgraph build', () => {
  it('gives byte-identical releases when run twice', async () => {
    await build(join(tmp, 'a'));
    await build(join(tmp, 'b'));
    const a = snapshot(join(tmp, 'a'));
    const b = snapshot(join(tmp, 'b'));
    expect([...b.keys()]).toEqual([...a.keys()]);
    expect(a.size).toBeGreaterThanOrEqual(7);
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path)!), path).toBe(true);
  });

  it('records the true size and sha256 of every other release file in datapackage.json', async () => {
    const out = join(tmp, 'rel');
    await build(out);
    const descriptor = JSON.parse(readFileSync(join(out, 'datapackage.json'), 'utf8')) as {
      id: string;
      version: string;
      resources: { path: string; bytes: number; sha256: string; hash: string }[];
    };
    expect(descriptor).toMatchObject({ id: '@claimgraph/dataset-fixture', version: '1.0.0' });
    const files = snapshot(out);
    files.delete('datapackage.json');
    expect(descriptor.resources.map((r) => r.path).sort()).toEqual([...files.keys()].sort());
    for (const resource of descriptor.resources) {
      const bytes = files.get(resource.path)!;
      expect(resource.bytes, resource.path).toBe(bytes.length);
      expect(resource.sha256, resource.path).toBe(sha256(bytes));
      expect(resource.hash, resource.path).toBe(`sha256:${sha256(bytes)}`);
    }
  });

  it('writes dataset.json one record per line, sorted by id', async () => {
    const out = join(tmp, 'rel');
    await build(out);
    const text = readFileSync(join(out, 'dataset.json'), 'utf8');
    const entityLines = text
      .split('\n')
      .filter((l) => l.startsWith('{"id":"') && /"type":"(person|place|event|armed-group|government-body)"/.test(l));
    expect(entityLines).toHaveLength(9);
    const ids = entityLines.map((l) => (JSON.parse(l.replace(/,$/, '')) as { id: string }).id);
    expect(ids).toEqual([...ids].sort());
  });

  it('prints what it built, and where', async () => {
    const out = join(tmp, 'rel');
    const run = await build(out);
    const [first, counts, ...files] = lines(run.stdout);
    expect(first).toBe(`built @claimgraph/dataset-fixture@1.0.0 → ${relative(PACKAGE_DIR, out)}`);
    expect(counts).toBe('  9 entities, 6 relations, 7 statements, 1 source');
    expect(files.map((l) => l.trim().split(/\s+/)[0])).toContain('dataset.json');
    for (const line of files) expect(line).toMatch(/^ {2}\S+ +\d+ B {2}sha256 [0-9a-f]{16}…$/);
  });

  it('--json prints { valid, outDir, version, files, counts }', async () => {
    const out = join(tmp, 'rel');
    const run = await claimgraph(['build', VALID, '--out', out, '--json']);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as {
      valid: boolean;
      outDir: string;
      version: string;
      files: { path: string; bytes: number; sha256: string }[];
      counts: object;
    };
    expect(result).toMatchObject({
      valid: true,
      outDir: out,
      version: '1.0.0',
      counts: { entities: 9, relations: 6, statements: 7, sources: 1 },
    });
    const datasetFile = result.files.find((f) => f.path === 'dataset.json')!;
    expect(datasetFile.sha256).toBe(sha256(readFileSync(join(out, 'dataset.json'))));
  });

  it('writes to DIR/dist by default', async () => {
    const dir = copyFixture(VALID);
    try {
      const run = await claimgraph(['build'], dir);
      expect(run.code).toBe(0);
      expect(lines(run.stdout)[0]).toBe('built @claimgraph/dataset-fixture@1.0.0 → dist');
      expect(existsSync(join(dir, 'dist', 'datapackage.json'))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 1, prints the problems and writes nothing for an invalid dataset', async () => {
    const out = join(tmp, 'rel');
    const run = await claimgraph(['build', '.', '--out', out], join(MALFORMED, 'date-february-30'));
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      'data/statements.json: st:john-kirby-1 /date: "2021-02-30" is not a calendar date',
      '.: not built, 1 problem found',
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('--json on an invalid dataset prints { valid: false, errors }', async () => {
    const run = await claimgraph(
      ['build', '.', '--out', join(tmp, 'rel'), '--json'],
      join(MALFORMED, 'unknown-source'),
    );
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      valid: false,
      errors: [
        {
          file: 'data/statements.json',
          id: 'st:ned-price-1',
          path: '/source',
          message: '"src:new-york-times" is not a known source',
        },
      ],
    });
  });

  it('refuses to replace a folder that is not an earlier release, and leaves it alone', async () => {
    const out = join(tmp, 'notes');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'precious');
    const run = await claimgraph(['build', VALID, '--out', out]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)[0]).toBe(
      `${VALID}/${relative(VALID, out)}: is not empty and is not a release claimgraph wrote; build replaces only an earlier release, so write to a new or empty folder`,
    );
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('precious');
  });
});

describe('claimgraph verify', () => {
  it('passes a fresh release', async () => {
    const out = join(tmp, 'rel');
    await build(out);
    const run = await claimgraph(['verify', out]);
    expect(run).toEqual({
      code: 0,
      stdout: `${out}: every file matches datapackage.json and holds the same records\n`,
      stderr: '',
    });
  });

  it('fails, naming dataset.json, after one byte of it changed', async () => {
    const out = join(tmp, 'rel');
    await build(out);
    const file = join(out, 'dataset.json');
    const bytes = readFileSync(file);
    const before = sha256(bytes);
    const at = bytes.indexOf('"Kabul"') + 1;
    bytes[at] = 'k'.charCodeAt(0);
    writeFileSync(file, bytes);
    const run = await claimgraph(['verify', out]);
    expect(run.code).toBe(1);
    expect(crashIn(run.stderr)).toBeNull();
    expect(lines(run.stderr)).toEqual([
      `${out}/dataset.json: sha256 mismatch: datapackage.json says ${before}, the file has ${sha256(bytes)} (${bytes.length} bytes, expected ${bytes.length}); the file was changed after the release was built`,
    ]);
  });

  it('--json prints { valid, errors } naming the changed file', async () => {
    const out = join(tmp, 'rel');
    await build(out);
    writeFileSync(join(out, 'schema', 'source.schema.json'), '{}\n');
    const run = await claimgraph(['verify', out, '--json']);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout) as {
      valid: boolean;
      errors: { file: string; id: null; path: string; message: string }[];
    };
    expect(result.valid).toBe(false);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: 'schema/source.schema.json', id: null, path: '' });
    expect(result.errors[0]!.message).toMatch(/^sha256 mismatch: /);
  });

  it('fails without a stack trace when datapackage.json is not an object', async () => {
    const out = join(tmp, 'rel');
    await build(out);
    writeFileSync(join(out, 'datapackage.json'), 'null\n');
    const run = await claimgraph(['verify', out]);
    expect(run.code).toBe(1);
    expect(crashIn(run.stderr)).toBeNull();
    expect(lines(run.stderr)).toEqual([`${out}/datapackage.json: must be a JSON object with resources, not null`]);
  });

  it('fails when a listed file is missing', async () => {
    const out = join(tmp, 'rel');
    await build(out);
    rmSync(join(out, 'schema', 'statement.schema.json'));
    const run = await claimgraph(['verify', out]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      `${out}/schema/statement.schema.json: is listed in datapackage.json but missing`,
    ]);
  });
});

describe('claimgraph info', () => {
  it('prints name, version, layout, description, date range and counts of a release', async () => {
    const out = join(tmp, 'rel');
    await build(out);
    const run = await claimgraph(['info', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      [
        '@claimgraph/dataset-fixture@1.0.0 (release)',
        'A small valid claimgraph dataset for the CLI tests: the Taliban and the Haqqani network, August 2021.',
        'statements dated 2012-09 to 2021-08',
        'coverage not declared (no data/coverage.json): what was not looked for is unknown',
        '',
        'records     count',
        '──────────  ─────',
        'entities    9',
        'relations   6',
        'statements  7',
        'sources     1',
        '',
        'entity type      count',
        '───────────────  ─────',
        'armed-group      2',
        'event            1',
        'government-body  2',
        'person           3',
        'place            1',
        '',
        'relation type    count',
        '───────────────  ─────',
        'cooperates-with  1',
        'designated-by    1',
        'leads            1',
        'located-in       1',
        'member-of        1',
        'part-of          1',
        '',
        'stance    count',
        '────────  ─────',
        'disputes  1',
        'supports  6',
        '',
      ].join('\n'),
    );
  });

  it('--json prints name, version, layout, counts, types, stances and date range', async () => {
    const out = join(tmp, 'rel');
    await build(out);
    const run = await claimgraph(['info', join(out, 'dataset.json'), '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      name: '@claimgraph/dataset-fixture',
      version: '1.0.0',
      layout: 'release',
      coverage: null,
      counts: { entities: 9, relations: 6, statements: 7, sources: 1 },
      entityTypes: { 'armed-group': 2, event: 1, 'government-body': 2, person: 3, place: 1 },
      relationTypes: {
        'cooperates-with': 1,
        'designated-by': 1,
        leads: 1,
        'located-in': 1,
        'member-of': 1,
        'part-of': 1,
      },
      stances: { disputes: 1, supports: 6 },
      statementDates: { from: '2012-09', to: '2021-08' },
    });
  });

  it('reads a source folder too', async () => {
    const run = await claimgraph(['info', VALID, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({
      name: '@claimgraph/dataset-fixture',
      version: '1.0.0',
      layout: 'source',
    });
  });

  it('exits 1 on an invalid dataset and says to validate it', async () => {
    const run = await claimgraph(['info', '.'], join(MALFORMED, 'self-loop'));
    expect(run.code).toBe(1);
    expect(lines(run.stderr).at(-1)).toBe('.: cannot summarise an invalid dataset; run "claimgraph validate ."');
  });
});
