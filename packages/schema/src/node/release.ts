/**
 * Release build and checks: validate a dataset folder, write its release (`dataset.json`,
 * `datapackage.json`, JSON Schemas) deterministically, and verify a release against its hashes.
 */
import { createHash } from 'node:crypto';
import { mkdir, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { canonicalDataset, canonicalRecord, serializeDataset } from '../canonical.js';
import { sortIssues, type ValidationIssue, type ValidationResult } from '../issues.js';
import { jsonSchemas } from '../json-schema.js';
import { RECORD_FILES, RECORD_KINDS, REDIRECTS_FILE, type Dataset } from '../records.js';
import { summarizeDataset, type DatasetSummary } from '../summary.js';
import { validateDataset } from '../validate.js';
import { vocabularyDocument } from '../vocabulary.js';
import { readDataset, type ReadDatasetResult } from './dataset-files.js';
import { readJsonFile } from './read-json.js';
import { describeType } from '../schema-check.js';
import { COLUMNS_FILE } from '../columns/format.js';
import { encodeColumns } from '../columns/encode.js';

export type ProgressListener = (step: string) => void;

export interface CheckedDataset {
  read: ReadDatasetResult;
  result: ValidationResult;
  /** The dataset, present when valid. */
  dataset?: Dataset;
}

/** Reads and validates a dataset in any layout. Release files need not be sorted by id. */
export async function checkDataset(path: string, onProgress?: ProgressListener): Promise<CheckedDataset> {
  onProgress?.('reading');
  const read = await readDataset(path);
  if (read.data === undefined) return { read, result: { valid: false, errors: sortIssues(read.issues) } };
  onProgress?.('validating');
  const result = validateDataset(read.data, { files: read.files, requireSorted: read.located.layout === 'source' });
  const errors = sortIssues([...read.issues, ...result.errors]);
  const valid = errors.length === 0;
  return { read, result: { valid, errors }, dataset: valid ? (read.data as Dataset) : undefined };
}

export interface BuildOptions {
  /** Where to write the release (default `<dir>/dist`). */
  outDir?: string;
  onProgress?: ProgressListener;
  /**
   * More files derived from the dataset, written beside `dataset.json` and listed in
   * `datapackage.json` after the JSON files, in path order, with bytes and sha256 (the CLI adds
   * Parquet and NDJSON from `@claimgraph/sdk/export`). Must give the same bytes for the same data.
   */
  extraFiles?: (dataset: Dataset) => ReleaseExtraFile[] | Promise<ReleaseExtraFile[]>;
}

/** A file `extraFiles` adds to a release. */
export interface ReleaseExtraFile {
  /** Relative path inside the release, with `/` (`parquet/entities.parquet`). */
  path: string;
  /** Text, bytes, or chunks of either (streamed to disk and hashed on the way, so a large file is never held whole). */
  content: string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;
  /** The resource's media type [application/octet-stream]. */
  mediatype?: string;
  /** The resource's format name (`parquet`, `ndjson`) [the file extension]. */
  format?: string;
  /** How many records the file holds, when it is a table. */
  records?: number;
}

export interface BuildResult extends CheckedDataset {
  outDir?: string;
  files?: { path: string; bytes: number; sha256: string }[];
  summary?: DatasetSummary;
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/** Validates a dataset source folder and, when it is valid, writes its release. */
export async function buildRelease(dir: string, options: BuildOptions = {}): Promise<BuildResult> {
  const checked = await checkDataset(dir, options.onProgress);
  if (!checked.dataset) return checked;
  if (checked.read.located.layout !== 'source') {
    const issue: ValidationIssue = {
      file: checked.read.files.entities,
      id: null,
      path: '',
      message: 'is already a release; build reads a dataset source folder (with data/)',
    };
    return { ...checked, result: { valid: false, errors: [issue] } };
  }
  const outDir = options.outDir ?? join(dir, 'dist');
  const refusal = await outDirProblem(outDir, dir);
  if (refusal) return { ...checked, result: { valid: false, errors: [refusal] } };
  options.onProgress?.('writing');
  const dataset = canonicalDataset(checked.dataset);
  const summary = summarizeDataset(dataset);
  const written: { path: string; bytes: number; sha256: string }[] = [];
  const extras = options.extraFiles ? sortedExtras(await options.extraFiles(dataset)) : [];

  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'schema'), { recursive: true });
  const write = async (path: string, content: string | Uint8Array) => {
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    await writeFile(join(outDir, path), bytes);
    written.push({ path, bytes: bytes.length, sha256: sha256(bytes) });
  };
  await write('dataset.json', serializeDataset(dataset));
  options.onProgress?.('writing columns');
  // The same records by column, for loading without parsing rows (see columns.schema.json).
  await write(COLUMNS_FILE, encodeColumns(dataset));
  await write('vocabulary.json', `${JSON.stringify(vocabularyDocument(), null, 2)}\n`);
  for (const [name, schema] of Object.entries(jsonSchemas()))
    await write(`schema/${name}`, `${JSON.stringify(schema, null, 2)}\n`);
  const binary = new Set<string>();
  if (extras.length > 0) {
    options.onProgress?.('writing extra files');
    try {
      for (const extra of extras) {
        const file = await writeExtraFile(outDir, extra);
        if (file.binary) binary.add(extra.path);
        written.push({ path: extra.path, bytes: file.bytes, sha256: file.sha256 });
      }
    } catch (error) {
      // A release without its datapackage.json would make the next build refuse the folder.
      await rm(outDir, { recursive: true, force: true });
      throw error;
    }
  }

  options.onProgress?.('hashing');
  const datapackage = dataPackage(
    checked.read.meta,
    dataset,
    summary,
    written,
    new Map(extras.map((e) => [e.path, { ...e, binary: binary.has(e.path) }])),
  );
  await writeFile(join(outDir, 'datapackage.json'), `${JSON.stringify(datapackage, null, 2)}\n`);
  return { ...checked, outDir, files: written, summary };
}

const CORE_FILES = new Set(['dataset.json', COLUMNS_FILE, 'datapackage.json', 'vocabulary.json']);

/** The extra files in path order, each checked to stay inside the release and clear of its own files. */
function sortedExtras(extras: ReleaseExtraFile[]): ReleaseExtraFile[] {
  const seen = new Set<string>();
  for (const extra of extras) {
    const path = extra?.path;
    const problem =
      typeof path !== 'string' || path === ''
        ? 'needs a relative path'
        : path.startsWith('/') ||
            path.includes('\\') ||
            path.split('/').some((part) => part === '' || part === '.' || part === '..')
          ? 'must be a relative path with / separators, inside the release'
          : CORE_FILES.has(path) || path.startsWith('schema/')
            ? 'would replace a file the release build writes itself'
            : seen.has(path)
              ? 'is given twice'
              : null;
    if (problem) throw new Error(`@claimgraph/schema: buildRelease(): extraFiles: ${JSON.stringify(path)} ${problem}`);
    seen.add(path);
  }
  return [...extras].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Writes one extra file chunk by chunk, hashing as it goes. */
async function writeExtraFile(
  outDir: string,
  extra: ReleaseExtraFile,
): Promise<{ bytes: number; sha256: string; binary: boolean }> {
  const target = join(outDir, ...extra.path.split('/'));
  await mkdir(dirname(target), { recursive: true });
  const hash = createHash('sha256');
  let bytes = 0;
  let binary = extra.content instanceof Uint8Array;
  const chunks =
    typeof extra.content === 'string' || extra.content instanceof Uint8Array ? [extra.content] : extra.content;
  const handle = await open(target, 'w');
  try {
    for await (const chunk of chunks) {
      if (typeof chunk !== 'string') binary = true;
      const data = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
      hash.update(data);
      bytes += data.byteLength;
      await handle.write(data);
    }
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest('hex'), binary };
}

/**
 * The release folder is emptied before writing, so only a new folder, an empty one or an earlier
 * release may be used: `--out .` must never delete a dataset or anything else.
 */
async function outDirProblem(outDir: string, dir: string): Promise<ValidationIssue | null> {
  const problem = (message: string): ValidationIssue => ({
    file: relative(dir, outDir) || '.',
    id: null,
    path: '',
    message,
  });
  const out = resolve(outDir);
  const source = resolve(dir);
  if (out === source || source.startsWith(out.endsWith(sep) ? out : `${out}${sep}`))
    return problem('holds the dataset itself; write the release to a new folder such as dist');
  let entries: string[];
  try {
    if (!(await stat(out)).isDirectory()) return problem('is a file; write the release to a new or empty folder');
    entries = await readdir(out);
  } catch {
    return null;
  }
  if (entries.length > 0 && !entries.includes('datapackage.json')) {
    return problem(
      'is not empty and holds no datapackage.json; build replaces only an earlier release, so write to a new or empty folder',
    );
  }
  return null;
}

/** Frictionless-style descriptor: who, what version, under which license, and a hash per file. */
function dataPackage(
  meta: ReadDatasetResult['meta'],
  dataset: Dataset,
  summary: DatasetSummary,
  files: { path: string; bytes: number; sha256: string }[],
  extras: Map<string, ReleaseExtraFile & { binary: boolean }> = new Map(),
) {
  const npmName = meta.name ?? 'dataset';
  return {
    profile: 'data-package',
    id: npmName,
    name: npmName.replace(/^@[^/]+\//, '').replace(/^dataset-/, ''),
    version: meta.version,
    description: meta.description,
    licenses: meta.license ? [{ name: meta.license }] : [],
    sources: dataset.sources.map((s) => ({
      title: s.title,
      path: s.url,
      publisher: s.publisher,
      author: s.author,
      published: s.published,
    })),
    claimgraph: { schemaVersion: 1, ...summary },
    resources: [
      ...files
        .filter((file) => !extras.has(file.path))
        .map((file) =>
          file.path === COLUMNS_FILE
            ? {
                name: 'dataset-columns',
                path: file.path,
                format: 'claimgraph-columns',
                mediatype: 'application/vnd.claimgraph.columns',
                bytes: file.bytes,
                hash: `sha256:${file.sha256}`,
                sha256: file.sha256,
                records: summary.counts,
                schema: 'schema/columns.schema.json',
              }
            : {
                name: file.path
                  .replace(/^schema\//, '')
                  .replace(/\.schema\.json$/, '-schema')
                  .replace(/\.json$/, ''),
                path: file.path,
                format: 'json',
                mediatype: file.path.startsWith('schema/') ? 'application/schema+json' : 'application/json',
                encoding: 'utf-8',
                bytes: file.bytes,
                hash: `sha256:${file.sha256}`,
                sha256: file.sha256,
                ...(file.path === 'dataset.json'
                  ? { records: summary.counts, schema: 'schema/dataset.schema.json' }
                  : {}),
              },
        ),
      // Extra files are written last, so they stay after the JSON files, in path order.
      ...files.filter((file) => extras.has(file.path)).map((file) => extraResource(file, extras.get(file.path)!)),
    ],
  };
}

/** The datapackage.json resource of an extra file: named after its path (`parquet/entities.parquet` → `parquet-entities-parquet`). */
function extraResource(
  file: { path: string; bytes: number; sha256: string },
  extra: ReleaseExtraFile & { binary: boolean },
) {
  return {
    name: file.path.toLowerCase().replace(/[^a-z0-9_-]+/g, '-'),
    path: file.path,
    format: extra.format ?? file.path.slice(file.path.lastIndexOf('.') + 1),
    mediatype: extra.mediatype ?? 'application/octet-stream',
    ...(extra.binary ? {} : { encoding: 'utf-8' }),
    bytes: file.bytes,
    hash: `sha256:${file.sha256}`,
    sha256: file.sha256,
    ...(extra.records === undefined ? {} : { records: extra.records }),
  };
}

/** Checks every file a release's `datapackage.json` lists against its recorded sha256, and that the release holds no file it does not list. */
export async function verifyRelease(dir: string): Promise<ValidationResult> {
  const errors: ValidationIssue[] = [];
  const descriptor = await readJsonFile(join(dir, 'datapackage.json'), 'datapackage.json');
  if (!descriptor.ok) return { valid: false, errors: [descriptor.issue] };
  const value = descriptor.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      valid: false,
      errors: [
        {
          file: 'datapackage.json',
          id: null,
          path: '',
          message: `must be a JSON object with resources, not ${describeType(value)}`,
        },
      ],
    };
  }
  const resources = (value as { resources?: unknown }).resources;
  if (!Array.isArray(resources) || resources.length === 0) {
    return {
      valid: false,
      errors: [{ file: 'datapackage.json', id: null, path: '/resources', message: 'lists no resources to verify' }],
    };
  }
  for (const [i, resource] of resources.entries()) {
    const { path, sha256: expected, bytes } = (resource ?? {}) as { path?: unknown; sha256?: unknown; bytes?: unknown };
    if (typeof path !== 'string' || typeof expected !== 'string' || path.includes('..')) {
      errors.push({
        file: 'datapackage.json',
        id: null,
        path: `/resources/${i}`,
        message: 'needs a relative path and a sha256',
      });
      continue;
    }
    let content: Buffer;
    try {
      content = await readFile(join(dir, path));
    } catch {
      errors.push({ file: path, id: null, path: '', message: 'is listed in datapackage.json but missing' });
      continue;
    }
    const actual = sha256(content);
    if (actual !== expected) {
      errors.push({
        file: path,
        id: null,
        path: '',
        message: `sha256 mismatch: datapackage.json says ${expected}, the file has ${actual} (${content.length} bytes, expected ${String(bytes)}); the file was changed after the release was built`,
      });
    }
  }
  // What is published must be exactly what was built: a file the descriptor does not list was added afterwards.
  const listed = new Set(
    resources.map((r) =>
      typeof (r as { path?: unknown })?.path === 'string' ? posix.normalize((r as { path: string }).path) : '',
    ),
  );
  for (const file of await releaseFilesIn(dir)) {
    if (file !== 'datapackage.json' && !listed.has(file)) {
      errors.push({
        file,
        id: null,
        path: '',
        message:
          'is not listed in datapackage.json; a release holds only the files it lists (remove the file, or rebuild the release)',
      });
    }
  }
  return { valid: errors.length === 0, errors };
}

/** Every file under a release folder, as sorted `/`-separated relative paths; links count as files and are not followed. */
async function releaseFilesIn(dir: string): Promise<string[]> {
  const files: string[] = [];
  const walk = async (relativeDir: string): Promise<void> => {
    for (const entry of await readdir(join(dir, relativeDir), { withFileTypes: true })) {
      const path = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.isDirectory()) await walk(path);
      else files.push(path);
    }
  };
  await walk('');
  return files.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Rewrites a source folder's data files sorted by id, keys in schema order, two-space indented. */
export async function formatDatasetSource(dir: string): Promise<{ changed: string[]; result: ValidationResult }> {
  const read = await readDataset(dir);
  if (read.located.layout !== 'source') {
    const issue: ValidationIssue = {
      file: read.files.entities,
      id: null,
      path: '',
      message: 'is a release; format rewrites a dataset source folder (with data/)',
    };
    return { changed: [], result: { valid: false, errors: [issue] } };
  }
  if (read.data === undefined) return { changed: [], result: { valid: false, errors: sortIssues(read.issues) } };
  const changed: string[] = [];
  const data = read.data as Dataset;
  const kinds = [...RECORD_KINDS, ...(data.redirects ? (['redirects'] as const) : [])];
  // Every file is serialised before any is written, so a file that cannot be leaves all of them untouched.
  const texts: [file: string, text: string][] = [];
  for (const kind of kinds) {
    const key = kind === 'redirects' ? 'from' : 'id';
    const sorted = [...(data[kind] as unknown[])]
      .map((r, i) => ({
        r,
        i,
        key:
          typeof (r as Record<string, unknown>)?.[key] === 'string'
            ? ((r as Record<string, string>)[key] as string)
            : '',
      }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.i - b.i))
      .map(({ r }) => (typeof r === 'object' && r !== null && !Array.isArray(r) ? canonicalRecord(kind, r) : r));
    const file = `data/${kind === 'redirects' ? REDIRECTS_FILE : RECORD_FILES[kind]}`;
    let text: string;
    try {
      text = `${JSON.stringify(sorted, null, 2)}\n`;
    } catch {
      // JSON.parse reads nesting of any depth; JSON.stringify overflows the stack on it.
      const issue: ValidationIssue = {
        file,
        id: null,
        path: '',
        message: 'cannot be written back (a value is nested too deeply); nothing was formatted',
      };
      return {
        changed: [],
        result: { valid: false, errors: sortIssues([issue, ...(await checkDataset(dir)).result.errors]) },
      };
    }
    texts.push([file, text]);
  }
  for (const [file, text] of texts) {
    if ((await readFile(join(dir, file), 'utf8')) !== text) {
      await writeFile(join(dir, file), text);
      changed.push(file);
    }
  }
  return { changed, result: (await checkDataset(dir)).result };
}
