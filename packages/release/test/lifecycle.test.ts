// The parts of the life cycle around the build: the interchange files the build adds itself, the
// one integrity check a reader runs, one side of a comparison, and kept releases.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vocabularyDocument, type Dataset } from '@claimgraph/schema';
import {
  buildRelease,
  checkDatasetRelease,
  CommandError,
  EXIT,
  latestRelease,
  loadKeptRelease,
  loadReleaseSide,
  recordRelease,
  recordedReleases,
  releaseIntegrity,
  snapshotProblem,
} from '../src/index.js';
import { CommandError as CommandErrorEntry } from '../src/errors.js';
import { baseDataset } from '../../schema/test/fixture.js';
import { TEST_PACKAGE, writeSource as writeSourceFolder } from '../../schema/test/source-folder.js';

const NAME = '@claimgraph/dataset-test';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'claimgraph-lifecycle-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The shared source-folder writer, at version 1.0.0 unless given. */
const writeSource = (dir: string, data: Dataset = baseDataset(), version = '1.0.0'): string =>
  writeSourceFolder(dir, data, { ...TEST_PACKAGE, version });

const resourcePaths = (dir: string) =>
  (JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as { resources: { path: string }[] }).resources.map(
    (r) => r.path,
  );

describe('buildRelease() writes the SDK interchange files itself', () => {
  it('adds dataset.ndjson and the Parquet tables by default, as claimgraph build does', async () => {
    const dir = writeSource(join(root, 'ds'));
    const built = await buildRelease(dir);
    expect(built.result.errors).toEqual([]);
    const paths = resourcePaths(join(dir, 'dist'));
    expect(paths).toContain('dataset.ndjson');
    expect(paths).toContain('parquet/entities/part-0.parquet');
    expect(paths.indexOf('dataset.ndjson')).toBeGreaterThan(paths.indexOf('vocabulary.json'));
  });

  it('leaves Parquet out with { parquet: false }, and both out with false', async () => {
    const dir = writeSource(join(root, 'ds'));
    await buildRelease(dir, { releaseFiles: { parquet: false } });
    expect(resourcePaths(join(dir, 'dist')).filter((p) => !p.startsWith('schema/'))).toEqual([
      'dataset.json',
      'dataset.columns.bin',
      'vocabulary.json',
      'dataset.ndjson',
    ]);
    await buildRelease(dir, { releaseFiles: false });
    expect(resourcePaths(join(dir, 'dist'))).not.toContain('dataset.ndjson');
  });

  it('refuses an extra file of the caller that repeats an interchange file', async () => {
    const dir = writeSource(join(root, 'ds'));
    await expect(buildRelease(dir, { extraFiles: () => [{ path: 'dataset.ndjson', content: '' }] })).rejects.toThrow(
      '@claimgraph/release: buildRelease(): extraFiles: "dataset.ndjson" is given twice',
    );
  });
});

describe('releaseIntegrity()', () => {
  it('says verified, failed, unverified or not-a-release', async () => {
    const dir = writeSource(join(root, 'ds'));
    await buildRelease(dir, { releaseFiles: false });
    const dist = join(dir, 'dist');
    expect(await releaseIntegrity(dist)).toEqual({ status: 'verified', dir: dist, errors: [] });
    expect(await releaseIntegrity(dir)).toEqual({ status: 'not-a-release', errors: [] });
    writeFileSync(join(dist, 'vocabulary.json'), '{}\n');
    const failed = await releaseIntegrity(dist);
    expect(failed.status).toBe('failed');
    expect(failed.errors[0]?.file).toBe('vocabulary.json');

    const bare = join(root, 'bare');
    mkdirSync(bare);
    writeFileSync(join(bare, 'dataset.json'), JSON.stringify(baseDataset()));
    expect(await releaseIntegrity(bare)).toEqual({ status: 'unverified', dir: bare, errors: [] });
    expect(await releaseIntegrity(join(bare, 'dataset.json'))).toEqual({
      status: 'not-a-release',
      dir: bare,
      errors: [],
    });
  });
});

describe('loadReleaseSide() and loadKeptRelease()', () => {
  it('reads a source with the installed vocabulary and a release with its own', async () => {
    const dir = writeSource(join(root, 'ds'));
    const source = await loadReleaseSide(dir);
    expect(source).toMatchObject({ name: NAME, version: '1.0.0' });
    expect(source.vocabulary).toEqual(vocabularyDocument());
    await buildRelease(dir, { releaseFiles: false });
    const published = { ...vocabularyDocument(), stances: ['supports'] };
    writeFileSync(join(dir, 'dist', 'vocabulary.json'), JSON.stringify(published));
    expect((await loadReleaseSide(join(dir, 'dist'))).vocabulary).toEqual(published);
    expect((await loadKeptRelease(join(dir, 'dist'))).version).toBe('1.0.0');
  });

  it('throws a CommandError (exit 1) naming the path as given and the problems', async () => {
    const data = baseDataset();
    const dir = writeSource(join(root, 'ds'), { ...data, entities: [...data.entities, data.entities[0]!] });
    const error = await loadReleaseSide(dir, 'my-data').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ exitCode: EXIT.invalid, code: 'CLAIMGRAPH_INVALID' });
    expect((error as Error).message).toMatch(
      /^my-data: not a valid dataset \(2 problems; run "claimgraph validate my-data"\):\n {2}data\/entities.json: /,
    );
  });

  it('refuses a kept release whose dataset.json holds no records', async () => {
    const dir = join(root, 'kept');
    mkdirSync(dir);
    writeFileSync(join(dir, 'dataset.json'), '{}');
    await expect(loadKeptRelease(dir)).rejects.toThrow(
      `${dir}/dataset.json: /entities is not a list of records; is this a claimgraph release?`,
    );
  });
});

describe('kept releases', () => {
  it('records a built release once, then checks the next version against it', async () => {
    const dir = writeSource(join(root, 'datasets', 'ds'));
    await expect(recordRelease(root, dir)).rejects.toThrow('datasets/ds: no release in dist/; run the build first');
    await buildRelease(dir, { releaseFiles: false });
    expect(await recordRelease(root, dir)).toBe('datasets/ds/releases/1.0.0');
    expect(await recordRelease(root, dir)).toBeNull();
    expect(await recordedReleases(dir)).toEqual([{ dir: join(dir, 'releases', '1.0.0'), version: '1.0.0' }]);
    expect(await latestRelease(dir)).toBe(join(dir, 'releases', '1.0.0'));

    expect(await checkDatasetRelease(root, dir, new Map())).toMatchObject({
      baselineVersion: '1.0.0',
      required: 'none',
      ok: true,
    });
    const data = baseDataset();
    writeSource(dir, { ...data, sources: [...data.sources, { id: 'src:more', title: 'More', publisher: 'P' }] });
    const short = await checkDatasetRelease(root, dir, new Map());
    expect(short).toMatchObject({ required: 'minor', given: 'none', ok: false });
    expect(short.reasons).toEqual([{ bump: 'minor', id: 'src:more', message: 'source src:more added' }]);
    expect((await checkDatasetRelease(root, dir, new Map([[NAME, 'minor']]))).ok).toBe(true);
    writeSource(dir, data, '0.9.0');
    expect((await checkDatasetRelease(root, dir, new Map())).problem).toBe(
      'package.json version 0.9.0 is lower than the last release 1.0.0',
    );
  });

  it('distrusts a kept release that is not what was published', async () => {
    const dir = writeSource(join(root, 'datasets', 'ds'));
    await buildRelease(dir, { releaseFiles: false });
    await recordRelease(root, dir);
    const kept = join(dir, 'releases', '1.0.0');
    expect(await snapshotProblem(root, { dir: kept, version: '1.0.0' }, NAME)).toBeNull();
    expect(await snapshotProblem(root, { dir: kept, version: '1.0.0' }, '@claimgraph/dataset-other')).toBe(
      `datasets/ds/releases/1.0.0/datapackage.json: /id is "${NAME}", but the dataset is @claimgraph/dataset-other; a folder holds only its own releases`,
    );
    mkdirSync(join(dir, 'releases', 'latest'));
    const check = await checkDatasetRelease(root, dir, new Map());
    expect(check.ok).toBe(false);
    expect(check.problem).toMatch(/^datasets\/ds\/releases\/latest: is not a version/);
    expect(existsSync(kept)).toBe(true);
  });
});

describe('CommandError', () => {
  it('is one class from either entry, with a stable code for its exit code', () => {
    expect(CommandErrorEntry).toBe(CommandError);
    expect(new CommandError('x')).toMatchObject({
      exitCode: EXIT.usage,
      code: 'CLAIMGRAPH_USAGE',
      name: 'CommandError',
    });
    expect(new CommandError('x', EXIT.invalid).code).toBe('CLAIMGRAPH_INVALID');
  });
});
