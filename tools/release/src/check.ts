/**
 * The release check: every dataset is compared with its last published release (committed
 * snapshots in `<dataset>/releases/<version>/`), and the version bump it is about to get — from pending
 * changesets, or already applied to package.json by `changeset version` — must cover what the diff
 * requires by the data semver policy.
 */
import { vocabularyDocument } from '@claimgraph/schema';
import { bumpCovers, diff, maxBump, type Bump, type BumpReason, type VocabularyDocument } from '@claimgraph/sdk';
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import semver from 'semver';
import { ReleaseToolsError } from './errors.js';
import { pendingBumps } from './changesets.js';
import { loadSide } from './load-side.js';

/** Where each published release of a dataset is kept, one folder per version. */
export const RELEASES_DIR = 'releases';
const RELEASE_FILES = ['dataset.json', 'datapackage.json', 'vocabulary.json'];

export interface DatasetCheck {
  name: string;
  dir: string;
  baselineVersion: string | null;
  version: string;
  /** What the diff requires. */
  required: Bump;
  /** What the release will get: pending changesets and any version already applied. */
  given: Bump;
  ok: boolean;
  reasons: BumpReason[];
  problem?: string;
}

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

function versionBump(from: string, to: string): Bump {
  if (semver.eq(from, to)) return 'none';
  const d = semver.diff(from, to);
  if (d === 'major' || d === 'premajor') return 'major';
  if (d === 'minor' || d === 'preminor') return 'minor';
  return 'patch';
}

export async function checkDatasetRelease(
  root: string,
  dir: string,
  pending: Map<string, Bump>,
): Promise<DatasetCheck> {
  const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name: string; version: string };
  const base: DatasetCheck = {
    name: pkg.name,
    dir: relative(root, dir) || '.',
    baselineVersion: null,
    version: pkg.version,
    required: 'none',
    given: pending.get(pkg.name) ?? 'none',
    ok: true,
    reasons: [],
  };
  const baselineDir = await latestRelease(dir);
  if (!baselineDir) return { ...base, problem: 'no published release yet: nothing to compare with' };

  const before = await loadSide(baselineDir);
  const after = await loadSide(dir);
  const baselineVersion = before.version ?? '0.0.0';
  if (semver.lt(pkg.version, baselineVersion)) {
    return {
      ...base,
      baselineVersion,
      ok: false,
      problem: `package.json version ${pkg.version} is lower than the last release ${baselineVersion}`,
    };
  }
  const result = diff(before.dataset, after.dataset, {
    vocabulary: { before: before.vocabulary, after: vocabularyDocument() as unknown as VocabularyDocument },
  });
  const given = maxBump(versionBump(baselineVersion, pkg.version), pending.get(pkg.name) ?? 'none');
  return {
    ...base,
    baselineVersion,
    required: result.suggestedBump,
    given,
    ok: bumpCovers(given, result.suggestedBump),
    reasons: result.reasons,
  };
}

/** The folder of the highest published version under `<dataset>/releases/`, or null. */
export async function latestRelease(dir: string): Promise<string | null> {
  const releases = join(dir, RELEASES_DIR);
  if (!existsSync(releases)) return null;
  const versions = (await readdir(releases)).filter(
    (v) => semver.valid(v) && existsSync(join(releases, v, 'dataset.json')),
  );
  const latest = semver.rsort(versions)[0];
  return latest ? join(releases, latest) : null;
}

export async function releaseCheck(root: string): Promise<DatasetCheck[]> {
  const pending = await pendingBumps(root);
  const checks: DatasetCheck[] = [];
  for (const dir of await datasetDirs(root)) checks.push(await checkDatasetRelease(root, dir, pending));
  return checks;
}

/**
 * Keeps each dataset's built release as a published one, in `releases/<version>/` (run after
 * `changeset version` and a build). A version already kept is left alone: published data never changes.
 */
export async function recordReleases(root: string): Promise<string[]> {
  const recorded: string[] = [];
  for (const dir of await datasetDirs(root)) {
    const dist = join(dir, 'dist');
    if (!existsSync(join(dist, 'datapackage.json')))
      throw new ReleaseToolsError(`${relative(root, dir)}: no release in dist/; run the build first`);
    const { version } = JSON.parse(await readFile(join(dist, 'datapackage.json'), 'utf8')) as { version?: string };
    if (!version || !semver.valid(version))
      throw new ReleaseToolsError(`${relative(root, dir)}/dist/datapackage.json: no valid version`);
    const target = join(dir, RELEASES_DIR, version);
    if (existsSync(join(target, 'dataset.json'))) continue;
    await mkdir(target, { recursive: true });
    for (const file of RELEASE_FILES) await copyFile(join(dist, file), join(target, file));
    recorded.push(relative(root, target));
  }
  return recorded;
}
