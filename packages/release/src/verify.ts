/**
 * `verifyRelease`: a release checked against its `datapackage.json`, file by file (sha256), with
 * nothing read from outside the folder and no file in it that the descriptor does not list.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, posix } from 'node:path';
import { pushAll, type ValidationIssue, type ValidationResult } from '@claimgraph/schema';
import { resolveOptions } from '@claimgraph/schema/internal';
import { describeType, hashRegularFile, readJsonFile, readProblem } from '@claimgraph/schema/node';
import { releaseDisagreements } from './agreement.js';
import { resourceJsonSchema } from './datapackage.js';
import { CommandError } from './errors.js';
import { isInside } from './folder.js';

/** What `verifyRelease` checks beyond each file's sha256. */
export interface VerifyOptions {
  /**
   * Also check that the files say the same thing: the records of `dataset.json` compared, field by
   * field, with those of `dataset.columns.bin`, `dataset.ndjson` and every Parquet file listed,
   * when every file matches its sha256 [true].
   */
  records?: boolean;
}

/** The defaults of `verifyRelease`'s options. */
export const VERIFY_DEFAULTS: Required<VerifyOptions> = { records: true };

/**
 * Checks every file a release's `datapackage.json` lists against its recorded sha256, that the
 * release holds no file it does not list, and (`records`) that its files hold the same records.
 */
export async function verifyRelease(dir: string, options?: VerifyOptions): Promise<ValidationResult> {
  const { records } = resolveOptions(VERIFY_DEFAULTS, options, {
    checks: { records: (v) => (typeof v === 'boolean' ? null : 'must be true or false') },
    error: (problem) =>
      new CommandError(
        `@claimgraph/release: verifyRelease(): ${
          problem.kind === 'not-an-object'
            ? 'options must be an object'
            : problem.kind === 'unknown'
              ? `option ${JSON.stringify(problem.option)} is unknown; use ${problem.known.join(', ')}`
              : `option ${JSON.stringify(problem.option)} ${problem.problem}`
        }`,
      ),
  });
  return checkRelease(dir, { records, contents: 'sha256' });
}

/**
 * `verifyRelease`'s checks, with `contents: 'bytes'` for a release just written: each file was
 * hashed on its way to the disk and its size checked after the flush, so reading it all back to
 * hash it again would only take time; its size on disk and the listing are still checked.
 */
export async function checkRelease(
  dir: string,
  { records, contents }: { records: boolean; contents: 'sha256' | 'bytes' },
): Promise<ValidationResult> {
  const errors: ValidationIssue[] = [];
  const descriptor = await readJsonFile(join(dir, 'datapackage.json'), 'datapackage.json', { holds: 'a JSON object' });
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
    const read = real === null ? null : contents === 'sha256' ? await hashRegularFile(real) : await sizeOf(real);
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
    // Hex digits in either case name the same hash, as they do for ClaimGraph.load.
    if (read.sha256 !== undefined && read.sha256 !== expected.toLowerCase()) {
      errors.push({
        file: path,
        id: null,
        path: '',
        message: `sha256 mismatch: datapackage.json says ${expected.toLowerCase()}, the file has ${read.sha256} (${read.bytes} bytes, expected ${String(bytes)}); the file was changed after the release was built`,
      });
    } else if (read.sha256 === undefined && read.bytes !== bytes) {
      errors.push({
        file: path,
        id: null,
        path: '',
        message: `holds ${read.bytes} bytes where datapackage.json says ${String(bytes)}; the file was changed after it was written`,
      });
    }
  }
  // What is published must be exactly what was built: a file the descriptor does not list was added afterwards.
  const listed = new Set(
    resources.map((r) =>
      typeof (r as { path?: unknown })?.path === 'string' ? posix.normalize((r as { path: string }).path) : '',
    ),
  );
  // The JSON Schema a file names (`claimgraph:jsonSchema`, or `schema` in an older release) is a file of the release.
  for (const [i, resource] of resources.entries()) {
    const schema = resourceJsonSchema(resource);
    if (schema !== undefined && !listed.has(posix.normalize(schema))) {
      errors.push({
        file: 'datapackage.json',
        id: null,
        path: `/resources/${i}`,
        message: `names the JSON Schema ${JSON.stringify(schema)}, which the release does not list`,
      });
    }
  }
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
  // Files changed at rest are reported above; only intact files are compared with each other.
  if (records && errors.length === 0) pushAll(errors, await releaseDisagreements(dir, resources));
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

/** A regular file's size, for `checkRelease` without hashing. */
async function sizeOf(
  path: string,
): Promise<{ ok: true; bytes: number; sha256?: string } | { ok: false; code: string; problem: string }> {
  try {
    const stats = await stat(path);
    if (stats.isDirectory()) return { ok: false, code: 'EISDIR', problem: readProblem('EISDIR') };
    if (!stats.isFile()) return { ok: false, code: 'ENOTREG', problem: readProblem('ENOTREG') };
    return { ok: true, bytes: stats.size };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return { ok: false, code, problem: readProblem(code) };
  }
}
