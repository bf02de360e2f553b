import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hashRegularFile } from '../src/node.js';

describe('hashRegularFile()', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-regular-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('hashes a file of several megabytes read piece by piece, as one hash of its bytes', async () => {
    // 2.5 MiB of varied bytes: the last read is a partial one.
    const bytes = Buffer.alloc(5 * (1 << 19));
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 31 + (i >> 11)) & 0xff;
    writeFileSync(join(dir, 'big.bin'), bytes);
    expect(await hashRegularFile(join(dir, 'big.bin'))).toEqual({
      ok: true,
      bytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  });

  it('hashes an empty file', async () => {
    writeFileSync(join(dir, 'empty.bin'), '');
    expect(await hashRegularFile(join(dir, 'empty.bin'))).toEqual({
      ok: true,
      bytes: 0,
      sha256: createHash('sha256').digest('hex'),
    });
  });

  it('refuses a folder and reports a missing file, without throwing', async () => {
    mkdirSync(join(dir, 'folder'));
    expect(await hashRegularFile(join(dir, 'folder'))).toEqual({
      ok: false,
      code: 'EISDIR',
      problem: 'is a folder, not a file',
    });
    expect(await hashRegularFile(join(dir, 'missing'))).toEqual({
      ok: false,
      code: 'ENOENT',
      problem: 'file not found',
    });
  });
});
