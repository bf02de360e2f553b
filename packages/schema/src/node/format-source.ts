/**
 * `formatDatasetSource`: a source folder's data files rewritten in canonical form (sorted by id, keys
 * in schema order), all of them or none, under the data folder's lock, so a curator's diff shows only what changed.
 */
import { join } from 'node:path';
import { sortIssues, type ValidationIssue, type ValidationResult } from '../issues.js';
import type { Dataset } from '../records.js';
import { sourceFileTexts } from '../source-texts.js';
import { checkDataset } from './check-dataset.js';
import { locateDataset, readDataset } from './dataset-files.js';
import { withFolderTransaction } from './folder-transaction.js';

export interface FormattedSource {
  /** The files rewritten (`data/entities.json`…), in the order of the record kinds. */
  changed: string[];
  /** The problems left after formatting (or why nothing could be formatted). */
  result: ValidationResult;
  /** What was found of an earlier, interrupted writer of `data/` and put right, one line each. */
  recovered: string[];
}

/**
 * Rewrites a source folder's data files sorted by id, keys in schema order, two-space indented:
 * read, serialised and written as one folder transaction on `data/`, under its lock (a second
 * writer gets `FolderLockedError`; a write the disk refuses, a `writeFailure` naming the file).
 */
export async function formatDatasetSource(dir: string): Promise<FormattedSource> {
  const located = await locateDataset(dir);
  if (located.layout !== 'source') {
    const read = await readDataset(dir);
    const issue: ValidationIssue = {
      file: read.files.entities,
      id: null,
      path: '',
      message: 'is a release; format rewrites a dataset source folder (with data/)',
    };
    return { changed: [], result: { valid: false, errors: [issue] }, recovered: [] };
  }
  // Read under the lock: what is formatted is what is on disk, and no other claimgraph writer can change it meanwhile.
  return withFolderTransaction(join(located.dir, 'data'), { holder: 'format' }, async (transaction) => {
    const { recovered } = transaction;
    const read = await readDataset(dir);
    if (read.data === undefined)
      return { changed: [], result: { valid: false, errors: sortIssues(read.issues) }, recovered };
    // Every file is serialised before any is written, so a file that cannot be leaves all of them untouched.
    let texts: Map<string, string>;
    try {
      texts = sourceFileTexts(read.data as Dataset);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      const issue: ValidationIssue = {
        file: (error as RangeError & { file: string }).file,
        id: null,
        path: '',
        message: 'cannot be written back (a value is nested too deeply); nothing was formatted',
      };
      const errors = sortIssues([issue, ...(await checkDataset(dir)).result.errors]);
      return { changed: [], result: { valid: false, errors }, recovered };
    }
    const inData = (file: string) => file.replace(/^data\//, '');
    const committed = new Set(await transaction.commit(new Map([...texts].map(([f, t]) => [inData(f), t]))));
    const changed = [...texts.keys()].filter((file) => committed.has(inData(file)));
    return { changed, result: (await checkDataset(dir)).result, recovered };
  });
}
