/**
 * writeSite: puts a built site in a folder and owns only what it wrote. Every file is written in
 * full beside its target before any is renamed into place; the marker file lists each file written
 * with its hash, so a later run replaces or deletes those files (while they still hold what was
 * written) and keeps everything else in the folder: a `.git`, a `CNAME`, a curator's own notes.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, readdir, readFile, rename, rm, rmdir, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import {
  isProcessAlive,
  makeFolder,
  removeStaleTemporaries,
  stageFile,
  writeFileAtomic,
  type StagedFile,
} from '@claimgraph/schema/node';
import { SITE_MARKER, type SiteFiles } from './build.js';
import { SiteOutError } from './errors.js';

const WRITERS = 16;

export interface WrittenSite {
  files: number;
  bytes: number;
  /** Files of the earlier site that this one no longer has, deleted. */
  removed: number;
  /** What the run left alone and the user may want to know about, one line each. */
  notices: string[];
}

/** What the marker of an earlier site says was written: path → the hashes it may hold; null for a marker without a list. */
type Manifest = Map<string, string[]> | null;

const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

async function hashOf(path: string): Promise<string | undefined> {
  const stats = await lstat(path).catch(() => undefined);
  if (!stats?.isFile()) return undefined;
  return sha256(await readFile(path));
}

/** The file list in an earlier site's marker; `undefined` when the folder holds no marker of ours. */
async function readManifest(dir: string): Promise<Manifest | undefined> {
  const text = await readFile(join(dir, SITE_MARKER), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let marker: unknown;
  try {
    marker = JSON.parse(text);
  } catch {
    return undefined;
  }
  if ((marker as { generator?: unknown } | null)?.generator !== '@claimgraph/site') return undefined;
  const written = (marker as { written?: unknown }).written;
  if (written === undefined) return null;
  if (typeof written !== 'object' || written === null) return undefined;
  const manifest = new Map<string, string[]>();
  for (const [path, hashes] of Object.entries(written)) {
    const list = (Array.isArray(hashes) ? hashes : [hashes]).filter((h): h is string => typeof h === 'string');
    // A listed path must stay inside the folder: a hand-edited marker cannot send a deletion elsewhere.
    if (path.split('/').some((part) => part === '' || part === '.' || part === '..') || path.includes('\\')) continue;
    manifest.set(path, list);
  }
  return manifest;
}

/** The marker with the file list: what a later run reads to know which files are its own. */
function markerText(built: string | Uint8Array | undefined, written: Map<string, string[]>, complete: boolean): string {
  let marker: Record<string, unknown> = {};
  try {
    marker = JSON.parse(typeof built === 'string' ? built : new TextDecoder().decode(built)) as Record<string, unknown>;
  } catch {
    marker = { generator: '@claimgraph/site' };
  }
  const list = Object.fromEntries(
    [...written].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([p, h]) => [p, h.length === 1 ? h[0]! : h]),
  );
  return `${JSON.stringify({ ...marker, ...(complete ? {} : { complete: false }), written: list }, null, 2)}\n`;
}

/**
 * Staging folders and moved-aside sites that runs of earlier versions left beside `target` when
 * killed: a staging folder of a dead run is removed, a site moved aside is put back when the
 * target is missing, else reported.
 */
async function recoverLeftovers(target: string, notices: string[]): Promise<void> {
  const parent = dirname(target);
  const base = basename(target);
  const pattern = new RegExp(`^\\.${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(writing|old)-(\\d+)$`);
  for (const name of await readdir(parent).catch(() => [] as string[])) {
    const match = pattern.exec(name);
    if (!match || isProcessAlive(Number(match[2]))) continue;
    const path = join(parent, name);
    if (match[1] === 'writing') {
      await rm(path, { recursive: true, force: true });
      notices.push(`removed ${path}: a half-written site left by a run that was killed`);
    } else if (!existsSync(target)) {
      await rename(path, target);
      notices.push(`restored ${target} from ${path}, where a run that was killed had moved it`);
    } else {
      notices.push(`kept ${path}: an earlier site a killed run had moved aside; delete it if you do not need it`);
    }
  }
}

/**
 * Writes a site: a built one (buildSite's map) or the files as they are made (siteFiles), each
 * staged as it comes, so a large site is never all in memory. Nothing is renamed into place until
 * every file is staged; a file in the way stops the run before that, with nothing written.
 */
export async function writeSite(
  outDir: string,
  files: SiteFiles | Iterable<[string, string | Uint8Array]>,
): Promise<WrittenSite> {
  const target = resolve(outDir);
  const notices: string[] = [];
  await recoverLeftovers(target, notices);
  const manifest = await earlierSite(outDir, target);
  const { staged, discard, marker } = await stageSite(outDir, target, files, manifest);

  const written = new Map(
    staged.map((file) => [
      file.path
        .slice(target.length + 1)
        .split(sep)
        .join('/'),
      file.sha256,
    ]),
  );
  // Before any rename, the marker lists both what is there and what is coming, so a run killed
  // midway leaves a folder the next run still recognises as its own.
  const during = new Map<string, string[]>();
  for (const [path, hash] of written) during.set(path, [hash, ...(manifest?.get(path) ?? [])]);
  for (const [path, hashes] of manifest ?? []) if (!during.has(path)) during.set(path, hashes);
  try {
    await writeFileAtomic(join(target, SITE_MARKER), markerText(marker, during, false));
  } catch (error) {
    await discard();
    throw error;
  }
  for (const file of staged) await file.commit();

  const { removed, kept } = await removeEarlierFiles(target, manifest, written);
  if (manifest === null)
    notices.push(
      `${SITE_MARKER} of the earlier site lists no files (an older version wrote it), so no file of it was deleted; from now on the list is kept`,
    );
  if (kept.length > 0)
    notices.push(
      `kept ${kept.length === 1 ? 'a file' : `${kept.length} files`} of the earlier site that ${kept.length === 1 ? 'was' : 'were'} changed after it was written: ${kept.slice(0, 5).join(', ')}${kept.length > 5 ? ', …' : ''}`,
    );
  await writeFileAtomic(
    join(target, SITE_MARKER),
    markerText(marker, new Map([...written].map(([p, h]) => [p, [h]])), true),
  );
  const bytes = staged.reduce((sum, file) => sum + file.bytes, 0);
  return { files: staged.length + 1, bytes, removed, notices };
}

/**
 * The manifest of the site already in `target` (`undefined` when there is none); refuses a path
 * that is not a folder, and a folder with anything in it but no marker: it is not ours to write into.
 */
async function earlierSite(outDir: string, target: string): Promise<Manifest | undefined> {
  const existing = await stat(target).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new SiteOutError(`${outDir}: exists and is not a folder`);
  const entries = existing ? await readdir(target) : [];
  const manifest = existing ? await readManifest(target) : undefined;
  if (entries.length > 0 && manifest === undefined) {
    throw new SiteOutError(
      `${outDir}: the folder is not empty and holds no ${SITE_MARKER}, so it is not a site this command wrote; choose an empty or new folder`,
    );
  }
  return manifest;
}

/** Why a path of the new site may not be written (a file in the way), or undefined when it is free or ours. */
async function conflictAt(target: string, path: string, manifest: Manifest | undefined): Promise<string | undefined> {
  const at = join(target, ...path.split('/'));
  const stats = await lstat(at).catch(() => undefined);
  if (!stats) return undefined;
  if (!stats.isFile()) return `${path} (a ${stats.isDirectory() ? 'folder' : 'link or special file'})`;
  if (manifest === null) return undefined;
  if (!manifest?.has(path)) return `${path} (not written by claimgraph site)`;
  if (!manifest.get(path)!.includes((await hashOf(at))!)) return `${path} (changed since claimgraph wrote it)`;
  return undefined;
}

/**
 * Every file staged beside its target as it comes, a few in flight at a time (tens of thousands of
 * small files, one by one, wait on the disk), each folder made when first needed (remembering which
 * this run made, to remove them if it fails). Each path must be free or hold what an earlier run
 * wrote there: once one is not, nothing more is staged, the rest are only checked, and all staged
 * files are removed before the error lists what is in the way. On any failure all is undone; else
 * `discard` undoes it until the files are committed.
 */
async function stageSite(
  outDir: string,
  target: string,
  files: SiteFiles | Iterable<[string, string | Uint8Array]>,
  manifest: Manifest | undefined,
): Promise<{ staged: StagedFile[]; discard: () => Promise<void>; marker: string | Uint8Array | undefined }> {
  const created: string[] = [];
  // Each folder made once, and every file in it waits until it is.
  const folders = new Map<string, Promise<void>>();
  const staged: StagedFile[] = [];
  const conflicts: string[] = [];
  let marker: string | Uint8Array | undefined;
  const discard = async () => {
    await Promise.all(staged.map((file) => file.discard()));
    for (const dir of created.reverse()) await rmdir(dir).catch(() => undefined);
  };
  const folder = (dir: string): Promise<void> => {
    let ready = folders.get(dir);
    if (!ready) {
      ready = (async () => {
        if (dir !== target) await folder(dirname(dir));
        const made = await makeFolder(dir);
        if (made !== undefined) for (const each of ancestorsMade(made, dir)) created.push(each);
        await removeStaleTemporaries(dir);
      })();
      folders.set(dir, ready);
    }
    return ready;
  };
  const inFlight = new Set<Promise<void>>();
  let failed: { error: unknown } | undefined;
  const stage = async (path: string, content: string | Uint8Array) => {
    const at = join(target, ...path.split('/'));
    // A folder this run made held nothing before it: no file there can be in the way (one lstat
    // less for each of tens of thousands of pages written into a new folder).
    const conflict = created.includes(dirname(at)) ? undefined : await conflictAt(target, path, manifest);
    if (conflict !== undefined) conflicts.push(conflict);
    if (conflicts.length > 0 || failed) return;
    await folder(dirname(at));
    staged.push(await stageFile(at, content, { sweep: false }));
  };
  try {
    await folder(target);
    for (const [path, content] of files) {
      if (path === SITE_MARKER) {
        marker = content;
        continue;
      }
      const task: Promise<void> = stage(path, content)
        .catch((error: unknown) => {
          failed ??= { error };
        })
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
      if (inFlight.size >= WRITERS) await Promise.race(inFlight);
      if (failed) break;
    }
    await Promise.all(inFlight);
    if (failed) throw failed.error;
  } catch (error) {
    await Promise.all(inFlight);
    await discard();
    throw error;
  }
  if (conflicts.length > 0) {
    await discard();
    const n = conflicts.length;
    conflicts.sort();
    throw new SiteOutError(
      `${outDir}: ${n === 1 ? 'a file' : `${n} files`} in the way of the new site: ${conflicts.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''}; nothing was written. Move ${n === 1 ? 'it' : 'them'} away, or write the site to an empty or new folder`,
    );
  }
  return { staged, discard, marker };
}

/**
 * The earlier site's files this one no longer has, deleted while they hold what was written (and
 * their folders, once empty); a file changed since is kept and listed.
 */
async function removeEarlierFiles(
  target: string,
  manifest: Manifest | undefined,
  written: ReadonlyMap<string, string>,
): Promise<{ removed: number; kept: string[] }> {
  let removed = 0;
  const kept: string[] = [];
  for (const [path, hashes] of manifest ?? []) {
    if (written.has(path) || path === SITE_MARKER) continue;
    const at = join(target, ...path.split('/'));
    const hash = await hashOf(at);
    if (hash === undefined) continue;
    if (!hashes.includes(hash)) {
      kept.push(path);
      continue;
    }
    await unlink(at);
    removed++;
    for (let dir = dirname(at); dir.startsWith(target + sep); dir = dirname(dir))
      if (
        !(await rmdir(dir).then(
          () => true,
          () => false,
        ))
      )
        break;
  }
  return { removed, kept };
}

/** The folders `mkdir -p` made, from the first one it created (`made`) down to `folder`. */
function ancestorsMade(made: string, folder: string): string[] {
  const out: string[] = [];
  for (let dir = folder; dir.length >= made.length; dir = dirname(dir)) {
    out.unshift(dir);
    if (dir === made) break;
  }
  return out;
}
