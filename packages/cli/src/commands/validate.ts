/** `claimgraph validate [DIR]`: every problem in a dataset at once, with file, id and field. */
import { checkDataset } from '@claimgraph/schema/node';
import { EXIT } from '../errors.js';
import { shownPath, type CliIO } from '../io.js';
import { createProgress, issuesJson, plural, printIssues, printJson } from '../output.js';
import { resolveDatasetPath } from '../paths.js';

export interface ValidateFlags {
  json?: boolean;
}

export async function validateCommand(io: CliIO, dir: string | undefined, flags: ValidateFlags): Promise<number> {
  const { given, path } = await resolveDatasetPath(io, dir);
  const progress = createProgress(io, 'validate');
  const { result, read } = await checkDataset(path, progress.step);
  progress.done();
  if (flags.json) {
    printJson(io, { valid: result.valid, errors: issuesJson(result.errors) });
  } else if (result.valid) {
    const d = read.data as Record<string, unknown[]>;
    io.stdout.write(
      `${given}: valid (${plural(d.entities!.length, 'entity', 'entities')}, ${plural(d.relations!.length, 'relation')}, ${plural(d.statements!.length, 'statement')}, ${plural(d.sources!.length, 'source')})\n`,
    );
  } else {
    printIssues(io, result.errors, shownPath(io, read.located.dir, given));
    io.stderr.write(`${given}: ${plural(result.errors.length, 'problem')} found\n`);
  }
  return result.valid ? EXIT.ok : EXIT.invalid;
}
