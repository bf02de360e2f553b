/** `claimgraph format [DIR]`: sort a source folder's records by id and put keys in schema order. */
import { FolderLockedError, formatDatasetSource } from '@claimgraph/schema/node';
import type { ValidationIssue } from '@claimgraph/schema';
import { CliError, EXIT } from '../errors.js';
import { asGiven, type CliIO } from '../io.js';
import { plural, printIssues } from '../output.js';
import { resolveDatasetPath } from '../paths.js';

export async function formatCommand(io: CliIO, dir: string | undefined): Promise<number> {
  const { given, path } = await resolveDatasetPath(io, dir);
  // The library reads and writes under the data folder's lock, all files or none; a release is
  // refused with its own message.
  let formatted;
  try {
    formatted = await formatDatasetSource(path);
  } catch (error) {
    if (error instanceof FolderLockedError)
      throw new CliError(`${asGiven(error.message, path, given)}; nothing was written`, EXIT.invalid);
    // The file system said no (a full disk): the message names the file and that nothing changed.
    if ((error as NodeJS.ErrnoException).code)
      throw new CliError(asGiven((error as Error).message, path, given), EXIT.invalid);
    throw error;
  }
  for (const note of formatted.recovered) io.stderr.write(`${asGiven(note, path, given)}\n`);
  return report(io, given, formatted.changed, formatted.result.errors);
}

function report(io: CliIO, given: string, changed: string[], errors: ValidationIssue[]): number {
  for (const file of changed) io.stdout.write(`formatted ${file}\n`);
  // "already formatted" only when the files could be read and hold a valid dataset.
  if (changed.length === 0 && errors.length === 0) io.stdout.write('already formatted\n');
  if (errors.length > 0) {
    printIssues(io, errors, given);
    io.stderr.write(`${given}: ${plural(errors.length, 'problem')} found\n`);
    return EXIT.invalid;
  }
  return EXIT.ok;
}
