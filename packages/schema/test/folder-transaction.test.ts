/**
 * Issue 25: a change to several files of a folder is one transaction — all files or none, under a
 * lock — and a run killed at any moment leaves the old set or the new set, which the next run tidies.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountTmpfs, unmountTmpfs } from '../../../test-support/tmpfs.mjs';
import {
  FolderLockedError,
  lockFileOf,
  lockFolder,
  openFolderTransaction,
  withFolderTransaction,
} from '../src/node.js';

let root: string;
let data: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'claimgraph-txn-'));
  data = join(root, 'data');
  mkdirSync(data);
  writeFileSync(join(data, 'a.json'), 'old a\n');
  writeFileSync(join(data, 'b.json'), 'old b\n');
  writeFileSync(join(data, 'keep.txt'), 'untouched\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Every file under a folder with its text, and nothing else beside the folder. */
const contents = (dir: string) =>
  Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));

describe('openFolderTransaction()', () => {
  it('writes every change, removes files set to null and keeps the rest', async () => {
    const changed = await withFolderTransaction(data, { holder: 'test' }, (t) =>
      t.commit(
        new Map<string, string | null>([
          ['a.json', 'new a\n'],
          ['b.json', null],
          ['c.json', 'new c\n'],
        ]),
      ),
    );
    expect(changed).toEqual(['a.json', 'b.json', 'c.json']);
    expect(contents(data)).toEqual({ 'a.json': 'new a\n', 'c.json': 'new c\n', 'keep.txt': 'untouched\n' });
    expect(readdirSync(root).sort()).toEqual(['data']);
  });

  it('counts only files whose content differs, and changes nothing when none does', async () => {
    const inode = statSync(data).ino;
    const changed = await withFolderTransaction(data, {}, (t) => t.commit(new Map([['a.json', 'old a\n']])));
    expect(changed).toEqual([]);
    expect(statSync(data).ino).toBe(inode);
  });

  it('keeps file modes', async () => {
    chmodSync(join(data, 'a.json'), 0o600);
    await withFolderTransaction(data, {}, (t) => t.commit(new Map([['a.json', 'new a\n']])));
    expect(statSync(join(data, 'a.json')).mode & 0o777).toBe(0o600);
  });

  it('changes nothing when verify() refuses the staged folder', async () => {
    const before = contents(data);
    await expect(
      withFolderTransaction(data, {}, (t) =>
        t.commit(new Map([['a.json', 'new a\n']]), {
          verify: async (staged) => (readFileSync(join(staged, 'a.json'), 'utf8') === 'new a\n' ? 'refused' : 'x'),
        }),
      ),
    ).rejects.toThrow('refused');
    expect(contents(data)).toEqual(before);
    expect(readdirSync(root).sort()).toEqual(['data']);
  });

  it('refuses a second writer, naming the process and what it runs', async () => {
    const first = await openFolderTransaction(data, { holder: 'sheet import' });
    try {
      const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
      try {
        // The lock as another live process would hold it.
        rmSync(first.lockFile);
        writeFileSync(first.lockFile, `${sleeper.pid} sheet import\n`);
        const error = await openFolderTransaction(data, { holder: 'format' }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(FolderLockedError);
        expect((error as Error).message).toBe(
          `${data} is being written by another claimgraph command (process ${sleeper.pid}: sheet import, lock file ${lockFileOf(data)}); wait for it to finish, or delete the lock file if no such process is running`,
        );
      } finally {
        sleeper.kill();
      }
    } finally {
      await first.release();
    }
  });

  it('takes over the lock of a process that is gone', async () => {
    writeFileSync(lockFileOf(data), '999999 sheet import\n');
    await withFolderTransaction(data, {}, (t) => t.commit(new Map([['a.json', 'new a\n']])));
    expect(existsSync(lockFileOf(data))).toBe(false);
    expect(readFileSync(join(data, 'a.json'), 'utf8')).toBe('new a\n');
  });

  it('takes over an empty lock left by an older claimgraph killed before it wrote its pid, once it is old', async () => {
    const { utimesSync } = await import('node:fs');
    writeFileSync(lockFileOf(data), '');
    // Fresh, it may be an older writer at work this instant: refused.
    await expect(openFolderTransaction(data)).rejects.toBeInstanceOf(FolderLockedError);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lockFileOf(data), minuteAgo, minuteAgo);
    await withFolderTransaction(data, {}, (t) => t.commit(new Map([['a.json', 'new a\n']])));
    expect(readFileSync(join(data, 'a.json'), 'utf8')).toBe('new a\n');
    expect(readdirSync(root).sort()).toEqual(['data']);
  });

  it('removes lock files half made by killed runs, and names the lock file when it cannot be made', async () => {
    // The name temporarySibling gives the lock file's copy: `.` + `.data.lock` + `.tmp-PID-HEX`.
    writeFileSync(join(root, '..data.lock.tmp-999999-abcdef12'), '999999 killed\n');
    const lock = await lockFolder(data, { holder: 'site' });
    expect(readFileSync(lock.lockFile, 'utf8')).toBe(`${process.pid} site\n`);
    await lock.release();
    expect(readdirSync(root).sort()).toEqual(['data']);
    const missing = join(root, 'no-such-folder', 'out');
    await expect(lockFolder(missing)).rejects.toMatchObject({
      code: 'ENOENT',
      message: `cannot write ${lockFileOf(missing)}: the folder does not exist (ENOENT); nothing was written`,
    });
  });

  it('puts the old folder back when a run died between the two renames, and removes dead staging', async () => {
    const old = join(root, '.data.old-999999-abcdef12');
    const staging = join(root, '.data.staging-999999-abcdef12');
    const { renameSync } = await import('node:fs');
    renameSync(data, old);
    mkdirSync(staging);
    writeFileSync(join(staging, 'a.json'), 'half\n');
    const t = await openFolderTransaction(data);
    await t.release();
    expect(t.recovered).toHaveLength(2);
    expect(contents(data)).toEqual({ 'a.json': 'old a\n', 'b.json': 'old b\n', 'keep.txt': 'untouched\n' });
    expect(readdirSync(root).sort()).toEqual(['data']);
  });

  it('drops temporary files of dead runs from the folder on the next commit', async () => {
    writeFileSync(join(data, '.a.json.tmp-999999-abcdef12'), 'half');
    await withFolderTransaction(data, {}, (t) => t.commit(new Map([['b.json', 'new b\n']])));
    expect(readdirSync(data).sort()).toEqual(['a.json', 'b.json', 'keep.txt']);
  });

  it('changes a folder reached through a symbolic link where it is, and keeps the link', async () => {
    const { lstatSync, symlinkSync } = await import('node:fs');
    const link = join(root, 'linked-data');
    symlinkSync(data, link);
    await withFolderTransaction(link, {}, (t) => t.commit(new Map([['a.json', 'new a\n']])));
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(data, 'a.json'), 'utf8')).toBe('new a\n');
  });

  it('refuses paths outside the folder', async () => {
    await expect(withFolderTransaction(data, {}, (t) => t.commit(new Map([['../x.json', 'x']])))).rejects.toThrow(
      'is not a path inside the folder',
    );
    expect(existsSync(join(root, 'x.json'))).toBe(false);
  });
});

describe('a transaction on a full disk', () => {
  it('names the file it could not write, never the staged copy, and changes nothing', async (context) => {
    const mnt = join(root, 'small');
    if (!mountTmpfs(mnt, 'size=64k', 'the disk-full case')) return context.skip();
    try {
      const folder = join(mnt, 'data');
      mkdirSync(folder);
      writeFileSync(join(folder, 'a.json'), 'old a\n');
      // 128 KB cannot fit on a 64 KB disk.
      await expect(
        withFolderTransaction(folder, {}, (t) => t.commit(new Map([['a.json', 'x'.repeat(131_072)]]))),
      ).rejects.toMatchObject({
        code: 'ENOSPC',
        message: `cannot write ${join(folder, 'a.json')}: no space left on the disk (ENOSPC); no file of ${folder} was changed`,
      });
      expect(contents(folder)).toEqual({ 'a.json': 'old a\n' });
      expect(readdirSync(mnt)).toEqual(['data']);
    } finally {
      unmountTmpfs(mnt);
    }
  });
});

describe('a transaction killed with SIGKILL at any moment', () => {
  const built = fileURLToPath(new URL('../dist/node.js', import.meta.url));

  it('leaves the old set or the new set, and the next run tidies up', async () => {
    // Many files, so that a kill in the middle of a commit is likely.
    const files = Array.from({ length: 10 }, (_, i) => `f${String(i).padStart(2, '0')}.json`);
    rmSync(data, { recursive: true });
    mkdirSync(data);
    for (const f of files) writeFileSync(join(data, f), 'generation 0\n');
    const script = `
      const { withFolderTransaction } = await import(${JSON.stringify(built)});
      const files = ${JSON.stringify(files)};
      for (let g = 1; ; g++) {
        await withFolderTransaction(${JSON.stringify(data)}, { holder: 'test' }, (t) =>
          t.commit(new Map(files.map((f) => [f, 'generation ' + g + '\\n'.repeat(1 + (g % 3))]))));
        process.stdout.write('c');
      }`;
    // The child runs the built module (npm test builds it first).
    expect(existsSync(built), `${built}: build @claimgraph/schema first`).toBe(true);
    for (let round = 0; round < 10; round++) {
      const child = spawn(process.execPath, ['--input-type=module', '-e', script], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      // Killed after its first commit, at a moment that falls anywhere in the commits that follow.
      await new Promise((resolve) => child.stdout.once('data', resolve));
      await new Promise((resolve) => setTimeout(resolve, (round * 37) % 250));
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));
      const t = await openFolderTransaction(data);
      await t.release();
      const texts = new Set(files.map((f) => readFileSync(join(data, f), 'utf8')));
      expect(texts.size, `round ${round}: one generation in every file`).toBe(1);
      expect(readdirSync(data).sort()).toEqual(files);
      expect(readdirSync(root).sort()).toEqual(['data']);
    }
  });
});
