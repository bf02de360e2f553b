/**
 * Release build and checks: validate a dataset folder, write its release (`dataset.json`,
 * `datapackage.json`, JSON Schemas) deterministically, and verify a release against its hashes.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalDataset, canonicalRecord, serializeDataset } from '../canonical.js';
import { sortIssues, type ValidationIssue, type ValidationResult } from '../issues.js';
import { jsonSchemas } from '../json-schema.js';
import { RECORD_FILES, RECORD_KINDS, type Dataset } from '../records.js';
import { summarizeDataset, type DatasetSummary } from '../summary.js';
import { validateDataset } from '../validate.js';
import { readDataset, type ReadDatasetResult } from './dataset-files.js';
import { readJsonFile } from './read-json.js';

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
    const issue: ValidationIssue = { file: checked.read.files.entities, id: null, path: '', message: 'is already a release; build reads a dataset source folder (with data/)' };
    return { ...checked, result: { valid: false, errors: [issue] } };
  }
  const outDir = options.outDir ?? join(dir, 'dist');
  options.onProgress?.('writing');
  const dataset = canonicalDataset(checked.dataset);
  const summary = summarizeDataset(dataset);
  const written: { path: string; bytes: number; sha256: string }[] = [];

  await rm(outDir, { recursive: true, force: true });
  await mkdir(join(outDir, 'schema'), { recursive: true });
  const write = async (path: string, content: string) => {
    const bytes = Buffer.from(content, 'utf8');
    await writeFile(join(outDir, path), bytes);
    written.push({ path, bytes: bytes.length, sha256: sha256(bytes) });
  };
  await write('dataset.json', serializeDataset(dataset));
  for (const [name, schema] of Object.entries(jsonSchemas())) await write(`schema/${name}`, `${JSON.stringify(schema, null, 2)}\n`);

  options.onProgress?.('hashing');
  const datapackage = dataPackage(checked.read.meta, dataset, summary, written);
  await writeFile(join(outDir, 'datapackage.json'), `${JSON.stringify(datapackage, null, 2)}\n`);
  return { ...checked, outDir, files: written, summary };
}

/** Frictionless-style descriptor: who, what version, under which license, and a hash per file. */
function dataPackage(
  meta: ReadDatasetResult['meta'],
  dataset: Dataset,
  summary: DatasetSummary,
  files: { path: string; bytes: number; sha256: string }[],
) {
  const npmName = meta.name ?? 'dataset';
  return {
    profile: 'data-package',
    id: npmName,
    name: npmName.replace(/^@[^/]+\//, '').replace(/^dataset-/, ''),
    version: meta.version,
    description: meta.description,
    licenses: meta.license ? [{ name: meta.license }] : [],
    sources: dataset.sources.map((s) => ({ title: s.title, path: s.url, publisher: s.publisher, author: s.author, published: s.published })),
    claimgraph: { schemaVersion: 1, ...summary },
    resources: files.map((file) => ({
      name: file.path === 'dataset.json' ? 'dataset' : file.path.replace(/^schema\//, '').replace(/\.schema\.json$/, '-schema'),
      path: file.path,
      format: 'json',
      mediatype: file.path === 'dataset.json' ? 'application/json' : 'application/schema+json',
      encoding: 'utf-8',
      bytes: file.bytes,
      hash: `sha256:${file.sha256}`,
      sha256: file.sha256,
      ...(file.path === 'dataset.json' ? { records: summary.counts, schema: 'schema/dataset.schema.json' } : {}),
    })),
  };
}

/** Checks every file a release's `datapackage.json` lists against its recorded size and sha256. */
export async function verifyRelease(dir: string): Promise<ValidationResult> {
  const errors: ValidationIssue[] = [];
  const descriptor = await readJsonFile(join(dir, 'datapackage.json'), 'datapackage.json');
  if (!descriptor.ok) return { valid: false, errors: [descriptor.issue] };
  const resources = (descriptor.value as { resources?: unknown }).resources;
  if (!Array.isArray(resources) || resources.length === 0) {
    return { valid: false, errors: [{ file: 'datapackage.json', id: null, path: '/resources', message: 'lists no resources to verify' }] };
  }
  for (const [i, resource] of resources.entries()) {
    const { path, sha256: expected, bytes } = (resource ?? {}) as { path?: unknown; sha256?: unknown; bytes?: unknown };
    if (typeof path !== 'string' || typeof expected !== 'string' || path.includes('..')) {
      errors.push({ file: 'datapackage.json', id: null, path: `/resources/${i}`, message: 'needs a relative path and a sha256' });
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
      errors.push({ file: path, id: null, path: '', message: `sha256 mismatch: datapackage.json says ${expected}, the file has ${actual} (${content.length} bytes, expected ${String(bytes)}); the file was changed after the release was built` });
    }
  }
  return { valid: errors.length === 0, errors };
}

/** Rewrites a source folder's data files sorted by id, keys in schema order, two-space indented. */
export async function formatDatasetSource(dir: string): Promise<{ changed: string[]; result: ValidationResult }> {
  const read = await readDataset(dir);
  if (read.located.layout !== 'source' || read.data === undefined) {
    return { changed: [], result: { valid: false, errors: read.issues } };
  }
  const changed: string[] = [];
  const data = read.data as Dataset;
  for (const kind of RECORD_KINDS) {
    const records = [...(data[kind] as unknown[])];
    const sorted = records
      .map((r, i) => ({ r, i, id: typeof (r as { id?: unknown })?.id === 'string' ? ((r as { id: string }).id) : '' }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.i - b.i))
      .map(({ r }) => (typeof r === 'object' && r !== null && !Array.isArray(r) ? canonicalRecord(kind, r) : r));
    const text = `${JSON.stringify(sorted, null, 2)}\n`;
    const path = join(dir, 'data', RECORD_FILES[kind]);
    if ((await readFile(path, 'utf8')) !== text) {
      await writeFile(path, text);
      changed.push(`data/${RECORD_FILES[kind]}`);
    }
  }
  return { changed, result: (await checkDataset(dir)).result };
}
