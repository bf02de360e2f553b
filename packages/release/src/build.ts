/**
 * `buildRelease`: validate a dataset source folder and write its release (`dataset.json`, the
 * columnar file, `vocabulary.json`, JSON Schemas, the SDK's NDJSON and Parquet, `datapackage.json`
 * with a sha256 per file) into a fresh folder, verify it, and swap it in place under a lock.
 */
import { rm, readdir, stat } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import type { Dataset, DatasetSummary, ValidationIssue } from '@claimgraph/schema';
import {
  checkDataset,
  FolderLockedError,
  lockFolder,
  makeFolder,
  writeFailure,
  type CheckedDataset,
  type FolderLock,
  type ProgressListener,
  type WriteContent,
} from '@claimgraph/schema/node';
import type { ReleaseFilesOptions, TableSchema } from '@claimgraph/sdk/export';
import { isClaimgraphRelease, isInside, realPathOf, recoverRelease, stagingFolder, swapRelease } from './folder.js';
import { checkRelease } from './verify.js';
import { writeReleaseFiles } from './write.js';

export interface BuildOptions {
  /** Where to write the release (default `<dir>/dist`). */
  outDir?: string;
  onProgress?: ProgressListener;
  /**
   * The interchange files beside `dataset.json`, from `@claimgraph/sdk/export`'s `releaseFiles`:
   * `dataset.ndjson` and, unless `{ parquet: false }`, the Parquet tables (`parquet/<table>/…`); `false` for none
   * [`{}`: both, as `claimgraph build` writes them].
   */
  releaseFiles?: ReleaseFilesOptions | false;
  /**
   * More files of your own derived from the dataset, written beside `dataset.json` and listed in
   * `datapackage.json` after the JSON files, in path order (together with the interchange files),
   * with bytes and sha256. Must give the same bytes for the same data.
   */
  extraFiles?: (dataset: Dataset) => ReleaseExtraFile[] | Promise<ReleaseExtraFile[]>;
}

/** A file `extraFiles` adds to a release (the SDK's `ReleaseFile` has this shape). */
export interface ReleaseExtraFile {
  /** Relative path inside the release, with `/` (`parquet/entities/part-0.parquet`). */
  path: string;
  /** Text, bytes, or chunks of either (streamed to disk and hashed on the way, so a large file is never held whole). */
  content: WriteContent;
  /** The resource's media type [application/octet-stream]. */
  mediatype?: string;
  /** The resource's format name (`parquet`, `ndjson`) [the file extension]. */
  format?: string;
  /** How many records the file holds, when it is a table. */
  records?: number;
  /** Its resource name in datapackage.json [from its path: `notes-notes-md`]; must be unique. */
  name?: string;
  /** A Frictionless Table Schema for a table: the resource becomes `type: "table"` with it as `schema`. */
  tableSchema?: TableSchema;
  /** The table the file is one file of (`statements`), as `claimgraph:table` in datapackage.json. */
  table?: string;
  /** The Hive partition the file holds (`{ year: 2021 }`), as `claimgraph:partition`. */
  partition?: Readonly<Record<string, string | number | null>>;
}

export interface BuildResult extends CheckedDataset {
  outDir?: string;
  files?: { path: string; bytes: number; sha256: string }[];
  summary?: DatasetSummary;
}

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
  // The one lock of every claimgraph writer, beside the release folder (`.dist.lock`).
  await makeFolder(dirname(out));
  let lock: FolderLock;
  try {
    lock = await lockFolder(out, { holder: 'build' });
  } catch (error) {
    if (!(error instanceof FolderLockedError)) throw error;
    const issue = outIssue(
      outDir,
      dir,
      `another claimgraph build is writing this release (${error.heldBy ? `process ${error.heldBy}` : 'a process'}, lock file ${error.lockFile}); wait for it to finish, or delete the lock file if no build is running`,
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
    // Every file listed and of the size written (each was hashed as it was written, so it is not read
    // back); the records agree, being written from one dataset just now.
    const verified = await checkRelease(staging, { records: false, contents: 'bytes' });
    if (!verified.valid) {
      throw new Error(
        `@claimgraph/release: buildRelease(): the release written to ${staging} does not verify (${verified.errors[0]?.file}: ${verified.errors[0]?.message}); the previous release was left in place`,
      );
    }
    await swapRelease(staging, out);
    staging = undefined;
    return { ...checked, outDir, ...files };
  } catch (error) {
    throw staging ? inRelease(error, staging, outDir) : error;
  } finally {
    if (staging) await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    await lock.release();
  }
}

/**
 * A file system error met while writing the new release, named by the file of the release it was
 * for (`dist/dataset.json`), never by the staging folder the user never sees.
 */
function inRelease(error: unknown, staging: string, outDir: string): unknown {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  if (!code || !path || !isInside(path, staging)) return error;
  const file = join(outDir, relative(staging, path));
  return writeFailure(file, error, false, 'the previous release, if any, was left as it was');
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
