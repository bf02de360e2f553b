/** `claimgraph format [DIR]`: sort a source folder's records by id and put keys in schema order. */
import { formatDatasetSource } from '@claimgraph/schema/node';
import { EXIT } from '../errors.js';
import { printIssues } from '../output.js';
import { resolveDatasetPath } from '../paths.js';

export async function formatCommand(dir: string | undefined): Promise<number> {
  const path = await resolveDatasetPath(dir);
  const { changed, result } = await formatDatasetSource(path);
  for (const file of changed) process.stdout.write(`formatted ${file}\n`);
  if (changed.length === 0) process.stdout.write('already formatted\n');
  if (!result.valid) {
    printIssues(result.errors, path);
    return EXIT.invalid;
  }
  return EXIT.ok;
}
