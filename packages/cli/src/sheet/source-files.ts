/**
 * Writes a dataset back into a source folder's data files, in the layout `claimgraph format` gives
 * them (sorted by id, keys in schema order, two-space JSON), all of them or none, under a lock.
 */
import { FolderLockedError, withFolderTransaction } from '@claimgraph/schema/node';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, EXIT } from '../errors.js';

export { sourceFileTexts } from '@claimgraph/schema/internal';

/**
 * What the data folder holds now, as one hash of its files' names and bytes: taken when a command
 * reads the dataset and compared under the lock before it writes, so that a change made in between
 * (another import, an editor) is never overwritten.
 */
export async function dataFingerprint(dir: string): Promise<string> {
  const hash = createHash('sha256');
  const folder = join(dir, 'data');
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  for (const entry of entries.filter((e) => e.isFile() && e.name.endsWith('.json')).sort(byName)) {
    const bytes = await readFile(join(folder, entry.name)).catch(() => Buffer.alloc(0));
    hash.update(`${entry.name}\0${bytes.byteLength}\0`).update(bytes);
  }
  return hash.digest('hex');
}

const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** An error's message without the paths of temporary files (`ENOSPC: no space left on device`). */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (error as NodeJS.ErrnoException)?.code ? message.replace(/, \w+ '.*$/, '') : message;
}

export interface WriteDataOptions {
  /** Who writes, named in the lock for a second writer to read (`sheet import`). */
  holder: string;
  /** The data folder's fingerprint when the command read it; a different one now refuses the write. */
  since: string;
  /** How the dataset folder is shown in messages. */
  given: string;
}

/**
 * Writes the texts whose content differs from the disk as one transaction on `dir/data`: all or
 * none, under a lock, refused when the folder changed since `since`. Returns the files written,
 * in the texts' order. Every failure is a CliError saying that nothing was changed.
 */
export async function writeDataFiles(
  dir: string,
  texts: ReadonlyMap<string, string>,
  options: WriteDataOptions,
): Promise<{ written: string[]; recovered: string[] }> {
  const changes = new Map([...texts].map(([file, text]) => [file.replace(/^data\//, ''), text] as const));
  try {
    return await withFolderTransaction(join(dir, 'data'), { holder: options.holder }, async (transaction) => {
      if ((await dataFingerprint(dir)) !== options.since)
        throw new CliError(
          `${options.given}: the data files changed while ${options.holder} ran (another command or an editor wrote them); nothing was written: run it again`,
          EXIT.invalid,
        );
      const changed = new Set(await transaction.commit(changes));
      return {
        written: [...texts.keys()].filter((file) => changed.has(file.replace(/^data\//, ''))),
        recovered: transaction.recovered,
      };
    });
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (error instanceof FolderLockedError) throw new CliError(`${error.message}; nothing was written`, EXIT.invalid);
    // The transaction's own failure already names the file and says nothing was changed.
    if ((error as Error).message?.startsWith('cannot write ') && (error as NodeJS.ErrnoException).code)
      throw new CliError((error as Error).message, EXIT.invalid);
    throw new CliError(
      `${options.given}: could not write the data files (${reason(error)}); nothing was changed`,
      EXIT.invalid,
    );
  }
}
