/**
 * One integrity check for every command that reads a release: a folder whose datapackage.json
 * claimgraph wrote is verified file by file; a datapackage.json that cannot be read or is not JSON
 * fails; a folder with dataset.json but no descriptor, or somebody else's, is "unverified"; source
 * folders and a bare dataset.json are not releases.
 */
import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ValidationIssue } from '@claimgraph/schema';
import { locateDataset, readJsonFile } from '@claimgraph/schema/node';
import { isClaimgraphRelease } from './folder.js';
import { verifyRelease } from './verify.js';

export interface ReleaseIntegrity {
  /**
   * `verified`: every file matches datapackage.json. `failed`: some do not, or datapackage.json
   * cannot be read or is not JSON (see `errors`). `unverified`: a release folder without a
   * datapackage.json, or with one claimgraph did not write: nothing to check against.
   * `not-a-release`: a source folder, or a dataset.json given on its own.
   */
  status: 'verified' | 'failed' | 'unverified' | 'not-a-release';
  /** The release folder, for releases. */
  dir?: string;
  errors: ValidationIssue[];
}

/** Checks the dataset at `path` (any layout `locateDataset` accepts) against its datapackage.json. */
export async function releaseIntegrity(path: string): Promise<ReleaseIntegrity> {
  const located = await locateDataset(path);
  if (located.layout === 'source') return { status: 'not-a-release', errors: [] };
  const dir = located.dir;
  if (await isClaimgraphRelease(dir)) {
    // Every file against its sha256, as each read needs; whether the files agree with each other
    // costs a build's worth of work, so it is `claimgraph verify`'s job, not every command's.
    const result = await verifyRelease(dir, { records: false });
    return { status: result.valid ? 'verified' : 'failed', dir, errors: result.errors };
  }
  // A dataset.json named on its own, with no descriptor beside it, is a plain file, not a release.
  const givenFile =
    (await lstat(path).then(
      (s) => !s.isDirectory(),
      () => false,
    )) === true;
  const hasDescriptor = await lstat(join(dir, 'datapackage.json')).then(
    () => true,
    () => false,
  );
  if (givenFile && !hasDescriptor) return { status: 'not-a-release', dir, errors: [] };
  // A descriptor cut short, unreadable or not JSON may be ours: nothing can vouch for the files.
  if (hasDescriptor) {
    const read = await readJsonFile(join(dir, 'datapackage.json'), 'datapackage.json', { holds: 'a JSON object' });
    if (!read.ok) return { status: 'failed', dir, errors: [read.issue] };
  }
  return { status: 'unverified', dir, errors: [] };
}
