/**
 * The files of a release, written into a new, empty folder: the dataset as JSON and by column, the
 * vocabulary and JSON Schemas, the interchange and extra files, and `datapackage.json` last.
 */
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import {
  canonicalDataset,
  COLUMNS_FILE,
  jsonSchemas,
  pushAll,
  serializeDatasetChunks,
  summarizeDataset,
  vocabularyDocument,
  type Dataset,
} from '@claimgraph/schema';
import { encodeColumnsChunks } from '@claimgraph/schema/internal';
import {
  PendingFlushes,
  writeFailure,
  writeNewFile,
  type CheckedDataset,
  type WriteContent,
} from '@claimgraph/schema/node';
import type { BuildOptions, BuildResult, ReleaseExtraFile } from './build.js';
import { dataPackage } from './datapackage.js';

/** Writes every file of the release into the (new, empty) folder `outDir`; `datapackage.json` last. */
export async function writeReleaseFiles(
  outDir: string,
  checked: CheckedDataset,
  options: BuildOptions,
): Promise<Pick<BuildResult, 'files' | 'summary'>> {
  const dataset = canonicalDataset(checked.dataset!);
  const summary = summarizeDataset(dataset);
  const written: { path: string; bytes: number; sha256: string }[] = [];
  // The Parquet files are made last, once the other files are written: each file's garbage is gone
  // before the next is made, so the peak memory is that of the largest, not of all at once.
  const parquet = wantsParquet(options);
  const extras = sortedExtras(await extraFilesOf(dataset, options, join(outDir, 'dataset.json')));

  await mkdir(join(outDir, 'schema'), { recursive: true });
  // Each file is flushed to disk while the next is made (and datapackage.json is made).
  const flushes = new PendingFlushes();
  const write = async (path: string, content: WriteContent) => {
    const file = await writeReleaseFile(join(outDir, ...path.split('/')), content, flushes);
    written.push({ path, bytes: file.bytes, sha256: file.sha256 });
    return file;
  };
  const binary = new Set<string>();
  const writeExtras = async (files: ReleaseExtraFile[]) => {
    for (const extra of files) {
      await mkdir(dirname(join(outDir, ...extra.path.split('/'))), { recursive: true });
      const file = await write(extra.path, extra.content);
      if (file.binary && !UTF8_TEXT.has(extra)) binary.add(extra.path);
    }
  };
  let listed: typeof written;
  let descriptor: string;
  try {
    // Record by record: one string of the whole dataset would hit V8's string limit on a large one.
    await write('dataset.json', serializeDatasetChunks(dataset));
    options.onProgress?.('writing columns');
    // The same records by column, for loading without parsing rows (see columns.schema.json); written
    // piece by piece, never copied into one buffer as large as the file.
    await write(COLUMNS_FILE, encodeColumnsChunks(dataset));
    await write('vocabulary.json', `${JSON.stringify(vocabularyDocument(), null, 2)}\n`);
    for (const [name, schema] of Object.entries(jsonSchemas()))
      await write(`schema/${name}`, `${JSON.stringify(schema, null, 2)}\n`);
    if (extras.length > 0) options.onProgress?.('writing extra files');
    await writeExtras(extras);
    if (parquet) {
      options.onProgress?.('writing Parquet files');
      const files = await parquetFiles(dataset);
      // Checked together with the others: a file of the caller's must not take a Parquet file's path.
      sortedExtras([...extras, ...files]);
      await writeExtras(files);
      pushAll(extras, files);
    }
    // Listed in path order after the release's own files, whichever was written first.
    const own = written.filter((file) => !extras.some((extra) => extra.path === file.path));
    listed = [...own, ...sortByPath(written.filter((file) => !own.includes(file)))];
    options.onProgress?.('hashing');
    const datapackage = dataPackage(
      checked.read.meta,
      dataset,
      summary,
      listed,
      new Map(extras.map((e) => [e.path, { ...e, binary: binary.has(e.path) }])),
    );
    descriptor = `${JSON.stringify(datapackage, null, 2)}\n`;
    // The listing vouches for the files: it is written once every one of them is on disk.
    await flushes.settled();
  } catch (error) {
    // No file is left open, or still being flushed, when the caller removes the folder.
    await flushes.settled().catch(() => undefined);
    throw error;
  }
  await writeReleaseFile(join(outDir, 'datapackage.json'), descriptor);
  return { files: listed, summary };
}

/**
 * `writeNewFile`, its file system errors (a full disk) named by the file, since a write error carries
 * no path; a content generator's own error is the caller's.
 */
function writeReleaseFile(target: string, content: WriteContent, flushes?: PendingFlushes) {
  return writeNewFile(target, content, undefined, flushes).catch((error: unknown) => {
    throw (error as NodeJS.ErrnoException).code ? writeFailure(target, error, false) : error;
  });
}

/** Files of the build's own given as bytes that are UTF-8 text (dataset.ndjson): listed with their encoding. */
const UTF8_TEXT = new WeakSet<ReleaseExtraFile>();

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
    if (problem) throw new Error(`@claimgraph/release: buildRelease(): extraFiles: ${JSON.stringify(path)} ${problem}`);
    seen.add(path);
  }
  return sortByPath(extras);
}

const sortByPath = <T extends { path: string }>(files: T[]): T[] =>
  [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));

/**
 * The SDK's Parquet tables of the dataset (`parquet/<table>/…/part-0.parquet`), the files
 * `releaseFiles` gives. The dataset is validated and canonical by now, so the SDK skips its own
 * checks of references and key order.
 */
async function parquetFiles(dataset: Dataset): Promise<ReleaseExtraFile[]> {
  const { checkedReleaseParquetFiles } = await import('@claimgraph/sdk/internal');
  return checkedReleaseParquetFiles(dataset);
}

/** Whether the build writes the Parquet tables (`releaseFiles` not false, nor `{ parquet: false }`). */
function wantsParquet(options: BuildOptions): boolean {
  return options.releaseFiles !== false && options.releaseFiles?.parquet !== false;
}

/**
 * The SDK's interchange files but the Parquet ones, which `parquetFiles` makes later (none with
 * `releaseFiles: false`), and the caller's own; `dataset.ndjson` is read from `datasetJson`, which
 * must be written before it. The SDK's export writers load only when a
 * build asks for them, so reading or verifying a release never loads them. The dataset is
 * validated and canonical by now, so the SDK does not check or copy its records again.
 */
async function extraFilesOf(dataset: Dataset, options: BuildOptions, datasetJson: string): Promise<ReleaseExtraFile[]> {
  const files: ReleaseExtraFile[] = [];
  if (options.releaseFiles !== false) {
    const { checkedReleaseNdjsonFiles } = await import('@claimgraph/sdk/internal');
    const { ndjsonFromJson } = await import('./ndjson-from-json.js');
    // The SDK's file, its lines taken from dataset.json (written first) rather than made again.
    for (const file of checkedReleaseNdjsonFiles(dataset)) {
      const fromJson = { ...file, content: ndjsonFromJson(datasetJson, dataset) };
      UTF8_TEXT.add(fromJson);
      files.push(fromJson);
    }
  }
  if (options.extraFiles) pushAll(files, await options.extraFiles(dataset));
  return files;
}
