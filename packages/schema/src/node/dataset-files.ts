/**
 * Finds and reads datasets on disk in any of their forms: a source folder (`data/*.json` and
 * `package.json`), a release folder (`dataset.json` and `datapackage.json`), or a `dataset.json` file.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { ClaimgraphBaseError } from '../errors.js';
import type { ValidationIssue } from '../issues.js';
import {
  COVERAGE_FILE,
  RECORD_FILES,
  RECORD_KINDS,
  REDIRECTS_FILE,
  type Dataset,
  type RecordKind,
} from '../records.js';
import { readJsonFile } from './read-json.js';
import { readJsonArrayFile } from './read-json-array.js';
import { describeType } from '../schema-check.js';

export type DatasetLayout = 'source' | 'release';

export interface DatasetMeta {
  name?: string;
  version?: string;
  description?: string;
  license?: string;
  title?: string;
}

export interface LocatedDataset {
  layout: DatasetLayout;
  /** The folder the dataset lives in (the source folder, or the release folder). */
  dir: string;
  /** For releases, the `dataset.json` file. */
  datasetFile?: string;
}

export interface ReadDatasetResult {
  located: LocatedDataset;
  /** The records as read; present when every file parsed (they may still be invalid). */
  data?: unknown;
  meta: DatasetMeta;
  /** File names used in messages, per record kind. */
  files: Record<RecordKind | 'redirects' | 'coverage', string>;
  /** Problems reading the files (missing, not JSON, not arrays). */
  issues: ValidationIssue[];
}

/** A path that is not a dataset: missing, or neither a dataset folder, a release nor a dataset.json. */
export class DatasetPathError extends ClaimgraphBaseError {
  readonly code: string = 'SCHEMA_DATASET_PATH';
  constructor(message: string) {
    super(message);
    this.name = 'DatasetPathError';
  }
}

async function kindOfPath(path: string): Promise<'file' | 'dir' | null> {
  try {
    const s = await stat(path);
    return s.isDirectory() ? 'dir' : 'file';
  } catch {
    return null;
  }
}

/**
 * Works out what `path` points at. A source folder wins over its own `dist/` release; a folder
 * holding only `dist/dataset.json` is read as that release.
 */
export async function locateDataset(path: string): Promise<LocatedDataset> {
  const kind = await kindOfPath(path);
  if (kind === null) throw new DatasetPathError(`${path}: no such file or folder`);
  if (kind === 'file') {
    if (!path.endsWith('.json'))
      throw new DatasetPathError(`${path}: expected a dataset folder or a dataset.json file`);
    return { layout: 'release', dir: dirname(path), datasetFile: path };
  }
  if ((await kindOfPath(join(path, 'data'))) === 'dir') return { layout: 'source', dir: path };
  for (const candidate of [join(path, 'dataset.json'), join(path, 'dist', 'dataset.json')]) {
    if ((await kindOfPath(candidate)) === 'file')
      return { layout: 'release', dir: dirname(candidate), datasetFile: candidate };
  }
  throw new DatasetPathError(
    `${path}: not a claimgraph dataset (expected a data/ folder with ${RECORD_KINDS.map((k) => RECORD_FILES[k]).join(', ')}, or a release with dataset.json)`,
  );
}

/** Reads a dataset in any layout. Never throws for bad content: problems come back as issues. */
export async function readDataset(path: string): Promise<ReadDatasetResult> {
  const located = await locateDataset(path);
  return located.layout === 'source' ? readSource(located) : readRelease(located);
}

async function readSource(located: LocatedDataset): Promise<ReadDatasetResult> {
  const files = {
    ...(Object.fromEntries(RECORD_KINDS.map((k) => [k, `data/${RECORD_FILES[k]}`])) as Record<RecordKind, string>),
    redirects: `data/${REDIRECTS_FILE}`,
    coverage: `data/${COVERAGE_FILE}`,
  };
  const issues: ValidationIssue[] = [];
  const data: Record<string, unknown> = {};
  const optional: ('redirects' | 'coverage')[] = [];
  for (const kind of ['redirects', 'coverage'] as const)
    if ((await kindOfPath(join(located.dir, files[kind]))) !== null) optional.push(kind);
  for (const kind of [...RECORD_KINDS, ...optional]) {
    // The record lists a record at a time, never whole (see readJsonArrayFile); coverage is one object.
    const read = kind === 'coverage' ? readJsonFile : readJsonArrayFile;
    const result = await read(join(located.dir, files[kind]), files[kind], {
      source: true,
      holds: 'a JSON array',
    });
    if (!result.ok) issues.push(result.issue);
    // The coverage declaration is one object; the validator names what is wrong inside it.
    else if (kind === 'coverage') data[kind] = result.value;
    else if (!Array.isArray(result.value)) {
      issues.push({
        file: files[kind],
        id: null,
        path: '',
        message: `must be a JSON array of ${kind}, not ${describeType(result.value)}`,
      });
    } else data[kind] = result.value;
  }
  const meta = await readPackageMeta(join(located.dir, 'package.json'), issues);
  return { located, data: issues.length === 0 ? data : undefined, meta, files, issues };
}

async function readRelease(located: LocatedDataset): Promise<ReadDatasetResult> {
  const datasetFile = located.datasetFile!;
  const name = relative(located.dir, datasetFile) || basename(datasetFile);
  const files = Object.fromEntries([...RECORD_KINDS, 'redirects', 'coverage'].map((k) => [k, name])) as Record<
    RecordKind | 'redirects' | 'coverage',
    string
  >;
  const issues: ValidationIssue[] = [];
  const result = await readJsonFile(datasetFile, name, { holds: 'a JSON object' });
  let data: unknown;
  if (!result.ok) issues.push(result.issue);
  else if (typeof result.value !== 'object' || result.value === null || Array.isArray(result.value)) {
    issues.push({
      file: name,
      id: null,
      path: '',
      message: `must be an object with ${RECORD_KINDS.join(', ')}, not ${describeType(result.value)}`,
    });
  } else data = result.value;
  const meta: DatasetMeta = {};
  const pkg = await readJsonFile(join(located.dir, 'datapackage.json'), 'datapackage.json', { holds: 'a JSON object' });
  if (pkg.ok && typeof pkg.value === 'object' && pkg.value !== null) {
    const p = pkg.value as Record<string, unknown>;
    for (const key of ['name', 'version', 'description', 'title'] as const)
      if (typeof p[key] === 'string') meta[key] = p[key] as string;
    if (typeof p.id === 'string') meta.name = p.id;
    const license = Array.isArray(p.licenses) ? (p.licenses[0] as { name?: unknown } | undefined)?.name : undefined;
    if (typeof license === 'string') meta.license = license;
  }
  return { located, data, meta, files, issues };
}

async function readPackageMeta(path: string, issues: ValidationIssue[]): Promise<DatasetMeta> {
  const result = await readJsonFile(path, 'package.json', { source: true, holds: 'a JSON object' });
  if (!result.ok) {
    issues.push(result.issue);
    return {};
  }
  const pkg = result.value as Record<string, unknown>;
  const meta: DatasetMeta = {};
  for (const key of ['name', 'version', 'description', 'license'] as const) {
    if (typeof pkg?.[key] === 'string' && pkg[key] !== '') meta[key] = pkg[key] as string;
    else
      issues.push({
        file: 'package.json',
        id: null,
        path: `/${key}`,
        message: pkg?.[key] === undefined ? 'is required' : 'must be a non-empty string',
      });
  }
  return meta;
}

export type { Dataset };
