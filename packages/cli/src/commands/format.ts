/** `claimgraph format [DIR]`: sort a source folder's records by id and put keys in schema order. */
import { formatDatasetSource } from '@claimgraph/schema/node';
import { EXIT } from '../errors.js';
import { plural, printIssues } from '../output.js';
import { resolveDatasetPath } from '../paths.js';

export async function formatCommand(dir: string | undefined): Promise<number> {
  const path = await resolveDatasetPath(dir);
  const { changed, result } = await formatDatasetSource(path);
  for (const file of changed) process.stdout.write(`formatted ${file}\n`);
  // "already formatted" only when the files could be read and hold a valid dataset.
  if (changed.length === 0 && result.valid) process.stdout.write('already formatted\n');
  if (!result.valid) {
    printIssues(result.errors, path);
    process.stderr.write(`${path}: ${plural(result.errors.length, 'problem')} found\n`);
    return EXIT.invalid;
  }
  return EXIT.ok;
}
