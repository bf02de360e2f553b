/**
 * `formatDatasetSource`: a source folder's data files rewritten in canonical form (sorted by id, keys
 * in schema order), all of them or none, so a curator's diff shows only what changed.
 */
import { rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { sortIssues, type ValidationIssue, type ValidationResult } from '../issues.js';
import type { Dataset } from '../records.js';
import { sourceFileTexts } from '../source-texts.js';
import { temporarySibling, writeNewFile } from './atomic-write.js';
import { checkDataset } from './check-dataset.js';
import { readDataset } from './dataset-files.js';
import { readRegularFile } from './regular-file.js';

/** Rewrites a source folder's data files sorted by id, keys in schema order, two-space indented. */
export async function formatDatasetSource(dir: string): Promise<{ changed: string[]; result: ValidationResult }> {
  const read = await readDataset(dir);
  if (read.located.layout !== 'source') {
    const issue: ValidationIssue = {
      file: read.files.entities,
      id: null,
      path: '',
      message: 'is a release; format rewrites a dataset source folder (with data/)',
    };
    return { changed: [], result: { valid: false, errors: [issue] } };
  }
  if (read.data === undefined) return { changed: [], result: { valid: false, errors: sortIssues(read.issues) } };
  const changed: string[] = [];
  const data = read.data as Dataset;
  // Every file is serialised before any is written, so a file that cannot be leaves all of them untouched.
  let texts: Map<string, string>;
  try {
    texts = sourceFileTexts(data);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const issue: ValidationIssue = {
      file: (error as RangeError & { file: string }).file,
      id: null,
      path: '',
      message: 'cannot be written back (a value is nested too deeply); nothing was formatted',
    };
    return {
      changed: [],
      result: { valid: false, errors: sortIssues([issue, ...(await checkDataset(dir)).result.errors]) },
    };
  }
  // Each changed file is written beside its target first; only when all are on disk are they
  // renamed into place, so a full disk or a kill leaves the source as it was.
  const staged: [file: string, temp: string][] = [];
  try {
    for (const [file, text] of texts) {
      const target = join(dir, file);
      const current = await readRegularFile(target);
      if (current.ok && current.bytes.toString('utf8') === text) continue;
      const temp = temporarySibling(target);
      staged.push([file, temp]);
      await writeNewFile(temp, text);
    }
    for (const [file, temp] of staged) {
      await rename(temp, join(dir, file));
      changed.push(file);
    }
  } finally {
    for (const [, temp] of staged) await unlink(temp).catch(() => undefined);
  }
  return { changed, result: (await checkDataset(dir)).result };
}
