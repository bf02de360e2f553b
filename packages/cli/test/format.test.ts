import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimgraph, copyFixture, crashIn, lines, snapshot, VALID } from './run-cli.js';

const KINDS = ['entities', 'relations', 'statements', 'sources'] as const;

let dir: string;
beforeEach(() => {
  dir = copyFixture(VALID, 'claimgraph-cli-format-');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const read = (kind: string) =>
  JSON.parse(readFileSync(join(dir, 'data', `${kind}.json`), 'utf8')) as Record<string, unknown>[];
const write = (kind: string, records: unknown[], indent = 2) =>
  writeFileSync(join(dir, 'data', `${kind}.json`), JSON.stringify(records, null, indent));

/** Reverses the records of every list, and the keys of every record: what a careless edit leaves. */
function scramble() {
  for (const kind of KINDS)
    write(
      kind,
      read(kind)
        .reverse()
        .map((r) => Object.fromEntries(Object.entries(r).reverse())),
      4,
    );
}

describe('claimgraph format', () => {
  it('sorts an unsorted copy back into the valid fixture, byte for byte', async () => {
    scramble();
    const before = await claimgraph(['validate', '.'], dir);
    expect(before.code).toBe(1);
    expect(before.stderr).toContain('records are not sorted by id');

    const run = await claimgraph(['format', '.'], dir);
    expect(run).toEqual({
      code: 0,
      stdout:
        'formatted data/entities.json\nformatted data/relations.json\nformatted data/statements.json\nformatted data/sources.json\n',
      stderr: '',
    });
    for (const kind of KINDS) {
      expect(readFileSync(join(dir, 'data', `${kind}.json`), 'utf8'), kind).toBe(
        readFileSync(join(VALID, 'data', `${kind}.json`), 'utf8'),
      );
    }
    expect((await claimgraph(['validate', '.'], dir)).code).toBe(0);
  });

  it('writes keys in schema order: id and type first, then the fields of the type', async () => {
    scramble();
    await claimgraph(['format'], dir);
    const person = read('entities').find((e) => e.id === 'person:john-kirby')!;
    expect(Object.keys(person)).toEqual(['id', 'type', 'name', 'role']);
    const statement = read('statements').find((s) => s.id === 'st:state-department-2')!;
    expect(Object.keys(statement)).toEqual([
      'id',
      'relation',
      'speaker',
      'stance',
      'date',
      'source',
      'hedged',
      'reportedBy',
    ]);
    const relation = read('relations')[0]!;
    expect(Object.keys(relation)).toEqual(['id', 'type', 'source', 'target', 'start', 'attributes']);
  });

  it('is idempotent: a second run changes no byte and says so', async () => {
    scramble();
    await claimgraph(['format', '.'], dir);
    const once = snapshot(dir);
    const run = await claimgraph(['format', '.'], dir);
    expect(run).toEqual({ code: 0, stdout: 'already formatted\n', stderr: '' });
    const twice = snapshot(dir);
    expect([...twice.keys()]).toEqual([...once.keys()]);
    for (const [path, bytes] of once) expect(twice.get(path)!.equals(bytes), path).toBe(true);
  });

  it('formats a dataset that is still invalid, and reports its problems with exit 1', async () => {
    const statements = read('statements').reverse();
    statements[0]!.stance = 'maybe';
    write('statements', statements);
    const run = await claimgraph(['format', '.'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('formatted data/statements.json\n');
    expect(lines(run.stderr)).toEqual([
      'data/statements.json: st:state-department-2 /stance: "maybe" is not one of: supports, disputes',
      '.: 1 problem found',
    ]);
    expect(read('statements').map((s) => s.id)).toEqual(
      (JSON.parse(readFileSync(join(VALID, 'data', 'statements.json'), 'utf8')) as { id: string }[]).map((s) => s.id),
    );
  });

  it('changes nothing when a file is not valid JSON, and does not claim it is formatted', async () => {
    scramble();
    writeFileSync(join(dir, 'data', 'sources.json'), '[\n  {"id": "src:a",}\n]\n');
    const before = snapshot(dir);
    const run = await claimgraph(['format', '.'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(lines(run.stderr)).toEqual([
      'data/sources.json:2:18: invalid JSON at line 2, column 18: Expected double-quoted property name',
      '.: 1 problem found',
    ]);
    const after = snapshot(dir);
    for (const [path, bytes] of before) expect(after.get(path)!.equals(bytes), path).toBe(true);
  });

  it('refuses to format a release', async () => {
    const build = await claimgraph(['build', '.'], dir);
    expect(build.code).toBe(0);
    const run = await claimgraph(['format', 'dist'], dir);
    expect(run.code).toBe(1);
    expect(crashIn(run.stderr)).toBeNull();
    expect(lines(run.stderr)).toEqual([
      'dist/dataset.json: is a release; format rewrites a dataset source folder (with data/)',
      'dist: 1 problem found',
    ]);
  });

  it('accepts a byte order mark and removes it', async () => {
    writeFileSync(
      join(dir, 'data', 'sources.json'),
      `\uFEFF${readFileSync(join(VALID, 'data', 'sources.json'), 'utf8')}`,
    );
    expect((await claimgraph(['validate', '.'], dir)).code).toBe(0);
    const run = await claimgraph(['format', '.'], dir);
    expect(run.stdout).toBe('formatted data/sources.json\n');
    expect(readFileSync(join(dir, 'data', 'sources.json'), 'utf8')).toBe(
      readFileSync(join(VALID, 'data', 'sources.json'), 'utf8'),
    );
  });
});
