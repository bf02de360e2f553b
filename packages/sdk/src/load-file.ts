/**
 * Node-only loading from disk: a release folder, its dataset.json, or a dataset source folder.
 * Node built-ins are imported when a path is loaded, never when the package is.
 */
import { datasetName } from '@claimgraph/schema';
import { asciiJsonText } from './ascii-json.js';
import { ClaimGraphIntegrityError, ClaimGraphLoadError } from './errors.js';
import { readReleaseLines } from './release-lines.js';
import { COLUMNS_FILE } from '@claimgraph/schema';
import {
  descriptorCoverage,
  listedPath,
  openColumns,
  parseJson,
  sameFileFor,
  type DataPackage,
  type LoadedDataset,
  type LoadOptions,
} from './load-parts.js';

/**
 * Imports a module by a name bundlers cannot see, so that a browser build of the main entry
 * never pulls in Node built-ins or `@claimgraph/schema/node`.
 */
export function nodeImport<T>(specifier: string): Promise<T> {
  return import(/* webpackIgnore: true */ /* @vite-ignore */ specifier) as Promise<T>;
}

type NodeModules = Awaited<ReturnType<typeof nodeModules>>;

async function nodeModules() {
  const [fs, path, crypto, buffer, schemaNode] = await Promise.all([
    nodeImport<typeof import('node:fs/promises')>('node:fs/promises'),
    nodeImport<typeof import('node:path')>('node:path'),
    nodeImport<typeof import('node:crypto')>('node:crypto'),
    nodeImport<typeof import('node:buffer')>('node:buffer'),
    nodeImport<typeof import('@claimgraph/schema/node')>('@claimgraph/schema/node'),
  ]);
  return { fs, path, crypto, buffer, schemaNode };
}

/** Reads the dataset at `location` in whichever layout it has. */
export async function readPath(location: string, options: LoadOptions): Promise<LoadedDataset> {
  const modules = await nodeModules();
  const { fs, path, schemaNode } = modules;
  const integrity = options.integrity !== false;
  if (location.endsWith('.bin')) {
    const descriptor = await readDescriptor(fs, path.join(path.dirname(location), 'datapackage.json'), integrity);
    return readColumnsFile(modules, location, descriptor, integrity);
  }
  let located: Awaited<ReturnType<typeof schemaNode.locateDataset>>;
  try {
    located = await schemaNode.locateDataset(location);
  } catch (error) {
    // Not a path: an installed dataset package, by name, as the CLI's --dataset takes it.
    const spec = schemaNode.parsePackageSpec(location);
    if (spec && spec.range === undefined && !(await fs.stat(location).catch(() => null))) {
      let installed: ReturnType<typeof schemaNode.resolveDatasetPackage> | undefined;
      try {
        installed = schemaNode.resolveDatasetPackage(spec.name, options.from);
      } catch {
        throw new ClaimGraphLoadError(
          location,
          `no such file or folder, and no installed package of that name${options.from === undefined ? '' : ` from ${String(options.from)}`} (npm install ${spec.name}; in a subfolder or a library, pass { from: import.meta.url })`,
        );
      }
      return readPath(installed.path, options);
    }
    const message = (error as Error).message;
    throw new ClaimGraphLoadError(
      location,
      message.startsWith(`${location}: `) ? message.slice(location.length + 2) : message,
    );
  }

  if (located.layout === 'source') {
    const read = await schemaNode.readDataset(location);
    const issue = read.issues[0];
    if (issue)
      throw new ClaimGraphLoadError(
        path.join(located.dir, issue.file),
        issue.path ? `${issue.path}: ${issue.message}` : issue.message,
      );
    return {
      data: read.data,
      version: read.meta.version,
      ...(read.meta.name === undefined ? {} : { name: datasetName(read.meta.name) }),
      files: read.files,
      requireSorted: true,
      location,
    };
  }

  const file = located.datasetFile!;
  const descriptor = await readDescriptor(fs, path.join(located.dir, 'datapackage.json'), integrity);
  // A release folder: its columnar file when the descriptor lists it (a path to dataset.json reads that file).
  if (options.columns !== false && path.resolve(location) !== path.resolve(file)) {
    const listed = listedPath(descriptor, COLUMNS_FILE);
    const columnsFile = listed === undefined ? undefined : path.join(located.dir, ...listed.split('/'));
    // A release copied without its columnar file is read from its dataset.json.
    if (columnsFile !== undefined && (await fs.stat(columnsFile).catch(() => null))?.isFile())
      return readColumnsFile(modules, columnsFile, descriptor, integrity);
  }
  return readRowFile(modules, located.dir, file, descriptor, integrity);
}

/** Reads a columnar file, checked against the sha256 its release lists. */
async function readColumnsFile(
  { fs, path, crypto }: NodeModules,
  file: string,
  descriptor: DataPackage | undefined,
  integrity: boolean,
): Promise<LoadedDataset> {
  const dir = path.dirname(file);
  const name = path.relative(dir, file).split(path.sep).join('/');
  const bytes = await fs.readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new ClaimGraphLoadError(file, `cannot be read (${error.code ?? error.message})`);
  });
  if (integrity && descriptor) {
    const expected = descriptor.resources?.find((r) => r.path === name)?.sha256;
    if (typeof expected !== 'string')
      throw new ClaimGraphLoadError(
        file,
        `datapackage.json lists no sha256 for ${name}; rebuild the release, or load with { integrity: false } to skip the check`,
      );
    const actual = crypto.createHash('sha256').update(bytes).digest('hex');
    if (actual !== expected.toLowerCase()) throw new ClaimGraphIntegrityError(file, expected, actual);
  }
  return {
    data: undefined,
    columns: openColumns(bytes, file),
    version: typeof descriptor?.version === 'string' ? descriptor.version : undefined,
    name: typeof descriptor?.name === 'string' ? descriptor.name : undefined,
    coverage: descriptorCoverage(descriptor),
    files: sameFileFor(path.basename(file)),
    requireSorted: false,
    location: file,
  };
}

/** Reads a release's row file (dataset.json), checked against the sha256 its release lists. */
async function readRowFile(
  { fs, path, crypto, buffer, schemaNode }: NodeModules,
  dir: string,
  file: string,
  descriptor: DataPackage | undefined,
  integrity: boolean,
): Promise<LoadedDataset> {
  const name = path.relative(dir, file).split(path.sep).join('/');
  const expected = integrity ? descriptor?.resources?.find((r) => r.path === name)?.sha256 : undefined;
  // A release that has a datapackage.json but no hash for its dataset cannot be trusted silently.
  if (integrity && descriptor && typeof expected !== 'string') {
    throw new ClaimGraphLoadError(
      file,
      `datapackage.json lists no sha256 for ${name}; rebuild the release, or load with { integrity: false } to skip the check`,
    );
  }
  // A release's layout is parsed as it is read, a piece of lines at a time, and hashed on the way
  // (see readReleaseLines). Any other file is read whole, hashed, and parsed as ASCII text (see
  // asciiJsonText); anything that text cannot parse is parsed again from the decoded bytes, so bad
  // UTF-8 and bad JSON get the messages of the schema's JSON reader, with their offsets.
  const cannotRead = (error: NodeJS.ErrnoException) => {
    throw new ClaimGraphLoadError(file, `cannot be read (${error.code ?? error.message})`);
  };
  const sha256 = typeof expected === 'string' ? expected : undefined;
  const hash = sha256 === undefined ? undefined : crypto.createHash('sha256');
  const streamed = await readLines(fs, buffer, file, (bytes) => hash?.update(bytes)).catch(cannotRead);
  let parsed: Awaited<ReturnType<typeof readLines>> | ReturnType<typeof schemaNode.parseJsonBytes>;
  if (streamed) {
    checkHash(file, sha256, hash);
    parsed = streamed;
  } else {
    const { buffer: room, length } = await readWithRoom(fs, buffer.Buffer, file).catch(cannotRead);
    const bytes = room.subarray(0, length);
    checkHash(file, sha256, hash && crypto.createHash('sha256').update(bytes));
    const utf8 = buffer.isUtf8(bytes);
    parsed =
      (utf8 && parseAscii(room, length, (size) => buffer.Buffer.allocUnsafe(size))) ||
      (utf8
        ? schemaNode.parseJsonText(bytes.toString('utf8'), path.basename(file))
        : schemaNode.parseJsonBytes(bytes, path.basename(file)));
  }
  if (!parsed.ok) throw new ClaimGraphLoadError(file, parsed.issue.message);
  return {
    data: parsed.value,
    version: typeof descriptor?.version === 'string' ? descriptor.version : undefined,
    name: typeof descriptor?.name === 'string' ? descriptor.name : undefined,
    files: sameFileFor(path.basename(file)),
    requireSorted: false,
    location: file,
  };
}

/**
 * A release's row file parsed as it is read (every byte handed to `onBytes`), or undefined when it
 * is laid out otherwise or is not a regular file (a pipe cannot be read again from the start).
 */
async function readLines(
  fs: typeof import('node:fs/promises'),
  buffer: typeof import('node:buffer'),
  file: string,
  onBytes: (bytes: Buffer) => void,
): Promise<{ ok: true; value: unknown } | undefined> {
  // Before it is opened: opening a pipe and closing it again would end its writer.
  if (!(await fs.stat(file)).isFile()) return undefined;
  const handle = await fs.open(file, 'r');
  try {
    return await readReleaseLines(
      buffer,
      async (into, at, length) => (await handle.read(into, at, length, null)).bytesRead,
      onBytes,
    );
  } finally {
    await handle.close();
  }
}

/** Throws when the hash of what was read is not the one the release lists. */
function checkHash(file: string, expected: string | undefined, hash: import('node:crypto').Hash | undefined): void {
  if (expected === undefined || hash === undefined) return;
  const actual = hash.digest('hex');
  if (actual !== expected.toLowerCase()) throw new ClaimGraphIntegrityError(file, expected, actual);
}

/**
 * JSON.parse of `bytes[0, length)` as ASCII text, or undefined when that text is not one JSON.parse
 * reads; the bytes are as they were then, for the parse that explains why.
 */
function parseAscii(
  bytes: Buffer,
  length: number,
  allocUnsafe: (size: number) => Buffer,
): { ok: true; value: unknown } | undefined {
  const ascii = asciiJsonText(bytes, length, allocUnsafe);
  if (ascii === null) return undefined;
  try {
    return { ok: true, value: JSON.parse(ascii.text) as unknown };
  } catch {
    ascii.restore();
    return undefined;
  }
}

/**
 * A file's bytes in a buffer with room after them (an eighth of the size) for asciiJsonText to
 * write its escapes in place: memory allocated but never written costs nothing.
 */
async function readWithRoom(
  fs: typeof import('node:fs/promises'),
  Buffer: typeof import('node:buffer').Buffer,
  file: string,
): Promise<{ buffer: Buffer; length: number }> {
  const handle = await fs.open(file, 'r');
  try {
    const { size } = await handle.stat();
    const withRoom = (bytes: number) => bytes + (bytes >> 3) + 64;
    let buffer = Buffer.allocUnsafe(withRoom(size));
    let length = 0;
    for (;;) {
      // More than stat said (a file that grew, a pipe): a larger buffer, and read on.
      if (length === buffer.length) {
        const larger = Buffer.allocUnsafe(withRoom(2 * length));
        buffer.copy(larger);
        buffer = larger;
      }
      const { bytesRead } = await handle.read(buffer, length, Math.min(buffer.length - length, 2 ** 30), null);
      if (bytesRead === 0) return { buffer, length };
      length += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

/**
 * The release's datapackage.json, or undefined when there is none; one that cannot be read or is
 * not JSON fails when integrity is checked, since nothing else can vouch for the release's files.
 */
async function readDescriptor(
  fs: typeof import('node:fs/promises'),
  file: string,
  required: boolean,
): Promise<DataPackage | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!required || code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ClaimGraphLoadError(
      file,
      `cannot be read (${code ?? (error as Error).message}), so the release's files cannot be checked; load with { integrity: false } to skip the check`,
    );
  }
  try {
    return parseJson(bytes, file) as DataPackage;
  } catch (error) {
    if (required) throw error;
    return undefined;
  }
}
