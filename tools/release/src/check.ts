/**
 * This repository's layout over `@claimgraph/release`: every dataset under `<root>/datasets/` is
 * checked against its kept releases with the bumps of the pending changesets, and recorded.
 */
import { checkDatasetRelease, recordRelease, type DatasetCheck } from '@claimgraph/release';
import { readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pendingBumps, pendingReleases, type PendingRelease } from './changesets.js';

/** Dataset package folders under `<root>/datasets/`. */
export async function datasetDirs(root: string): Promise<string[]> {
  const base = join(root, 'datasets');
  if (!existsSync(base)) return [];
  const entries = await readdir(base, { withFileTypes: true });
  return entries
    .filter(
      (e) =>
        e.isDirectory() && existsSync(join(base, e.name, 'package.json')) && existsSync(join(base, e.name, 'data')),
    )
    .map((e) => join(base, e.name))
    .sort();
}

export interface ReleaseCheck {
  /** Every package the pending changesets would version, code and data. */
  pending: PendingRelease[];
  datasets: DatasetCheck[];
}

/** Every dataset compared with its last kept release, against the bumps the pending changesets give. */
export async function releaseCheck(root: string): Promise<ReleaseCheck> {
  const bumps = await pendingBumps(root);
  const datasets: DatasetCheck[] = [];
  for (const dir of await datasetDirs(root)) datasets.push(await checkDatasetRelease(root, dir, bumps));
  const pending = await pendingReleases(root, bumps, new Set(datasets.map((c) => c.name)));
  return { pending, datasets };
}

/** Keeps each dataset's built release in `releases/<version>/`; returns the folders it wrote. */
export async function recordReleases(root: string): Promise<string[]> {
  const recorded: string[] = [];
  for (const dir of await datasetDirs(root)) {
    const kept = await recordRelease(root, dir);
    if (kept !== null) recorded.push(kept);
  }
  return recorded;
}
