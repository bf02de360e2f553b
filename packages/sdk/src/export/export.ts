/**
 * exportDataset(): a ClaimGraph (or a Dataset) in the formats other tools open. Browser-safe: the
 * files come back in memory unless `out` is given, and only then is Node's file system imported.
 */
import type { Dataset } from '@claimgraph/schema';
import type { ClaimGraph } from '../claim-graph.js';
import { appearanceCount } from './appearances.js';
import { csvParts } from './csv.js';
import { chunked, partText, type ExportPart } from './files.js';
import { gexfPart } from './gexf.js';
import { graphmlPart } from './graphml.js';
import { ndjsonLines, ndjsonPart } from './ndjson.js';
import { neo4jParts } from './neo4j.js';
import { exportFormat, resolveExportOptions, type ExportFormat, type ExportOptions } from './options.js';
import { parquetParts } from './parquet.js';
import type { TableKind } from './fields.js';
import { SINGLE_DATASET_LAYOUT, type ParquetLayout, type ParquetPartition } from './parquet-layout.js';
import type { TableSchema } from './table-schema.js';
import { exportRecords, relationStats, type ExportInput, type ExportRecords } from './records.js';

/** One file of an export. */
export interface ExportedFile {
  /** Where it was written (with `out`), or its name within the export (`nodes.csv`) when returned in memory. */
  path: string;
  bytes: number;
  mediatype: string;
  /** Rows or records it holds; undefined for a script. */
  records?: number;
  /** The file itself, for in-memory exports (no `out`): text, or bytes for Parquet. */
  content?: string | Uint8Array;
  /** Parquet: the table the file is part of (`statements`). */
  table?: TableKind;
  /** Parquet: the Hive partition the file holds (`{ year: 2021 }`), as its folder names say. */
  partition?: ParquetPartition;
}

export interface ExportResult {
  format: ExportFormat;
  /** The file or folder written, when `out` was given. */
  out?: string;
  files: ExportedFile[];
  /** How many records of each kind were exported, and how many rows the appearances table has (one per statement and source). */
  records: {
    entities: number;
    relations: number;
    statements: number;
    appearances: number;
    sources: number;
    redirects: number;
  };
}

const METHOD = 'exportDataset';

/**
 * Several datasets exported together are partitioned by dataset as well: each record under the
 * first dataset (in the order given) it comes from, so a record two datasets share is one row.
 */
function parquetLayoutOf(cg: ExportInput): [ParquetLayout, string[]] {
  const merged = cg as Partial<ClaimGraph>;
  const datasets = typeof merged.datasetsOf === 'function' && merged.datasets ? merged.datasets.map((d) => d.name) : [];
  if (datasets.length < 2) return [SINGLE_DATASET_LAYOUT, datasets];
  const datasetOf = (id: string) => merged.datasetsOf!(id)[0] ?? datasets[0]!;
  return [{ ...SINGLE_DATASET_LAYOUT, datasetOf }, datasets];
}

async function partsOf(
  cg: ExportInput,
  records: ExportRecords,
  format: ExportFormat,
  options: ReturnType<typeof resolveExportOptions>,
): Promise<ExportPart[]> {
  if (format === 'ndjson') return [ndjsonPart(records)];
  const stats = relationStats(records, METHOD);
  switch (format) {
    case 'gexf':
      return [gexfPart(records, stats, options)];
    case 'graphml':
      return [graphmlPart(records, stats, options)];
    case 'csv':
      return csvParts(records, stats, options);
    case 'parquet':
      return parquetParts(records, stats, '', METHOD, ...parquetLayoutOf(cg));
    case 'neo4j':
      return neo4jParts(records, stats);
  }
}

/**
 * Exports a dataset. Formats: `gexf` (Gephi), `graphml` (yEd, Cytoscape), `ndjson` — one file each;
 * `csv` (nodes, edges, statements, appearances, sources), `parquet` (a folder per table, statements
 * by `year=`, and by `dataset=` when several are merged), `neo4j` (CSV with neo4j-admin headers and import.cypher) — a folder each. With `out` (Node only) the files are
 * written and the result lists paths and sizes; without it, each file's content is returned.
 */
export async function exportDataset(
  cg: ExportInput,
  format: ExportFormat,
  options?: ExportOptions,
): Promise<ExportResult> {
  const checkedFormat = exportFormat(format);
  const o = resolveExportOptions(options, METHOD);
  const records = exportRecords(cg, METHOD);
  const parts = await partsOf(cg, records, checkedFormat, o);
  const counts = {
    entities: records.entities.length,
    relations: records.relations.length,
    statements: records.statements.length,
    appearances: appearanceCount(records),
    sources: records.sources.length,
    redirects: records.redirects.length,
  };
  if (o.out !== undefined) {
    const { writeParts } = await import('./write-node.js');
    const written = await writeParts(parts, checkedFormat, o.out, METHOD);
    return { format: checkedFormat, out: written.out, files: written.files, records: counts };
  }
  const encoder = new TextEncoder();
  const files = parts.map((part): ExportedFile => {
    const content = partText(part);
    const bytes = typeof content === 'string' ? encoder.encode(content).byteLength : content.byteLength;
    return {
      path: part.path,
      bytes,
      mediatype: part.mediatype,
      ...(part.records === undefined ? {} : { records: part.records }),
      content,
      ...(part.table === undefined ? {} : { table: part.table }),
      ...(part.partition === undefined ? {} : { partition: part.partition }),
    };
  });
  return { format: checkedFormat, files, records: counts };
}

/**
 * The NDJSON export as a stream of text chunks (about 64 KiB each): pipe it to a file, a response
 * or a WritableStream, in Node or a browser, without holding the whole file.
 */
export async function* streamNdjson(cg: ExportInput): AsyncGenerator<string, void, undefined> {
  for (const chunk of chunked(ndjsonLines(exportRecords(cg, 'streamNdjson')))) yield chunk;
}

/** A file `claimgraph build` adds to a release (the shape of `ReleaseExtraFile` in `@claimgraph/release`). */
export interface ReleaseFile {
  path: string;
  content: Uint8Array | Iterable<string>;
  mediatype: string;
  format: string;
  records?: number;
  /** The resource name in datapackage.json that other resources' foreign keys refer to. */
  name?: string;
  /** The Frictionless Table Schema of a table (each Parquet file). */
  tableSchema?: TableSchema;
  /** The table a Parquet file is part of (`statements`). */
  table?: TableKind;
  /** The Hive partition a Parquet file holds (`{ year: 2021 }`). */
  partition?: ParquetPartition;
}

export interface ReleaseFilesOptions {
  /** Write the Parquet tables, `parquet/<table>/…/part-0.parquet` [true]. */
  parquet?: boolean;
}

export const RELEASE_FILES_DEFAULTS: Required<ReleaseFilesOptions> = { parquet: true };

/**
 * The interchange files of a release: the Parquet tables, one folder each (`parquet/entities/part-0.parquet`,
 * statements by year: `parquet/statements/year=2021/part-0.parquet`), and `dataset.ndjson`, which
 * `buildRelease` in `@claimgraph/release` writes into every release. Same data, same bytes.
 */
export async function releaseFiles(dataset: Dataset, options?: ReleaseFilesOptions): Promise<ReleaseFile[]> {
  const method = 'releaseFiles';
  const { parquet } = { ...RELEASE_FILES_DEFAULTS, ...options };
  const records = exportRecords(dataset, method);
  const parts = [
    ...(parquet ? await parquetParts(records, relationStats(records, method), 'parquet/', method) : []),
    ndjsonPart(records),
  ];
  return parts.map(releaseFile);
}

function releaseFile(part: ExportPart): ReleaseFile {
  return {
    path: part.path,
    content: part.content instanceof Uint8Array ? part.content : part.content(),
    mediatype: part.mediatype,
    format: part.format,
    ...(part.records === undefined ? {} : { records: part.records }),
    ...(part.name === undefined ? {} : { name: part.name }),
    ...(part.tableSchema === undefined ? {} : { tableSchema: part.tableSchema }),
    ...(part.table === undefined ? {} : { table: part.table }),
    ...(part.partition === undefined ? {} : { partition: part.partition }),
  };
}

/**
 * The records of a dataset the release build has already validated and put in canonical form
 * (records by id, keys in schema order), as given: no object, order, key-order or reference check.
 */
function checkedRecords(dataset: Dataset): ExportRecords {
  return {
    entities: dataset.entities,
    relations: dataset.relations,
    statements: dataset.statements,
    sources: dataset.sources,
    redirects: dataset.redirects ?? [],
    canonical: true,
    unchecked: false,
  };
}

/**
 * The Parquet files of `releaseFiles`, for a dataset the release build has already validated and
 * put in canonical form (records by id, keys in schema order): its references, order and key
 * order are not checked again. Same files, same bytes. Internal: `@claimgraph/sdk/internal`.
 */
export async function checkedReleaseParquetFiles(dataset: Dataset): Promise<ReleaseFile[]> {
  const method = 'releaseFiles';
  const records = checkedRecords(dataset);
  return (await parquetParts(records, relationStats(records, method), 'parquet/', method)).map(releaseFile);
}

/**
 * `dataset.ndjson` as `releaseFiles` gives it, for a dataset the release build has already
 * validated and put in canonical form: no record is checked, sorted or copied again. Same bytes.
 * Internal: `@claimgraph/sdk/internal`.
 */
export function checkedReleaseNdjsonFiles(dataset: Dataset): ReleaseFile[] {
  return [releaseFile(ndjsonPart(checkedRecords(dataset)))];
}
