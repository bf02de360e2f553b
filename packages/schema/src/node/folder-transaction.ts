/**
 * Changes to several files of one folder (a dataset's data/) as one transaction: all of them or
 * none, under a lock, so a kill, a full disk or a second writer never leaves a mix of old and new.
 */
import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import {
  chmod,
  copyFile,
  link,
  lstat,
  mkdir,
  open,
  readFile,
  readdir,
  readlink,
  realpath,
  rename,
  rm,
  stat,
  symlink,
  unlink,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isProcessAlive, temporarySibling, writeNewFile, type WriteContent } from './atomic-write.js';
import { ClaimgraphBaseError } from '../errors.js';

/** What a change sets a file to: its new content, or `null` to remove it. */
export type FolderChange = WriteContent | null;

export interface FolderTransaction {
  /** The folder the transaction changes. */
  readonly folder: string;
  /** The lock file held until `release()`. */
  readonly lockFile: string;
  /** What this run found of an earlier, interrupted one and did about it, in words. */
  readonly recovered: string[];
  /**
   * Writes every change (paths relative to the folder, `/`-separated) as one: a copy of the folder
   * is staged beside it, the changed files written and read back, then the copy is swapped in.
   * Files whose content is unchanged are not counted. Returns the paths changed, sorted.
   */
  commit(changes: ReadonlyMap<string, FolderChange>, options?: CommitOptions): Promise<string[]>;
  /** Gives up the lock. */
  release(): Promise<void>;
}

export interface CommitOptions {
  /**
   * Checks the staged folder before it is swapped in; a returned message stops the commit with
   * nothing changed (the message is the error's).
   */
  verify?: (staged: string) => Promise<string | undefined>;
}

/** Another process holds the folder's lock. */
export class FolderLockedError extends ClaimgraphBaseError {
  readonly code: string = 'SCHEMA_FOLDER_LOCKED';
  constructor(
    readonly folder: string,
    readonly lockFile: string,
    readonly heldBy: number,
    readonly holder: string,
  ) {
    super(
      `${folder} is being written by another claimgraph command (${heldBy ? `process ${heldBy}` : 'a process'}${holder ? `: ${holder}` : ''}, lock file ${lockFile}); wait for it to finish, or delete the lock file if no such process is running`,
    );
    this.name = 'FolderLockedError';
  }
}

export interface OpenTransactionOptions {
  /** Who holds the lock, written into it for the message a second writer sees (`sheet import`). */
  holder?: string;
}

/** `.data.lock` beside `data/`. */
export const lockFileOf = (folder: string): string => join(dirname(folder), `.${basename(folder)}.lock`);

/** The pid and kind in a temporary sibling's name (`.data.staging-1234-ab12cd34`, `.x.json.tmp-1234-…`). */
function temporaryName(name: string): { of: string; kind: string; pid: number } | undefined {
  const found = /^\.(.+)\.([a-z]+)-(\d+)-[0-9a-f]{8}$/.exec(name);
  return found ? { of: found[1]!, kind: found[2]!, pid: Number(found[3]) } : undefined;
}

async function takeLock(folder: string, holder: string): Promise<string> {
  const path = lockFileOf(folder);
  for (let attempt = 0; attempt < 3; attempt++) {
    // The lock appears with its holder already written in it (a hard link of a finished file), so a
    // run killed at any instant never leaves an empty lock that no one could ever judge stale.
    const written = temporarySibling(path);
    try {
      const handle = await open(written, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
      try {
        await handle.writeFile(`${process.pid} ${holder}\n`);
      } finally {
        await handle.close();
      }
      await link(written, path);
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    } finally {
      await unlink(written).catch(() => undefined);
    }
    const text = await readFile(path, 'utf8').catch(() => '');
    const pid = Number.parseInt(text, 10);
    // A lock that cannot be read (removed this instant, or damaged by hand) is not taken over here.
    if (Number.isNaN(pid) || isProcessAlive(pid))
      throw new FolderLockedError(folder, path, Number.isNaN(pid) ? 0 : pid, text.replace(/^\d+ ?/, '').trim());
    await unlink(path).catch(() => undefined);
  }
  throw new FolderLockedError(folder, path, 0, '');
}

/**
 * Puts things right after a run that was killed (called with the lock held): a folder moved aside
 * for a swap is put back when the folder itself is gone (the old set of files), and staging
 * folders of dead runs are removed.
 */
async function recover(folder: string): Promise<string[]> {
  const parent = dirname(folder);
  const name = basename(folder);
  const notes: string[] = [];
  const exists = await lstat(folder).then(
    () => true,
    () => false,
  );
  let restored = exists;
  for (const entry of (await readdir(parent)).sort()) {
    const temp = temporaryName(entry);
    if (!temp) continue;
    const path = join(parent, entry);
    // A lock file half made by a run killed before it took the lock.
    if (temp.of === basename(lockFileOf(folder)) && temp.kind === 'tmp' && !isProcessAlive(temp.pid)) {
      await unlink(path).catch(() => undefined);
      continue;
    }
    if (temp.of !== name || (temp.kind !== 'staging' && temp.kind !== 'old')) continue;
    if (isProcessAlive(temp.pid) && temp.pid !== process.pid) continue;
    if (temp.kind === 'old' && !restored) {
      await rename(path, folder);
      restored = true;
      notes.push(`${folder}: put back as it was before a write that was interrupted (process ${temp.pid})`);
    } else {
      await rm(path, { recursive: true, force: true });
      notes.push(`${path}: removed, left by a write that was interrupted (process ${temp.pid})`);
    }
  }
  return notes;
}

/**
 * Takes the folder's lock (refusing with `FolderLockedError` when a live process holds it),
 * repairs what a killed run left, and returns the transaction. Always `release()` it.
 */
export async function openFolderTransaction(
  given: string,
  options: OpenTransactionOptions = {},
): Promise<FolderTransaction> {
  // A folder reached through a symbolic link is changed where it is: the link stays a link.
  const folder = await realpath(given).catch(() => given);
  const lockFile = await takeLock(folder, options.holder ?? '');
  let recovered: string[];
  try {
    recovered = await recover(folder);
  } catch (error) {
    await unlink(lockFile).catch(() => undefined);
    throw error;
  }
  let released = false;
  return {
    folder,
    lockFile,
    recovered,
    commit: (changes, commitOptions) => {
      if (released) throw new Error('@claimgraph/schema: openFolderTransaction(): commit() after release()');
      return commitChanges(folder, changes, commitOptions ?? {});
    },
    release: async () => {
      if (released) return;
      released = true;
      await unlink(lockFile).catch(() => undefined);
    },
  };
}

/** Opens a transaction, runs `work` with it and releases the lock whatever happens. */
export async function withFolderTransaction<T>(
  folder: string,
  options: OpenTransactionOptions,
  work: (transaction: FolderTransaction) => Promise<T>,
): Promise<T> {
  const transaction = await openFolderTransaction(folder, options);
  try {
    return await work(transaction);
  } finally {
    await transaction.release();
  }
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The bytes of a change, when it is whole text or bytes (chunked content is compared after writing). */
function wholeBytes(content: WriteContent): Buffer | undefined {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  if (content instanceof Uint8Array) return Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  return undefined;
}

async function commitChanges(
  folder: string,
  changes: ReadonlyMap<string, FolderChange>,
  options: CommitOptions,
): Promise<string[]> {
  for (const path of changes.keys())
    if (path === '' || path.split('/').some((part) => part === '' || part === '.' || part === '..'))
      throw new Error(
        `@claimgraph/schema: folder transaction: ${JSON.stringify(path)} is not a path inside the folder`,
      );
  // Only what differs from the disk is a change.
  const pending = new Map<string, FolderChange>();
  for (const [path, content] of changes) {
    const current = await readFile(join(folder, path)).catch(() => undefined);
    if (content === null) {
      if (current !== undefined) pending.set(path, null);
      continue;
    }
    const bytes = wholeBytes(content);
    if (current === undefined || bytes === undefined || !current.equals(bytes)) pending.set(path, content);
  }
  if (pending.size === 0) return [];

  const staging = temporarySibling(folder, 'staging');
  try {
    await mkdir(staging);
    await chmod(staging, (await stat(folder)).mode & 0o7777);
    await replicate(folder, staging, '', pending);
    for (const [path, content] of pending) {
      if (content === null) continue;
      const target = join(staging, path);
      await mkdir(dirname(target), { recursive: true });
      const mode = await stat(join(folder, path)).then(
        (s) => (s.isFile() ? s.mode & 0o7777 : undefined),
        () => undefined,
      );
      const written = await writeNewFile(target, content, mode);
      // Read back: what is on disk is what was meant, every byte of it.
      const back = await readFile(target);
      if (back.byteLength !== written.bytes || sha256(back) !== written.sha256)
        throw new Error(`${join(folder, path)}: the staged copy does not read back as written; nothing was changed`);
    }
    const problem = await options.verify?.(staging);
    if (problem) throw new Error(problem);
    await syncFolder(staging);
    await swap(staging, folder);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  return [...pending.keys()].sort();
}

/**
 * Fills `to` with the entries of `from` that no change replaces: hard links for files (cheap, and
 * safe because every writer replaces a file rather than writing into it), copies where links are
 * not possible. Temporary files of dead runs are left behind.
 */
async function replicate(
  from: string,
  to: string,
  prefix: string,
  pending: ReadonlyMap<string, FolderChange>,
): Promise<void> {
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const path = `${prefix}${entry.name}`;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    const temp = temporaryName(entry.name);
    if (temp && !isProcessAlive(temp.pid)) continue;
    if (entry.isDirectory()) {
      await mkdir(target);
      await chmod(target, (await stat(source)).mode & 0o7777);
      await replicate(source, target, `${path}/`, pending);
    } else if (pending.has(path)) continue;
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else if (entry.isFile()) await link(source, target).catch(() => copyFile(source, target));
    else throw new Error(`${source}: not a file or folder (a FIFO, a device or a socket); nothing was changed`);
  }
}

/** Flushes a folder's entries (renames, new files) to disk where the system allows it. */
async function syncFolder(path: string): Promise<void> {
  const handle = await open(path, 'r').catch(() => undefined);
  if (!handle) return;
  await handle.sync().catch(() => undefined);
  await handle.close();
}

/**
 * Puts `staging` in place of `folder`: the folder is moved aside, not deleted, until the new one
 * is in place, so a kill between the two renames leaves it beside, and the next run puts it back.
 */
async function swap(staging: string, folder: string): Promise<void> {
  const old = temporarySibling(folder, 'old');
  await rename(folder, old);
  try {
    await rename(staging, folder);
  } catch (error) {
    await rename(old, folder).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(folder));
  await rm(old, { recursive: true, force: true });
}
