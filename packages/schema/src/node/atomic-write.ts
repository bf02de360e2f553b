/**
 * Crash-safe file writes: every file the tools write goes to a temporary file in the same folder,
 * is flushed to disk, and is renamed over the target, so a full disk, a kill or a crash leaves
 * either the old file or the new one, never a truncated mix.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Text, bytes, or chunks of either (written as they come and hashed on the way). */
export type WriteContent = string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

export interface WrittenFile {
  bytes: number;
  sha256: string;
  /** Whether any chunk was bytes rather than text. */
  binary: boolean;
}

// Small chunks (one record per line) are gathered into writes of about this size.
const BATCH = 1 << 20;

/** Writes `content` to a file that must not exist yet (`wx`), hashing as it goes; flushed to disk before it returns. */
export async function writeNewFile(path: string, content: WriteContent, mode?: number): Promise<WrittenFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  let binary = content instanceof Uint8Array;
  const chunks = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
  const handle = await open(path, 'wx', mode);
  try {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    const flush = async () => {
      if (pendingBytes === 0) return;
      const data = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      await handle.write(data);
    };
    for await (const chunk of chunks) {
      if (typeof chunk !== 'string') binary = true;
      const data =
        typeof chunk === 'string'
          ? Buffer.from(chunk, 'utf8')
          : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      hash.update(data);
      bytes += data.byteLength;
      pending.push(data);
      pendingBytes += data.byteLength;
      if (pendingBytes >= BATCH) await flush();
    }
    await flush();
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest('hex'), binary };
}

/** A name for a temporary sibling of `path`: hidden, unique, and recognisable as ours. */
export function temporarySibling(path: string, purpose = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.${purpose}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/**
 * Writes `content` to `path` through a temporary file in the same folder and a rename, so that
 * readers and crashes see the old file or the new one, whole. An existing file keeps its mode.
 * On any error the temporary file is removed and the target is untouched.
 */
export async function writeFileAtomic(path: string, content: WriteContent): Promise<WrittenFile> {
  const mode = await stat(path).then(
    (s) => (s.isFile() ? s.mode & 0o7777 : undefined),
    () => undefined,
  );
  const temp = temporarySibling(path);
  try {
    const written = await writeNewFile(temp, content, mode);
    await rename(temp, path);
    return written;
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}
