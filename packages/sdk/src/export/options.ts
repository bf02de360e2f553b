/**
 * The formats `exportDataset` writes, its options with their one DEFAULTS object, and the checks
 * that turn a bad option into an error naming it.
 */
import { optionError } from '../errors.js';
import { resolveOptions } from '../options.js';

export const EXPORT_FORMATS = ['gexf', 'graphml', 'csv', 'ndjson', 'parquet', 'neo4j'] as const;
/** `gexf` (Gephi), `graphml` (yEd, Cytoscape), `csv` (Gephi, Flourish, spreadsheets), `ndjson`, `parquet` (DuckDB, Spark, BigQuery, pandas), `neo4j`. */
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats written as one file; the others write a folder of files. */
export const SINGLE_FILE_FORMATS: ReadonlySet<ExportFormat> = new Set(['gexf', 'graphml', 'ndjson']);

/** The file name a single-file format gets when `out` is an existing folder. */
export const DEFAULT_FILE_NAMES: Readonly<Partial<Record<ExportFormat, string>>> = {
  gexf: 'dataset.gexf',
  graphml: 'dataset.graphml',
  ndjson: 'dataset.ndjson',
};

export interface ExportOptions {
  /**
   * Node only: where to write — a file for gexf, graphml and ndjson (an existing folder gets
   * `dataset.<format>`), a folder for csv, parquet and neo4j (created when missing; files of the
   * same names are replaced, nothing else is touched). Without it, the files are returned in memory [undefined].
   */
  out?: string;
  /** CSV: prefix cells starting with `=`, `+`, `-`, `@`, tab or CR with `'` so spreadsheets never run them; `false` for exact machine round trips [true]. */
  formulaEscape?: boolean;
  /** CSV: start each file with a UTF-8 byte order mark, for Excel's double-click open (Gephi reads files without) [false]. */
  bom?: boolean;
  /**
   * gexf, graphml, csv: `'directed'` writes every relation as a directed edge, source to target,
   * with `symmetric` = true on symmetric types (allied-with…): a directed graph NetworkX, igraph,
   * Gephi and Cytoscape all read the same way. `'undirected'` writes symmetric relations as
   * undirected edges: a mixed graph, which Gephi and graphology read but NetworkX refuses and
   * igraph reads as wholly undirected [`'directed'`].
   */
  symmetricEdges?: 'undirected' | 'directed';
  /**
   * gexf: the GEXF version. 1.2 (1.2draft) is the one every reader takes, NetworkX before 3.6
   * included; 1.3 adds the relation type as the edge `kind`, so Gephi keeps parallel edges of
   * different types apart [`'1.2'`].
   */
  gexfVersion?: '1.2' | '1.3';
  /** gexf, graphml: indent the XML [true]. */
  pretty?: boolean;
}

export interface ResolvedExportOptions {
  out: string | undefined;
  formulaEscape: boolean;
  bom: boolean;
  symmetricEdges: 'undirected' | 'directed';
  gexfVersion: '1.2' | '1.3';
  pretty: boolean;
}

export const EXPORT_DEFAULTS: ResolvedExportOptions = {
  out: undefined,
  formulaEscape: true,
  bom: false,
  symmetricEdges: 'directed',
  gexfVersion: '1.2',
  pretty: true,
};

const METHOD = 'exportDataset';

export function exportFormat(format: unknown): ExportFormat {
  if (!(EXPORT_FORMATS as readonly unknown[]).includes(format)) {
    throw optionError(METHOD, 'format', `must be one of ${EXPORT_FORMATS.join(', ')}, not ${JSON.stringify(format)}`);
  }
  return format as ExportFormat;
}

/** The options over their defaults, each checked: a misspelt key or a wrong value is an error naming it. */
export function resolveExportOptions(options: unknown, method = METHOD): ResolvedExportOptions {
  const o = resolveOptions(method, EXPORT_DEFAULTS, options);
  if (o.out !== undefined && (typeof o.out !== 'string' || o.out === ''))
    throw optionError(method, 'out', `must be a path, not ${JSON.stringify(o.out)}`);
  for (const key of ['formulaEscape', 'bom', 'pretty'] as const) {
    if (typeof o[key] !== 'boolean')
      throw optionError(method, key, `must be true or false, not ${JSON.stringify(o[key])}`);
  }
  if (o.symmetricEdges !== 'undirected' && o.symmetricEdges !== 'directed') {
    throw optionError(
      method,
      'symmetricEdges',
      `must be 'undirected' or 'directed', not ${JSON.stringify(o.symmetricEdges)}`,
    );
  }
  if (o.gexfVersion !== '1.2' && o.gexfVersion !== '1.3')
    throw optionError(method, 'gexfVersion', `must be '1.2' or '1.3', not ${JSON.stringify(o.gexfVersion)}`);
  return o;
}
