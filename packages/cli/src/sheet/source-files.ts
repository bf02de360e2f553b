/**
 * Writes a dataset back into a source folder's data files, in the layout `claimgraph format` gives
 * them (sorted by id, keys in schema order, two-space JSON), touching only files whose text changes.
 */
import { RECORD_FILES, RECORD_KINDS, canonicalDataset, type Dataset } from '@claimgraph/schema';
import { writeFileAtomic } from '@claimgraph/schema/node';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

const REDIRECTS_FILE = 'redirects.json';

/** The data files' texts by path relative to the dataset folder (`data/statements.json`). */
export function sourceFileTexts(data: Dataset): Map<string, string> {
  const canonical = canonicalDataset(data);
  const texts = new Map<string, string>();
  for (const kind of RECORD_KINDS)
    texts.set(`data/${RECORD_FILES[kind]}`, `${JSON.stringify(canonical[kind], null, 2)}\n`);
  if (canonical.redirects && canonical.redirects.length > 0)
    texts.set(`data/${REDIRECTS_FILE}`, `${JSON.stringify(canonical.redirects, null, 2)}\n`);
  return texts;
}

/**
 * Writes the files whose text differs from what is on disk, each with the schema's crash-safe
 * writeFileAtomic (temporary file, flush, rename). Returns the files written.
 */
export async function writeSourceFiles(dir: string, data: Dataset): Promise<string[]> {
  const changed: [string, string][] = [];
  for (const [file, text] of sourceFileTexts(data)) {
    const current = await readFile(join(dir, file), 'utf8').catch(() => undefined);
    if (current !== text) changed.push([file, text]);
  }
  for (const [file, text] of changed) await writeFileAtomic(join(dir, file), text);
  return changed.map(([file]) => file);
}
