/**
 * Reads a dataset from where it lives: an http(s) URL through fetch (browsers included), or a
 * path on disk through Node, imported only on that code path so the main entry runs in a browser.
 */
import { COLUMNS_FILE } from '@claimgraph/schema';
import { ClaimGraphIntegrityError, ClaimGraphLoadError, optionError } from './errors.js';
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
import { readJudgements, type Judgements } from './merge/judgements.js';

export { LOAD_DEFAULTS, type LoadOptions } from './load-parts.js';

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/** Reads a path, a `file:`, `http:` or `https:` URL; relative strings are paths in Node and URLs in a browser. */
export async function readLocation(location: string | URL, options: LoadOptions): Promise<LoadedDataset> {
  if (typeof location !== 'string' && !(location instanceof URL)) {
    throw optionError('ClaimGraph.load', 'location', `must be a path or a URL, not ${JSON.stringify(location)}`);
  }
  const text = String(location);
  let url: URL | null =
    location instanceof URL ? location : /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? new URL(text) : null;
  if (url === null && !isNode) {
    const base = (globalThis as { location?: { href?: string } }).location?.href;
    if (base) url = new URL(text, base);
  }
  if (url === null) {
    const { readPath } = await import('./load-file.js');
    return readPath(text, options);
  }
  if (url.protocol === 'file:') {
    if (!isNode)
      throw new ClaimGraphLoadError(url.href, 'file: URLs can only be read in Node; serve the release over http(s)');
    const { readPath, nodeImport } = await import('./load-file.js');
    const { fileURLToPath } = await nodeImport<typeof import('node:url')>('node:url');
    return readPath(fileURLToPath(url), options);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ClaimGraphLoadError(url.href, `cannot load ${url.protocol} URLs; use an http(s) URL or a path`);
  }
  return fetchDataset(url, options);
}

async function fetchDataset(url: URL, options: LoadOptions): Promise<LoadedDataset> {
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function')
    throw new ClaimGraphLoadError(url.href, 'cannot be fetched: there is no fetch here; pass one with { fetch }');
  const integrity = options.integrity !== false;
  let datasetUrl: URL | undefined;
  let columnsUrl: URL | undefined;
  let packageUrl: URL;
  let descriptor: DataPackage | undefined;
  if (url.pathname.endsWith('/datapackage.json')) {
    packageUrl = url;
    descriptor = parseJson(await fetchBytes(fetchImpl, url), url.href) as DataPackage;
  } else if (url.pathname.endsWith('.json')) {
    datasetUrl = url;
    packageUrl = new URL('datapackage.json', url);
  } else if (url.pathname.endsWith('.bin')) {
    columnsUrl = url;
    packageUrl = new URL('datapackage.json', url);
  } else {
    const folder = new URL(url.href);
    if (!folder.pathname.endsWith('/')) folder.pathname += '/';
    packageUrl = new URL('datapackage.json', folder);
  }
  // A release folder (or its descriptor): the columnar file when the descriptor lists it, else dataset.json.
  if (datasetUrl === undefined && columnsUrl === undefined) {
    if (options.columns !== false) {
      descriptor ??= await fetchOptionalDescriptor(fetchImpl, packageUrl, integrity);
      const listed = listedPath(descriptor, COLUMNS_FILE);
      if (listed !== undefined) columnsUrl = new URL(listed, packageUrl);
    }
    if (columnsUrl === undefined) {
      const dataset = listedPath(descriptor, 'dataset.json');
      datasetUrl = new URL(dataset ?? 'dataset.json', packageUrl);
    }
  }
  let fileUrl = (columnsUrl ?? datasetUrl)!;
  const [firstBytes, fetched] = await Promise.all([
    fetchBytes(fetchImpl, fileUrl, datasetUrl === undefined && columnsUrl !== url),
    descriptor ? Promise.resolve(descriptor) : fetchOptionalDescriptor(fetchImpl, packageUrl, integrity),
  ]);
  let bytes = firstBytes;
  // A release served without its columnar file (a 404) is read from its dataset.json.
  if (bytes === null) {
    columnsUrl = undefined;
    fileUrl = new URL(listedPath(fetched, 'dataset.json') ?? 'dataset.json', packageUrl);
    bytes = (await fetchBytes(fetchImpl, fileUrl))!;
  }
  descriptor = fetched;
  if (integrity && descriptor) {
    const resource = descriptor.resources?.find(
      (r) => typeof r.path === 'string' && new URL(r.path, packageUrl).href === fileUrl.href,
    );
    if (typeof resource?.sha256 !== 'string') {
      throw new ClaimGraphLoadError(
        fileUrl.href,
        'datapackage.json lists no sha256 for it; load with { integrity: false } to skip the check',
      );
    }
    await checkSha256(bytes, resource.sha256, fileUrl.href);
  }
  const name = fileUrl.pathname.split('/').pop() || 'dataset.json';
  const version = typeof descriptor?.version === 'string' ? descriptor.version : undefined;
  const packageName = typeof descriptor?.name === 'string' ? descriptor.name : undefined;
  if (columnsUrl !== undefined)
    return {
      data: undefined,
      columns: openColumns(bytes, fileUrl.href),
      version,
      name: packageName,
      coverage: descriptorCoverage(descriptor),
      files: sameFileFor(name),
      requireSorted: false,
      location: fileUrl.href,
    };
  return {
    data: parseJson(bytes, fileUrl.href),
    version,
    name: packageName,
    files: sameFileFor(name),
    requireSorted: false,
    location: fileUrl.href,
  };
}

async function fetchBytes(fetchImpl: typeof globalThis.fetch, url: URL): Promise<Uint8Array>;
async function fetchBytes(fetchImpl: typeof globalThis.fetch, url: URL, orNull: boolean): Promise<Uint8Array | null>;
/** The body of a URL; with `orNull`, null for a 404 rather than an error. */
async function fetchBytes(fetchImpl: typeof globalThis.fetch, url: URL, orNull = false): Promise<Uint8Array | null> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    throw new ClaimGraphLoadError(url.href, `could not be fetched (${(error as Error).message})`);
  }
  if (orNull && response.status === 404) return null;
  if (!response.ok)
    throw new ClaimGraphLoadError(
      url.href,
      `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`,
    );
  return new Uint8Array(await response.arrayBuffer());
}

/** The release descriptor next to a dataset, or undefined when there is none (a bare dataset.json). */
async function fetchOptionalDescriptor(
  fetchImpl: typeof globalThis.fetch,
  url: URL,
  required: boolean,
): Promise<DataPackage | undefined> {
  let response: Response;
  try {
    response = await fetchImpl(url);
  } catch (error) {
    if (!required) return undefined;
    throw new ClaimGraphLoadError(
      url.href,
      `could not be fetched (${(error as Error).message}): cannot check integrity without it (load with { integrity: false } to skip the check)`,
    );
  }
  if (response.status === 404 || response.status === 410) return undefined;
  if (!response.ok) {
    if (required)
      throw new ClaimGraphLoadError(
        url.href,
        `HTTP ${response.status}: cannot check integrity without it (load with { integrity: false } to skip the check)`,
      );
    return undefined;
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  try {
    return parseJson(bytes, url.href) as DataPackage;
  } catch (error) {
    if (required) throw error;
    return undefined;
  }
}

/** Compares bytes with a recorded sha256 (hex), through Web Crypto, which browsers and Node share. */
export async function checkSha256(bytes: Uint8Array, expected: string, file: string): Promise<void> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new ClaimGraphLoadError(
      file,
      'cannot check its sha256: Web Crypto is not available here (a page served over plain http?); load with { integrity: false } to skip the check',
    );
  }
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let actual = '';
  for (const byte of digest) actual += byte.toString(16).padStart(2, '0');
  if (actual !== expected.toLowerCase()) throw new ClaimGraphIntegrityError(file, expected, actual);
}

/** Reads and checks a judgements file from a path (Node) or an http(s) or file: URL. */
export async function readJudgementsFile(location: string | URL, options: LoadOptions): Promise<Judgements> {
  const text = String(location);
  const isUrl = location instanceof URL || /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  let bytes: Uint8Array;
  if (!isUrl || text.startsWith('file:')) {
    if (!isNode)
      throw new ClaimGraphLoadError(text, 'a judgements file can be read from a path only in Node; give a URL');
    const { nodeImport } = await import('./load-file.js');
    const fs = await nodeImport<typeof import('node:fs/promises')>('node:fs/promises');
    const { fileURLToPath } = await nodeImport<typeof import('node:url')>('node:url');
    const path = isUrl ? fileURLToPath(text) : text;
    try {
      bytes = await fs.readFile(path);
    } catch (error) {
      throw new ClaimGraphLoadError(
        path,
        `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    return readJudgements(parseJson(bytes, path), path);
  }
  const fetchImpl = options.fetch ?? globalThis.fetch;
  bytes = (await fetchBytes(fetchImpl, new URL(text)))!;
  return readJudgements(parseJson(bytes, text), text);
}
