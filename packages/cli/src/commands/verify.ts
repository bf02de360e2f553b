/** `claimgraph verify PATH`: check a release's files against the sha256 in its datapackage.json. */
import { locateDataset, verifyRelease } from '@claimgraph/schema/node';
import { EXIT } from '../errors.js';
import { printIssues, printJson } from '../output.js';
import { resolveDatasetPath } from '../paths.js';

export async function verifyCommand(path: string | undefined, flags: { json?: boolean }): Promise<number> {
  const located = await locateDataset(await resolveDatasetPath(path));
  const result = await verifyRelease(located.dir);
  if (flags.json) printJson(result);
  else if (result.valid) process.stdout.write(`${located.dir}: every file matches datapackage.json\n`);
  else printIssues(result.errors, located.dir);
  return result.valid ? EXIT.ok : EXIT.invalid;
}
