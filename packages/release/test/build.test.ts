import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalDataset, type Dataset } from '@claimgraph/schema';
import { buildRelease as build, verifyRelease, type BuildOptions } from '../src/index.js';
import { baseDataset } from '../../schema/test/fixture.js';
import { writeSource, snapshot } from '../../schema/test/source-folder.js';

/** The release as the schema package built it before this package: without the SDK's interchange files. */
const buildRelease = (dir: string, options: BuildOptions = {}) => build(dir, { releaseFiles: false, ...options });

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'claimgraph-release-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('buildRelease()', () => {
  it('writes dataset.json in canonical form, the JSON Schemas and datapackage.json', async () => {
    const dir = writeSource(join(root, 'ds'));
    const built = await buildRelease(dir);
    expect(built.outDir).toBe(join(dir, 'dist'));
    const files = snapshot(join(dir, 'dist'));
    expect([...files.keys()]).toEqual(
      expect.arrayContaining([
        'dataset.json',
        'datapackage.json',
        'schema/entity.schema.json',
        'schema/relation.schema.json',
        'schema/statement.schema.json',
        'schema/source.schema.json',
        'schema/dataset.schema.json',
      ]),
    );
    expect(JSON.parse(files.get('dataset.json')!.toString('utf8'))).toEqual(canonicalDataset(baseDataset()));
    expect(built.summary?.counts).toEqual({ entities: 7, relations: 3, statements: 3, sources: 1 });
  });

  it('gives byte-identical releases for the same data, built twice', async () => {
    const dir = writeSource(join(root, 'ds'));
    await buildRelease(dir, { outDir: join(root, 'a') });
    await buildRelease(dir, { outDir: join(root, 'b') });
    const a = snapshot(join(root, 'a'));
    const b = snapshot(join(root, 'b'));
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path)!), path).toBe(true);
  });

  it('gives the same dataset.json whatever the record and key order of the source files', async () => {
    const shuffled = baseDataset();
    shuffled.statements = shuffled.statements.map((s) =>
      Object.fromEntries(Object.entries(s).reverse()),
    ) as Dataset['statements'];
    await buildRelease(writeSource(join(root, 'ds1')), { outDir: join(root, 'a') });
    await buildRelease(writeSource(join(root, 'ds2'), shuffled), { outDir: join(root, 'b') });
    expect(readFileSync(join(root, 'b', 'dataset.json')).equals(readFileSync(join(root, 'a', 'dataset.json')))).toBe(
      true,
    );
  });

  it('records the size and sha256 of every file it wrote in datapackage.json', async () => {
    const dir = writeSource(join(root, 'ds'));
    const built = await buildRelease(dir);
    const dist = join(dir, 'dist');
    const descriptor = JSON.parse(readFileSync(join(dist, 'datapackage.json'), 'utf8')) as {
      id: string;
      name: string;
      version: string;
      licenses: { name: string }[];
      resources: { path: string; bytes: number; sha256: string; hash: string }[];
    };
    expect(descriptor).toMatchObject({
      id: '@claimgraph/dataset-test',
      name: 'test',
      version: '1.2.3',
      licenses: [{ name: 'CC-BY-4.0' }],
    });
    const onDisk = [...snapshot(dist).keys()].filter((p) => p !== 'datapackage.json');
    expect(descriptor.resources.map((r) => r.path).sort()).toEqual(onDisk.sort());
    for (const resource of descriptor.resources) {
      const bytes = readFileSync(join(dist, resource.path));
      expect(resource.bytes, resource.path).toBe(bytes.length);
      expect(resource.sha256, resource.path).toBe(sha256(bytes));
      expect(resource.hash).toBe(`sha256:${resource.sha256}`);
    }
    expect(built.files).toEqual(
      descriptor.resources.map(({ path, bytes, sha256: hash }) => ({ path, bytes, sha256: hash })),
    );
  });

  it('writes nothing for an invalid dataset', async () => {
    const data = baseDataset();
    data.sources[0]!.title = '';
    const dir = writeSource(join(root, 'ds'), data);
    const built = await buildRelease(dir);
    expect(built.outDir).toBeUndefined();
    expect(built.result.errors.map((e) => e.message)).toEqual(['must not be empty']);
    expect(existsSync(join(dir, 'dist'))).toBe(false);
  });

  it('refuses to build from a release', async () => {
    const dir = writeSource(join(root, 'ds'));
    await buildRelease(dir);
    const again = await buildRelease(join(dir, 'dist'), { outDir: join(root, 'out') });
    expect(again.result.errors).toEqual([
      {
        file: 'dataset.json',
        id: null,
        path: '',
        message: 'is already a release; build reads a dataset source folder (with data/)',
      },
    ]);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it('replaces an earlier release in the same folder', async () => {
    const dir = writeSource(join(root, 'ds'));
    await buildRelease(dir);
    writeFileSync(join(dir, 'dist', 'stale.json'), '{}');
    const built = await buildRelease(dir);
    expect(built.result.valid).toBe(true);
    expect(existsSync(join(dir, 'dist', 'stale.json'))).toBe(false);
  });

  it('refuses to empty a folder that is not an earlier release', async () => {
    const dir = writeSource(join(root, 'ds'));
    mkdirSync(join(root, 'notes'));
    writeFileSync(join(root, 'notes', 'keep.txt'), 'precious');
    const built = await buildRelease(dir, { outDir: join(root, 'notes') });
    expect(built.outDir).toBeUndefined();
    expect(built.result.errors).toEqual([
      {
        file: '../notes',
        id: null,
        path: '',
        message:
          'is not empty and is not a release claimgraph wrote; build replaces only an earlier release, so write to a new or empty folder',
      },
    ]);
    expect(readFileSync(join(root, 'notes', 'keep.txt'), 'utf8')).toBe('precious');
  });

  it('refuses to write the release over the dataset itself or a folder holding it', async () => {
    const dir = writeSource(join(root, 'ds'));
    for (const outDir of [dir, root]) {
      const built = await buildRelease(dir, { outDir });
      expect(built.result.errors[0]?.message).toBe(
        'holds the dataset itself; write the release to a new folder such as dist',
      );
    }
    expect(existsSync(join(dir, 'data', 'entities.json'))).toBe(true);
  });

  it('writes into an empty folder', async () => {
    const dir = writeSource(join(root, 'ds'));
    mkdirSync(join(root, 'empty'));
    expect((await buildRelease(dir, { outDir: join(root, 'empty') })).outDir).toBe(join(root, 'empty'));
  });
});

describe('verifyRelease()', () => {
  it('passes a fresh release', async () => {
    const dir = writeSource(join(root, 'ds'));
    await buildRelease(dir);
    expect(await verifyRelease(join(dir, 'dist'))).toEqual({ valid: true, errors: [] });
  });

  it('fails when one byte of dataset.json changed, naming the file', async () => {
    const dir = writeSource(join(root, 'ds'));
    await buildRelease(dir);
    const file = join(dir, 'dist', 'dataset.json');
    const bytes = readFileSync(file);
    const expected = sha256(bytes);
    bytes[bytes.indexOf('Kabul')] = 'k'.charCodeAt(0);
    writeFileSync(file, bytes);
    const result = await verifyRelease(join(dir, 'dist'));
    expect(result).toEqual({
      valid: false,
      errors: [
        {
          file: 'dataset.json',
          id: null,
          path: '',
          message: `sha256 mismatch: datapackage.json says ${expected}, the file has ${sha256(bytes)} (${bytes.length} bytes, expected ${bytes.length}); the file was changed after the release was built`,
        },
      ],
    });
  });

  it('fails when a listed file is missing', async () => {
    const dir = writeSource(join(root, 'ds'));
    await buildRelease(dir);
    rmSync(join(dir, 'dist', 'schema', 'source.schema.json'));
    expect((await verifyRelease(join(dir, 'dist'))).errors).toEqual([
      { file: 'schema/source.schema.json', id: null, path: '', message: 'is listed in datapackage.json but missing' },
    ]);
  });

  it('fails without a datapackage.json', async () => {
    mkdirSync(join(root, 'rel'));
    expect(await verifyRelease(join(root, 'rel'))).toEqual({
      valid: false,
      errors: [{ file: 'datapackage.json', id: null, path: '', message: 'file not found' }],
    });
  });

  it('fails, without throwing, on a datapackage.json that is not an object', async () => {
    mkdirSync(join(root, 'rel'));
    for (const text of ['null', '[]', '"x"']) {
      writeFileSync(join(root, 'rel', 'datapackage.json'), text);
      const result = await verifyRelease(join(root, 'rel'));
      expect(result.valid).toBe(false);
      expect(result.errors[0]).toMatchObject({ file: 'datapackage.json', path: '' });
      expect(result.errors[0]!.message).toMatch(/^must be a JSON object with resources, not /);
    }
  });

  it('fails on a datapackage.json without resources, or with a path out of the release', async () => {
    mkdirSync(join(root, 'rel'));
    writeFileSync(join(root, 'rel', 'datapackage.json'), '{"resources": []}');
    expect((await verifyRelease(join(root, 'rel'))).errors).toEqual([
      { file: 'datapackage.json', id: null, path: '/resources', message: 'lists no resources to verify' },
    ]);
    writeFileSync(
      join(root, 'rel', 'datapackage.json'),
      '{"resources": [{"path": "../secret", "sha256": "00"}, null]}',
    );
    expect((await verifyRelease(join(root, 'rel'))).errors).toEqual([
      {
        file: 'datapackage.json',
        id: null,
        path: '/resources/0',
        message: 'needs a relative path inside the release and a sha256 (64 hex digits)',
      },
      {
        file: 'datapackage.json',
        id: null,
        path: '/resources/1',
        message: 'needs a relative path inside the release and a sha256 (64 hex digits)',
      },
    ]);
  });
});
