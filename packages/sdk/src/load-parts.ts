/**
 * What both readers of a dataset share, the one for URLs (load.ts) and the one for paths in Node
 * (load-file.ts): the load options, what a location held, and how a descriptor and files are read.
 */
import {
  readColumns,
  RECORD_KINDS,
  validateCoverage,
  type Columns,
  type Coverage,
  type RecordKind,
} from '@claimgraph/schema';
import { ClaimGraphLoadError, ClaimGraphValidationError } from './errors.js';

export interface LoadOptions {
  /** Check the dataset file against the sha256 in the release's `datapackage.json`, when there is one [true]. */
  integrity?: boolean;
  /** Validate the records against the schema and its rules [true]. */
  validate?: boolean;
  /** The fetch used for http(s) URLs [globalThis.fetch]. */
  fetch?: typeof globalThis.fetch;
  /**
   * Read the release's columnar file (`dataset.columns.bin`) when the location is a release folder
   * or its `datapackage.json` and the descriptor lists the file; `false` always reads `dataset.json` [true].
   */
  columns?: boolean;
  /**
   * Node: where an installed dataset package name (`@claimgraph/dataset-afghanistan-2021`) is
   * looked up, through every node_modules above it, as `import` would — a folder, or a file or
   * `file:` URL in one (pass `import.meta.url` to resolve from your module) [the current folder].
   */
  from?: string | URL;
}

export const LOAD_DEFAULTS: Required<Omit<LoadOptions, 'fetch' | 'from'>> & Pick<LoadOptions, 'fetch' | 'from'> = {
  integrity: true,
  validate: true,
  fetch: undefined,
  columns: true,
  from: undefined,
};

/** What a location held, before it is indexed. */
export interface LoadedDataset {
  data: unknown;
  /** The columnar file, opened, when that is what was read (then `data` is undefined). */
  columns?: Columns;
  /** The release or package version, when the location says. */
  version?: string;
  /** The dataset's short name (`afghanistan-2021`), from datapackage.json or package.json. */
  name?: string;
  /** The coverage declaration, from datapackage.json when the records come from the columnar file. */
  coverage?: Coverage;
  /** The file each record kind came from, for validation messages. */
  files: Record<RecordKind, string>;
  /** Source folders keep their files sorted by id; releases are sorted by construction. */
  requireSorted: boolean;
  /** The path or URL, for messages. */
  location: string;
}

/** A release descriptor, as far as loading needs it. */
export interface DataPackage {
  name?: unknown;
  version?: unknown;
  claimgraph?: { coverage?: unknown };
  resources?: { path?: unknown; sha256?: unknown }[];
}

export function sameFileFor(all: string): Record<RecordKind, string> {
  return Object.fromEntries(RECORD_KINDS.map((kind) => [kind, all])) as Record<RecordKind, string>;
}

/**
 * The coverage a release declares in its descriptor (the columnar file holds records only): checked
 * like `data/coverage.json`, so a damaged declaration is an error, never silently dropped.
 */
export function descriptorCoverage(descriptor: DataPackage | undefined): Coverage | undefined {
  const coverage = descriptor?.claimgraph?.coverage;
  if (coverage === undefined) return undefined;
  const problems = validateCoverage(coverage, 'datapackage.json');
  if (problems.length > 0)
    throw new ClaimGraphValidationError(problems.map((p) => ({ ...p, path: `/claimgraph/coverage${p.path}` })));
  return coverage as Coverage;
}

/** The path a descriptor lists for a file of this name, if it lists one. */
export function listedPath(descriptor: DataPackage | undefined, name: string): string | undefined {
  const resource = descriptor?.resources?.find(
    (r) => typeof r.path === 'string' && (r.path === name || r.path.endsWith(`/${name}`)),
  );
  return resource?.path as string | undefined;
}

/** Opens a columnar file; a broken or newer one is a load error naming it. */
export function openColumns(bytes: Uint8Array, file: string): Columns {
  try {
    return readColumns(bytes, file);
  } catch (error) {
    const message = (error as Error).message.replace(/^@claimgraph\/schema: /, '');
    throw new ClaimGraphLoadError(file, message.startsWith(`${file}: `) ? message.slice(file.length + 2) : message);
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Parses JSON bytes; a byte-order mark is dropped, bad UTF-8 and bad JSON name the file. */
export function parseJson(bytes: Uint8Array, file: string): unknown {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new ClaimGraphLoadError(file, 'is not valid UTF-8; save the file as UTF-8');
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ClaimGraphLoadError(file, `invalid JSON: ${(error as Error).message}`);
  }
}
