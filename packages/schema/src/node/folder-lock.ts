/**
 * The one lock every claimgraph writer of a folder takes (`.NAME.lock` beside it): a release build,
 * a site, a dataset's data/ folder. A second writer is refused with the holder's process and task.
 */
import { constants } from 'node:fs';
import { link, open, readFile, realpath, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isProcessAlive, removeStaleTemporaries, temporarySibling, writeFailure } from './atomic-write.js';
import { ClaimgraphBaseError } from '../errors.js';

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

/** Options of `lockFolder`. */
export interface LockFolderOptions {
  /** Who holds the lock, written into it for the message a second writer sees (`sheet import`). */
  holder?: string;
}

/** A held folder lock: give it up with `release()`. */
export interface FolderLock {
  /** The folder locked, with symbolic links resolved where it exists. */
  readonly folder: string;
  /** The lock file, beside the folder. */
  readonly lockFile: string;
  /** Gives up the lock (once; later calls do nothing). */
  release(): Promise<void>;
}

/** `.data.lock` beside `data/`. */
export const lockFileOf = (folder: string): string => join(dirname(folder), `.${basename(folder)}.lock`);

// The release build's own lock of earlier versions was created empty and given its pid after, so a
// build killed in between left an empty lock. The lock made here is never empty: an empty one this
// old is such a leftover (a live writer of those versions filled its lock within microseconds).
const EMPTY_LOCK_STALE_MS = 10_000;

/**
 * Takes the lock of `given` (which need not exist yet; its parent must), refusing with
 * `FolderLockedError` while a live process holds it. A lock whose process is gone (killed,
 * crashed) is taken over. Always `release()` it.
 */
export async function lockFolder(given: string, options: LockFolderOptions = {}): Promise<FolderLock> {
  // A folder reached through a symbolic link is locked where it is: every way to name it, one lock.
  const folder = await realpath(given).catch(() => given);
  const lockFile = lockFileOf(folder);
  // Lock files half made by runs killed before they took the lock.
  await removeStaleTemporaries(dirname(lockFile), basename(lockFile));
  const holder = options.holder ?? '';
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await tryLink(lockFile, holder)) {
      let released = false;
      return {
        folder,
        lockFile,
        release: async () => {
          if (released) return;
          released = true;
          await unlink(lockFile).catch(() => undefined);
        },
      };
    }
    const text = await readFile(lockFile, 'utf8').catch(() => undefined);
    // Removed this instant: try again.
    if (text === undefined) continue;
    const pid = Number.parseInt(text, 10);
    if (Number.isNaN(pid)) {
      // Text that is not a pid (edited by hand) is not taken over; neither is an empty lock that may be an old writer's at work.
      if (text !== '' || !(await olderThan(lockFile, EMPTY_LOCK_STALE_MS)))
        throw new FolderLockedError(folder, lockFile, 0, '');
    } else if (isProcessAlive(pid)) {
      throw new FolderLockedError(folder, lockFile, pid, text.replace(/^\d+ ?/, '').trim());
    }
    await unlink(lockFile).catch(() => undefined);
  }
  throw new FolderLockedError(folder, lockFile, 0, '');
}

/**
 * Makes the lock appear with its holder already written in it (a hard link of a finished file), so
 * a run killed at any instant never leaves an empty lock that no one could judge stale. False when
 * the lock exists.
 */
async function tryLink(lockFile: string, holder: string): Promise<boolean> {
  const written = temporarySibling(lockFile);
  try {
    const handle = await open(written, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
    try {
      await handle.writeFile(`${process.pid} ${holder}\n`);
    } finally {
      await handle.close();
    }
    await link(written, lockFile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // Named by the lock file, not the temporary one: "cannot write …/.dist.lock: permission denied".
    throw writeFailure(lockFile, error, false);
  } finally {
    await unlink(written).catch(() => undefined);
  }
}

async function olderThan(path: string, ms: number): Promise<boolean> {
  const stats = await stat(path).catch(() => undefined);
  return stats !== undefined && Date.now() - stats.mtimeMs > ms;
}
