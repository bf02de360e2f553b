/**
 * Node-only: writes an export's files to disk, text chunk by chunk (so memory stays flat), and
 * reports each file's path and size. Imported only when `out` is given.
 */
import { ClaimGraphError } from '../errors.js';
import type { ExportPart } from './files.js';
import type { ExportedFile } from './export.js';
import { DEFAULT_FILE_NAMES, SINGLE_FILE_FORMATS, type ExportFormat } from './options.js';

async function nodeModules() {
  const [fs, path, schemaNode] = await Promise.all([
    import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises'),
    import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:path'),
    import(/* webpackIgnore: true */ /* @vite-ignore */ '@claimgraph/schema/node'),
  ]);
  return { fs, path, schemaNode };
}

async function isDirectory(fs: typeof import('node:fs/promises'), path: string): Promise<boolean | null> {
  try {
    return (await fs.stat(path)).isDirectory();
  } catch {
    return null;
  }
}

export async function writeParts(
  parts: ExportPart[],
  format: ExportFormat,
  out: string,
  method: string,
): Promise<{ out: string; files: ExportedFile[] }> {
  const { fs, path, schemaNode } = await nodeModules();
  const fail = (target: string, error: unknown): never => {
    throw new ClaimGraphError(`${method}(): out: cannot write ${JSON.stringify(target)}: ${(error as Error).message}`);
  };
  let targets: string[];
  let written = out;
  if (SINGLE_FILE_FORMATS.has(format)) {
    // A single-file format writes the file named by `out`, or dataset.<format> inside an existing folder.
    if ((await isDirectory(fs, out)) === true) written = path.join(out, DEFAULT_FILE_NAMES[format]!);
    targets = [written];
  } else {
    if ((await isDirectory(fs, out)) === false) {
      throw new ClaimGraphError(
        `${method}(): out: ${JSON.stringify(out)} is a file; ${format} writes several files, so give a folder`,
      );
    }
    targets = parts.map((part) => path.join(out, ...part.path.split('/')));
  }
  const files: ExportedFile[] = [];
  for (const [i, part] of parts.entries()) {
    const target = targets[i]!;
    let bytes = 0;
    try {
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Through a temporary file and a rename: a writer that fails midway (a character XML cannot
      // hold, a full disk) leaves the previous file, or none, never a truncated one.
      const written = await schemaNode.writeFileAtomic(
        target,
        part.content instanceof Uint8Array ? part.content : part.content(),
      );
      bytes = written.bytes;
    } catch (error) {
      if (error instanceof ClaimGraphError) throw error;
      fail(target, error);
    }
    files.push({
      path: target,
      bytes,
      mediatype: part.mediatype,
      ...(part.records === undefined ? {} : { records: part.records }),
    });
  }
  return { out: written, files };
}
