/**
 * `formatDatasetSource`: a source folder's data files rewritten in canonical form (sorted by id, keys
 * in schema order), all of them or none, so a curator's diff shows only what changed.
 */
import { rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalRecord } from '../canonical.js';
import { sortIssues, type ValidationIssue, type ValidationResult } from '../issues.js';
import { RECORD_FILES, RECORD_KINDS, REDIRECTS_FILE, type Dataset } from '../records.js';
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
  const kinds = [...RECORD_KINDS, ...(data.redirects ? (['redirects'] as const) : [])];
  // Every file is serialised before any is written, so a file that cannot be leaves all of them untouched.
  const texts: [file: string, text: string][] = [];
  for (const kind of kinds) {
    const key = kind === 'redirects' ? 'from' : 'id';
    const sorted = [...(data[kind] as unknown[])]
      .map((r, i) => ({
        r,
        i,
        key:
          typeof (r as Record<string, unknown>)?.[key] === 'string'
            ? ((r as Record<string, string>)[key] as string)
            : '',
      }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
      .map(({ r }) => (typeof r === 'object' && r !== null && !Array.isArray(r) ? canonicalRecord(kind, r) : r));
    const file = `data/${kind === 'redirects' ? REDIRECTS_FILE : RECORD_FILES[kind]}`;
    let text: string;
    try {
      text = `${JSON.stringify(sorted, null, 2)}\n`;
    } catch {
      // JSON.parse reads nesting of any depth; JSON.stringify overflows the stack on it.
      const issue: ValidationIssue = {
        file,
        id: null,
        path: '',
        message: 'cannot be written back (a value is nested too deeply); nothing was formatted',
      };
      return {
        changed: [],
        result: { valid: false, errors: sortIssues([issue, ...(await checkDataset(dir)).result.errors]) },
      };
    }
    texts.push([file, text]);
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
