/**
 * Issue 25: the one write path cannot lie. A nearly full disk, a folder, a FIFO or a symbolic link
 * at the target: the write either lands whole or fails saying so, and the old file keeps its bytes.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  ftruncateSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountTmpfs, unmountTmpfs } from '../../../test-support/tmpfs.mjs';
import {
  makeFolder,
  PendingFlushes,
  removeStaleTemporaries,
  syncFiles,
  writeFileAtomic,
  writeFilesAtomic,
  writeNewFile,
} from '../src/node.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'claimgraph-atomic-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Where an open file descriptor points, or undefined when it closed meanwhile. */
const readlinkSafe = (path: string) => {
  try {
    return readlinkSync(path);
  } catch {
    return undefined;
  }
};
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Fills the disk holding `dir`, then frees `free` bytes: a later write of more than that is cut short by the kernel. */
function fillDisk(dir: string, free: number): void {
  const filler = join(dir, 'filler');
  const fd = openSync(filler, 'w');
  let size = 0;
  try {
    const block = Buffer.alloc(4096, 120);
    for (;;) size += writeSync(fd, block);
  } catch {
    /* ENOSPC */
  }
  ftruncateSync(fd, Math.max(0, size - free));
  closeSync(fd);
}

describe('writeNewFile()', () => {
  it('writes text and byte chunks of any size in order, with their byte count and sha256', async () => {
    // Small lines, multi-byte characters, a lone surrogate, a chunk larger than a batch, bytes between.
    const big = 'é'.repeat(700_000);
    const chunks: (string | Uint8Array)[] = [];
    for (let i = 0; i < 20_000; i++) chunks.push(`{"n":${i},"name":"Ta\u0161kent \ud800 ✓"}\n`);
    chunks.push(Uint8Array.of(0, 255, 10), big, 'tail');
    const expected = Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : c)));
    const file = join(root, 'out.ndjson');
    const written = await writeNewFile(file, chunks);
    expect(readFileSync(file).equals(expected)).toBe(true);
    expect(written).toEqual({
      bytes: expected.byteLength,
      sha256: createHash('sha256').update(expected).digest('hex'),
      binary: true,
    });
  });
  it('fills one batch while the last is written, and never reuses one whose write is still going', async () => {
    // About 5 MiB of short, distinct lines: five batches, each buffer refilled twice while the other is written.
    const lines = Array.from({ length: 150_000 }, (_, i) => `{"id":"stmt:${i}","quote":"ça ✓ ${i * 7919}"}\n`);
    const expected = Buffer.from(lines.join(''), 'utf8');
    async function* slowly() {
      for (const [i, line] of lines.entries()) {
        // Yield to the event loop now and then, so that writes finish at uneven points of the filling.
        if (i % 10_000 === 0) await new Promise((resolve) => setImmediate(resolve));
        yield line;
      }
    }
    const file = join(root, 'lines.ndjson');
    const written = await writeNewFile(file, slowly());
    expect(readFileSync(file).equals(expected)).toBe(true);
    expect(written.sha256).toBe(createHash('sha256').update(expected).digest('hex'));
  });

  it("passes on the content's own error once the write in flight has ended", async () => {
    function* failing() {
      yield 'x'.repeat(1 << 20);
      yield 'y'.repeat(1 << 19);
      throw new Error('the generator broke');
    }
    const file = join(root, 'broken.txt');
    await expect(writeNewFile(file, failing())).rejects.toThrow('the generator broke');
    // The handle was closed after the pending write: the file holds the batch that was written.
    expect(readFileSync(file).byteLength).toBe(1 << 20);
  });
});

describe('writeNewFile() with PendingFlushes', () => {
  it('returns before the flush, and every file is whole and closed once settled() resolves', async () => {
    const flushes = new PendingFlushes();
    // More files than may wait at once: the oldest are flushed before the next is taken.
    const paths = Array.from({ length: 70 }, (_, i) => join(root, `part-${i}.txt`));
    for (const [i, path] of paths.entries()) await writeNewFile(path, `file ${i}\n`.repeat(1000), undefined, flushes);
    await flushes.settled();
    for (const [i, path] of paths.entries()) expect(readFileSync(path, 'utf8')).toBe(`file ${i}\n`.repeat(1000));
    // Every handle was closed: the process holds none of the files open.
    const open = readdirSync('/proc/self/fd').map((fd) => readlinkSafe(join('/proc/self/fd', fd)));
    expect(open.filter((target) => target?.startsWith(root))).toEqual([]);
  });

  it('reports the first failed flush as a write failure naming its file, and still closes every file', async () => {
    const flushes = new PendingFlushes();
    const closed: string[] = [];
    const handle = (name: string, sync: () => Promise<void>, size: number) =>
      ({
        sync,
        stat: () => Promise.resolve({ size }),
        close: () => Promise.resolve(void closed.push(name)),
      }) as unknown as FileHandle;
    const eio = () => Promise.reject(Object.assign(new Error('i/o error'), { code: 'EIO' }));
    const ok = () => Promise.resolve();
    await flushes.add('/release/a.json', handle('a', ok, 3), 3);
    await flushes.add('/release/b.json', handle('b', eio, 3), 3);
    await flushes.add('/release/c.json', handle('c', ok, 3), 3);
    await expect(flushes.settled()).rejects.toMatchObject({
      code: 'EIO',
      path: '/release/b.json',
      message: expect.stringMatching(
        /^cannot write \/release\/b\.json: the disk reported an input\/output error \(EIO\)/,
      ),
    });
    expect(closed.sort()).toEqual(['a', 'b', 'c']);
    // Short on disk after the flush: a file system that lost bytes.
    const short = new PendingFlushes();
    await short.add('/release/d.json', handle('d', ok, 2), 3);
    await expect(short.settled()).rejects.toMatchObject({ code: 'EIO', path: '/release/d.json' });
    expect(closed).toContain('d');
  });
});

describe('writeFileAtomic() on a nearly full disk', () => {
  it('fails with ENOSPC and leaves the old file byte for byte, where one write would be cut short', async (context) => {
    const mnt = join(root, 'small');
    if (!mountTmpfs(mnt, 'size=64k', 'the disk-full case')) return context.skip();
    try {
      const file = join(mnt, 'chart.svg');
      writeFileSync(file, Buffer.alloc(12_000, 'o'));
      const before = sha(file);
      fillDisk(mnt, 8192);
      // One chunk of 16 KB: the kernel writes 8 KB and reports success for those.
      await expect(writeFileAtomic(file, Buffer.alloc(16_384, 'n'))).rejects.toMatchObject({
        code: 'ENOSPC',
        message: `cannot write ${file}: no space left on the disk (ENOSPC); the old file was left as it was`,
      });
      expect(sha(file)).toBe(before);
      expect(readdirSync(mnt).sort()).toEqual(['chart.svg', 'filler']);
      // The same as text in small chunks: the error of the write in flight is not lost.
      await expect(
        writeFileAtomic(
          file,
          Array.from({ length: 1024 }, () => 'n'.repeat(16)),
        ),
      ).rejects.toMatchObject({
        code: 'ENOSPC',
      });
      expect(sha(file)).toBe(before);
      expect(readdirSync(mnt).sort()).toEqual(['chart.svg', 'filler']);
      // Many files at once: all or none.
      writeFileSync(join(mnt, 'b.txt'), 'old b');
      const hashes = [sha(file), sha(join(mnt, 'b.txt'))];
      await expect(
        writeFilesAtomic([
          { path: join(mnt, 'b.txt'), content: 'new b' },
          { path: file, content: [Buffer.alloc(6000, 'x'), Buffer.alloc(6000, 'y')] },
        ]),
      ).rejects.toMatchObject({ code: 'ENOSPC' });
      expect([sha(file), sha(join(mnt, 'b.txt'))]).toEqual(hashes);
      expect(readdirSync(mnt).sort()).toEqual(['b.txt', 'chart.svg', 'filler']);
    } finally {
      unmountTmpfs(mnt);
    }
  });
});

describe('writeFileAtomic() at an unusual target', () => {
  it('refuses a folder and a FIFO, and follows a symbolic link, keeping the link', async () => {
    mkdirSync(join(root, 'dir'));
    await expect(writeFileAtomic(join(root, 'dir'), 'x')).rejects.toThrow(
      `cannot write ${join(root, 'dir')}: is a folder, not a file (EISDIR); nothing was written`,
    );
    execFileSync('mkfifo', [join(root, 'fifo')]);
    await expect(writeFileAtomic(join(root, 'fifo'), 'x')).rejects.toThrow(
      `cannot write ${join(root, 'fifo')}: is not a regular file (a FIFO, a device or a socket); nothing was written`,
    );
    writeFileSync(join(root, 'real.txt'), 'old');
    symlinkSync('real.txt', join(root, 'link.txt'));
    await writeFileAtomic(join(root, 'link.txt'), 'new');
    expect(readlinkSync(join(root, 'link.txt'))).toBe('real.txt');
    expect(readFileSync(join(root, 'real.txt'), 'utf8')).toBe('new');
    writeFileSync(join(root, 'a-file'), 'keep');
    await expect(writeFileAtomic(join(root, 'a-file', 'x.svg'), 'x')).rejects.toThrow(
      `cannot write ${join(root, 'a-file', 'x.svg')}: a part of the path is a file, not a folder (ENOTDIR); nothing was written`,
    );
    expect(readFileSync(join(root, 'a-file'), 'utf8')).toBe('keep');
  });

  it('removes temporary files that killed runs left beside the target, and only those', async () => {
    writeFileSync(join(root, '.statements.json.tmp-999999-0badc0de'), 'half');
    writeFileSync(join(root, `.statements.json.tmp-${process.pid}-0badc0de`), 'in use by this process');
    writeFileSync(join(root, '.statements.json.tmp-notes'), 'a curator file that only looks alike');
    await writeFileAtomic(join(root, 'statements.json'), '[]\n');
    expect(readdirSync(root).sort()).toEqual([
      `.statements.json.tmp-${process.pid}-0badc0de`,
      '.statements.json.tmp-notes',
      'statements.json',
    ]);
    writeFileSync(join(root, '.entities.json.tmp-999999-0badc0de'), 'half');
    expect(await removeStaleTemporaries(root)).toEqual(['.entities.json.tmp-999999-0badc0de']);
  });
});

describe('makeFolder() on a read-only disk', () => {
  it('names EROFS where Node says ENOENT, and makes nothing', async (context) => {
    const mnt = join(root, 'ro');
    if (!mountTmpfs(mnt, 'size=64k,ro', 'the read-only case')) return context.skip();
    try {
      await expect(makeFolder(join(mnt, 'a', 'b'))).rejects.toThrow(
        `cannot write ${join(mnt, 'a', 'b')}: the file system is read-only (EROFS); nothing was written`,
      );
      expect(readdirSync(mnt)).toEqual([]);
    } finally {
      unmountTmpfs(mnt);
    }
  });
});

describe('syncFiles()', () => {
  it('flushes the files it is given and leaves their bytes as they were', async () => {
    const files = ['a.html', 'b.html'].map((name) => join(root, name));
    for (const file of files) writeFileSync(file, `<p>${file}</p>`);
    await syncFiles(root, files, [root]);
    for (const file of files) expect(readFileSync(file, 'utf8')).toBe(`<p>${file}</p>`);
  });

  it('where the file system cannot be flushed whole, flushes each file and names one it cannot', async () => {
    const present = join(root, 'present.html');
    writeFileSync(present, 'here');
    const missing = join(root, 'gone', 'missing.html');
    // A folder that does not exist cannot be flushed whole: each file is flushed, and the missing one named.
    await expect(syncFiles(join(root, 'gone'), [present, missing], [], 'nothing was written')).rejects.toThrow(
      `cannot write ${missing}: the folder does not exist (ENOENT); nothing was written`,
    );
  });
});
