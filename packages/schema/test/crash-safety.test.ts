/**
 * Issue 17, cases 1 and 5: formatting never loses data — duplicate keys and inexact numbers are
 * refused, writes go through a temporary file, a full disk leaves every source file whole. (Cases
 * 2–4 and 8, the release build's, are in @claimgraph/release's tests.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountTmpfs, unmountTmpfs } from '../../../test-support/tmpfs.mjs';
import { FolderLockedError, formatDatasetSource, lockFileOf, writeFileAtomic } from '../src/node.js';
import { baseDataset } from './fixture.js';
import { writeSource } from './source-folder.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'claimgraph-crash-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const sourceFiles = (dir: string) =>
  readdirSync(join(dir, 'data'))
    .sort()
    .map((f) => [f, readFileSync(join(dir, 'data', f), 'utf8')]);

describe('formatDatasetSource() never loses information (cases 1 and 5)', () => {
  it('refuses duplicate keys and inexact numbers, leaving the files byte for byte', async () => {
    const dir = writeSource(join(root, 'ds'));
    const file = join(dir, 'data', 'entities.json');
    const text = readFileSync(file, 'utf8').replace('"type": "person",', '"type": "person",\n    "type": "person",');
    writeFileSync(file, text);
    const result = await formatDatasetSource(dir);
    expect(result.changed).toEqual([]);
    expect(result.result.errors[0]?.message).toMatch(/^duplicate key "type" \(first at line \d+\)/);
    expect(readFileSync(file, 'utf8')).toBe(text);
  });

  it('writes through a temporary file: no temporary file is left, the mode is kept', async () => {
    const file = join(root, 'a.json');
    writeFileSync(file, 'old', { mode: 0o640 });
    await writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
    expect(readdirSync(root)).toEqual(['a.json']);
    const { statSync } = await import('node:fs');
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('takes the data folder lock: refused while another process holds it, nothing changed', async () => {
    const { spawn } = await import('node:child_process');
    const data = baseDataset();
    (data.entities as unknown[]).reverse();
    const dir = writeSource(join(root, 'ds'), data);
    const before = sourceFiles(dir);
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(lockFileOf(join(dir, 'data')), `${sleeper.pid} sheet import\n`);
      const error = await formatDatasetSource(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(FolderLockedError);
      expect((error as FolderLockedError).heldBy).toBe(sleeper.pid);
      expect(sourceFiles(dir)).toEqual(before);
    } finally {
      sleeper.kill();
    }
    rmSync(lockFileOf(join(dir, 'data')));
    expect((await formatDatasetSource(dir)).changed).toEqual(['data/entities.json']);
    expect(readdirSync(root)).toEqual(['ds']);
  });

  it('on a full disk, reports ENOSPC and leaves every source file whole', async (context) => {
    const mnt = join(root, 'small');
    if (!mountTmpfs(mnt, 'size=64k', 'the disk-full case')) return context.skip();
    try {
      const dir = join(mnt, 'ds');
      // Unsorted records, so format wants to rewrite every file.
      const data = baseDataset();
      for (const kind of ['entities', 'relations', 'statements'] as const) (data[kind] as unknown[]).reverse();
      writeSource(dir, data);
      const before = sourceFiles(dir);
      // Fill the disk, then free two pages: room for the lock, not for the data files.
      const { openSync, writeSync, closeSync, ftruncateSync } = await import('node:fs');
      const fd = openSync(join(mnt, 'filler'), 'w');
      let size = 0;
      try {
        const block = Buffer.alloc(1024, 120);
        for (;;) size += writeSync(fd, block);
      } catch {
        /* ENOSPC */
      } finally {
        ftruncateSync(fd, size - 8192);
        closeSync(fd);
      }
      const error = (await formatDatasetSource(dir).catch((e: unknown) => e)) as Error & { code?: string };
      expect(error.code).toBe('ENOSPC');
      // Named by the file it could not write, never by a staged copy.
      expect(error.message).toMatch(
        /^cannot write \S+\/ds\/data\/\w+\.json: no space left on the disk \(ENOSPC\); no file of \S+\/ds\/data was changed$/,
      );
      expect(error.message).not.toMatch(/staging|\.tmp-/);
      expect(sourceFiles(dir)).toEqual(before);
      expect(readdirSync(join(dir, 'data')).filter((f) => f.startsWith('.'))).toEqual([]);
    } finally {
      unmountTmpfs(mnt);
    }
  });
});
