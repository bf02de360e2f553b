/** `claimgraph format [DIR]`: sort a source folder's records by id and put keys in schema order. */
import { formatDatasetSource } from '@claimgraph/schema/node';
import { EXIT } from '../errors.js';
import type { CliIO } from '../io.js';
import { plural, printIssues } from '../output.js';
import { resolveDatasetPath } from '../paths.js';

export async function formatCommand(io: CliIO, dir: string | undefined): Promise<number> {
  const { given, path } = await resolveDatasetPath(io, dir);
  const { changed, result } = await formatDatasetSource(path);
  for (const file of changed) io.stdout.write(`formatted ${file}\n`);
  // "already formatted" only when the files could be read and hold a valid dataset.
  if (changed.length === 0 && result.valid) io.stdout.write('already formatted\n');
  if (!result.valid) {
    printIssues(io, result.errors, given);
    io.stderr.write(`${given}: ${plural(result.errors.length, 'problem')} found\n`);
    return EXIT.invalid;
  }
  return EXIT.ok;
}
