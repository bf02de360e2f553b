/**
 * Node-only: writes an export's files to disk, text chunk by chunk (so memory stays flat), and
 * reports each file's path and size. Imported only when `out` is given.
 */
import { ClaimGraphError, ClaimGraphWriteError } from '../errors.js';
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
  // One line naming the file and what the disk said; a ClaimGraphWriteError (errno kept) lets a
  // caller tell a full disk from a bad option.
  const fail = (target: string, error: unknown): never => {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code
      ? (/^cannot write /.test((error as Error).message)
          ? (error as Error)
          : schemaNode.writeFailure(target, error, false)
        ).message
      : `cannot write ${JSON.stringify(target)}: ${(error as Error).message}`;
    if (code) throw new ClaimGraphWriteError(`${method}(): out: ${message}`, code);
    throw new ClaimGraphError(`${method}(): out: ${message}`);
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
  // Every file is written in full beside its target before any is renamed into place: a writer that
  // fails midway (a character XML cannot hold, a full disk) leaves the previous files, or none.
  const created: string[] = [];
  const staged: Awaited<ReturnType<typeof schemaNode.stageFile>>[] = [];
  const discard = async () => {
    await Promise.all(staged.map((file) => file.discard()));
    // Folders this run made, deepest first, and only while empty.
    for (const dir of created.reverse()) await fs.rmdir(dir).catch(() => undefined);
  };
  for (const [i, part] of parts.entries()) {
    const target = targets[i]!;
    try {
      const made = await schemaNode.makeFolder(path.dirname(target));
      if (made !== undefined) created.push(made);
      staged.push(
        await schemaNode.stageFile(target, part.content instanceof Uint8Array ? part.content : part.content()),
      );
    } catch (error) {
      await discard();
      if (error instanceof ClaimGraphError) throw error;
      fail(target, error);
    }
  }
  const files: ExportedFile[] = [];
  for (const [i, part] of parts.entries()) {
    const file = staged[i]!;
    try {
      await file.commit();
    } catch (error) {
      await discard();
      fail(targets[i]!, error);
    }
    files.push({
      path: targets[i]!,
      bytes: file.bytes,
      mediatype: part.mediatype,
      ...(part.records === undefined ? {} : { records: part.records }),
      ...(part.table === undefined ? {} : { table: part.table }),
      ...(part.partition === undefined ? {} : { partition: part.partition }),
    });
  }
  return { out: written, files };
}
