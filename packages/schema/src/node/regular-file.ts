/**
 * Reads a file only when it is a regular file: a FIFO would block the read forever and
 * `/dev/zero` would never end, so both are refused before a byte is read.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

export type RegularFileRead = { ok: true; bytes: Buffer } | { ok: false; code: string; problem: string };

/** What `code` (an errno name) means to a curator, as the end of a one-line message. */
export function readProblem(code: string | undefined): string {
  return code === 'ENOENT'
    ? 'file not found'
    : code === 'EISDIR'
      ? 'is a folder, not a file'
      : code === 'ENOTREG'
        ? 'is not a regular file (a FIFO, a device or a socket); give a file'
        : `cannot be read (${code ?? 'unknown error'})`;
}

/** Reads a regular file whole (see `withRegularFile` for what is refused). Never throws. */
export async function readRegularFile(path: string): Promise<RegularFileRead> {
  return withRegularFile(path, async (handle) => ({ ok: true, bytes: await handle.readFile() }));
}

export type RegularFileHash =
  { ok: true; bytes: number; sha256: string } | { ok: false; code: string; problem: string };

/** Hashes a regular file (sha256, hex) a megabyte at a time, so a file of any size costs no more memory than that. Never throws. */
export async function hashRegularFile(path: string): Promise<RegularFileHash> {
  return withRegularFile(path, async (handle) => {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(1 << 20);
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.byteLength, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
    }
    return { ok: true, bytes, sha256: hash.digest('hex') };
  });
}

/**
 * Opens `path` without blocking (a FIFO with no writer would hang `open` itself), checks that the
 * opened file is a regular one, and hands it to `use`; every error becomes a problem, never thrown.
 */
export async function withRegularFile<T extends { ok: true }>(
  path: string,
  use: (handle: FileHandle) => Promise<T>,
): Promise<T | { ok: false; code: string; problem: string }> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = await handle.stat();
    if (stats.isDirectory()) return { ok: false, code: 'EISDIR', problem: readProblem('EISDIR') };
    if (!stats.isFile()) return { ok: false, code: 'ENOTREG', problem: readProblem('ENOTREG') };
    return await use(handle);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? (error instanceof RangeError ? 'ETOOBIG' : undefined);
    return {
      ok: false,
      code: code ?? 'EIO',
      problem: code === 'ETOOBIG' ? 'is too large to be read into memory' : readProblem(code),
    };
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/** Like `readRegularFile`, but throws an Error with `code` set (for callers that already catch). */
export async function readRegularFileOrThrow(path: string): Promise<Buffer> {
  const read = await readRegularFile(path);
  if (read.ok) return read.bytes;
  throw Object.assign(new Error(`${path}: ${read.problem}`), { code: read.code });
}
