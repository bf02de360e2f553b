/**
 * The integrity check every command that reads a release runs first (info, export, chart, diff,
 * query, sql): a tampered release stops the command; an unverified one gets a notice on stderr.
 */
import { printable } from '@claimgraph/schema';
import { releaseIntegrity } from '@claimgraph/schema/node';
import { CliError, EXIT } from './errors.js';
import { printIssues } from './output.js';

/**
 * Checks the dataset at `path` (already resolved to a dataset path). A release whose files do not
 * match its datapackage.json is an error (exit 1); a release folder without one is read with a
 * notice on stderr — never on stdout, so `--json` output stays clean.
 */
export async function checkIntegrity(path: string): Promise<void> {
  let integrity;
  try {
    integrity = await releaseIntegrity(path);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  if (integrity.status === 'failed') {
    printIssues(integrity.errors, integrity.dir ?? path);
    throw new CliError(
      `${printable(path)}: the release does not match its datapackage.json, so it was not read; rebuild it, or run "claimgraph verify" on it`,
      EXIT.invalid,
    );
  }
  if (integrity.status === 'unverified') {
    process.stderr.write(
      `claimgraph: notice: ${printable(path)} is a release folder without a datapackage.json from claimgraph; its files cannot be verified\n`,
    );
  }
}
