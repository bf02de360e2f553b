/**
 * Writes a dataset back into a source folder's data files, in the layout `claimgraph format` gives
 * them (sorted by id, keys in schema order, two-space JSON), all of them or none, under a lock.
 */
import { RECORD_FILES, RECORD_KINDS, REDIRECTS_FILE, canonicalRecord } from '@claimgraph/schema';
import { FolderLockedError, withFolderTransaction } from '@claimgraph/schema/node';
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, EXIT } from '../errors.js';

/**
 * The data files' texts by path relative to the dataset folder (`data/statements.json`): every
 * list sorted by id (by `from` for redirects; records without one first, in their order), each
 * object record's keys in schema order. Redirects are written when the data has the list, even
 * empty, so that clearing every redirect is a change. Throws a RangeError (with `file`) on nesting
 * too deep to write.
 */
export function sourceFileTexts(dataset: object): Map<string, string> {
  const data = dataset as Record<string, unknown>;
  const texts = new Map<string, string>();
  const kinds = [...RECORD_KINDS, ...(Array.isArray(data.redirects) ? (['redirects'] as const) : [])];
  for (const kind of kinds) {
    const key = kind === 'redirects' ? 'from' : 'id';
    const records = Array.isArray(data[kind]) ? (data[kind] as unknown[]) : [];
    const sorted = records
      .map((r, i) => {
        const k = (r as Record<string, unknown> | null)?.[key];
        return { r, i, k: typeof k === 'string' ? k : '' };
      })
      .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : a.i - b.i))
      .map(({ r }) => (typeof r === 'object' && r !== null && !Array.isArray(r) ? canonicalRecord(kind, r) : r));
    const file = `data/${kind === 'redirects' ? REDIRECTS_FILE : RECORD_FILES[kind]}`;
    try {
      texts.set(file, `${JSON.stringify(sorted, null, 2)}\n`);
    } catch (error) {
      // JSON.parse reads nesting of any depth; JSON.stringify overflows the stack on it.
      throw Object.assign(new RangeError(`${file}: cannot be written back (a value is nested too deeply)`), {
        file,
        cause: error,
      });
    }
  }
  return texts;
}

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
    throw new CliError(
      `${options.given}: could not write the data files (${reason(error)}); nothing was changed`,
      EXIT.invalid,
    );
  }
}
