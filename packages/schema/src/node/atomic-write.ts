/**
 * Crash-safe file writes: every file the tools write goes to a temporary file in the same folder,
 * is checked to hold every byte, flushed to disk, and renamed over the target, so a full disk, a
 * kill or a crash leaves either the old file or the new one, never a truncated mix.
 */
import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, open, readdir, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

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

/** What a failed write means to a user, as the end of a one-line message. */
const WRITE_PROBLEMS: Record<string, string> = {
  ENOSPC: 'no space left on the disk',
  EDQUOT: 'the disk quota is used up',
  EFBIG: 'the file is larger than this file system allows',
  EACCES: 'permission denied: the folder is not writable by this user',
  EPERM: 'permission denied: the folder is not writable by this user',
  EROFS: 'the file system is read-only',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'is a folder, not a file',
  EIO: 'the disk reported an input/output error',
};

/**
 * An error of a write that changed nothing: its message names the file, what went wrong and that
 * the old file (if any) is as it was (or `outcome`, when the write was part of a larger one);
 * `code` is the errno name, so callers can tell a full disk, and `path` the file.
 */
export function writeFailure(
  path: string,
  error: unknown,
  existed: boolean,
  outcome?: string,
): Error & { code: string; path: string } {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? 'EIO';
  const problem = WRITE_PROBLEMS[code] ?? (error as Error | null)?.message ?? String(error);
  const kept = outcome ?? (existed ? 'the old file was left as it was' : 'nothing was written');
  const failure = new Error(`cannot write ${path}: ${problem} (${code}); ${kept}`, { cause: error });
  return Object.assign(failure, { code, path });
}

/** Writes all of `data` at the handle's position: a short write (a nearly full disk) is continued, never ignored. */
async function writeAll(handle: FileHandle, data: Buffer): Promise<void> {
  let offset = 0;
  while (offset < data.byteLength) {
    const { bytesWritten } = await handle.write(data, offset, data.byteLength - offset);
    if (bytesWritten <= 0) throw Object.assign(new Error('write wrote no bytes'), { code: 'ENOSPC' });
    offset += bytesWritten;
  }
}

/**
 * Flushes of files written with `writeNewFile(…, flushes)`, run while the caller goes on to make
 * the next file: the disk works while the CPU does. A few run at once (the file system commits
 * flushes that wait together in one go). Each flush also checks the file's size on disk and closes
 * it. Nothing may rely on those files being on disk (a listing of them, a rename into place)
 * before `settled()` has resolved.
 */
export class PendingFlushes {
  #free = FLUSHES_AT_ONCE;
  #waiting: (() => void)[] = [];
  #queued: Promise<void>[] = [];
  #failure: Error | undefined;

  /** Flushes `handle` (of `path`, `bytes` long) once one of the few flushes at once is free; waits only while many are queued. */
  async add(path: string, handle: FileHandle, bytes: number): Promise<void> {
    const flushed = this.#turn()
      .then(() => flushAndClose(path, handle, bytes))
      .finally(() => this.#done())
      .catch((error: unknown) => {
        // The first failure is the one reported; the other files are still flushed and closed.
        this.#failure ??= writeFailure(path, error, false);
      });
    this.#queued.push(flushed);
    // Each queued file holds an open handle: a caller writing thousands waits for the oldest.
    if (this.#queued.length > MAX_QUEUED_FLUSHES) await this.#queued.shift();
  }

  /** Waits for every flush queued so far; throws the first failure (a `writeFailure` naming its file). */
  async settled(): Promise<void> {
    await Promise.all(this.#queued);
    this.#queued = [];
    if (this.#failure) throw this.#failure;
  }

  #turn(): Promise<void> {
    if (this.#free > 0) {
      this.#free--;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  #done(): void {
    const next = this.#waiting.shift();
    if (next) next();
    else this.#free++;
  }
}

// Flushes run at once: the file system commits flushes that wait together in one go (more would
// only queue in libuv's four threads, ahead of the writes of the next file).
const FLUSHES_AT_ONCE = 4;
// Files whose flush may wait in a `PendingFlushes` at once (each an open file handle).
const MAX_QUEUED_FLUSHES = 64;

/** Flushes the file to disk, checks its size there and closes it (closed on a failure too). */
async function flushAndClose(path: string, handle: FileHandle, bytes: number): Promise<void> {
  try {
    await handle.sync();
    // The file system's own count, after the flush: what a later read will see.
    const size = (await handle.stat()).size;
    if (size !== bytes)
      throw Object.assign(new Error(`${path}: ${size} bytes on disk where ${bytes} were written`), { code: 'EIO' });
  } finally {
    await handle.close();
  }
}

/**
 * Writes `content` to a file that must not exist yet (`wx`), hashing as it goes; flushed to disk
 * before it returns, or, with `flushes`, handed to them to flush while the caller goes on.
 */
export async function writeNewFile(
  path: string,
  content: WriteContent,
  mode?: number,
  flushes?: PendingFlushes,
): Promise<WrittenFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  let binary = content instanceof Uint8Array;
  const chunks = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
  const handle = await open(path, 'wx', mode);
  // One write is in flight while the next batch is filled: the disk works while the content is
  // made, instead of after. Two batch buffers take turns; a buffer is refilled only once its
  // write is done (the write before the current one is awaited before each new one starts).
  let inFlight: Promise<void> | undefined;
  const settle = async () => {
    const pending = inFlight;
    inFlight = undefined;
    await pending;
  };
  try {
    // Text is encoded into buffers of BATCH bytes, reused for every write of the file: a file of
    // many small chunks costs no buffer per chunk (garbage that would outlive the write).
    const batches: Buffer[] = [];
    let turn = 0;
    let batch: Buffer | undefined;
    let batched = 0;
    const flush = async () => {
      if (batched === 0) return;
      const data = batch!.subarray(0, batched);
      batched = 0;
      await settle();
      inFlight = writeAll(handle, data);
      // Its error surfaces when it is awaited (next flush or the end), never as an unhandled rejection.
      inFlight.catch(() => undefined);
      // Hashed while the kernel copies the same bytes (both only read them).
      hash.update(data);
      bytes += data.byteLength;
      turn ^= 1;
      batch = batches[turn];
    };
    // Bytes of the caller's are written before the next chunk is asked for: the caller may reuse them.
    const put = async (data: Buffer) => {
      await settle();
      const writing = writeAll(handle, data);
      writing.catch(() => undefined);
      hash.update(data);
      bytes += data.byteLength;
      await writing;
    };
    for await (const chunk of chunks) {
      if (typeof chunk !== 'string') {
        binary = true;
        await flush();
        await put(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        continue;
      }
      // A UTF-16 code unit takes at most 3 bytes of UTF-8: a chunk that surely fits is not measured
      // first (a second pass over every character of the file).
      const length = chunk.length * 3 <= BATCH - batched ? chunk.length * 3 : Buffer.byteLength(chunk, 'utf8');
      if (batched + length > BATCH) await flush();
      if (length > BATCH) await put(Buffer.from(chunk, 'utf8'));
      else batched += (batch ??= batches[turn] = Buffer.allocUnsafeSlow(BATCH)).write(chunk, batched, 'utf8');
    }
    await flush();
    await settle();
  } catch (error) {
    // A write still in flight (the content's generator threw) ends before the handle closes.
    await inFlight?.catch(() => undefined);
    await handle.close();
    throw error;
  }
  if (flushes) await flushes.add(path, handle, bytes);
  else await flushAndClose(path, handle, bytes);
  return { bytes, sha256: hash.digest('hex'), binary };
}

/**
 * Makes `dir` and its missing parents; returns the first folder made (undefined when none was).
 * Node reports a read-only or unwritable parent of a recursive mkdir as ENOENT, so on failure the
 * first missing folder is made alone to learn the real cause; the error is a `writeFailure`.
 */
export async function makeFolder(dir: string): Promise<string | undefined> {
  try {
    return await mkdir(dir, { recursive: true });
  } catch (error) {
    let cause = error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      let missing = dir;
      while (
        dirname(missing) !== missing &&
        !(await stat(dirname(missing)).then(
          () => true,
          () => false,
        ))
      )
        missing = dirname(missing);
      cause = await mkdir(missing).then(
        () => error,
        (real: unknown) => real,
      );
    }
    throw writeFailure(dir, cause, false);
  }
}

/**
 * Flushes a folder's entries (new files, renames) to disk where the system allows it: after files
 * are made or renamed in it, so that a power cut does not lose their names. Never throws.
 */
export async function syncFolder(path: string): Promise<void> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/**
 * Flushes many files written without a flush each (`paths`, all under `folder`) to disk, and the
 * folders that hold them (`folders`). On Linux one `sync -f` does it for the whole file system
 * (syncfs(2): tens of thousands of files flushed one by one take minutes on a busy disk); where
 * that is not available, each file is flushed, a few at a time. An error is a `writeFailure` of the
 * file that could not be flushed, ending with `outcome`.
 */
export async function syncFiles(
  folder: string,
  paths: Iterable<string>,
  folders: Iterable<string>,
  outcome?: string,
): Promise<void> {
  const whole =
    process.platform === 'linux' &&
    (await run('sync', ['-f', folder]).then(
      () => true,
      () => false,
    ));
  if (!whole) {
    const list = [...paths];
    let next = 0;
    const flushNext = async (): Promise<void> => {
      while (next < list.length) {
        const path = list[next++]!;
        const handle = await open(path, 'r+').catch((error: unknown) => {
          throw writeFailure(path, error, false, outcome);
        });
        try {
          await handle.sync();
        } catch (error) {
          throw writeFailure(path, error, false, outcome);
        } finally {
          await handle.close();
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, flushNext));
  }
  for (const dir of folders) await syncFolder(dir);
}

/** A name for a temporary sibling of `path`: hidden, unique, and recognisable as ours. */
export function temporarySibling(path: string, purpose = 'tmp'): string {
  return join(dirname(path), `.${basename(path)}.${purpose}-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** A temporary sibling's name: `.NAME.tmp-PID-HEX` (as `temporarySibling` makes it). */
const TEMPORARY = /^\..+\.tmp-(\d+)-[0-9a-f]{8}$/;

/** Whether the process with this id is still running (its temporary files are still in use). */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is only somebody else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the temporary files that runs killed midway (kill -9, a power cut) left in `dir`: only
 * names this module makes, and only of processes no longer running. `only` limits it to the
 * temporaries of one file name. Returns the names removed; never throws.
 */
export async function removeStaleTemporaries(dir: string, only?: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names) {
    const match = TEMPORARY.exec(name);
    if (!match || isProcessAlive(Number(match[1]))) continue;
    if (only !== undefined && !name.startsWith(`.${only}.tmp-`)) continue;
    const isFile = await lstat(join(dir, name)).then(
      (s) => s.isFile(),
      () => false,
    );
    if (
      isFile &&
      (await unlink(join(dir, name)).then(
        () => true,
        () => false,
      ))
    )
      removed.push(name);
  }
  return removed;
}

export interface WriteFileAtomicOptions {
  /** Remove temporary files of this name left by killed runs first [true]; a caller writing many files in one folder sweeps once itself. */
  sweep?: boolean;
}

/** A file written in full beside its target, waiting to be renamed over it (`commit`) or removed (`discard`). */
export interface StagedFile extends WrittenFile {
  /** The path as given. */
  path: string;
  /** Whether a file was there before: the message of a failure says whether an old file was kept. */
  existed: boolean;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

/**
 * Writes `content` to a temporary sibling of `path` and checks it; the target is not touched
 * until `commit()`. Several files staged first and committed after are all written or none
 * (short of a kill between the renames). A symbolic link is followed (the link stays, the file it
 * names is replaced); a folder, FIFO or device is refused. Errors are `writeFailure`s.
 */
export async function stageFile(
  path: string,
  content: WriteContent,
  options: WriteFileAtomicOptions = {},
): Promise<StagedFile> {
  let target = path;
  const link = await lstat(path).catch(() => undefined);
  if (link?.isSymbolicLink()) {
    target = await realpath(path).catch(() => {
      throw writeFailure(path, { code: 'ENOENT' }, false);
    });
  }
  const existing = await stat(target).catch(() => undefined);
  if (existing?.isDirectory()) throw writeFailure(path, { code: 'EISDIR' }, false);
  if (existing && !existing.isFile())
    throw Object.assign(
      new Error(`cannot write ${path}: is not a regular file (a FIFO, a device or a socket); nothing was written`),
      { code: 'ENOTREG' },
    );
  const existed = existing !== undefined;
  if (options.sweep !== false) await removeStaleTemporaries(dirname(target), basename(target));
  const temp = temporarySibling(target);
  const discard = () => unlink(temp).catch(() => undefined);
  const fail = async (error: unknown): Promise<never> => {
    await discard();
    // A content generator's own error (a character XML cannot hold) is the caller's to word.
    if (!(error as NodeJS.ErrnoException).code) throw error;
    throw writeFailure(path, error, existed);
  };
  let written: WrittenFile;
  try {
    written = await writeNewFile(temp, content, existing ? existing.mode & 0o7777 : undefined);
  } catch (error) {
    return fail(error);
  }
  return {
    ...written,
    path,
    existed,
    commit: () => rename(temp, target).catch(fail),
    discard,
  };
}

/**
 * Writes `content` to `path` through a temporary file in the same folder and a rename, so that
 * readers and crashes see the old file or the new one, whole. An existing file keeps its mode.
 * On any error the temporary file is removed, the target is untouched, and the error
 * (`writeFailure`: code, file, and whether the old file was kept) says so.
 */
export async function writeFileAtomic(
  path: string,
  content: WriteContent,
  options: WriteFileAtomicOptions = {},
): Promise<WrittenFile> {
  const staged = await stageFile(path, content, options);
  await staged.commit();
  return { bytes: staged.bytes, sha256: staged.sha256, binary: staged.binary };
}

/**
 * Writes several files all or none: each is staged beside its target, and only when every one is
 * written in full are they renamed into place. On an error every staged file is removed.
 */
export async function writeFilesAtomic(
  files: readonly { path: string; content: WriteContent }[],
  options: WriteFileAtomicOptions = {},
): Promise<WrittenFile[]> {
  const staged: StagedFile[] = [];
  try {
    for (const { path, content } of files) staged.push(await stageFile(path, content, options));
  } catch (error) {
    await Promise.all(staged.map((s) => s.discard()));
    throw error;
  }
  for (const file of staged) await file.commit();
  return staged.map(({ bytes, sha256, binary }) => ({ bytes, sha256, binary }));
}
