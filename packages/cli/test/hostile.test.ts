// Hostile input through the command line: 10 MB strings, 100,000 nested arrays, files added to or
// changed in a release. Every command answers with exit 1 and a message naming file, record and
// field — never a stack trace, a RangeError or a half-written file.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimgraph, copyFixture, crashIn, lines, snapshot, VALID } from './run-cli.js';

const NESTED = 100_000;
const deepArrays = `${'['.repeat(NESTED)}${']'.repeat(NESTED)}`;
const TEN_MB = 10 * 1024 * 1024;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the valid fixture with one data file changed by `edit` (given and returning its text). */
function fixtureWith(file: string, edit: (text: string) => string): string {
  const dir = copyFixture(VALID, 'claimgraph-cli-hostile-');
  made.push(dir);
  const path = join(dir, 'data', file);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return dir;
}

/** Edits the first record of a data file as an object. */
const firstRecord = (edit: (record: Record<string, unknown>) => void) => (text: string) => {
  const records = JSON.parse(text) as Record<string, unknown>[];
  edit(records[0]!);
  return JSON.stringify(records, null, 2);
};

function expectCleanFailure(run: { code: number | null; stdout: string; stderr: string }) {
  expect(crashIn(run.stderr), run.stderr.slice(0, 2000)).toBeNull();
  expect(run.stderr).not.toMatch(/RangeError|TypeError|Maximum call stack/);
  expect(run.code).toBe(1);
}

describe('100,000 nested arrays', () => {
  let listDir: string;
  let fieldDir: string;
  beforeAll(() => {
    listDir = fixtureWith('entities.json', () => deepArrays);
    // Raw text: JSON.stringify cannot write 100,000 levels. The first relation's attributes get a deep value.
    fieldDir = fixtureWith('relations.json', (text) =>
      text.replace('"attributes": {', `"attributes": { "rank": ${deepArrays},`),
    );
  });

  it('validate names the record that is not an object, and the field nested too deeply', async () => {
    const list = await claimgraph(['validate', '.'], listDir);
    expectCleanFailure(list);
    expect(lines(list.stderr)[0]).toBe('data/entities.json: record #0: must be an object, not an array');
    const field = await claimgraph(['validate', '.'], fieldDir);
    expectCleanFailure(field);
    expect(lines(field.stderr)).toEqual([
      'data/relations.json: rel:haqqani-network-designated-by-state-department /attributes: is nested more than 32 levels deep; no field of a record nests more than two',
      '.: 1 problem found',
    ]);
  });

  it('format refuses to write, and leaves every file as it was', async () => {
    for (const dir of [listDir, fieldDir]) {
      const before = snapshot(dir);
      const run = await claimgraph(['format', '.'], dir);
      expectCleanFailure(run);
      expect(lines(run.stderr)[0]).toMatch(
        /^data\/(entities|relations)\.json: cannot be written back \(a value is nested too deeply\); nothing was formatted$/,
      );
      expect(snapshot(dir)).toEqual(before);
    }
  });

  it.each([
    ['build', ['build', '.'], /not built, \d+ problems? found$/],
    ['info', ['info', '.'], /cannot summarise an invalid dataset/],
    ['diff', ['diff', VALID, '.'], /not a valid dataset/],
    ['export', ['export', '--format', 'csv', '--out', 'out', '--dataset', '.'], /cannot export an invalid dataset/],
    ['chart', ['chart', 'network', '--out', 'chart.svg', '--dataset', '.'], /cannot chart an invalid dataset/],
    ['sql', ['sql', 'SELECT count(*) FROM entities', '--dataset', '.'], /cannot query an invalid dataset/],
  ])('%s fails with a message', async (_name, args, last) => {
    const run = await claimgraph(args, fieldDir);
    expectCleanFailure(run);
    expect(run.stderr).toContain('/attributes: is nested more than 32 levels deep');
    expect(lines(run.stderr).join('\n')).toMatch(last);
    for (const written of ['dist', 'out', 'chart.svg'])
      expect(existsSync(join(fieldDir, written)), written).toBe(false);
  });

  it('in a release dataset.json: validate and info fail with a message', async () => {
    const dir = copyFixture(VALID, 'claimgraph-cli-hostile-');
    made.push(dir);
    rmSync(join(dir, 'data'), { recursive: true });
    writeFileSync(
      join(dir, 'dataset.json'),
      `{"entities": ${deepArrays}, "relations": [], "statements": [], "sources": []}`,
    );
    for (const command of ['validate', 'info']) {
      const run = await claimgraph([command, '.'], dir);
      expectCleanFailure(run);
      // info reads a release folder without datapackage.json: an "unverified" notice comes first.
      const problems = lines(run.stderr).filter((l) => !l.startsWith('claimgraph: notice: '));
      expect(problems[0]).toBe('dataset.json: record #0: must be an object, not an array');
    }
    writeFileSync(join(dir, 'dataset.json'), deepArrays);
    const top = await claimgraph(['validate', '.'], dir);
    expectCleanFailure(top);
    expect(lines(top.stderr)[0]).toBe(
      'dataset.json: must be an object with entities, relations, statements, sources, not an array',
    );
  });
});

describe('10 MB strings', () => {
  it('a 10 MB name is data like any other: validated and built', async () => {
    const dir = fixtureWith(
      'entities.json',
      firstRecord((r) => (r.description = 'x'.repeat(TEN_MB))),
    );
    const run = await claimgraph(['validate', '.'], dir);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const built = await claimgraph(['build', '.', '--out', 'rel'], dir);
    expect(built.code).toBe(0);
    expect((await claimgraph(['verify', 'rel'], dir)).code).toBe(0);
  });

  it('a control character at the end of a 10 MB name is reported at its position, in one short line', async () => {
    const dir = fixtureWith(
      'entities.json',
      firstRecord((r) => (r.name = `${'ح'.repeat(TEN_MB / 2)}\u0007`)),
    );
    const run = await claimgraph(['validate', '.'], dir);
    expectCleanFailure(run);
    expect(lines(run.stderr)).toEqual([
      `data/entities.json: armed-group:haqqani-network /name: contains the invisible control character U+0007 at position ${TEN_MB / 2}; remove it`,
      '.: 1 problem found',
    ]);
  });

  it('a 10 MB id is quoted short, in one line per problem', async () => {
    const dir = fixtureWith(
      'statements.json',
      firstRecord((r) => (r.speaker = `person:${'a'.repeat(TEN_MB)}\u202e`)),
    );
    const run = await claimgraph(['validate', '.', '--json'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout.length).toBeLessThan(2000);
    const { errors } = JSON.parse(run.stdout) as {
      errors: { file: string; id: string; path: string; message: string }[];
    };
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'data/statements.json', path: '/speaker' });
    expect(errors[0]!.message).toMatch(/^"person:a{50,}… is not an entity id/);
    const text = await claimgraph(['validate', '.'], dir);
    expect(lines(text.stderr)).toHaveLength(2);
    expect(text.stderr).not.toContain('\u202e');
  });
});

describe('claimgraph verify on a release that is not what was built', () => {
  let release: string;
  let pristine: Map<string, Buffer>;
  beforeAll(async () => {
    const dir = copyFixture(VALID, 'claimgraph-cli-hostile-');
    made.push(dir);
    release = join(dir, 'dist');
    const run = await claimgraph(['build', '.'], dir);
    expect(run.code).toBe(0);
    pristine = snapshot(release);
  });
  const restore = () => {
    rmSync(release, { recursive: true, force: true });
    for (const [path, bytes] of pristine) {
      const file = join(release, path);
      mkdirSync(join(file, '..'), { recursive: true });
      writeFileSync(file, bytes);
    }
  };

  it('fails on a file datapackage.json does not list, naming it', async () => {
    restore();
    writeFileSync(join(release, 'parquet', 'extra.parquet'), 'PAR1');
    writeFileSync(join(release, '.DS_Store'), '');
    const run = await claimgraph(['verify', release]);
    expectCleanFailure(run);
    expect(lines(run.stderr)).toEqual([
      `${release}/.DS_Store: is not listed in datapackage.json; a release holds only the files it lists (remove the file, or rebuild the release)`,
      `${release}/parquet/extra.parquet: is not listed in datapackage.json; a release holds only the files it lists (remove the file, or rebuild the release)`,
    ]);
  });

  it('fails on a changed NDJSON file and a changed Parquet file, naming both', async () => {
    restore();
    appendFileSync(join(release, 'dataset.ndjson'), '{"kind":"entity","id":"person:mallory"}\n');
    const parquet = join(release, 'parquet', 'statements', 'year=2021', 'part-0.parquet');
    const bytes = readFileSync(parquet);
    bytes[Math.floor(bytes.length / 2)]! ^= 0xff;
    writeFileSync(parquet, bytes);
    const run = await claimgraph(['verify', release, '--json']);
    expect(run.code).toBe(1);
    const { valid, errors } = JSON.parse(run.stdout) as { valid: boolean; errors: { file: string; message: string }[] };
    expect(valid).toBe(false);
    expect(errors.map((e) => e.file)).toEqual(['dataset.ndjson', 'parquet/statements/year=2021/part-0.parquet']);
    for (const error of errors)
      expect(error.message).toMatch(/^sha256 mismatch: datapackage.json says [0-9a-f]{64}, the file has [0-9a-f]{64} /);
  });

  it('reports a missing file, a changed file and an extra file together', async () => {
    restore();
    rmSync(join(release, 'parquet', 'sources', 'part-0.parquet'));
    writeFileSync(join(release, 'vocabulary.json'), '{}\n');
    writeFileSync(join(release, 'README.txt'), 'added later');
    const run = await claimgraph(['verify', release, '--json']);
    expect(run.code).toBe(1);
    const { errors } = JSON.parse(run.stdout) as { errors: { file: string; message: string }[] };
    expect(errors.map((e) => [e.file, e.message.split(';')[0]!.split(':')[0]])).toEqual([
      ['vocabulary.json', 'sha256 mismatch'],
      ['parquet/sources/part-0.parquet', 'is listed in datapackage.json but missing'],
      ['README.txt', 'is not listed in datapackage.json'],
    ]);
  });

  it('passes the release as built', async () => {
    restore();
    expect(await claimgraph(['verify', release])).toEqual({
      code: 0,
      stdout: `${release}: every file matches datapackage.json and holds the same records\n`,
      stderr: '',
    });
  });
});
