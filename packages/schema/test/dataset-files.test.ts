import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalDataset } from '../src/index.js';
import { checkDataset, DatasetPathError, formatDatasetSource, locateDataset, readDataset } from '../src/node.js';
import { baseDataset } from './fixture.js';
import { TEST_PACKAGE as PACKAGE, writeSource, snapshot } from './source-folder.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'claimgraph-release-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('locateDataset()', () => {
  it('finds a source folder by its data/ folder', async () => {
    const dir = writeSource(join(root, 'ds'));
    expect(await locateDataset(dir)).toEqual({ layout: 'source', dir });
  });

  it('finds a release folder, a folder with only dist/, and a dataset.json file', async () => {
    mkdirSync(join(root, 'pkg', 'dist'), { recursive: true });
    writeFileSync(join(root, 'pkg', 'dist', 'dataset.json'), '{}');
    const dist = join(root, 'pkg', 'dist');
    expect(await locateDataset(dist)).toEqual({
      layout: 'release',
      dir: dist,
      datasetFile: join(dist, 'dataset.json'),
    });
    expect(await locateDataset(join(root, 'pkg'))).toEqual({
      layout: 'release',
      dir: dist,
      datasetFile: join(dist, 'dataset.json'),
    });
    expect(await locateDataset(join(dist, 'dataset.json'))).toEqual({
      layout: 'release',
      dir: dist,
      datasetFile: join(dist, 'dataset.json'),
    });
  });

  it('prefers a source folder over its own dist/ release', async () => {
    const dir = writeSource(join(root, 'ds'));
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'dataset.json'), '{}');
    expect((await locateDataset(dir)).layout).toBe('source');
  });

  it('throws a DatasetPathError for a missing path, a non-JSON file and a folder that is no dataset', async () => {
    await expect(locateDataset(join(root, 'nope'))).rejects.toThrow(
      new DatasetPathError(`${join(root, 'nope')}: no such file or folder`),
    );
    writeFileSync(join(root, 'notes.txt'), 'x');
    await expect(locateDataset(join(root, 'notes.txt'))).rejects.toThrow(
      `${join(root, 'notes.txt')}: expected a dataset folder or a dataset.json file`,
    );
    mkdirSync(join(root, 'empty'));
    await expect(locateDataset(join(root, 'empty'))).rejects.toThrow(
      `${join(root, 'empty')}: not a claimgraph dataset (expected a data/ folder with entities.json, relations.json, statements.json, sources.json, or a release with dataset.json)`,
    );
    await expect(locateDataset(join(root, 'empty'))).rejects.toBeInstanceOf(DatasetPathError);
  });
});

describe('readDataset()', () => {
  it('reads the four files and the package metadata of a source folder', async () => {
    const dir = writeSource(join(root, 'ds'));
    const read = await readDataset(dir);
    expect(read.issues).toEqual([]);
    expect(read.data).toEqual(baseDataset());
    expect(read.meta).toEqual(PACKAGE);
    expect(read.files).toMatchObject({ entities: 'data/entities.json', statements: 'data/statements.json' });
  });

  it('reports a missing file, a file of the wrong shape and incomplete package metadata, without data', async () => {
    const dir = writeSource(join(root, 'ds'), baseDataset(), {
      name: '@claimgraph/dataset-test',
      version: '',
      license: 'CC-BY-4.0',
    });
    rmSync(join(dir, 'data', 'sources.json'));
    writeFileSync(join(dir, 'data', 'relations.json'), '{"relations": []}');
    const read = await readDataset(dir);
    expect(read.data).toBeUndefined();
    expect(read.issues).toEqual([
      { file: 'data/relations.json', id: null, path: '', message: 'must be a JSON array of relations, not an object' },
      { file: 'data/sources.json', id: null, path: '', message: 'file not found' },
      { file: 'package.json', id: null, path: '/version', message: 'must be a non-empty string' },
      { file: 'package.json', id: null, path: '/description', message: 'is required' },
    ]);
  });

  it('never throws on broken content: syntax errors come back as issues', async () => {
    const dir = writeSource(join(root, 'ds'));
    writeFileSync(join(dir, 'data', 'sources.json'), '[\n  {"id": "src:article",}\n]\n');
    writeFileSync(join(dir, 'package.json'), '');
    const read = await readDataset(dir);
    expect(read.issues).toEqual([
      {
        file: 'data/sources.json',
        id: null,
        path: '',
        line: 2,
        column: 24,
        message: 'invalid JSON at line 2, column 24: Expected double-quoted property name',
      },
      { file: 'package.json', id: null, path: '', message: 'is empty; it must hold a JSON object' },
    ]);
  });
});

describe('checkDataset()', () => {
  it('validates a source folder and returns the dataset when valid', async () => {
    const dir = writeSource(join(root, 'ds'));
    const checked = await checkDataset(dir);
    expect(checked.result).toEqual({ valid: true, errors: [] });
    expect(checked.dataset).toEqual(baseDataset());
  });

  it('reports every problem in file order and returns no dataset when invalid', async () => {
    const data = baseDataset();
    data.statements[0]!.date = '2021-02-30';
    data.entities.reverse();
    const checked = await checkDataset(writeSource(join(root, 'ds'), data));
    expect(checked.dataset).toBeUndefined();
    expect(checked.result.errors.map(({ file, id, path, message }) => ({ file, id, path, message }))).toEqual([
      {
        file: 'data/entities.json',
        id: 'person:ned-price',
        path: '/id',
        message:
          'records are not sorted by id: "person:ned-price" comes after "place:kabul"; run "claimgraph format" to sort the file',
      },
      { file: 'data/statements.json', id: 'st:kirby-1', path: '/date', message: '"2021-02-30" is not a calendar date' },
    ]);
  });

  it('reports progress steps', async () => {
    const steps: string[] = [];
    await checkDataset(writeSource(join(root, 'ds')), (step) => steps.push(step));
    expect(steps).toEqual(['reading', 'validating']);
  });

  it('does not require a release to be sorted, and names dataset.json in its issues', async () => {
    const release = join(root, 'rel');
    mkdirSync(release);
    const data = baseDataset();
    data.statements.reverse();
    (data.statements[0] as { stance: string }).stance = 'agrees';
    writeFileSync(join(release, 'dataset.json'), JSON.stringify(data));
    const checked = await checkDataset(release);
    expect(checked.result.errors.map(({ file, id, path }) => ({ file, id, path }))).toEqual([
      { file: 'dataset.json', id: 'st:state-1', path: '/stance' },
    ]);
  });
});

describe('formatDatasetSource()', () => {
  function writeUnsorted(dir: string) {
    const data = baseDataset();
    const shuffled = {
      entities: [...data.entities].reverse().map((e) => Object.fromEntries(Object.entries(e).reverse())),
      relations: [...data.relations].reverse(),
      statements: [...data.statements].reverse().map((s) => Object.fromEntries(Object.entries(s).sort())),
      sources: data.sources,
    };
    return writeSource(dir, shuffled);
  }

  it('sorts records by id and puts keys in schema order, two-space indented', async () => {
    const dir = writeUnsorted(join(root, 'ds'));
    const { changed, result } = await formatDatasetSource(dir);
    expect(changed).toEqual(['data/entities.json', 'data/relations.json', 'data/statements.json']);
    expect(result).toEqual({ valid: true, errors: [] });
    const canonical = canonicalDataset(baseDataset());
    for (const kind of ['entities', 'relations', 'statements', 'sources'] as const) {
      expect(readFileSync(join(dir, 'data', `${kind}.json`), 'utf8')).toBe(
        `${JSON.stringify(canonical[kind], null, 2)}\n`,
      );
    }
  });

  it('is idempotent: a second run changes nothing', async () => {
    const dir = writeUnsorted(join(root, 'ds'));
    await formatDatasetSource(dir);
    const before = snapshot(dir);
    expect(await formatDatasetSource(dir)).toEqual({ changed: [], recovered: [], result: { valid: true, errors: [] } });
    const after = snapshot(dir);
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
  });

  it('formats invalid data too, keeping unknown fields, and still reports the problems', async () => {
    const data = canonicalDataset(baseDataset()) as unknown as Record<string, Record<string, unknown>[]>;
    data.sources = [
      JSON.parse(
        '{"publisher":"Washington Examiner","id":"src:article","title":"T","zz":1,"__proto__":{"x":1}}',
      ) as Record<string, unknown>,
    ];
    const dir = writeSource(join(root, 'ds'), data);
    const { changed, result } = await formatDatasetSource(dir);
    expect(changed).toEqual(['data/sources.json']);
    expect(readFileSync(join(dir, 'data', 'sources.json'), 'utf8')).toBe(
      '[\n  {\n    "id": "src:article",\n    "title": "T",\n    "publisher": "Washington Examiner",\n    "__proto__": {\n      "x": 1\n    },\n    "zz": 1\n  }\n]\n',
    );
    expect(result.errors.map((e) => e.path)).toEqual(['/__proto__', '/zz']);
  });

  it('changes nothing when a file cannot be parsed, and reports it', async () => {
    const dir = writeUnsorted(join(root, 'ds'));
    writeFileSync(join(dir, 'data', 'sources.json'), '[');
    const before = snapshot(dir);
    const { changed, result } = await formatDatasetSource(dir);
    expect(changed).toEqual([]);
    expect(result.errors).toEqual([
      {
        file: 'data/sources.json',
        id: null,
        path: '',
        line: 1,
        column: 2,
        message: 'invalid JSON at line 1, column 2: unexpected end of file (is the file truncated?)',
      },
    ]);
    const after = snapshot(dir);
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
  });

  it('refuses to format a release, saying why', async () => {
    const dir = writeSource(join(root, 'ds'));
    // A release folder as a build leaves it (building one is @claimgraph/release's job).
    mkdirSync(join(dir, 'dist'));
    writeFileSync(join(dir, 'dist', 'dataset.json'), `${JSON.stringify(baseDataset())}\n`);
    const { changed, result } = await formatDatasetSource(join(dir, 'dist'));
    expect(changed).toEqual([]);
    expect(result).toEqual({
      valid: false,
      errors: [
        {
          file: 'dataset.json',
          id: null,
          path: '',
          message: 'is a release; format rewrites a dataset source folder (with data/)',
        },
      ],
    });
  });
});
