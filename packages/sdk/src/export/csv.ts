/**
 * The CSV export: nodes.csv and edges.csv with the headers Gephi's spreadsheet import and
 * Flourish's network template recognise, plus statements.csv, appearances.csv and sources.csv,
 * every record kept.
 */
import { type Entity, type Redirect, type Relation, type Source, type Statement } from '@claimgraph/schema';
import { tableLines, type TableColumn } from './csv-text.js';
import { derivedEdgeValue, EDGE_COLUMNS, isSymmetric } from './edge-columns.js';
import {
  dateRangeValue,
  escapeFormula,
  fieldColumns,
  FIELDS,
  tableFields,
  withDateRanges,
  type ColumnSpec,
  type ExportKind,
} from './fields.js';
import { appearanceCount, appearanceRows, type AppearanceRow } from './appearances.js';
import { chunked, type ExportPart } from './files.js';
import type { ResolvedExportOptions } from './options.js';
import { canonicalRecords, type ExportRecord, type ExportRecords, type RelationStats } from './records.js';

export type CsvFile = 'nodes' | 'edges' | 'statements' | 'appearances' | 'sources' | 'redirects';

/** Edge columns whose CSV header differs from the graph attribute name. */
const CSV_EDGE_HEADERS: Record<string, string> = { label: 'Label', kind: 'Kind', weight: 'Weight' };

/**
 * Every CSV file's columns in order. nodes.csv: `Id`, `Label` (the name), then the entity fields.
 * edges.csv: Gephi's `Source`, `Target`, `Type` (Directed/Undirected), `Id`, `Label` (the relation
 * type's label), `Kind` (the relation type, so Gephi keeps parallel edges apart) and `Weight` (the
 * number of statements), then `relationType`, `status`, `supports`, `disputes`, `symmetric` and the
 * relation fields. statements.csv: every statement field but `appearances`, which appearances.csv
 * holds, one row per statement and source (`statement`, `source`, `own`, `anchor`, `note`). Every
 * partial date `F` is followed by `F_start`, `F_end` and `F_precision`.
 */
export const CSV_COLUMNS: Readonly<Record<CsvFile, readonly ColumnSpec[]>> = {
  nodes: withDateRanges([
    { header: 'Id', field: 'id', type: 'string' },
    { header: 'Label', field: 'name', type: 'string' },
    ...fieldColumns('entities', 'id', 'name'),
  ]),
  edges: withDateRanges([
    { header: 'Source', field: 'source', type: 'string' },
    { header: 'Target', field: 'target', type: 'string' },
    { header: 'Type', type: 'string' },
    { header: 'Id', field: 'id', type: 'string' },
    // Gephi's spreadsheet import and Flourish read these three capitalised.
    ...EDGE_COLUMNS.map((spec) =>
      spec.header in CSV_EDGE_HEADERS ? { ...spec, header: CSV_EDGE_HEADERS[spec.header]! } : spec,
    ),
  ]),
  statements: withDateRanges([
    { header: 'Id', field: 'id', type: 'string' },
    ...fieldColumns('statements', 'id', 'appearances'),
  ]),
  appearances: tableFields('appearances').map((f) => ({ header: f.name, field: f.name, type: f.type })),
  sources: withDateRanges([{ header: 'Id', field: 'id', type: 'string' }, ...fieldColumns('sources', 'id')]),
  redirects: withDateRanges(FIELDS.redirects.map((f) => ({ header: f.name, field: f.name, type: f.type }))),
};

const FILE_KIND: Record<Exclude<CsvFile, 'appearances'>, ExportKind> = {
  nodes: 'entities',
  edges: 'relations',
  statements: 'statements',
  sources: 'sources',
  redirects: 'redirects',
};

/** The text of one cell; absent fields are empty cells. */
export function csvCellText(type: ColumnSpec['type'], value: unknown, formulaEscape: boolean): string {
  if (value === undefined || value === null) return '';
  if (type === 'number') return String(value);
  if (type === 'boolean' && typeof value === 'boolean') return value ? 'true' : 'false';
  if (type === 'list' || type === 'json') return JSON.stringify(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return formulaEscape ? escapeFormula(text) : text;
}

/** Whether an edge is written undirected: a symmetric relation type, when the options say so. */
export function isUndirected(type: string, options: Pick<ResolvedExportOptions, 'symmetricEdges'>): boolean {
  return options.symmetricEdges === 'undirected' && isSymmetric(type);
}

function edgeDerived(
  stats: RelationStats,
  options: ResolvedExportOptions,
): Record<string, (r: Relation, i: number) => unknown> {
  const derived: Record<string, (r: Relation, i: number) => unknown> = {
    Type: (r) => (isUndirected(r.type, options) ? 'Undirected' : 'Directed'),
  };
  for (const spec of EDGE_COLUMNS) {
    if (spec.field !== undefined) continue;
    derived[CSV_EDGE_HEADERS[spec.header] ?? spec.header] = (r, i) => derivedEdgeValue(spec.header, r, i, stats);
  }
  return derived;
}

function columnsOf<T>(
  file: CsvFile,
  options: ResolvedExportOptions,
  derived: Record<string, (r: T, i: number) => unknown> = {},
): TableColumn<T>[] {
  return CSV_COLUMNS[file].map((spec) => {
    const { field, dateOf } = spec;
    const value =
      field !== undefined
        ? (r: T) => (r as Record<string, unknown>)[field]
        : dateOf !== undefined
          ? (r: T) => dateRangeValue(dateOf, r as Record<string, unknown>)
          : derived[spec.header]!;
    // Every text cell passes through the escape; ids, dates and derived labels never start with a formula character, so only free text ever changes.
    return {
      header: spec.header,
      // Numbers and booleans bare, everything else in quotes: see TableColumn.quoted.
      quoted: spec.type !== 'number' && spec.type !== 'boolean',
      cell: (r: T, i: number) => csvCellText(spec.type, value(r, i), options.formulaEscape),
    };
  });
}

/** The CSV files: nodes, edges, statements, appearances, sources, and redirects when the dataset has some. */
export function csvParts(records: ExportRecords, stats: RelationStats, options: ResolvedExportOptions): ExportPart[] {
  const file = <T>(name: CsvFile, columns: TableColumn<T>[], count: number, rows: () => Iterable<T>): ExportPart => ({
    path: `${name}.csv`,
    mediatype: 'text/csv',
    format: 'csv',
    records: count,
    content: () => chunked(tableLines(columns, rows(), options.bom)),
  });
  const part = <T>(name: Exclude<CsvFile, 'appearances'>, columns: TableColumn<T>[]): ExportPart =>
    file(
      name,
      columns,
      records[FILE_KIND[name]].length,
      () => canonicalRecords<ExportRecord>(records, FILE_KIND[name]) as Iterable<unknown> as Iterable<T>,
    );
  const parts = [
    part<Entity>('nodes', columnsOf('nodes', options)),
    part<Relation>('edges', columnsOf('edges', options, edgeDerived(stats, options))),
    part<Statement>('statements', columnsOf('statements', options)),
    file<AppearanceRow>('appearances', columnsOf('appearances', options), appearanceCount(records), () =>
      appearanceRows(records),
    ),
    part<Source>('sources', columnsOf('sources', options)),
  ];
  if (records.redirects.length > 0) parts.push(part<Redirect>('redirects', columnsOf('redirects', options)));
  return parts;
}
