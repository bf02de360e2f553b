/**
 * writeSite: puts a built site in a folder and owns only what it wrote. Every file is written in
 * full beside its target before any is renamed into place; the marker file lists each file written
 * with its hash, so a later run replaces or deletes those files (while they still hold what was
 * written) and keeps everything else in the folder: a `.git`, a `CNAME`, a curator's own notes.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { lstat, open, readdir, readFile, rename, rm, rmdir, stat, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import {
  isProcessAlive,
  makeFolder,
  removeStaleTemporaries,
  syncFiles,
  syncFolder,
  writeFailure,
  writeFileAtomic,
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

/**
 * A file's digest in the marker: the first 128 bits of its SHA-256, in base64url (22 characters,
 * not 64 hex). The marker guards a curator's edits against being overwritten or deleted: an edited
 * file must not hash as written. Whether by accident or by design, an edit that keeps the first 128
 * bits of the hash is a second preimage of a 128-bit hash (2^128 work), so the guarantee holds as
 * with the full hash; what 128 bits give up (collisions at 2^64) would only let whoever makes the
 * site's files pick two of them that hash alike, which guards nothing here. At 70,000 files this
 * saves 3 MB of the marker.
 */
const digest = (content: string | Uint8Array) =>
  createHash('sha256').update(content).digest().subarray(0, 16).toString('base64url');

/** A file's digest as markers list it (`digest`), or undefined when it is not a plain file. */
async function hashOf(path: string): Promise<string | undefined> {
  const stats = await lstat(path).catch(() => undefined);
  if (!stats?.isFile()) return undefined;
  return digest(await readFile(path));
}

/** A listed digest as `digest` writes it: markers of earlier versions list the whole SHA-256 in hex. */
const asDigest = (listed: string) =>
  /^[0-9a-f]{64}$/.test(listed) ? Buffer.from(listed.slice(0, 32), 'hex').toString('base64url') : listed;

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
  const add = (path: string, hashes: unknown) => {
    const list = (Array.isArray(hashes) ? hashes : [hashes]).filter((h): h is string => typeof h === 'string');
    // A listed path must stay inside the folder: a hand-edited marker cannot send a deletion elsewhere.
    if (path.split('/').some((part) => part === '' || part === '.' || part === '..') || path.includes('\\')) return;
    manifest.set(path, list.map(asDigest));
  };
  // By folder (`{"rel/": {"a.html": digest}}`, the top folder as ""), or flat by path as earlier versions wrote it.
  for (const [key, value] of Object.entries(written as Record<string, unknown>)) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
      for (const [name, hashes] of Object.entries(value as Record<string, unknown>)) add(`${key}${name}`, hashes);
    else add(key, value);
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
  // One line a folder, its files by name: a path's folder is written once, not on each of its files.
  const folders = new Map<string, [string, string | string[]][]>();
  for (const [path, hashes] of [...written].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const cut = path.lastIndexOf('/') + 1;
    const folder = path.slice(0, cut);
    if (!folders.has(folder)) folders.set(folder, []);
    folders.get(folder)!.push([path.slice(cut), hashes.length === 1 ? hashes[0]! : hashes]);
  }
  const about: Record<string, unknown> = { ...marker, ...(complete ? {} : { complete: false }) };
  delete about.written;
  const fields = Object.entries(about).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  const lines = [...folders].map(
    ([folder, files]) => `    ${JSON.stringify(folder)}: ${JSON.stringify(Object.fromEntries(files))}`,
  );
  return `{\n${fields.join('\n')}\n  "written": {\n${lines.join(',\n')}\n  }\n}\n`;
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
  // The hidden staging folder of a run into an earlier site: its files were not renamed in yet.
  const inside = new RegExp(`^\\.${SITE_MARKER.replace(/\./g, '\\.')}\\.writing-(\\d+)$`);
  for (const name of await readdir(target).catch(() => [] as string[])) {
    const match = inside.exec(name);
    if (!match || isProcessAlive(Number(match[1]))) continue;
    await rm(join(target, name), { recursive: true, force: true });
    notices.push(`removed ${join(target, name)}: files of a run that was killed before it put them in place`);
  }
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
 * written as it comes, so a large site is never all in memory. The files go to a staging folder
 * nobody reads: beside the target when there is none yet (then one rename puts the whole site in
 * place), else inside it, hidden (then each file is renamed over its old copy). They are written
 * plainly, then flushed to disk together before anything is renamed: a file in the way, a full
 * disk or a kill before that leaves the target as it was.
 */
export async function writeSite(
  outDir: string,
  files: SiteFiles | Iterable<[string, string | Uint8Array]>,
): Promise<WrittenSite> {
  const target = resolve(outDir);
  const notices: string[] = [];
  await recoverLeftovers(target, notices);
  const manifest = await earlierSite(outDir, target);
  const fresh = !existsSync(target);
  const staging = fresh
    ? join(dirname(target), `.${basename(target)}.writing-${process.pid}`)
    : join(target, `.${SITE_MARKER}.writing-${process.pid}`);
  // The staging folder and any missing parents: an error names the site's folder, as the user gave it.
  const made = fresh
    ? await makeFolder(staging).catch((error: unknown) => {
        throw writeFailure(target, (error as Error).cause ?? error, false);
      })
    : undefined;
  const undo = async () => {
    await rm(staging, { recursive: true, force: true });
    if (made !== undefined)
      for (const dir of ancestorsMade(made, staging).reverse()) await rmdir(dir).catch(() => undefined);
  };
  let site: StagedSite;
  try {
    site = await stageSite(outDir, target, staging, files, fresh ? undefined : manifest);
  } catch (error) {
    await undo();
    throw error;
  }
  const written = new Map([...site.files].map((file) => [file.path, file.digest]));
  const bytes = site.files.reduce((sum, file) => sum + file.bytes, 0);
  const final = markerText(site.marker, new Map([...written].map(([p, h]) => [p, [h]])), true);

  if (fresh) {
    // Nothing is at the target yet: the staging folder, marker and all, becomes the site in one step.
    try {
      await writeDurably(join(staging, SITE_MARKER), final);
      await syncFolder(staging);
      await rename(staging, target);
    } catch (error) {
      await undo();
      throw asWriteFailure(join(target, SITE_MARKER), error, 'nothing was written');
    }
    await syncFolder(dirname(target));
    return { files: site.files.length + 1, bytes, removed: 0, notices };
  }

  // Before any rename, the marker lists both what is there and what is coming, so a run killed
  // midway leaves a folder the next run still recognises as its own.
  const during = new Map<string, string[]>();
  for (const [path, hash] of written) during.set(path, [hash, ...(manifest?.get(path) ?? [])]);
  for (const [path, hashes] of manifest ?? []) if (!during.has(path)) during.set(path, hashes);
  try {
    await writeFileAtomic(join(target, SITE_MARKER), markerText(site.marker, during, false));
  } catch (error) {
    await undo();
    throw error;
  }
  await moveInto(target, staging, site.files);
  await rm(staging, { recursive: true, force: true });

  const { removed, kept } = await removeEarlierFiles(target, manifest, written);
  if (manifest === null)
    notices.push(
      `${SITE_MARKER} of the earlier site lists no files (an older version wrote it), so no file of it was deleted; from now on the list is kept`,
    );
  if (kept.length > 0)
    notices.push(
      `kept ${kept.length === 1 ? 'a file' : `${kept.length} files`} of the earlier site that ${kept.length === 1 ? 'was' : 'were'} changed after it was written: ${kept.slice(0, 5).join(', ')}${kept.length > 5 ? ', …' : ''}`,
    );
  await writeFileAtomic(join(target, SITE_MARKER), final);
  return { files: site.files.length + 1, bytes, removed, notices };
}

/** A write error as the user sees it: the site's own path, never the staging copy's, and what was kept. */
function asWriteFailure(path: string, error: unknown, outcome: string): unknown {
  if (!(error as NodeJS.ErrnoException | null)?.code) return error;
  if ((error as Error).message.startsWith('cannot write ')) return error;
  return writeFailure(path, error, false, outcome);
}

/** Writes a file that must not exist yet and flushes it: for the marker, the last file written. */
async function writeDurably(path: string, content: string): Promise<void> {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * The staged files renamed into the target, a few at a time, each folder made (and swept of the
 * temporary files of killed runs) before its first file; then each folder flushed, for the names.
 */
async function moveInto(target: string, staging: string, files: readonly StagedPage[]): Promise<void> {
  const folders = new Map<string, Promise<void>>();
  const folder = (dir: string): Promise<void> => {
    let ready = folders.get(dir);
    if (!ready) {
      ready = (async () => {
        await makeFolder(dir);
        await removeStaleTemporaries(dir);
      })();
      folders.set(dir, ready);
    }
    return ready;
  };
  await pool(files, async ({ path }) => {
    const to = join(target, ...path.split('/'));
    await folder(dirname(to));
    await rename(join(staging, ...path.split('/')), to).catch((error: unknown) => {
      throw writeFailure(to, error, true, 'the site is partly replaced; run the command again to finish it');
    });
  });
  for (const dir of folders.keys()) await syncFolder(dir);
}

/** Runs `task` on every item, WRITERS at a time; the first error stops the rest and is thrown once all in flight are done. */
async function pool<T>(items: Iterable<T>, task: (item: T) => Promise<void>): Promise<void> {
  const inFlight = new Set<Promise<void>>();
  let failed: { error: unknown } | undefined;
  for (const item of items) {
    const run: Promise<void> = task(item)
      .catch((error: unknown) => {
        failed ??= { error };
      })
      .finally(() => inFlight.delete(run));
    inFlight.add(run);
    if (inFlight.size >= WRITERS) await Promise.race(inFlight);
    if (failed) break;
  }
  await Promise.all(inFlight);
  if (failed) throw failed.error;
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

/** A page written to the staging folder: its path in the site, hash and size. */
interface StagedPage {
  path: string;
  digest: string;
  bytes: number;
}

interface StagedSite {
  files: StagedPage[];
  /** The marker as the build made it, without the file list. */
  marker: string | Uint8Array | undefined;
}

/**
 * Every file written plainly into `staging` as it comes, a few in flight at a time (tens of
 * thousands of small files, one by one, wait on the disk), each folder made once; then all of them
 * flushed to disk, a few at a time, and their folders. Into an existing site (`existing` set), each
 * path must be free in the target or hold what an earlier run wrote there: once one is not, nothing
 * more is written, the rest are only checked, and the error lists what is in the way. The caller
 * removes the staging folder on any error.
 */
async function stageSite(
  outDir: string,
  target: string,
  staging: string,
  files: SiteFiles | Iterable<[string, string | Uint8Array]>,
  existing: Manifest | undefined,
): Promise<StagedSite> {
  // Each folder made once, and every file in it waits until it is.
  const folders = new Map<string, Promise<void>>();
  // Whether a folder of the target exists: a file in a folder it lacks cannot be in the way.
  const present = new Map<string, Promise<boolean>>();
  const staged: StagedPage[] = [];
  const conflicts: string[] = [];
  let marker: string | Uint8Array | undefined;
  const folder = (dir: string): Promise<void> => {
    let ready = folders.get(dir);
    if (!ready) {
      ready = makeFolder(dir).then(() => undefined);
      folders.set(dir, ready);
    }
    return ready;
  };
  const inTarget = (dir: string): Promise<boolean> => {
    let there = present.get(dir);
    if (!there) {
      there = lstat(dir).then(
        (s) => s.isDirectory(),
        () => false,
      );
      present.set(dir, there);
    }
    return there;
  };
  const stage = async ([path, content]: [string, string | Uint8Array]) => {
    if (existing !== undefined) {
      const at = join(target, ...path.split('/'));
      const conflict = (await inTarget(dirname(at))) ? await conflictAt(target, path, existing) : undefined;
      if (conflict !== undefined) conflicts.push(conflict);
      if (conflicts.length > 0) return;
    }
    const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    const to = join(staging, ...path.split('/'));
    await folder(dirname(to));
    await writeFile(to, data, { flag: 'wx' }).catch((error: unknown) => {
      throw writeFailure(
        join(target, ...path.split('/')),
        error,
        false,
        existing === undefined ? 'nothing was written' : 'no file of the earlier site was changed',
      );
    });
    staged.push({ path, digest: digest(data), bytes: data.byteLength });
  };
  await folder(staging);
  await pool(
    (function* () {
      for (const entry of files) {
        if (entry[0] === SITE_MARKER) marker = entry[1];
        else yield entry;
      }
    })(),
    stage,
  );
  if (conflicts.length > 0) {
    const n = conflicts.length;
    conflicts.sort();
    throw new SiteOutError(
      `${outDir}: ${n === 1 ? 'a file' : `${n} files`} in the way of the new site: ${conflicts.slice(0, 5).join(', ')}${n > 5 ? ', …' : ''}; nothing was written. Move ${n === 1 ? 'it' : 'them'} away, or write the site to an empty or new folder`,
    );
  }
  // Flushed once all are written, not one by one: the disk has had time to take most of them.
  await syncFiles(
    staging,
    staged.map(({ path }) => join(staging, ...path.split('/'))),
    folders.keys(),
    'nothing was written',
  );
  return { files: staged, marker };
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
