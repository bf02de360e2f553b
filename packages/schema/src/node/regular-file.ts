/**
 * Reads a file only when it is a regular file: a FIFO would block the read forever and
 * `/dev/zero` would never end, so both are refused before a byte is read.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

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

/**
 * Opens `path` without blocking (a FIFO with no writer would hang `open` itself), checks that the
 * opened file is a regular one, and reads it whole. Never throws.
 */
export async function readRegularFile(path: string): Promise<RegularFileRead> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = await handle.stat();
    if (stats.isDirectory()) return { ok: false, code: 'EISDIR', problem: readProblem('EISDIR') };
    if (!stats.isFile()) return { ok: false, code: 'ENOTREG', problem: readProblem('ENOTREG') };
    return { ok: true, bytes: await handle.readFile() };
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
