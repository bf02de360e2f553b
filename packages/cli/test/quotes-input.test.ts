/**
 * Issue 25: quotes reads only regular UTF-8 text files within a size limit. A FIFO, /dev/zero, a
 * binary file or an oversized snapshot is refused by name, and `--anchor` then writes nothing.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimgraph, copyFixture, crashIn, VALID } from './run-cli.js';

const SNAPSHOT = 'washington-examiner-2021-08-30.txt';

const dataHashes = (dir: string) =>
  readdirSync(join(dir, 'data'))
    .sort()
    .map(
      (f) =>
        `${f} ${createHash('sha256')
          .update(readFileSync(join(dir, 'data', f)))
          .digest('hex')}`,
    );

async function refused(make: (file: string) => void, message: string, extra: string[] = []) {
  const dir = copyFixture(VALID);
  const sources = mkdtempSync(join(tmpdir(), 'claimgraph-snapshots-'));
  make(join(sources, SNAPSHOT));
  const before = dataHashes(dir);
  const run = await claimgraph(['quotes', dir, '--sources', sources, '--anchor', ...extra]);
  expect(crashIn(run.stderr)).toBeNull();
  expect(run.code).toBe(1);
  expect(run.stderr).toBe(`claimgraph: ${join(sources, SNAPSHOT)}: ${message}\n`);
  expect(dataHashes(dir)).toEqual(before);
}

describe('quotes reads bounded, regular text snapshots', () => {
  it('refuses a FIFO without waiting for a writer', async () => {
    await refused(
      (file) => execFileSync('mkfifo', [file]),
      'is not a regular file (a FIFO, a device or a socket); give a file',
    );
  });

  it('refuses /dev/zero given through a symbolic link', async () => {
    await refused(
      (file) => symlinkSync('/dev/zero', file),
      'is not a regular file (a FIFO, a device or a socket); give a file',
    );
  });

  it('refuses a binary file and a file that is not UTF-8', async () => {
    await refused(
      (file) => writeFileSync(file, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01])),
      "holds a NUL byte at byte 4, so it is not a text snapshot; give the page's text",
    );
    await refused(
      (file) => writeFileSync(file, Buffer.from('caf\xe9', 'latin1')),
      'is not valid UTF-8 text; save the snapshot as UTF-8',
    );
  });

  it('refuses a snapshot over the size limit before reading it, naming the limit and the flag', async () => {
    await refused(
      (file) => writeFileSync(file, 'x'.repeat(2 * 1_048_576)),
      '2.0 MB is larger than the 1 MB a snapshot may be; give a text snapshot, or raise the limit with --max-snapshot-mb',
      ['--max-snapshot-mb', '1'],
    );
  });
});
