/**
 * Release build and checks: validate a dataset folder, write its release (`dataset.json`,
 * `datapackage.json`, JSON Schemas) deterministically, and verify a release against its hashes.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, realpath, rename, rm, stat, unlink } from 'node:fs/promises';
import { dirname, isAbsolute, join, posix, relative } from 'node:path';
import { readRegularFile } from './regular-file.js';
import { datasetName } from '../dataset-name.js';
import { canonicalDataset, canonicalRecord, serializeDatasetChunks } from '../canonical.js';
import { temporarySibling, writeNewFile, type WriteContent } from './atomic-write.js';
import {
  isClaimgraphRelease,
  isInside,
  lockRelease,
  realPathOf,
  recoverRelease,
  stagingFolder,
  swapRelease,
} from './release-folder.js';
import { sortIssues, type ValidationIssue, type ValidationResult } from '../issues.js';
import { jsonSchemas } from '../json-schema.js';
import { RECORD_FILES, RECORD_KINDS, REDIRECTS_FILE, type Dataset } from '../records.js';
import { summarizeDataset, type DatasetSummary } from '../summary.js';
import { validateDataset } from '../validate.js';
import { vocabularyDocument } from '../vocabulary.js';
import { exclusionsOf, type Exclusions } from '../exclusions.js';
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
  const release = read.located.layout === 'release';
  const result = validateDataset(read.data, {
    files: read.files,
    requireSorted: !release,
    // A release is held to the vocabulary it was published with (exclusions it predates do not apply).
    exclusions: release ? await publishedExclusions(read.located.dir) : undefined,
  });
  const errors = sortIssues([...read.issues, ...result.errors]);
  const valid = errors.length === 0;
  return { read, result: { valid, errors }, dataset: valid ? (read.data as Dataset) : undefined };
}

/** The exclusions of the `vocabulary.json` beside a release's dataset, or none when it has none. */
async function publishedExclusions(dir: string): Promise<Exclusions> {
  const vocabulary = await readJsonFile(join(dir, 'vocabulary.json'), 'vocabulary.json');
  return vocabulary.ok ? exclusionsOf(vocabulary.value) : {};
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
  content: WriteContent;
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
  // Paths are compared as the file system sees them: a symlink to the dataset is the dataset.
  const out = await realPathOf(outDir);
  const source = await realPathOf(dir);
  const early = await outDirProblem(out, source, outDir, dir);
  if (early) return { ...checked, result: { valid: false, errors: [early] } };
  const lock = await lockRelease(out);
  if (!('release' in lock)) {
    const issue = outIssue(
      outDir,
      dir,
      `another claimgraph build is writing this release (${lock.heldBy ? `process ${lock.heldBy}` : 'a process'}, lock file ${lock.path}); wait for it to finish, or delete the lock file if no build is running`,
    );
    return { ...checked, result: { valid: false, errors: [issue] } };
  }
  let staging: string | undefined;
  try {
    await recoverRelease(out);
    // Checked again under the lock: the folder may have changed while we waited for nothing.
    const refusal = await outDirProblem(out, source, outDir, dir);
    if (refusal) return { ...checked, result: { valid: false, errors: [refusal] } };
    options.onProgress?.('writing');
    staging = await stagingFolder(out);
    const files = await writeReleaseFiles(staging, checked, options);
    options.onProgress?.('verifying');
    const verified = await verifyRelease(staging);
    if (!verified.valid) {
      throw new Error(
        `@claimgraph/schema: buildRelease(): the release written to ${staging} does not verify (${verified.errors[0]?.file}: ${verified.errors[0]?.message}); the previous release was left in place`,
      );
    }
    await swapRelease(staging, out);
    staging = undefined;
    return { ...checked, outDir, ...files };
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    await lock.release();
  }
}

/** Writes every file of the release into the (new, empty) folder `outDir`; `datapackage.json` last. */
async function writeReleaseFiles(
  outDir: string,
  checked: CheckedDataset,
  options: BuildOptions,
): Promise<Pick<BuildResult, 'files' | 'summary'>> {
  const dataset = canonicalDataset(checked.dataset!);
  const summary = summarizeDataset(dataset);
  const written: { path: string; bytes: number; sha256: string }[] = [];
  const extras = options.extraFiles ? sortedExtras(await options.extraFiles(dataset)) : [];

  await mkdir(join(outDir, 'schema'), { recursive: true });
  const write = async (path: string, content: WriteContent) => {
    const file = await writeNewFile(join(outDir, ...path.split('/')), content);
    written.push({ path, bytes: file.bytes, sha256: file.sha256 });
    return file;
  };
  // Record by record: one string of the whole dataset would hit V8's string limit on a large one.
  await write('dataset.json', serializeDatasetChunks(dataset));
  options.onProgress?.('writing columns');
  // The same records by column, for loading without parsing rows (see columns.schema.json).
  await write(COLUMNS_FILE, encodeColumns(dataset));
  await write('vocabulary.json', `${JSON.stringify(vocabularyDocument(), null, 2)}\n`);
  for (const [name, schema] of Object.entries(jsonSchemas()))
    await write(`schema/${name}`, `${JSON.stringify(schema, null, 2)}\n`);
  const binary = new Set<string>();
  if (extras.length > 0) {
    options.onProgress?.('writing extra files');
    for (const extra of extras) {
      await mkdir(dirname(join(outDir, ...extra.path.split('/'))), { recursive: true });
      const file = await write(extra.path, extra.content);
      if (file.binary) binary.add(extra.path);
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
  await writeNewFile(join(outDir, 'datapackage.json'), `${JSON.stringify(datapackage, null, 2)}\n`);
  return { files: written, summary };
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

function outIssue(outDir: string, dir: string, message: string): ValidationIssue {
  return { file: relative(dir, outDir) || '.', id: null, path: '', message };
}

/**
 * A build replaces the release folder, so only a new folder, an empty one or a release claimgraph
 * wrote may be used: `--out .`, a symlink to the dataset, or somebody's folder that happens to hold
 * a `datapackage.json` must never be deleted. `out` and `source` are real paths.
 */
async function outDirProblem(
  out: string,
  source: string,
  outDir: string,
  dir: string,
): Promise<ValidationIssue | null> {
  const problem = (message: string) => outIssue(outDir, dir, message);
  if (isInside(source, out)) return problem('holds the dataset itself; write the release to a new folder such as dist');
  if (isInside(out, join(source, 'data')))
    return problem("is inside the dataset's data/ folder; write the release to a new folder such as dist");
  let entries: string[];
  try {
    if (!(await stat(out)).isDirectory()) return problem('is a file; write the release to a new or empty folder');
    entries = await readdir(out);
  } catch {
    return null;
  }
  if (entries.length > 0 && !(await isClaimgraphRelease(out))) {
    return problem(
      'is not empty and is not a release claimgraph wrote; build replaces only an earlier release, so write to a new or empty folder',
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
    name: datasetName(npmName),
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
    claimgraph: { schemaVersion: 1, ...summary, ...(dataset.coverage ? { coverage: dataset.coverage } : {}) },
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
  const realDir = await realpath(dir);
  for (const [i, resource] of resources.entries()) {
    const { path, sha256: expected, bytes } = (resource ?? {}) as { path?: unknown; sha256?: unknown; bytes?: unknown };
    if (
      typeof path !== 'string' ||
      typeof expected !== 'string' ||
      !/^[0-9a-fA-F]{64}$/.test(expected) ||
      path.split(/[\\/]/).includes('..') ||
      isAbsolute(path)
    ) {
      errors.push({
        file: 'datapackage.json',
        id: null,
        path: `/resources/${i}`,
        message: 'needs a relative path inside the release and a sha256 (64 hex digits)',
      });
      continue;
    }
    // A link may point anywhere: only a file that is really inside the release is hashed.
    const real = await realpath(join(dir, path)).catch(() => null);
    if (real !== null && !isInside(real, realDir)) {
      errors.push({
        file: path,
        id: null,
        path: '',
        message: 'is a symbolic link to a file outside the release; a release holds its own files, so it was not read',
      });
      continue;
    }
    const read = real === null ? null : await readRegularFile(real);
    if (read === null || !read.ok) {
      errors.push({
        file: path,
        id: null,
        path: '',
        message:
          read === null || read.code === 'ENOENT'
            ? 'is listed in datapackage.json but missing'
            : `is listed in datapackage.json but ${read.problem}`,
      });
      continue;
    }
    const content = read.bytes;
    const actual = sha256(content);
    // Hex digits in either case name the same hash, as they do for ClaimGraph.load.
    if (actual !== expected.toLowerCase()) {
      errors.push({
        file: path,
        id: null,
        path: '',
        message: `sha256 mismatch: datapackage.json says ${expected.toLowerCase()}, the file has ${actual} (${content.length} bytes, expected ${String(bytes)}); the file was changed after the release was built`,
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
  // Each changed file is written beside its target first; only when all are on disk are they
  // renamed into place, so a full disk or a kill leaves the source as it was.
  const staged: [file: string, temp: string][] = [];
  try {
    for (const [file, text] of texts) {
      const target = join(dir, file);
      const current = await readRegularFile(target);
      if (current.ok && current.bytes.toString('utf8') === text) continue;
      const temp = temporarySibling(target);
      staged.push([file, temp]);
      await writeNewFile(temp, text);
    }
    for (const [file, temp] of staged) {
      await rename(temp, join(dir, file));
      changed.push(file);
    }
  } finally {
    for (const [, temp] of staged) await unlink(temp).catch(() => undefined);
  }
  return { changed, result: (await checkDataset(dir)).result };
}
