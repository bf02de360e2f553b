/** The release's `datapackage.json`: a Frictionless data package with a sha256 for every file. */
import { COLUMNS_FILE, datasetName, type Dataset, type DatasetSummary } from '@claimgraph/schema';
import type { ReadDatasetResult } from '@claimgraph/schema/node';
import type { TableKind } from '@claimgraph/sdk/export';
import type { ReleaseExtraFile } from './build.js';

/**
 * The resource property naming the JSON Schema a JSON file follows. A Data Package's `schema` is a
 * Table Schema, so a JSON Schema goes in a custom property, namespaced as the spec recommends.
 * Releases before @claimgraph/release 0.4 put it in `schema`: `resourceJsonSchema` reads both.
 */
export const JSON_SCHEMA = 'claimgraph:jsonSchema';

/**
 * The path of the JSON Schema a `datapackage.json` resource's file follows: `claimgraph:jsonSchema`,
 * or, in an older release, a `schema` that names a JSON Schema file (never a Table Schema); undefined when it has none.
 */
export function resourceJsonSchema(resource: unknown): string | undefined {
  if (typeof resource !== 'object' || resource === null) return undefined;
  const { [JSON_SCHEMA]: current, schema } = resource as Record<string, unknown>;
  if (typeof current === 'string') return current;
  return typeof schema === 'string' && schema.endsWith('.schema.json') ? schema : undefined;
}

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
                [JSON_SCHEMA]: 'schema/columns.schema.json',
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
                  ? { records: summary.counts, [JSON_SCHEMA]: 'schema/dataset.schema.json' }
                  : {}),
              },
        ),
      // Extra files are written last, so they stay after the JSON files, in path order.
      ...files.filter((file) => extras.has(file.path)).map((file) => extraResource(file, extras.get(file.path)!)),
    ],
  };
}

/** The resource property naming the table a Parquet file is one file of (`statements`). */
export const TABLE = 'claimgraph:table';
/** The resource property giving the Hive partition a Parquet file holds (`{ "year": 2021 }`). */
export const PARTITION = 'claimgraph:partition';

/**
 * The datapackage.json resource of an extra file: named as it asks, or after its path
 * (`notes/notes.md` → `notes-notes-md`); a table (`tableSchema`) is `type: "table"` with that
 * Table Schema as `schema`. A file that is part of a table split across files (the Parquet
 * statements, one per year) says which table (`claimgraph:table`) and partition (`claimgraph:partition`):
 * a reader takes every resource of a table, or only the partitions it needs.
 */
function extraResource(
  file: { path: string; bytes: number; sha256: string },
  extra: ReleaseExtraFile & { binary: boolean },
) {
  return {
    name: extra.name ?? file.path.toLowerCase().replace(/[^a-z0-9_-]+/g, '-'),
    ...(extra.tableSchema ? { type: 'table' } : {}),
    path: file.path,
    format: extra.format ?? file.path.slice(file.path.lastIndexOf('.') + 1),
    mediatype: extra.mediatype ?? 'application/octet-stream',
    ...(extra.binary ? {} : { encoding: 'utf-8' }),
    bytes: file.bytes,
    hash: `sha256:${file.sha256}`,
    sha256: file.sha256,
    ...(extra.records === undefined ? {} : { records: extra.records }),
    ...(extra.table === undefined ? {} : { [TABLE]: extra.table }),
    ...(extra.partition === undefined ? {} : { [PARTITION]: extra.partition }),
    ...(extra.tableSchema ? { schema: extra.tableSchema } : {}),
  };
}

/** Every table of a release's interchange files (NDJSON kinds, Parquet tables), in the order checks report them. */
export const RELEASE_TABLES = [
  'entities',
  'relations',
  'statements',
  'appearances',
  'sources',
  'redirects',
] as const satisfies readonly TableKind[];
// Fails to compile when the SDK writes a table this list leaves out.
const _everyTable: [Exclude<TableKind, (typeof RELEASE_TABLES)[number]>] extends [never] ? true : never = true;
const isReleaseTable = (name: string): boolean => (RELEASE_TABLES as readonly string[]).includes(name);

/** A resource as a descriptor lists it (Frictionless allows one path or several), or a file `releaseFiles` gives. */
export interface ListedResource {
  name?: unknown;
  path?: unknown;
  format?: unknown;
  /** The table a file of `releaseFiles` is one file of. */
  table?: unknown;
  [TABLE]?: unknown;
}

/**
 * The table a Parquet file holds, whichever release layout listed it: the table its resource names
 * (`claimgraph:table`, or `table` on a file `releaseFiles` gives; kept as named, so a table newer than
 * this code is still one table), else a known table in its resource name (`parquet-statements-year-2021`),
 * else the first folder or file name of its path that is a known table
 * (`parquet/statements/year=2021/part-0.parquet`, or a release built before tables had folders:
 * `parquet/statements.parquet`); undefined when none says.
 */
export function parquetTableOf(resource: ListedResource, path: string): string | undefined {
  for (const named of [resource[TABLE], resource.table]) if (typeof named === 'string' && named !== '') return named;
  if (typeof resource.name === 'string') {
    const named = /^parquet-([a-z]+)(?:-|$)/.exec(resource.name)?.[1];
    if (named !== undefined && isReleaseTable(named)) return named;
  }
  for (const segment of path.split('/')) {
    const name = segment.replace(/\.parquet$/, '');
    if (isReleaseTable(name)) return name;
  }
  return undefined;
}

/** The paths of a resource: Frictionless allows one or several. */
export const resourcePaths = (resource: ListedResource): string[] =>
  typeof resource.path === 'string'
    ? [resource.path]
    : Array.isArray(resource.path)
      ? resource.path.filter((p): p is string => typeof p === 'string')
      : [];

/**
 * The Parquet files of each table a `datapackage.json` lists, in listed order, the table told by
 * `parquetTableOf`: from `claimgraph:table`, or, in a release built before it, from the resource's
 * name or path (`parquet/<table>.parquet`).
 */
export function parquetTableFiles(resources: readonly unknown[]): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  for (const resource of resources) {
    if (typeof resource !== 'object' || resource === null) continue;
    const listed = resource as ListedResource;
    if (listed.format !== 'parquet') continue;
    for (const path of resourcePaths(listed)) {
      const name = parquetTableOf(listed, path);
      if (name !== undefined) tables.set(name, [...(tables.get(name) ?? []), path]);
    }
  }
  return tables;
}
