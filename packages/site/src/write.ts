/**
 * writeSite: puts a built site in a folder as one step. The files go to a fresh folder beside the
 * target, which then takes the target's place, so readers never see half a site; a folder that
 * holds anything but an earlier site is refused, never overwritten.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SITE_MARKER, type SiteFiles } from './build.js';
import { SiteOutError } from './errors.js';

const WRITERS = 16;

export async function writeSite(outDir: string, files: SiteFiles): Promise<{ files: number; bytes: number }> {
  const target = resolve(outDir);
  if (existsSync(target)) {
    const entries = await readdir(target).catch(() => {
      throw new SiteOutError(`${outDir}: exists and is not a folder`);
    });
    if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
      throw new SiteOutError(
        `${outDir}: the folder is not empty and holds no ${SITE_MARKER}, so it is not a site this command wrote; choose an empty or new folder`,
      );
    }
  }
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const staging = join(parent, `.${basename(target)}.writing-${process.pid}`);
  const old = join(parent, `.${basename(target)}.old-${process.pid}`);
  await rm(staging, { recursive: true, force: true });
  let bytes = 0;
  try {
    const folders = new Set([...files.keys()].map((path) => dirname(path)));
    for (const folder of [...folders].sort()) await mkdir(join(staging, folder), { recursive: true });
    // A few writes in flight at a time: tens of thousands of small files, one by one, wait on the disk.
    const entries = [...files];
    let next = 0;
    const worker = async () => {
      while (next < entries.length) {
        const [path, content] = entries[next++]!;
        await writeFile(join(staging, path), content);
        bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, worker));
    if (existsSync(target)) await rename(target, old);
    await rename(staging, target);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    if (existsSync(old) && !existsSync(target)) await rename(old, target);
    throw error;
  }
  await rm(old, { recursive: true, force: true });
  return { files: files.size, bytes };
}
