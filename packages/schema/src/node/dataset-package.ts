/**
 * Finds an installed dataset package by name, the way Node finds a dependency: from a folder up
 * through every node_modules above it, so a script in a subfolder finds the project's packages.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetPathError } from './dataset-files.js';

/** `name` or `name@range`, scoped or not (`@claimgraph/dataset-x@^1.0.0`, an alias such as `old`). */
const PACKAGE_SPEC = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(?:@(.+))?$/i;

/** The name and optional version range of a package spec, or null when the text cannot be one. */
export function parsePackageSpec(spec: string): { name: string; range?: string } | null {
  const match = PACKAGE_SPEC.exec(spec);
  if (!match) return null;
  return match[2] === undefined ? { name: match[1]! } : { name: match[1]!, range: match[2] };
}

export interface InstalledDataset {
  /** The package name. */
  name: string;
  /** Its installed version (`0.0.0` when package.json has none). */
  version: string;
  /** The package folder. */
  dir: string;
  /** What to load: its `dist/` release folder when it has one, else the package folder. */
  path: string;
}

/**
 * The installed package `name`, resolved from `from` (a folder, or a file or `file:` URL in one)
 * [the current folder]. Throws DatasetPathError naming the package when it is not installed there.
 */
export function resolveDatasetPackage(name: string, from: string | URL = process.cwd()): InstalledDataset {
  const base = from instanceof URL || /^file:/.test(from) ? fileURLToPath(from) : resolve(from);
  // createRequire wants a file; a name inside the folder makes it search from the folder itself.
  const anchor = existsSync(base) && !isFolder(base) ? base : join(base, 'noop.js');
  let packageJson: string;
  try {
    packageJson = createRequire(anchor).resolve(`${name}/package.json`);
  } catch {
    throw new DatasetPathError(
      `${name}: no such file or folder, and no installed package "${name}" from ${dirname(anchor)} (npm install ${name})`,
    );
  }
  const dir = dirname(packageJson);
  const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown }).version;
  return {
    name,
    version: typeof version === 'string' ? version : '0.0.0',
    dir,
    path: existsSync(join(dir, 'dist', 'dataset.json')) ? join(dir, 'dist') : dir,
  };
}

function isFolder(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
