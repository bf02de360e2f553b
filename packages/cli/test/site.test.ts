// claimgraph site: a thin shell over @claimgraph/site — it writes the site of a valid dataset,
// refuses invalid data, bad options and folders that are not earlier sites, with messages, not stacks.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDataset } from '@claimgraph/sdk/synthetic';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '@claimgraph/schema/internal';
import { BIN, claimgraph, claimgraphProcess, MALFORMED, VALID } from './run-cli.js';

const scratch = () => mkdtempSync(join(tmpdir(), 'claimgraph-cli-site-'));

describe('claimgraph site', () => {
  it('writes a site of a source folder, with a page per record and the dataset.json it offers', async () => {
    const out = join(scratch(), 'site');
    const { code, stdout, stderr } = await claimgraph([
      'site',
      '--dataset',
      VALID,
      '--out',
      out,
      '--title',
      'Valid <fixture>',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^wrote ${out}: \\d+ files, [\\d.]+ MB in [\\d.]+ s\\nopen file://`));
    for (const path of ['index.html', 'search.html', 'downloads.html', 'release/dataset.json'])
      expect(existsSync(join(out, path)), path).toBe(true);
    // Shared assets carry their content hash in their names.
    expect(readdirSync(join(out, 'assets')).filter((name) => /^data\.[0-9a-f]{10}\.js$/.test(name))).toHaveLength(1);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<h1>Valid &lt;fixture></h1>');
    // Again into the same folder: an earlier site may be replaced.
    expect((await claimgraph(['site', '--dataset', VALID, '--out', out])).code).toBe(0);
  });

  it('refuses a folder that holds anything but an earlier site, and leaves it alone', async () => {
    const out = join(scratch(), 'notes');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const { code, stderr } = await claimgraph(['site', '--dataset', VALID, '--out', out]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `claimgraph: ${out}: the folder is not empty and holds no claimgraph-site.json, so it is not a site this command wrote; choose an empty or new folder\n`,
    );
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('reports bad options and invalid data with messages, never a stack trace', async () => {
    const out = join(scratch(), 'site');
    const baseUrl = await claimgraph(['site', '--dataset', VALID, '--out', out, '--base-url', 'ftp://x']);
    expect(baseUrl).toMatchObject({ code: 2, stderr: 'claimgraph: --base-url: "ftp://x" is not an http(s) URL\n' });
    const pageSize = await claimgraph(['site', '--dataset', VALID, '--out', out, '--page-size', '0']);
    expect(pageSize).toMatchObject({ code: 2, stderr: 'claimgraph: --page-size 0: not a positive whole number\n' });
    const invalid = await claimgraph([
      'site',
      '--out',
      out,
      '--dataset',
      join(MALFORMED, 'unknown-statement-relation'),
    ]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain('cannot build a site of an invalid dataset; run "claimgraph validate');
    expect(invalid.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('two runs into one folder, in two processes: the second is refused while the first writes', async () => {
    const root = scratch();
    // Some hundreds of pages, so the first run is seen holding its lock before it is done.
    writeSyntheticSource(join(root, 'ds'));
    const out = join(root, 'site');
    const lockFile = join(root, '.site.lock');
    const args = ['site', '--dataset', join(root, 'ds'), '--out', out];
    const first = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CI: '1' },
    });
    let firstErr = '';
    first.stderr.on('data', (chunk: Buffer) => (firstErr += chunk.toString()));
    const firstExit = new Promise<number | null>((resolve) => first.once('exit', resolve));
    let exited = false;
    void firstExit.then(() => (exited = true));
    // The first run's lock, holding its pid and task, appears before it writes a file; the run is
    // then paused, so the second surely meets it however fast or busy the machine is.
    while (!existsSync(lockFile) && !exited) await new Promise((resolve) => setTimeout(resolve, 1));
    first.kill('SIGSTOP');
    try {
      expect(readFileSync(lockFile, 'utf8')).toBe(`${first.pid} site\n`);
      const second = await claimgraphProcess(args);
      expect(second.code).toBe(1);
      expect(second.stderr).toBe(
        `claimgraph: ${out} is being written by another claimgraph command (process ${first.pid}: site, lock file ${lockFile}); wait for it to finish, or delete the lock file if no such process is running; nothing was written\n`,
      );
    } finally {
      first.kill('SIGCONT');
    }
    expect(await firstExit, firstErr).toBe(0);
    const marker = JSON.parse(readFileSync(join(out, 'claimgraph-site.json'), 'utf8')) as { complete?: boolean };
    expect(marker.complete).toBeUndefined();
    expect(readdirSync(root).sort()).toEqual(['ds', 'site']);
    // Once it is done, the folder is free again.
    expect((await claimgraph(args)).code).toBe(0);
  });
});

function siteProcess(args: string[], killAfterMs?: number): Promise<{ code: number | null; ms: number }> {
  const start = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore', env: { ...process.env, CI: '1' } });
    const timer = killAfterMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, ms: Date.now() - start });
    });
  });
}

/**
 * What a reader may find after a kill: no site, or one whose marker lists every file with a hash
 * it holds; only a marker saying `complete: false` (a run killed while renaming pages into an
 * earlier site) may list a page not there yet, and each page there is the old or the new one.
 */
function expectReadableSite(out: string): void {
  if (!existsSync(out)) return;
  const marker = JSON.parse(readFileSync(join(out, 'claimgraph-site.json'), 'utf8')) as {
    complete?: boolean;
    written: Record<string, Record<string, string | string[]>>;
  };
  // The marker lists each folder's files by name, each with the first 128 bits of its SHA-256 in base64url.
  for (const [folder, files] of Object.entries(marker.written)) {
    for (const [name, listed] of Object.entries(files)) {
      const file = join(out, `${folder}${name}`);
      if (!existsSync(file) && marker.complete === false) continue;
      const digest = createHash('sha256').update(readFileSync(file)).digest().subarray(0, 16).toString('base64url');
      expect([listed].flat(), `${folder}${name}`).toContain(digest);
    }
  }
}

describe('a site run killed at any moment', () => {
  it('kill -9 at seeded moments, into a new folder and into an earlier site: never a torn page, and the next run completes', async () => {
    const root = scratch();
    writeSyntheticSource(join(root, 'ds'));
    const out = join(root, 'site');
    const args = (title: string) => ['site', '--dataset', join(root, 'ds'), '--out', out, '--title', title];
    const timing = await siteProcess(['site', '--dataset', join(root, 'ds'), '--out', join(root, 'timing')]);
    expect(timing.code).toBe(0);
    const random = mulberry32(24);
    for (const title of ['First', 'Second']) {
      // First into a new folder (staged beside it), then into the site the first title left.
      for (let i = 0; i < 3; i++) {
        await siteProcess(args(title), Math.floor(random() * timing.ms));
        expectReadableSite(out);
      }
      expect((await siteProcess(args(title))).code).toBe(0);
      expectReadableSite(out);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(title);
      expect(readdirSync(root).sort()).toEqual(['ds', 'site', 'timing']);
      expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
    }
  });
});

/** A dataset source folder of some hundreds of pages' worth of synthetic records, at `dir`. */
function writeSyntheticSource(dir: string): void {
  const data = syntheticDataset({ entities: 150, seed: 3 });
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: '@claimgraph/dataset-synthetic', version: '1.0.0', description: 'S.', license: 'CC0-1.0' }),
  );
  for (const kind of ['entities', 'relations', 'statements', 'sources'] as const)
    writeFileSync(join(dir, 'data', `${kind}.json`), JSON.stringify(data[kind], null, 2));
}
