/**
 * The release folder's life cycle: which folder a build may replace, what a killed build left,
 * and the swap that puts a finished, verified release in place of the previous one. (The lock
 * against two builds at once is `lockFolder` of @claimgraph/schema/node, every writer's lock.)
 */
import { lstat, mkdir, readdir, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, sep } from 'node:path';
import { isProcessAlive, readRegularFile, temporarySibling, writeFailure } from '@claimgraph/schema/node';

/**
 * `path` with every symbolic link resolved, for comparing folders: a folder that does not exist
 * yet is its nearest existing ancestor's real path plus the rest.
 */
export async function realPathOf(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch (error) {
    const parent = dirname(path);
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || parent === path) throw error;
    return join(await realPathOf(parent), basename(path));
  }
}

/** Whether `inner` is `outer` or inside it (both real paths). */
export function isInside(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : `${outer}${sep}`);
}

/**
 * Whether `dir` holds a release claimgraph wrote: a regular `datapackage.json` whose descriptor
 * carries the `claimgraph` block and a list of resources. Any other folder is somebody's data.
 */
export async function isClaimgraphRelease(dir: string): Promise<boolean> {
  const read = await readRegularFile(join(dir, 'datapackage.json'));
  if (!read.ok) return false;
  try {
    const value = JSON.parse(read.bytes.toString('utf8')) as {
      claimgraph?: { schemaVersion?: unknown };
      resources?: unknown;
    };
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof value.claimgraph?.schemaVersion === 'number' &&
      Array.isArray(value.resources)
    );
  } catch {
    return false;
  }
}

/** Process id in a temporary sibling's name (`.dist.building-1234-ab12cd34`). */
function ownerOf(name: string): number {
  return Number(/-(\d+)-[0-9a-f]{8}$/.exec(name)?.[1]);
}

/**
 * Cleans up after a build that was killed (called with the lock held): half-written folders are
 * removed, and a previous release moved aside for the swap is put back when none is in place.
 */
export async function recoverRelease(out: string): Promise<void> {
  const parent = dirname(out);
  const prefix = `.${basename(out)}.`;
  let names: string[];
  try {
    names = (await readdir(parent)).filter((name) => name.startsWith(prefix));
  } catch {
    return;
  }
  const outExists = await lstat(out).then(
    () => true,
    () => false,
  );
  for (const name of names) {
    const kind = name.slice(prefix.length).replace(/-\d+-[0-9a-f]{8}$/, '');
    if ((kind !== 'building' && kind !== 'old' && kind !== 'tmp') || isProcessAlive(ownerOf(name))) continue;
    const path = join(parent, name);
    if (kind === 'old' && !outExists && (await isClaimgraphRelease(path))) await rename(path, out);
    else await rm(path, { recursive: true, force: true });
  }
}

/** A fresh, empty folder beside `out` to build the next release in. */
export async function stagingFolder(out: string): Promise<string> {
  const staging = temporarySibling(out, 'building');
  await mkdir(staging).catch((error: unknown) => {
    throw writeFailure(out, error, false, 'the previous release, if any, was left as it was');
  });
  return staging;
}

/**
 * Puts the finished release `staging` in place of `out`. The previous release is moved aside,
 * not deleted, until the new one is in place: a crash between the two renames leaves it beside
 * `out`, and the next build (`recoverRelease`) puts it back.
 */
export async function swapRelease(staging: string, out: string): Promise<void> {
  const exists = await stat(out).then(
    () => true,
    () => false,
  );
  if (!exists) {
    await rename(staging, out);
    return;
  }
  const old = temporarySibling(out, 'old');
  await rename(out, old);
  try {
    await rename(staging, out);
  } catch (error) {
    await rename(old, out).catch(() => undefined);
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}
