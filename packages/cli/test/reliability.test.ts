/**
 * Issue 17 through the command line: every release reader checks integrity with one function,
 * sql is read-only and sandboxed, long results do not overflow the stack, and a build killed at
 * any moment leaves the previous release verifying.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyRelease } from '@claimgraph/release';
import { syntheticDataset } from '@claimgraph/sdk/synthetic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mulberry32 } from '@claimgraph/schema/internal';
import { BIN, claimgraph, crashIn, VALID } from './run-cli.js';

const root = mkdtempSync(join(tmpdir(), 'claimgraph-reliability-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const TAMPERED = 'the release does not match its datapackage.json, so it was not read';

describe('integrity is checked by every command that reads a release (case 6)', () => {
  const release = join(root, 'release');
  beforeAll(async () => {
    expect((await claimgraph(['build', VALID, '--out', release])).code).toBe(0);
    const file = join(release, 'dataset.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Kabul"', '"Kabol"'));
  });

  const commands: [string, string[]][] = [
    ['info', ['info', release]],
    ['export', ['export', '--format', 'ndjson', '--out', join(root, 'x.ndjson'), '--dataset', release]],
    ['chart', ['chart', 'stance', '--out', join(root, 'x.json'), '--dataset', release]],
    ['diff', ['diff', release, VALID]],
    ['query', ['query', 'contested', '--dataset', release]],
    ['sql', ['sql', 'SELECT count(*) FROM entities', '--dataset', release]],
  ];
  for (const [name, args] of commands) {
    it(`${name} refuses a tampered release, naming the file`, async () => {
      const run = await claimgraph(args);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(TAMPERED);
      expect(run.stderr).toContain('dataset.json: sha256 mismatch');
      expect(crashIn(run.stderr)).toBeNull();
    });
  }

  it('a release folder without datapackage.json is read with a notice on stderr, never in --json output', async () => {
    const bare = join(root, 'bare');
    mkdirSync(bare);
    copyFileSync(join(VALID, '..', 'valid', 'data', 'entities.json'), join(root, 'unused.json'));
    expect((await claimgraph(['build', VALID, '--out', join(root, 'fresh')])).code).toBe(0);
    copyFileSync(join(root, 'fresh', 'dataset.json'), join(bare, 'dataset.json'));
    const run = await claimgraph(['info', bare, '--json']);
    expect(run.code).toBe(0);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(run.stderr).toContain('is a release folder without a datapackage.json from claimgraph');
    // A bare dataset.json named on its own and a source folder are not releases: no notice.
    for (const args of [
      ['info', join(bare, 'dataset.json')],
      ['info', VALID],
    ]) {
      const quiet = await claimgraph(args);
      expect(quiet.code).toBe(0);
      expect(quiet.stderr).toBe('');
    }
  });
});

describe('sql is read-only and sees only the release (case 18)', () => {
  const out = join(root, 'sql-out.csv');
  const cases: [string, string][] = [
    ['COPY … TO', `COPY entities TO '${out}'`],
    ['read_csv of another file', "SELECT * FROM read_csv('/etc/passwd')"],
    ['a hidden second statement', `SELECT 1; COPY entities TO '${out}'`],
    ['INSTALL httpfs', 'INSTALL httpfs'],
    ['ATTACH', `ATTACH '${join(root, 'x.db')}'`],
    ['SET to undo the sandbox', 'SET enable_external_access = true'],
  ];
  for (const [name, sql] of cases) {
    it(`refuses ${name}`, async () => {
      const run = await claimgraph(['sql', sql, '--dataset', VALID]);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toMatch(/^claimgraph: sql: /);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(existsSync(out)).toBe(false);
      expect(existsSync(join(root, 'x.db'))).toBe(false);
    });
  }

  it('writes a file only with --allow-files', async () => {
    const run = await claimgraph([
      'sql',
      `COPY (SELECT id FROM entities) TO '${out}'`,
      '--allow-files',
      '--dataset',
      VALID,
    ]);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('person:');
  });

  it('prints 130,000 rows without overflowing the stack (case 9)', async () => {
    const run = await claimgraph(['sql', 'SELECT range AS n FROM range(130000)', '--dataset', VALID]);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().endsWith('(130000 rows)')).toBe(true);
  });
});

function buildProcess(dir: string, killAfterMs?: number): Promise<{ code: number | null; ms: number }> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'build', dir], { stdio: 'ignore', env: { ...process.env, CI: '1' } });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: Date.now() - start });
    });
  });
}

describe('a build killed at any moment leaves the previous release verifying (case 3)', () => {
  it('kill -9 at ten seeded random moments; after each, dist verifies; then a build succeeds', async () => {
    const started = Date.now();
    const dir = join(root, 'synthetic');
    const data = syntheticDataset({ entities: 1000, seed: 17 });
    mkdirSync(join(dir, 'data'), { recursive: true });
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({
        name: '@claimgraph/dataset-synthetic',
        version: '1.0.0',
        description: 'Synthetic.',
        license: 'CC0-1.0',
      }),
    );
    for (const kind of ['entities', 'relations', 'statements', 'sources'] as const)
      writeFileSync(join(dir, 'data', `${kind}.json`), JSON.stringify(data[kind], null, 2));
    const first = await buildProcess(dir);
    expect(first.code).toBe(0);
    const baseline = readFileSync(join(dir, 'dist', 'datapackage.json'), 'utf8');
    const random = mulberry32(2026);
    const moments: number[] = [];
    for (let i = 0; i < 10; i++) {
      const at = Math.round(random() * first.ms);
      moments.push(at);
      await buildProcess(dir, at);
      const verified = await verifyRelease(join(dir, 'dist'));
      expect(verified.errors, `after a kill at ${at} ms of a ${first.ms} ms build`).toEqual([]);
      expect(readFileSync(join(dir, 'dist', 'datapackage.json'), 'utf8')).toBe(baseline);
    }
    // Stale locks and half-written folders from the kills do not stop the next build.
    expect((await buildProcess(dir)).code).toBe(0);
    expect((await verifyRelease(join(dir, 'dist'))).valid).toBe(true);
    console.log(
      `kill test: build ${first.ms} ms; killed at ${moments.join(', ')} ms; whole test ${Date.now() - started} ms`,
    );
  });
});

describe('output is printable text (case 16)', () => {
  it('build shows a package name holding ESC escaped, never the raw control character', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'claimgraph-esc-'));
    for (const f of ['entities', 'relations', 'statements', 'sources']) {
      mkdirSync(join(dir, 'data'), { recursive: true });
      copyFileSync(join(VALID, 'data', `${f}.json`), join(dir, 'data', `${f}.json`));
    }
    const pkg = JSON.parse(readFileSync(join(VALID, 'package.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, name: 'evil\u001b[2Jname' }, null, 2));
    const run = await claimgraph(['build', dir]);
    expect(`${run.stdout}${run.stderr}`).not.toContain('\u001b');
    expect(crashIn(run.stderr)).toBeNull();
    rmSync(dir, { recursive: true, force: true });
  });
});
