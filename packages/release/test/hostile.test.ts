// Hostile input the release build and verifyRelease must survive: files added to a release after
// the build, extra files that try to leave the release folder or fail half-way.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '@claimgraph/schema/node';
import { buildRelease as build, verifyRelease, type BuildOptions } from '../src/index.js';
import { checkRelease } from '../src/verify.js';
import { baseDataset } from '../../schema/test/fixture.js';

/** The release as the schema package built it before this package: without the SDK's interchange files. */
const buildRelease = (dir: string, options: BuildOptions = {}) => build(dir, { releaseFiles: false, ...options });

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function sourceFolder(data: unknown = baseDataset(), raw: Partial<Record<string, string>> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-schema-hostile-'));
  roots.push(dir);
  mkdirSync(join(dir, 'data'));
  for (const kind of ['entities', 'relations', 'statements', 'sources', 'redirects']) {
    const records = (data as Record<string, unknown>)[kind];
    if (raw[kind] !== undefined) writeFileSync(join(dir, 'data', `${kind}.json`), raw[kind]!);
    else if (records !== undefined)
      writeFileSync(join(dir, 'data', `${kind}.json`), `${JSON.stringify(records, null, 2)}\n`);
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: '@claimgraph/dataset-hostile',
      version: '1.0.0',
      description: 'Hostile.',
      license: 'CC-BY-4.0',
    }),
  );
  return dir;
}

describe('verifyRelease() on a release that is not what was built', () => {
  async function release(): Promise<string> {
    const dir = sourceFolder();
    const built = await buildRelease(dir, { extraFiles: () => [{ path: 'extra/notes.txt', content: 'notes\n' }] });
    expect(built.result.errors).toEqual([]);
    return join(dir, 'dist');
  }

  it('passes the release as built, extra files included', async () => {
    expect(await verifyRelease(await release())).toEqual({ valid: true, errors: [] });
  });

  it("the build's own check, which reads no file back, still finds a file of another size or a missing one", async () => {
    const dir = await release();
    writeFileSync(join(dir, 'extra', 'notes.txt'), 'notes, changed\n');
    rmSync(join(dir, 'vocabulary.json'));
    expect((await checkRelease(dir, { records: false, contents: 'bytes' })).errors).toEqual([
      { file: 'vocabulary.json', id: null, path: '', message: 'is listed in datapackage.json but missing' },
      {
        file: 'extra/notes.txt',
        id: null,
        path: '',
        message: 'holds 15 bytes where datapackage.json says 6; the file was changed after it was written',
      },
    ]);
  });

  it('names every file the descriptor does not list, in nested folders too, in path order', async () => {
    const dir = await release();
    writeFileSync(join(dir, 'zz.txt'), '');
    mkdirSync(join(dir, 'schema', 'more'));
    writeFileSync(join(dir, 'schema', 'more', 'evil.schema.json'), '{}');
    writeFileSync(join(dir, 'extra', '.hidden'), '');
    const message =
      'is not listed in datapackage.json; a release holds only the files it lists (remove the file, or rebuild the release)';
    expect((await verifyRelease(dir)).errors).toEqual([
      { file: 'extra/.hidden', id: null, path: '', message },
      { file: 'schema/more/evil.schema.json', id: null, path: '', message },
      { file: 'zz.txt', id: null, path: '', message },
    ]);
  });

  it('matches listed paths written with ./, and reports a file listed twice only if it changed', async () => {
    const dir = await release();
    const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as {
      resources: { path: string }[];
    };
    descriptor.resources[0]!.path = `./${descriptor.resources[0]!.path}`;
    writeFileSync(join(dir, 'datapackage.json'), JSON.stringify(descriptor));
    expect(await verifyRelease(dir)).toEqual({ valid: true, errors: [] });
  });
});

describe('buildRelease() extra files', () => {
  it('writes text, bytes and streamed chunks, hashed as written, and marks binary ones', async () => {
    const dir = sourceFolder();
    async function* chunks() {
      yield 'a,b\r\n';
      yield new Uint8Array([0x31, 0x2c, 0x32, 0x0d, 0x0a]);
    }
    const built = await buildRelease(dir, {
      extraFiles: () => [
        { path: 'text.txt', content: 'طالبان\n', mediatype: 'text/plain', records: 1 },
        { path: 'bytes.bin', content: new Uint8Array([0, 1, 2]) },
        { path: 'nested/table.csv', content: chunks(), mediatype: 'text/csv', format: 'csv', records: 1 },
        { path: 'lines.txt', content: ['one\n', 'two\n'] },
      ],
    });
    expect(built.result.errors).toEqual([]);
    const resources = (
      JSON.parse(readFileSync(join(dir, 'dist', 'datapackage.json'), 'utf8')) as {
        resources: Record<string, unknown>[];
      }
    ).resources;
    const byPath = new Map(resources.map((r) => [r.path, r]));
    expect(byPath.get('text.txt')).toMatchObject({
      format: 'txt',
      mediatype: 'text/plain',
      encoding: 'utf-8',
      bytes: Buffer.byteLength('طالبان\n'),
      records: 1,
    });
    expect(byPath.get('bytes.bin')).toMatchObject({ format: 'bin', mediatype: 'application/octet-stream', bytes: 3 });
    expect(byPath.get('bytes.bin')).not.toHaveProperty('encoding');
    expect(byPath.get('nested/table.csv')).toMatchObject({ format: 'csv', bytes: 10 });
    expect(byPath.get('nested/table.csv')).not.toHaveProperty('encoding');
    expect(readFileSync(join(dir, 'dist', 'nested', 'table.csv'), 'utf8')).toBe('a,b\r\n1,2\r\n');
    expect(await verifyRelease(join(dir, 'dist'))).toEqual({ valid: true, errors: [] });
  });

  it('refuses paths that leave the release, replace its own files or repeat, before writing anything', async () => {
    const dir = sourceFolder();
    for (const path of [
      '',
      '../escape.txt',
      'a/../../b',
      '/etc/passwd',
      'a\\b',
      'datapackage.json',
      'schema/entity.schema.json',
      './x',
    ]) {
      await expect(buildRelease(dir, { extraFiles: () => [{ path, content: 'x' }] }), path).rejects.toThrow(
        /^@claimgraph\/release: buildRelease\(\): extraFiles: /,
      );
    }
    await expect(
      buildRelease(dir, {
        extraFiles: () => [
          { path: 'a.txt', content: 'x' },
          { path: 'a.txt', content: 'y' },
        ],
      }),
    ).rejects.toThrow('"a.txt" is given twice');
    await expect(readDataset(join(dir, 'dist'))).rejects.toThrow(/no such file or folder/);
  });

  it('removes a half-written release when an extra file fails, so the next build can replace it', async () => {
    const dir = sourceFolder();
    async function* failing() {
      yield 'first chunk';
      throw new Error('disk full');
    }
    await expect(buildRelease(dir, { extraFiles: () => [{ path: 'big.txt', content: failing() }] })).rejects.toThrow(
      'disk full',
    );
    await expect(readDataset(join(dir, 'dist'))).rejects.toThrow(/no such file or folder/);
    expect((await buildRelease(dir)).result.errors).toEqual([]);
  });
});
