/**
 * Kept releases: each published release of a dataset is kept, complete and verified, in
 * `<dataset>/releases/<version>/`. `recordRelease` keeps a new one; `checkDatasetRelease` compares
 * the dataset with the last one and checks that the version bump it is about to get covers what the
 * diff requires by the data semver policy (`diff` in `@claimgraph/sdk`).
 */
import { formatIssue, vocabularyDocument, type ValidationIssue } from '@claimgraph/schema';
import type { Bump, BumpReason } from '@claimgraph/sdk';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CommandError, EXIT } from './errors.js';
import { loadKeptRelease, loadReleaseSide } from './side.js';
import { verifyRelease } from './verify.js';

/** semver and the SDK load when a check or a record runs, not when a reader imports this package. */
const loadSemver = async () => (await import('semver')).default;
type Semver = Awaited<ReturnType<typeof loadSemver>>;

/** Where each published release of a dataset is kept, one folder per version. */
export const RELEASES_DIR = 'releases';

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

function versionBump(semver: Semver, from: string, to: string): Bump {
  if (semver.eq(from, to)) return 'none';
  const d = semver.diff(from, to);
  if (d === 'major' || d === 'premajor') return 'major';
  if (d === 'minor' || d === 'preminor') return 'minor';
  return 'patch';
}

/**
 * Compares the dataset source folder `dir` with its last kept release. `pending` is the bump each
 * package gets from changesets not yet applied; paths in messages are relative to `root`.
 */
export async function checkDatasetRelease(
  root: string,
  dir: string,
  pending: ReadonlyMap<string, Bump>,
): Promise<DatasetCheck> {
  const semver = await loadSemver();
  const { bumpCovers, diff, maxBump } = await import('@claimgraph/sdk');
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
  const snapshots = await recordedReleases(dir);
  for (const snapshot of snapshots) {
    const problem = await snapshotProblem(root, snapshot, pkg.name);
    if (problem) return { ...base, ok: false, problem };
  }
  const baselineDir = snapshots[0]?.dir;
  if (!baselineDir) return { ...base, problem: 'no published release yet: nothing to compare with' };

  const before = await loadKeptRelease(baselineDir);
  const after = await loadReleaseSide(dir);
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
    vocabulary: { before: before.vocabulary, after: vocabularyDocument() },
  });
  const given = maxBump(versionBump(semver, baselineVersion, pkg.version), pending.get(pkg.name) ?? 'none');
  return {
    ...base,
    baselineVersion,
    required: result.suggestedBump,
    given,
    ok: bumpCovers(given, result.suggestedBump),
    reasons: result.reasons,
  };
}

/** The kept releases under `<dataset>/releases/`, highest version first; a folder whose name is not a version is kept as `version: null`, for the check to report. */
export async function recordedReleases(dir: string): Promise<{ dir: string; version: string | null }[]> {
  const releases = join(dir, RELEASES_DIR);
  if (!existsSync(releases)) return [];
  const semver = await loadSemver();
  // Dot folders are record's scratch copies (and editor or OS litter), never releases.
  const names = (await readdir(releases)).filter((name) => !name.startsWith('.'));
  const versions = semver.rsort(names.filter((name) => semver.valid(name) === name));
  return [
    ...names
      .filter((name) => semver.valid(name) !== name)
      .map((name) => ({ dir: join(releases, name), version: null })),
    ...versions.map((version) => ({ dir: join(releases, version), version })),
  ];
}

/** The folder of the highest published version under `<dataset>/releases/`, or null. */
export async function latestRelease(dir: string): Promise<string | null> {
  return (await recordedReleases(dir)).find((r) => r.version !== null)?.dir ?? null;
}

/**
 * Why a kept release cannot be trusted as the baseline, or null: a folder named other than a
 * version, a file that differs from (or is missing from, or is not listed in) its
 * `datapackage.json`, or a `datapackage.json` for another version or another dataset. An edited
 * snapshot would let a change that needs a major release pass as a patch.
 */
export async function snapshotProblem(
  root: string,
  snapshot: { dir: string; version: string | null },
  name: string,
): Promise<string | null> {
  const where = relative(root, snapshot.dir);
  if (snapshot.version === null)
    return `${where}: is not a version; ${RELEASES_DIR}/ holds one folder per published version, named after it (such as 1.2.0)`;
  if (!(await stat(snapshot.dir)).isDirectory())
    return `${where}: is a file; ${RELEASES_DIR}/ holds one folder per published version`;
  const verified = await verifyRelease(snapshot.dir);
  if (!verified.valid)
    return (
      `${where}: the kept release differs from its datapackage.json, so it cannot be compared with; ` +
      `kept releases are what was published and are never edited (restore it: git checkout -- ${where}):\n` +
      issueLines(where, verified.errors)
    );
  const descriptor = JSON.parse(await readFile(join(snapshot.dir, 'datapackage.json'), 'utf8')) as {
    id?: unknown;
    version?: unknown;
  };
  if (descriptor.version !== snapshot.version)
    return `${where}/datapackage.json: /version is ${JSON.stringify(descriptor.version)}, but the folder is named ${snapshot.version}; a release is kept in ${RELEASES_DIR}/<its version>/`;
  if (descriptor.id !== name)
    return `${where}/datapackage.json: /id is ${JSON.stringify(descriptor.id)}, but the dataset is ${name}; a folder holds only its own releases`;
  return null;
}

/**
 * Keeps the dataset's built release (`<dir>/dist`) as a published one, in `releases/<version>/`
 * (run after `changeset version` and a build): `datapackage.json` and every file it lists, so the
 * snapshot is a complete release that `claimgraph verify` and datapackage readers accept. The built
 * release is verified first, and the copy is written to a temporary folder and renamed into place
 * once it verifies. A version already kept is left alone: published data never changes. Returns
 * the new folder relative to `root`, or null when the version was already kept.
 */
export async function recordRelease(root: string, dir: string): Promise<string | null> {
  const semver = await loadSemver();
  const dist = join(dir, 'dist');
  const where = relative(root, dist);
  if (!existsSync(join(dist, 'datapackage.json')))
    throw new CommandError(`${relative(root, dir)}: no release in dist/; run the build first`);
  const built = await verifyRelease(dist);
  if (!built.valid)
    throw new CommandError(
      `${where}: the built release does not verify, so it is not recorded; rebuild it:\n${issueLines(where, built.errors)}`,
      EXIT.invalid,
    );
  const descriptor = JSON.parse(await readFile(join(dist, 'datapackage.json'), 'utf8')) as {
    version?: string;
    resources: { path: string }[];
  };
  const { version } = descriptor;
  if (!version || !semver.valid(version)) throw new CommandError(`${where}/datapackage.json: no valid version`);
  const target = join(dir, RELEASES_DIR, version);
  if (existsSync(target)) return null;
  await mkdir(join(dir, RELEASES_DIR), { recursive: true });
  const scratch = await mkdtemp(join(dir, RELEASES_DIR, `.${version}-`));
  try {
    for (const path of ['datapackage.json', ...descriptor.resources.map((r) => r.path)]) {
      await mkdir(dirname(join(scratch, path)), { recursive: true });
      await copyFile(join(dist, path), join(scratch, path));
    }
    const copy = await verifyRelease(scratch);
    if (!copy.valid)
      throw new CommandError(
        `${where}: the copy does not verify, so it is not recorded:\n${issueLines(where, copy.errors)}`,
        EXIT.invalid,
      );
    await rename(scratch, target);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return relative(root, target);
}

/** Issues one per line, each prefixed by the release folder. */
export const issueLines = (where: string, issues: ValidationIssue[]): string =>
  issues.map((issue) => `  ${where}/${formatIssue(issue)}`).join('\n');
