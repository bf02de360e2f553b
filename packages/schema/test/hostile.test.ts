// Hostile input the validator and formatDatasetSource must survive: values nested deeper than the
// stack, cycles, BigInts, 10 MB strings, broken redirects. (The release build's and verifyRelease's
// are in @claimgraph/release's tests.)
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue, validateDataset, type Dataset } from '../src/index.js';
import { show } from '../src/issues.js';
import { formatDatasetSource } from '../src/node.js';
import { baseDataset, problemsAfter, problemsOf, record } from './fixture.js';

const ENTITIES = 'data/entities.json';
const RELATIONS = 'data/relations.json';
const REDIRECTS = 'data/redirects.json';

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

const deep = (depth: number): unknown => {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
};

describe('validateDataset() on values nested deeper than the stack', () => {
  it('names the field of 100,000 nested arrays, in any field of any record', () => {
    expect(
      problemsAfter((d) => (record(d.relations, 'rel:haqqani-part-of-taliban').attributes = { rank: deep(100_000) })),
    ).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/attributes',
        message: 'is nested more than 32 levels deep; no field of a record nests more than two',
      },
    ]);
    expect(problemsAfter((d) => (record(d.entities, 'place:kabul').aliases = deep(100_000) as string[]))).toEqual([
      {
        file: ENTITIES,
        id: 'place:kabul',
        path: '/aliases',
        message: 'is nested more than 32 levels deep; no field of a record nests more than two',
      },
    ]);
    expect(problemsAfter((d) => (record(d.entities, 'place:kabul').__hidden = { a: { b: deep(50) } }))).toEqual([
      {
        file: ENTITIES,
        id: 'place:kabul',
        path: '/__hidden',
        message: 'is nested more than 32 levels deep; no field of a record nests more than two',
      },
    ]);
  });

  it('accepts nesting a schema error can still describe, and reports it as a type error', () => {
    expect(
      problemsAfter((d) => (record(d.relations, 'rel:haqqani-part-of-taliban').attributes = { rank: deep(30) })),
    ).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/attributes/rank',
        message: expect.stringMatching(/^"rank" is not|does not match|must be/) as unknown as string,
      },
    ]);
  });

  it('stops at a cycle instead of following it, and never walks a wide value twice per level', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.a = cyclic;
    cyclic.b = cyclic;
    expect(problemsAfter((d) => (record(d.entities, 'place:kabul').description = cyclic))).toEqual([
      {
        file: ENTITIES,
        id: 'place:kabul',
        path: '/description',
        message: 'is nested more than 32 levels deep; no field of a record nests more than two',
      },
    ]);
  });

  it('quotes values JSON cannot write without throwing: a BigInt, a symbol, a cycle', () => {
    const cycle: unknown[] = [];
    cycle.push(cycle);
    expect(problemsAfter((d) => (record(d.entities, 'place:kabul').name = 10n as unknown as string))).toEqual([
      { file: ENTITIES, id: 'place:kabul', path: '/name', message: 'must be a string, not a bigint (10n)' },
    ]);
    expect(
      problemsAfter(
        (d) => (record(d.relations, 'rel:haqqani-part-of-taliban').type = Symbol('x') as unknown as string),
      )[0],
    ).toMatchObject({ path: '/type' });
    expect(problemsAfter((d) => (record(d.entities, 'place:kabul').type = cycle as unknown as string))).toEqual([
      {
        file: ENTITIES,
        id: 'place:kabul',
        path: '/type',
        message: 'is nested more than 32 levels deep; no field of a record nests more than two',
      },
    ]);
    expect([show(cycle), show({ cycle }), show(10n), show(Symbol('s'))]).toEqual(['[…]', '{…}', '10n', 'Symbol(s)']);
  });
});

describe('validateDataset() on 10 MB strings', () => {
  const TEN_MB = 10 * 1024 * 1024;

  it('accepts a 10 MB name and reports a control character at its end in a short line', () => {
    expect(problemsAfter((d) => (record(d.entities, 'place:kabul').name = 'k'.repeat(TEN_MB)))).toEqual([]);
    const [issue, ...rest] = validateDataset(
      (() => {
        const data = baseDataset();
        record(data.entities as unknown as Record<string, unknown>[], 'place:kabul').name =
          `${'k'.repeat(TEN_MB)}\u202e`;
        return data;
      })(),
    ).errors;
    expect(rest).toEqual([]);
    expect(formatIssue(issue!)).toBe(
      `${ENTITIES}: place:kabul /name: contains the invisible control character U+202E at position ${TEN_MB}; remove it`,
    );
  });

  it('cuts a 10 MB id short wherever it is quoted', () => {
    const long = `place:${'k'.repeat(TEN_MB)}`;
    const issues = validateDataset(
      (() => {
        const data = baseDataset() as unknown as Record<string, Record<string, unknown>[]>;
        record(data.relations!, 'rel:attack-located-in-kabul').target = long;
        record(data.entities!, 'person:ned-price').id = `${long}\n`;
        return data;
      })(),
    ).errors;
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) expect(formatIssue(issue).length).toBeLessThan(400);
  });
});

describe('validateDataset() on broken redirects', () => {
  const withRedirects = (redirects: unknown) => ({ ...baseDataset(), redirects }) as Dataset;
  /** A redirect with the required reason and date. */
  const r = (from: string, to: string, reason = 'renamed') => ({ from, to, reason, date: '2021-09' });

  it('accepts a redirect from a removed id to a record of the same kind', () => {
    expect(
      problemsOf(
        withRedirects([{ from: 'person:edward-price', to: 'person:ned-price', reason: 'renamed', date: '2021-09' }]),
      ),
    ).toEqual([]);
  });

  it('names the list when it is not an array, and each bad redirect by its old id', () => {
    expect(problemsOf(withRedirects({ from: 'x' }))).toEqual([
      { file: REDIRECTS, id: null, path: '', message: 'must be a JSON array of redirects, not an object' },
    ]);
    const asSet = (problems: unknown[]) => problems.map((p) => JSON.stringify(p)).sort();
    expect(
      asSet(
        problemsOf(
          withRedirects([
            r('person:a', 'person:a'),
            r('person:b', 'person:c'),
            r('person:c', 'person:ned-price'),
            r('person:d', 'src:article'),
            r('person:ned-price', 'person:john-kirby'),
            r('person:z', 'place:nowhere'),
            r('person:z', 'person:john-kirby'),
            r('__proto__', 'person:john-kirby', '\u202e'),
            null,
          ]),
        ),
      ),
    ).toEqual(
      asSet([
        { file: REDIRECTS, id: 'person:a', path: '/to', message: 'points at itself' },
        {
          file: REDIRECTS,
          id: 'person:b',
          path: '/to',
          message: '"person:c" is itself redirected to "person:ned-price"; point straight at "person:ned-price"',
        },
        {
          file: REDIRECTS,
          id: 'person:d',
          path: '/to',
          message: '"src:article" is not the same kind of record as "person:d"',
        },
        {
          file: REDIRECTS,
          id: 'person:ned-price',
          path: '/from',
          message: '"person:ned-price" still exists; a redirect is only for an id that was removed',
        },
        { file: REDIRECTS, id: 'person:z', path: '/to', message: '"place:nowhere" is not a record in this dataset' },
        { file: REDIRECTS, id: 'person:z', path: '/from', message: '"person:z" is redirected twice' },
        {
          file: REDIRECTS,
          id: '__proto__',
          path: '/from',
          message:
            '"__proto__" is not a claimgraph id (an entity id, or "rel:", "st:" or "src:" and a lower-case slug)',
        },
        {
          file: REDIRECTS,
          id: '__proto__',
          path: '/reason',
          message: 'contains the invisible control character U+202E at position 0; remove it',
        },
        {
          file: REDIRECTS,
          id: '__proto__',
          path: '/from',
          message:
            'records are not sorted by from: "__proto__" comes after "person:z"; run "claimgraph format" to sort the file',
        },
        { file: REDIRECTS, id: null, path: '', message: 'must be an object, not null' },
      ]),
    );
  });

  it('requires redirects sorted by their old id in a source folder', () => {
    const problems = problemsOf(withRedirects([r('person:b', 'person:ned-price'), r('person:a', 'person:ned-price')]));
    expect(problems).toEqual([
      {
        file: REDIRECTS,
        id: 'person:a',
        path: '/from',
        message:
          'records are not sorted by from: "person:a" comes after "person:b"; run "claimgraph format" to sort the file',
      },
    ]);
  });
});

describe('formatDatasetSource() on values it cannot write back', () => {
  it('writes nothing when one file holds 100,000 nested arrays, and says why', async () => {
    const text = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const dir = sourceFolder(baseDataset(), { sources: text });
    const before = readFileSync(join(dir, 'data', 'entities.json'), 'utf8');
    const { changed, result } = await formatDatasetSource(dir);
    expect(changed).toEqual([]);
    expect(result.valid).toBe(false);
    expect(result.errors[0]).toEqual({
      file: 'data/sources.json',
      id: null,
      path: '',
      message: 'cannot be written back (a value is nested too deeply); nothing was formatted',
    });
    expect(readFileSync(join(dir, 'data', 'entities.json'), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'data', 'sources.json'), 'utf8')).toBe(text);
  });
});
