/** `claimgraph format [DIR]`: sort a source folder's records by id and put keys in schema order. */
import { sortIssues, type ValidationIssue } from '@claimgraph/schema';
import { checkDataset, formatDatasetSource, readDataset } from '@claimgraph/schema/node';
import { EXIT } from '../errors.js';
import type { CliIO } from '../io.js';
import { plural, printIssues } from '../output.js';
import { resolveDatasetPath } from '../paths.js';
import { dataFingerprint, sourceFileTexts, writeDataFiles } from '../sheet/source-files.js';

export async function formatCommand(io: CliIO, dir: string | undefined): Promise<number> {
  const { given, path, located } = await resolveDatasetPath(io, dir);
  // A release is refused with the schema's own message; nothing is written.
  if (located.layout !== 'source') return report(io, given, [], (await formatDatasetSource(path)).result.errors);
  const since = await dataFingerprint(path);
  const read = await readDataset(path);
  if (read.data === undefined) return report(io, given, [], sortIssues(read.issues));
  let texts: Map<string, string>;
  try {
    texts = sourceFileTexts(read.data as Record<string, unknown>);
  } catch (error) {
    const issue: ValidationIssue = {
      file: (error as { file?: string }).file ?? 'data',
      id: null,
      path: '',
      message: 'cannot be written back (a value is nested too deeply); nothing was formatted',
    };
    return report(io, given, [], sortIssues([issue, ...(await checkDataset(path)).result.errors]));
  }
  const { written, recovered } = await writeDataFiles(path, texts, { holder: 'format', since, given });
  for (const note of recovered) io.stderr.write(`${note}\n`);
  return report(io, given, written, (await checkDataset(path)).result.errors);
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
