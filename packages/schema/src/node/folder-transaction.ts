/**
 * Changes to several files of one folder (a dataset's data/) as one transaction: all of them or
 * none, under a lock, so a kill, a full disk or a second writer never leaves a mix of old and new.
 */
import { createHash } from 'node:crypto';
import {
  chmod,
  copyFile,
  link,
  lstat,
  mkdir,
  readFile,
  readdir,
  readlink,
  rename,
  rm,
  stat,
  symlink,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  isProcessAlive,
  syncFolder,
  temporarySibling,
  writeFailure,
  writeNewFile,
  type WriteContent,
} from './atomic-write.js';
import { lockFolder, type LockFolderOptions } from './folder-lock.js';

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

/** Who holds the lock, written into it for the message a second writer sees (`sheet import`). */
export type OpenTransactionOptions = LockFolderOptions;

/** The pid and kind in a temporary sibling's name (`.data.staging-1234-ab12cd34`, `.x.json.tmp-1234-…`). */
function temporaryName(name: string): { of: string; kind: string; pid: number } | undefined {
  const found = /^\.(.+)\.([a-z]+)-(\d+)-[0-9a-f]{8}$/.exec(name);
  return found ? { of: found[1]!, kind: found[2]!, pid: Number(found[3]) } : undefined;
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
  const lock = await lockFolder(given, options);
  const { folder, lockFile } = lock;
  let recovered: string[];
  try {
    recovered = await recover(folder);
  } catch (error) {
    await lock.release();
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
      released = true;
      await lock.release();
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
  // The file being written when the file system says no: the message names it, never the staged copy.
  let writing = folder;
  try {
    await mkdir(staging);
    await chmod(staging, (await stat(folder)).mode & 0o7777);
    await replicate(folder, staging, '', pending);
    for (const [path, content] of pending) {
      if (content === null) continue;
      const target = join(staging, path);
      writing = join(folder, path);
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
    writing = folder;
    const problem = await options.verify?.(staging);
    if (problem) throw new Error(problem);
    await syncFolder(staging);
    await swap(staging, folder);
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    // A content generator's own error, or a refusal, is the caller's to word.
    if (!(error as NodeJS.ErrnoException).code) throw error;
    throw writeFailure(writing, error, true, `no file of ${folder} was changed`);
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
