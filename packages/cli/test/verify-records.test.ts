/**
 * One release, one answer, through the command line: `claimgraph verify` fails a release whose
 * files, each re-signed in datapackage.json, hold other records than dataset.json; a cut-short
 * datapackage.json stops every command that reads the release.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimgraph, crashIn, VALID } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'claimgraph-verify-records-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const release = join(root, 'release');
beforeAll(async () => {
  expect((await claimgraph(['build', VALID, '--out', release])).code).toBe(0);
});

let count = 0;
function copy(): string {
  const dir = join(root, `copy-${count++}`);
  cpSync(release, dir, { recursive: true });
  return dir;
}

/** Writes `text` to the release's `path` and records its sha256 and size in datapackage.json. */
function resign(dir: string, path: string, text: string): void {
  writeFileSync(join(dir, path), text);
  const file = join(dir, 'datapackage.json');
  const descriptor = JSON.parse(readFileSync(file, 'utf8')) as {
    resources: { path: string; sha256?: string; hash?: string; bytes?: number }[];
  };
  const sha256 = createHash('sha256').update(text).digest('hex');
  Object.assign(
    descriptor.resources.find((r) => r.path === path)!,
    {
      sha256,
      hash: `sha256:${sha256}`,
      bytes: Buffer.byteLength(text),
    },
  );
  writeFileSync(file, JSON.stringify(descriptor, null, 2));
}

describe('claimgraph verify compares the records of every file', () => {
  it('passes the release as built', async () => {
    const run = await claimgraph(['verify', release]);
    expect(run).toEqual({
      code: 0,
      stdout: `${release}: every file matches datapackage.json and holds the same records\n`,
      stderr: '',
    });
  });

  it('fails a re-signed NDJSON file that says another thing, naming the file, record and field (exit 1)', async () => {
    const dir = copy();
    const text = readFileSync(join(dir, 'dataset.ndjson'), 'utf8');
    const line = text.split('\n').find((l) => l.startsWith('{"kind":"entity",') && l.includes('"name":"'))!;
    const record = JSON.parse(line) as { id: string; name: string };
    resign(dir, 'dataset.ndjson', text.replace(line, line.replace(`"name":"${record.name}"`, '"name":"Someone else"')));
    const run = await claimgraph(['verify', dir]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `dataset.ndjson: ${record.id} /name: entities table: is "Someone else", and dataset.json says ${JSON.stringify(record.name)}`,
    );
    expect(crashIn(run.stderr)).toBeNull();
    const json = await claimgraph(['verify', dir, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({
      valid: false,
      errors: [
        {
          file: 'dataset.ndjson',
          id: record.id,
          path: '/name',
          message: `entities table: is "Someone else", and dataset.json says ${JSON.stringify(record.name)}`,
        },
      ],
    });
  });
});

describe('a datapackage.json cut short is an error, not a notice', () => {
  for (const args of [
    ['verify'],
    ['info'],
    ['query', 'contested', '--dataset'],
    ['sql', 'SELECT count(*) FROM entities', '--dataset'],
  ]) {
    it(`${args[0]} stops with exit 1 and names datapackage.json`, async () => {
      const dir = copy();
      const file = join(dir, 'datapackage.json');
      const text = readFileSync(file, 'utf8');
      writeFileSync(file, text.slice(0, text.length >> 1));
      const run = await claimgraph([...args, dir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${file}:`);
      expect(run.stderr).toMatch(
        /invalid JSON at line \d+, column \d+: unexpected end of file \(is the file truncated\?\)/,
      );
      expect(run.stderr).not.toContain('notice');
      expect(crashIn(run.stderr)).toBeNull();
    });
  }
});

describe('an empty datapackage.json is named for what it must hold', () => {
  for (const args of [['verify'], ['info']]) {
    it(`${args[0]} says it must hold a JSON object`, async () => {
      const dir = copy();
      writeFileSync(join(dir, 'datapackage.json'), '');
      const run = await claimgraph([...args, dir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('datapackage.json: is empty; it must hold a JSON object');
      expect(run.stderr).not.toContain('JSON array');
      expect(crashIn(run.stderr)).toBeNull();
    });
  }
});
