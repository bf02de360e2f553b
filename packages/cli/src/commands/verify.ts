/**
 * `claimgraph verify PATH`: check a release's files against the sha256 in its datapackage.json,
 * and that dataset.json, the columnar file, the NDJSON and the Parquet tables hold the same records.
 */
import { verifyRelease } from '@claimgraph/release';
import { EXIT } from '../errors.js';
import { shownPath, type CliIO } from '../io.js';
import { printIssues, printJson } from '../output.js';
import { resolveDatasetPath } from '../paths.js';

export async function verifyCommand(io: CliIO, path: string | undefined, flags: { json?: boolean }): Promise<number> {
  const { located } = await resolveDatasetPath(io, path);
  const result = await verifyRelease(located.dir);
  const dir = shownPath(io, located.dir, path ?? '.');
  if (flags.json) printJson(io, result);
  else if (result.valid) io.stdout.write(`${dir}: every file matches datapackage.json and holds the same records\n`);
  else printIssues(io, result.errors, dir);
  return result.valid ? EXIT.ok : EXIT.invalid;
}
