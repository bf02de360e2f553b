/** The release's `datapackage.json`: a Frictionless data package with a sha256 for every file. */
import { COLUMNS_FILE, datasetName, type Dataset, type DatasetSummary } from '@claimgraph/schema';
import type { ReadDatasetResult } from '@claimgraph/schema/node';
import type { ReleaseExtraFile } from './build.js';

/** Frictionless-style descriptor: who, what version, under which license, and a hash per file. */
export function dataPackage(
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
