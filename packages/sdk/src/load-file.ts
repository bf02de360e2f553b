/**
 * Node-only loading from disk: a release folder, its dataset.json, or a dataset source folder.
 * Node built-ins are imported when a path is loaded, never when the package is.
 */
import { ClaimGraphLoadError } from './errors.js';
import { checkSha256, parseJson, sameFileFor, type DataPackage, type LoadedDataset, type LoadOptions } from './load.js';

async function nodeModules() {
  const [fs, path, schemaNode] = await Promise.all([
    import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:fs/promises'),
    import(/* webpackIgnore: true */ /* @vite-ignore */ 'node:path'),
    import(/* webpackIgnore: true */ /* @vite-ignore */ '@claimgraph/schema/node'),
  ]);
  return { fs, path, schemaNode };
}

/** Reads the dataset at `location` in whichever layout it has. */
export async function readPath(location: string, options: LoadOptions): Promise<LoadedDataset> {
  const { fs, path, schemaNode } = await nodeModules();
  let located: Awaited<ReturnType<typeof schemaNode.locateDataset>>;
  try {
    located = await schemaNode.locateDataset(location);
  } catch (error) {
    const message = (error as Error).message;
    throw new ClaimGraphLoadError(location, message.startsWith(`${location}: `) ? message.slice(location.length + 2) : message);
  }

  if (located.layout === 'source') {
    const read = await schemaNode.readDataset(location);
    const issue = read.issues[0];
    if (issue) throw new ClaimGraphLoadError(path.join(located.dir, issue.file), issue.path ? `${issue.path}: ${issue.message}` : issue.message);
    return { data: read.data, version: read.meta.version, files: read.files, requireSorted: true, location };
  }

  const file = located.datasetFile!;
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    throw new ClaimGraphLoadError(file, `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  const descriptor = await readDescriptor(fs, path.join(located.dir, 'datapackage.json'), options.integrity !== false);
  if (options.integrity !== false && descriptor) {
    const name = path.relative(located.dir, file).split(path.sep).join('/');
    const resource = descriptor.resources?.find((r) => r.path === name);
    if (typeof resource?.sha256 === 'string') await checkSha256(bytes, resource.sha256, file);
  }
  return {
    data: parseJson(bytes, file),
    version: typeof descriptor?.version === 'string' ? descriptor.version : undefined,
    files: sameFileFor(path.basename(file)),
    requireSorted: false,
    location: file,
  };
}

/** The release's datapackage.json, or undefined when there is none; a broken one fails only when integrity is checked. */
async function readDescriptor(fs: typeof import('node:fs/promises'), file: string, required: boolean): Promise<DataPackage | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch {
    return undefined;
  }
  try {
    return parseJson(bytes, file) as DataPackage;
  } catch (error) {
    if (required) throw error;
    return undefined;
  }
}
