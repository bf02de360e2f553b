/**
 * The integrity check every command that reads a release runs first (info, export, chart, diff,
 * query, sql): a tampered release stops the command; an unverified one gets a notice on stderr.
 */
import { printable } from '@claimgraph/schema';
import { releaseIntegrity } from '@claimgraph/release';
import { CliError, EXIT } from './errors.js';
import { shownPath, type CliIO } from './io.js';
import { printIssues } from './output.js';

/**
 * Checks the dataset at `path` (already resolved to a dataset path). A release whose files do not
 * match its datapackage.json is an error (exit 1); a release folder without one is read with a
 * notice on stderr — never on stdout, so `--json` output stays clean.
 */
export async function checkIntegrity(io: CliIO, path: string, given: string = path): Promise<void> {
  let integrity;
  try {
    integrity = await releaseIntegrity(path);
  } catch (error) {
    throw new CliError(String((error as Error).message).replace(path, given));
  }
  if (integrity.status === 'failed') {
    printIssues(io, integrity.errors, integrity.dir === undefined ? given : shownPath(io, integrity.dir, given));
    throw new CliError(
      `${printable(given)}: the release does not match its datapackage.json, so it was not read; rebuild it, or run "claimgraph verify" on it`,
      EXIT.invalid,
    );
  }
  if (integrity.status === 'unverified') {
    io.stderr.write(
      `claimgraph: notice: ${printable(given)} is a release folder without a datapackage.json from claimgraph; its files cannot be verified\n`,
    );
  }
}
