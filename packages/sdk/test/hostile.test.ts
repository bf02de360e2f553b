// Hostile and broken input through the SDK: whatever fromData() or load() is given, it answers with
// one of the SDK's typed errors naming file, record and field — never a TypeError or a RangeError.
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRelease } from '@claimgraph/release';
import { readDataset } from '@claimgraph/schema/node';
import { validateDataset, type Dataset } from '@claimgraph/schema';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ClaimGraph,
  ClaimGraphError,
  ClaimGraphIntegrityError,
  ClaimGraphLoadError,
  ClaimGraphValidationError,
  UnknownIdError,
} from '../src/index.js';

/** A small valid dataset with names in Pashto and Arabic script, one of them with a right-to-left mark. */
function dataset(): Dataset {
  return {
    entities: [
      { id: 'armed-group:haqqani-network', type: 'armed-group', name: 'Haqqani network', aliases: ['د حقاني شبکه'] },
      {
        id: 'armed-group:taliban',
        type: 'armed-group',
        name: 'طالبان',
        aliases: ['Taliban', 'د افغانستان اسلامي امارت'],
      },
      { id: 'person:ned-price', type: 'person', name: 'Ned Price' },
      {
        id: 'person:sirajuddin-haqqani',
        type: 'person',
        name: 'سراج الدين حقاني\u200f',
        aliases: ['Sirajuddin Haqqani'],
      },
      { id: 'place:kabul', type: 'place', name: 'کابل', placeKind: 'city' },
    ],
    relations: [
      {
        id: 'rel:haqqani-part-of-taliban',
        type: 'part-of',
        source: 'armed-group:haqqani-network',
        target: 'armed-group:taliban',
      },
      {
        id: 'rel:sirajuddin-leads-haqqani',
        type: 'leads',
        source: 'person:sirajuddin-haqqani',
        target: 'armed-group:haqqani-network',
      },
      { id: 'rel:taliban-located-in-kabul', type: 'located-in', source: 'armed-group:taliban', target: 'place:kabul' },
    ],
    statements: [
      {
        id: 'st:price-1',
        relation: 'rel:haqqani-part-of-taliban',
        speaker: 'person:ned-price',
        stance: 'disputes',
        date: '2021-08-27',
        quote: 'They are separate entities.',
        source: 'src:article',
      },
      {
        id: 'st:price-2',
        relation: 'rel:taliban-located-in-kabul',
        speaker: 'person:ned-price',
        stance: 'supports',
        date: '2021-08',
        source: 'src:article',
      },
      {
        id: 'st:siraj-1',
        relation: 'rel:sirajuddin-leads-haqqani',
        speaker: 'person:sirajuddin-haqqani',
        stance: 'supports',
        date: '2020',
        quote: 'موږ يو يو',
        source: 'src:article',
      },
    ],
    sources: [
      { id: 'src:article', title: 'Separate entities?', publisher: 'Washington Examiner', published: '2021-08-30' },
    ],
  };
}

type Loose = Record<'entities' | 'relations' | 'statements' | 'sources', Record<string, unknown>[]>;
const loose = (data: Dataset) => data as unknown as Loose;
const byId = (list: Record<string, unknown>[], id: string) => list.find((r) => r.id === id)!;

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-sdk-hostile-'));
  roots.push(dir);
  return dir;
}

/** A dataset source folder: data/*.json from `files` (text or records) and a package.json. */
function sourceFolder(data: Dataset = dataset(), files: Partial<Record<string, string | Buffer>> = {}): string {
  const dir = tempDir();
  mkdirSync(join(dir, 'data'));
  for (const kind of ['entities', 'relations', 'statements', 'sources'] as const) {
    writeFileSync(join(dir, 'data', `${kind}.json`), files[kind] ?? `${JSON.stringify(data[kind], null, 2)}\n`);
  }
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name: '@claimgraph/dataset-hostile',
      version: '1.0.0',
      description: 'Hostile fixture.',
      license: 'CC-BY-4.0',
    }),
  );
  return dir;
}

/** A built release folder of the dataset. */
async function releaseFolder(data: Dataset = dataset()): Promise<string> {
  const source = sourceFolder(data);
  const built = await buildRelease(source, { releaseFiles: false });
  expect(built.result.errors).toEqual([]);
  return join(source, 'dist');
}

/** A release folder holding only `dataset.json` with these bytes (no datapackage.json, so nothing to check them against). */
function bareRelease(content: string | Buffer): string {
  const dir = tempDir();
  writeFileSync(join(dir, 'dataset.json'), content);
  return dir;
}

/** What load() threw, checked to be one of the SDK's own errors. */
async function loadError(
  location: string | URL,
  options?: Parameters<typeof ClaimGraph.load>[1],
): Promise<ClaimGraphError> {
  let thrown: unknown;
  try {
    await ClaimGraph.load(location, options);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'load() should have thrown').toBeInstanceOf(ClaimGraphError);
  return thrown as ClaimGraphError;
}

function fromDataError(data: unknown, options?: Parameters<typeof ClaimGraph.fromData>[1]): ClaimGraphError {
  let thrown: unknown;
  try {
    ClaimGraph.fromData(data as Dataset, options);
  } catch (error) {
    thrown = error;
  }
  expect(thrown, 'fromData() should have thrown').toBeInstanceOf(ClaimGraphError);
  return thrown as ClaimGraphError;
}

const issuesOf = (error: ClaimGraphError) => {
  expect(error).toBeInstanceOf(ClaimGraphValidationError);
  return (error as ClaimGraphValidationError).issues.map(({ file, id, path, message }) => ({
    file,
    id,
    path,
    message,
  }));
};

const NESTED = 100_000;
const deepArrayText = () => `${'['.repeat(NESTED)}${']'.repeat(NESTED)}`;
const TEN_MB = 10 * 1024 * 1024;

describe('ClaimGraph.load() on a source folder with broken files', () => {
  it('names the file, line and column of a truncated file', async () => {
    const text = JSON.stringify(dataset().sources, null, 2);
    const dir = sourceFolder(dataset(), { sources: text.slice(0, text.length - 10) });
    const error = await loadError(dir);
    expect(error).toBeInstanceOf(ClaimGraphLoadError);
    expect((error as ClaimGraphLoadError).file).toBe(join(dir, 'data/sources.json'));
    expect(error.message).toMatch(
      /^@claimgraph\/sdk: .*data\/sources\.json: invalid JSON at line \d+, column \d+: unexpected end of file \(is the file truncated\?\)$/,
    );
  });

  it('names the offset of the first byte that is not UTF-8', async () => {
    const text = Buffer.from(JSON.stringify(dataset().entities), 'utf8');
    const latin1 = Buffer.concat([text.subarray(0, 20), Buffer.from([0xfc]), text.subarray(20)]);
    const dir = sourceFolder(dataset(), { entities: latin1 });
    const error = await loadError(dir);
    expect(error).toBeInstanceOf(ClaimGraphLoadError);
    expect(error.message).toBe(
      `@claimgraph/sdk: ${join(dir, 'data/entities.json')}: is not valid UTF-8 (first bad byte at offset 20); save the file as UTF-8`,
    );
  });

  it('reads a file that starts with a byte order mark', async () => {
    const dir = sourceFolder(dataset(), { entities: `\ufeff${JSON.stringify(dataset().entities)}` });
    expect((await ClaimGraph.load(dir)).entities()).toHaveLength(5);
  });

  it('names the file holding an object where an array belongs, and an empty file', async () => {
    const object = await loadError(
      sourceFolder(dataset(), { sources: JSON.stringify({ sources: dataset().sources }) }),
    );
    expect(object).toBeInstanceOf(ClaimGraphLoadError);
    expect(object.message).toMatch(/data\/sources\.json: must be a JSON array of sources, not an object$/);
    const empty = await loadError(sourceFolder(dataset(), { relations: '' }));
    expect(empty.message).toMatch(/data\/relations\.json: is empty; it must hold a JSON array$/);
  });

  it('reports 100,000 nested arrays as a record that is not an object', async () => {
    const error = await loadError(sourceFolder(dataset(), { entities: deepArrayText() }));
    expect(issuesOf(error)[0]).toEqual({
      file: 'data/entities.json',
      id: null,
      path: '',
      message: 'must be an object, not an array',
    });
  });

  it('reports a field nested 100,000 deep by file, record and field, without overflowing the stack', async () => {
    const relations = JSON.stringify(dataset().relations).replace(
      '"type":"leads"',
      `"type":"leads","attributes":{"rank":${deepArrayText()}}`,
    );
    const error = await loadError(sourceFolder(dataset(), { relations }));
    expect(issuesOf(error)).toEqual([
      {
        file: 'data/relations.json',
        id: 'rel:sirajuddin-leads-haqqani',
        path: '/attributes',
        message: 'is nested more than 32 levels deep; no field of a record nests more than two',
      },
    ]);
  });

  it('gives the same file, record and field as the validator for every problem of a source folder', async () => {
    const data = dataset();
    byId(loose(data).statements, 'st:price-1').date = '2021-13-01';
    byId(loose(data).entities, 'person:ned-price').name = 'Ned\u202e Price';
    const dir = sourceFolder(data);
    const error = await loadError(dir);
    const read = await readDataset(dir);
    expect((error as ClaimGraphValidationError).issues).toEqual(
      validateDataset(read.data, { files: read.files, requireSorted: true }).errors,
    );
    expect(issuesOf(error)).toEqual([
      {
        file: 'data/entities.json',
        id: 'person:ned-price',
        path: '/name',
        message: 'contains the invisible control character U+202E at position 3; remove it',
      },
      {
        file: 'data/statements.json',
        id: 'st:price-1',
        path: '/date',
        message: '"2021-13-01" has month 13, which does not exist',
      },
    ]);
  });
});

describe('ClaimGraph.load() on a release with broken files', () => {
  it('reports dataset.json bytes that are not UTF-8, even with no datapackage.json to check them', async () => {
    const text = Buffer.from(JSON.stringify(dataset()), 'utf8');
    const dir = bareRelease(Buffer.concat([text.subarray(0, 30), Buffer.from([0xc3, 0x28]), text.subarray(30)]));
    const error = await loadError(dir);
    expect(error).toBeInstanceOf(ClaimGraphLoadError);
    expect(error.message).toBe(
      `@claimgraph/sdk: ${join(dir, 'dataset.json')}: is not valid UTF-8 (first bad byte at offset 30); save the file as UTF-8`,
    );
  });

  it('reports dataset.json bytes that are not UTF-8 when datapackage.json lists their very sha256', async () => {
    const text = Buffer.from(JSON.stringify(dataset()), 'utf8');
    const bytes = Buffer.concat([text.subarray(0, 30), Buffer.from([0xc3, 0x28]), text.subarray(30)]);
    const dir = bareRelease(bytes);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    writeFileSync(join(dir, 'datapackage.json'), JSON.stringify({ resources: [{ path: 'dataset.json', sha256 }] }));
    const error = await loadError(dir);
    expect(error).toBeInstanceOf(ClaimGraphLoadError);
    expect(error).not.toBeInstanceOf(ClaimGraphIntegrityError);
    expect(error.message).toBe(
      `@claimgraph/sdk: ${join(dir, 'dataset.json')}: is not valid UTF-8 (first bad byte at offset 30); save the file as UTF-8`,
    );
  });

  it('keeps a U+FFFD that the file really holds', async () => {
    const data = dataset();
    data.sources[0]!.title = 'Separate entities\ufffd';
    const cg = await ClaimGraph.load(bareRelease(JSON.stringify(data)));
    expect(cg.source('src:article')!.title).toBe('Separate entities\ufffd');
  });

  it('reads names in any script from dataset.json, and refuses bad JSON around them at its position', async () => {
    const data = dataset();
    data.sources[0]!.title = 'Åberg, پشتو and 😀 \\ "quoted"';
    const cg = await ClaimGraph.load(bareRelease(`\ufeff${JSON.stringify(data)}`));
    expect(cg.source('src:article')!.title).toBe('Åberg, پشتو and 😀 \\ "quoted"');
    // A backslash right before a non-ASCII character, and a non-ASCII character outside a string.
    const escaped = await loadError(bareRelease('{"entities": [{"id": "x\\é"}]}'));
    expect(escaped.message).toMatch(/dataset\.json: invalid JSON at line 1, column 25: Bad escaped character$/);
    const outside = await loadError(bareRelease('{"entities": [] é}'));
    expect(outside.message).toMatch(
      /dataset\.json: invalid JSON at line 1, column 17: Expected ',' or '}' after property value$/,
    );
  });

  it('names a truncated dataset.json and one that is a list, by file', async () => {
    const truncated = await loadError(bareRelease(JSON.stringify(dataset()).slice(0, 200)));
    expect(truncated).toBeInstanceOf(ClaimGraphLoadError);
    expect(truncated.message).toMatch(
      /dataset\.json: invalid JSON at line 1, column 201: unexpected end of file \(is the file truncated\?\)$/,
    );
    const list = await loadError(bareRelease(JSON.stringify([dataset()])));
    expect(issuesOf(list)).toEqual([
      {
        file: 'dataset.json',
        id: null,
        path: '',
        message: 'a dataset must be an object with entities, relations, statements, sources, not an array',
      },
    ]);
    const deep = await loadError(bareRelease(deepArrayText()));
    expect(issuesOf(deep)[0]!.message).toBe(
      'a dataset must be an object with entities, relations, statements, sources, not an array',
    );
  });

  it('reports ids that collide across the lists of one dataset.json, naming dataset.json', async () => {
    const data = dataset();
    loose(data).sources.push({ id: 'armed-group:taliban', title: 'x', publisher: 'y' });
    const error = await loadError(bareRelease(JSON.stringify(data)));
    expect(issuesOf(error)).toContainEqual(
      expect.objectContaining({ file: 'dataset.json', id: 'armed-group:taliban', path: '/id' }),
    );
  });
});

describe('ClaimGraph.load() checks a release against datapackage.json', () => {
  it('loads an untouched release and says its version', async () => {
    const cg = await ClaimGraph.load(await releaseFolder());
    expect(cg.version).toBe('1.0.0');
    expect(cg.entities()).toHaveLength(5);
  });

  it('refuses a dataset.json changed after the build with ClaimGraphIntegrityError, and loads it with { integrity: false }', async () => {
    const dir = await releaseFolder();
    const file = join(dir, 'dataset.json');
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('They are separate entities.', 'They are one and the same.'),
    );
    const after = createHash('sha256').update(readFileSync(file)).digest('hex');
    // The folder is read from its columnar file unless told otherwise; the row file is checked the same way.
    const error = await loadError(dir, { columns: false });
    expect(error).toBeInstanceOf(ClaimGraphIntegrityError);
    expect(error).toBeInstanceOf(ClaimGraphLoadError);
    expect(error).toMatchObject({ name: 'ClaimGraphIntegrityError', file, expected: before, actual: after });
    expect(error.message).toBe(
      `@claimgraph/sdk: ${file}: sha256 mismatch: datapackage.json says ${before}, the file has ${after}; the file was changed after the release was built (load with { integrity: false } to skip the check)`,
    );
    // The same through the dataset.json path and a file: URL.
    await expect(ClaimGraph.load(file)).rejects.toBeInstanceOf(ClaimGraphIntegrityError);
    const cg = await ClaimGraph.load(dir, { integrity: false, columns: false });
    expect(cg.statements().find((s) => s.id === 'st:price-1')!.quote).toBe('They are one and the same.');
  });

  it('refuses a broken datapackage.json unless the check is skipped', async () => {
    const dir = await releaseFolder();
    writeFileSync(join(dir, 'datapackage.json'), '{"resources": [');
    const error = await loadError(dir);
    expect(error).toBeInstanceOf(ClaimGraphLoadError);
    expect(error.message).toContain('datapackage.json: invalid JSON');
    expect((await ClaimGraph.load(dir, { integrity: false })).entities()).toHaveLength(5);
  });

  it('refuses a datapackage.json that cannot be read, or cannot be fetched, unless the check is skipped', async () => {
    const dir = await releaseFolder();
    rmSync(join(dir, 'datapackage.json'));
    mkdirSync(join(dir, 'datapackage.json'));
    const error = await loadError(dir);
    expect(error).toBeInstanceOf(ClaimGraphLoadError);
    expect(error.message).toBe(
      `@claimgraph/sdk: ${join(dir, 'datapackage.json')}: cannot be read (EISDIR), so the release's files cannot be checked; load with { integrity: false } to skip the check`,
    );
    expect((await ClaimGraph.load(dir, { integrity: false })).entities()).toHaveLength(5);
    const dataset = new Uint8Array(readFileSync(join(dir, 'dataset.json')));
    const fetch = (async (input: URL | RequestInfo) => {
      if (new URL(String(input)).pathname.endsWith('/datapackage.json')) throw new TypeError('connection reset');
      return new Response(dataset);
    }) as typeof globalThis.fetch;
    const fetched = await loadError('https://example.org/release/', { fetch });
    expect(fetched.message).toBe(
      '@claimgraph/sdk: https://example.org/release/datapackage.json: could not be fetched (connection reset): cannot check integrity without it (load with { integrity: false } to skip the check)',
    );
  });

  it('reads only dataset.json: an extra file or a changed Parquet file is for claimgraph verify, not load', async () => {
    const dir = await releaseFolder();
    writeFileSync(join(dir, 'notes.txt'), 'added after the build');
    expect((await ClaimGraph.load(dir)).entities()).toHaveLength(5);
  });

  it('checks a fetched release too, and skips the check when told', async () => {
    const dir = await releaseFolder();
    const files = new Map<string, Uint8Array<ArrayBuffer>>([
      ['/release/dataset.json', new Uint8Array(readFileSync(join(dir, 'dataset.json')))],
      ['/release/datapackage.json', new Uint8Array(readFileSync(join(dir, 'datapackage.json')))],
    ]);
    const fetch = (async (input: URL | RequestInfo) => {
      const body = files.get(new URL(String(input)).pathname);
      return body ? new Response(body) : new Response('', { status: 404, statusText: 'Not Found' });
    }) as typeof globalThis.fetch;
    expect((await ClaimGraph.load('https://example.org/release/', { fetch })).entities()).toHaveLength(5);
    const tampered = Buffer.from(files.get('/release/dataset.json')!);
    tampered[tampered.indexOf('separate')] = 'S'.charCodeAt(0);
    files.set('/release/dataset.json', new Uint8Array(tampered));
    const error = await loadError('https://example.org/release/', { fetch });
    expect(error).toBeInstanceOf(ClaimGraphIntegrityError);
    expect(error.message).toContain('https://example.org/release/dataset.json: sha256 mismatch');
    const unchecked = await ClaimGraph.load('https://example.org/release/', { fetch, integrity: false });
    expect(unchecked.statements().find((s) => s.id === 'st:price-1')!.quote).toBe('They are Separate entities.');
    const invalidUtf8 = await loadError('https://example.org/release/dataset.json', {
      integrity: false,
      fetch: (async () => new Response(new Uint8Array([0x7b, 0xff, 0x7d]))) as typeof globalThis.fetch,
    });
    expect(invalidUtf8.message).toBe(
      '@claimgraph/sdk: https://example.org/release/dataset.json: is not valid UTF-8; save the file as UTF-8',
    );
  });

  it('appending to a release file is caught like changing it', async () => {
    const dir = await releaseFolder();
    appendFileSync(join(dir, 'dataset.json'), '\n');
    await expect(ClaimGraph.load(dir, { columns: false })).rejects.toBeInstanceOf(ClaimGraphIntegrityError);
    appendFileSync(join(dir, 'dataset.columns.bin'), '\n');
    await expect(ClaimGraph.load(dir)).rejects.toBeInstanceOf(ClaimGraphIntegrityError);
  });
});

/** One broken dataset per rule the brief names, with the issue each must give. */
const BROKEN: [
  name: string,
  change: (d: Loose) => void,
  issue: { file: string; id: string | null; path: string; message: string },
][] = [
  [
    'an id "__proto__"',
    (d) => d.entities.push(JSON.parse('{"id":"__proto__","type":"person","name":"Proto"}') as Record<string, unknown>),
    {
      file: 'data/entities.json',
      id: '__proto__',
      path: '/id',
      message:
        '"__proto__" is not an entity id; write the entity type, a colon and a lower-case slug (person:john-kirby)',
    },
  ],
  [
    'a speaker "constructor"',
    (d) => (byId(d.statements, 'st:price-1').speaker = 'constructor'),
    {
      file: 'data/statements.json',
      id: 'st:price-1',
      path: '/speaker',
      message:
        '"constructor" is not an entity id; write the entity type, a colon and a lower-case slug (person:john-kirby)',
    },
  ],
  [
    'a relation "toString"',
    (d) => (byId(d.statements, 'st:price-2').relation = 'toString'),
    {
      file: 'data/statements.json',
      id: 'st:price-2',
      path: '/relation',
      message: '"toString" is not a relation id; write "rel:" and a lower-case slug (rel:example-id)',
    },
  ],
  [
    'a "__proto__" field',
    (d) =>
      d.sources.splice(
        0,
        1,
        JSON.parse('{"id":"src:article","title":"T","publisher":"P","__proto__":{"polluted":true}}') as Record<
          string,
          unknown
        >,
      ),
    {
      file: 'data/sources.json',
      id: 'src:article',
      path: '/__proto__',
      message: 'unknown field "__proto__"; allowed fields are fixed by the schema',
    },
  ],
  [
    'an empty name',
    (d) => (byId(d.entities, 'place:kabul').name = ''),
    { file: 'data/entities.json', id: 'place:kabul', path: '/name', message: 'must not be empty' },
  ],
  [
    'a control character in a name',
    (d) => (byId(d.entities, 'place:kabul').name = 'کا\u0000بل'),
    {
      file: 'data/entities.json',
      id: 'place:kabul',
      path: '/name',
      message: 'contains the invisible control character U+0000 at position 2; remove it',
    },
  ],
  [
    'a right-to-left override in an alias',
    (d) => (byId(d.entities, 'armed-group:taliban').aliases = ['\u202eTaliban']),
    {
      file: 'data/entities.json',
      id: 'armed-group:taliban',
      path: '/aliases/0',
      message: 'contains the invisible control character U+202E at position 0; remove it',
    },
  ],
  [
    'a self-loop',
    (d) => (byId(d.relations, 'rel:taliban-located-in-kabul').target = 'armed-group:taliban'),
    {
      file: 'data/relations.json',
      id: 'rel:taliban-located-in-kabul',
      path: '/target',
      message: 'is the same entity as the source ("armed-group:taliban"); a relation needs two different entities',
    },
  ],
  [
    'a statement about a statement',
    (d) => (byId(d.statements, 'st:price-2').relation = 'st:price-1'),
    {
      file: 'data/statements.json',
      id: 'st:price-2',
      path: '/relation',
      message: '"st:price-1" is a statement, not a relation',
    },
  ],
  [
    'month 13',
    (d) => (byId(d.statements, 'st:price-1').date = '2021-13-01'),
    {
      file: 'data/statements.json',
      id: 'st:price-1',
      path: '/date',
      message: '"2021-13-01" has month 13, which does not exist',
    },
  ],
  [
    'year 0000',
    (d) => (byId(d.statements, 'st:siraj-1').date = '0000'),
    {
      file: 'data/statements.json',
      id: 'st:siraj-1',
      path: '/date',
      message: '"0000" has year 0000, which is not a real year',
    },
  ],
  [
    '29 February 2021',
    (d) => (byId(d.sources, 'src:article').published = '2021-02-29'),
    {
      file: 'data/sources.json',
      id: 'src:article',
      path: '/published',
      message: '"2021-02-29" is not a calendar date',
    },
  ],
];

describe('ClaimGraph.fromData(x, { validate: true }) on hostile records', () => {
  it.each(BROKEN)('reports %s by file, record and field, as the validator does', (_name, change, issue) => {
    const data = dataset();
    change(loose(data));
    const expected = validateDataset(data, { requireSorted: false }).errors;
    expect(expected.map(({ file, id, path, message }) => ({ file, id, path, message }))).toContainEqual(issue);
    const error = fromDataError(data, { validate: true });
    expect((error as ClaimGraphValidationError).issues).toEqual(expected);
    expect(error.message).toContain(issue.message);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reports a part-of cycle on the relation that closes it', () => {
    const data = dataset();
    loose(data).relations.push({
      id: 'rel:taliban-part-of-haqqani',
      type: 'part-of',
      source: 'armed-group:taliban',
      target: 'armed-group:haqqani-network',
    });
    loose(data).statements.push({
      id: 'st:zz-1',
      relation: 'rel:taliban-part-of-haqqani',
      speaker: 'person:ned-price',
      stance: 'supports',
      date: '2021-08',
      source: 'src:article',
    });
    const issues = issuesOf(fromDataError(data));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'data/relations.json', path: '/target' });
    expect(issues[0]!.message).toMatch(/part-of cycle/);
  });

  it('reports the same id used twice in one list and across lists', () => {
    const data = dataset();
    loose(data).entities.push({ ...byId(loose(data).entities, 'place:kabul'), name: 'Kabul' });
    loose(data).relations.push({
      id: 'st:price-1',
      type: 'leads',
      source: 'person:ned-price',
      target: 'armed-group:taliban',
    });
    const issues = issuesOf(fromDataError(data));
    expect(issues).toContainEqual(
      expect.objectContaining({
        file: 'data/entities.json',
        id: 'place:kabul',
        path: '/id',
        message: expect.stringMatching(/^duplicate id: "place:kabul"/),
      }),
    );
    expect(issues).toContainEqual(
      expect.objectContaining({ file: 'data/relations.json', id: 'st:price-1', path: '/id' }),
    );
  });

  it('refuses lists that are objects or strings, and keys that are not lists, with ClaimGraphValidationError', () => {
    for (const input of [
      { ...dataset(), entities: {} },
      { ...dataset(), statements: 'st:price-1' },
      { ...dataset(), extra: [] },
      Object.assign(JSON.parse('{"__proto__": []}') as object, dataset()),
      { ...dataset(), redirects: 'none' },
    ]) {
      expect(fromDataError(input)).toBeInstanceOf(ClaimGraphValidationError);
    }
  });

  it('handles a 10 MB name: accepted, found by search, and a problem in it reported in one short line', () => {
    const data = dataset();
    const long = `Haqqani ${'x'.repeat(TEN_MB)}`;
    byId(loose(data).entities, 'person:ned-price').name = long;
    const cg = ClaimGraph.fromData(data);
    expect(cg.search('haqqani xx').map((e) => e.id)).toEqual(['person:ned-price']);
    byId(loose(data).entities, 'person:ned-price').name = `${long}\u0007`;
    const error = fromDataError(data);
    expect(issuesOf(error)).toEqual([
      {
        file: 'data/entities.json',
        id: 'person:ned-price',
        path: '/name',
        message: `contains the invisible control character U+0007 at position ${long.length}; remove it`,
      },
    ]);
    expect(error.message.length).toBeLessThan(500);
  });

  it('quotes a 10 MB id in at most a line', () => {
    const data = dataset();
    byId(loose(data).statements, 'st:price-1').speaker = `person:${'a'.repeat(TEN_MB)}`;
    const error = fromDataError(data);
    expect(issuesOf(error)[0]).toMatchObject({ file: 'data/statements.json', id: 'st:price-1', path: '/speaker' });
    expect(error.message.length).toBeLessThan(500);
  });

  it('refuses deeply nested and cyclic values with ClaimGraphValidationError, validated or not', () => {
    const deep = JSON.parse(deepArrayText()) as unknown;
    const cyclic: Record<string, unknown> = { id: 'person:cyclic', type: 'person', name: 'Cyclic' };
    cyclic.self = cyclic;
    for (const input of [
      deep,
      { ...dataset(), entities: deep },
      { ...dataset(), entities: [...dataset().entities, { ...cyclic }] },
      { ...dataset(), relations: [{ ...dataset().relations[0], attributes: { rank: deep } }] },
    ]) {
      expect(fromDataError(input)).toBeInstanceOf(ClaimGraphValidationError);
    }
    expect(fromDataError(deep, { validate: false }).message).toMatch(
      /^@claimgraph\/sdk: ClaimGraph\.fromData\(\): expected/,
    );
  });
});

describe('queries with hostile ids', () => {
  const cg = ClaimGraph.fromData(dataset());

  it('finds no record named like an Object.prototype member', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      expect(cg.entity(id)).toBeUndefined();
      expect(cg.relation(id)).toBeUndefined();
      expect(cg.source(id)).toBeUndefined();
    }
  });

  it('throws UnknownIdError, never a TypeError, for such ids in options', () => {
    for (const id of ['__proto__', 'constructor', 'toString', '']) {
      expect(() => cg.relations({ entity: id })).toThrow(UnknownIdError);
      expect(() => cg.statements({ speaker: id })).toThrow(UnknownIdError);
      expect(() => cg.neighbors(id)).toThrow(UnknownIdError);
      expect(() => cg.stances(id)).toThrow(UnknownIdError);
      expect(() => cg.path(id, 'place:kabul')).toThrow(UnknownIdError);
      expect(() => cg.perspective(id)).toThrow(UnknownIdError);
    }
  });

  it('refuses options objects carrying a __proto__ key as unknown options', () => {
    expect(() => cg.relations(JSON.parse('{"__proto__": {"type": "leads"}}') as object)).toThrow(
      /option "__proto__" is unknown/,
    );
    expect(() => cg.search(42 as never)).toThrow(ClaimGraphError);
  });
});

describe('names in Pashto and Arabic script', () => {
  it('load, search and round-trip unchanged, right-to-left mark and all', async () => {
    const cg = await ClaimGraph.load(sourceFolder());
    expect(cg.search('طالبان').map((e) => e.id)).toEqual(['armed-group:taliban']);
    expect(cg.search('حقاني').map((e) => e.id)).toEqual(['armed-group:haqqani-network', 'person:sirajuddin-haqqani']);
    expect(cg.search('کابل').map((e) => e.id)).toEqual(['place:kabul']);
    expect(cg.search('اسلامي امارت').map((e) => e.id)).toEqual(['armed-group:taliban']);
    expect(cg.entity('person:sirajuddin-haqqani')!.name).toBe('سراج الدين حقاني\u200f');
    expect(cg.statements({ speaker: 'person:sirajuddin-haqqani' })[0]!.quote).toBe('موږ يو يو');
    expect(cg.toJSON()).toEqual(ClaimGraph.fromData(dataset()).toJSON());
    expect(cg.graph.getNodeAttribute('place:kabul', 'label')).toBe('کابل');
  });
});
