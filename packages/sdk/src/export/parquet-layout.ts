/**
 * Where the Parquet tables' files go, so that DuckDB, Spark and Trino read a folder as a table: one
 * folder per table, and inside it Hive-style `key=value` folders that engines read as columns.
 */
import type { TableKind } from './fields.js';

/**
 * A file's partition: its Hive partition columns and their values, outermost first (`dataset`,
 * then `year`). Empty for a table that is not partitioned.
 */
export type ParquetPartition = Readonly<Record<string, string | number | null>>;

/** The one file of each partition (Spark and DuckDB name theirs `part-…` and `data_…`). */
export const PARQUET_FILE = 'part-0.parquet';

/**
 * Hive's folder name for a partition whose value is null. No claimgraph value is null (every
 * statement has a date), but an empty partitioned table keeps one empty file here, so engines
 * still see its columns and its partition column.
 */
export const HIVE_NULL_PARTITION = '__HIVE_DEFAULT_PARTITION__';

/**
 * How the tables are partitioned: statements by the year of their date (`year=2021`); with several
 * datasets, every table also by the dataset a record comes from (`dataset=afghanistan-2021`).
 */
export interface ParquetLayout {
  /** The tables split by `year`. */
  byYear: ReadonlySet<TableKind>;
  /** When several datasets are exported together: the dataset each record is written under. */
  datasetOf?: (id: string) => string;
}

/** One dataset's layout: statements by year, every other table one file. */
export const SINGLE_DATASET_LAYOUT: ParquetLayout = { byYear: new Set(['statements']) };

/**
 * The year partition of a partial date: its first four digits. A `2012`, a `2021-06` and a
 * `2021-08-28` each lie within one calendar year, so the year is exact for every precision.
 */
export function dateYear(date: unknown): number | null {
  if (typeof date !== 'string' || date.length < 4) return null;
  // Read digit by digit: called once per statement, where a regex and a slice would cost more.
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = date.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    year = year * 10 + digit;
  }
  return year;
}

/**
 * A partition value as a folder name: Hive escapes characters a path cannot hold with `%XX`
 * (years and dataset names never need it; a scoped name's `/` would).
 */
function hiveValue(value: string | number | null): string {
  if (value === null) return HIVE_NULL_PARTITION;
  return String(value).replace(/[^A-Za-z0-9._-]/g, (c) =>
    [...new TextEncoder().encode(c)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join(''),
  );
}

/** The path of a table's file in a partition, inside the export (`statements/year=2021/part-0.parquet`). */
export function parquetFilePath(kind: TableKind, partition: ParquetPartition, prefix = ''): string {
  const folders = Object.entries(partition).map(([key, value]) => `${key}=${hiveValue(value)}/`);
  return `${prefix}${kind}/${folders.join('')}${PARQUET_FILE}`;
}

/** Whether a table's rows are split into several files under this layout (no single resource to refer to). */
export function isPartitioned(layout: ParquetLayout, kind: TableKind): boolean {
  return layout.byYear.has(kind) || layout.datasetOf !== undefined;
}

/** The `datapackage.json` resource name of one file of a table: `parquet-entities`, `parquet-statements-year-2021`. */
export function parquetResourceName(kind: TableKind, partition: ParquetPartition = {}): string {
  const parts = Object.entries(partition).map(([key, value]) => `-${key}-${String(value)}`);
  return `parquet-${kind}${parts.join('')}`.toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
}

/** A partition's place among years: a missing year (a date that is no date, in unvalidated data) last, as its folder sorts. */
const yearRank = (partition: ParquetPartition) => (partition.year == null ? Infinity : Number(partition.year));

/** A row of a table and where it goes: its position in the table (for per-row derived values) and its partition. */
export interface PartitionGroup {
  partition: ParquetPartition;
  /** Positions of the rows, in table order. */
  positions: number[];
}

/**
 * The rows of a table grouped by partition, in table order within each; groups by dataset in
 * the order given, then by year ascending. An empty partitioned table gives one empty group.
 * Rows are read by position: `idOf(i)` is the id row `i` is partitioned by, `dateOf(i)` its date.
 */
export function partitionRows(
  layout: ParquetLayout,
  kind: TableKind,
  count: number,
  idOf: (position: number) => string,
  dateOf: (position: number) => unknown,
  datasets: readonly string[] = [],
): PartitionGroup[] {
  const byYear = layout.byYear.has(kind);
  const { datasetOf } = layout;
  if (!byYear && !datasetOf) {
    const positions = new Array<number>(count);
    for (let i = 0; i < count; i++) positions[i] = i;
    return [{ partition: {}, positions }];
  }
  // Keyed by the year alone, or by dataset and year as text: a partition object is made once per
  // group, not once per row, and one dataset's rows make no string each.
  const groups = new Map<string | number | null, PartitionGroup>();
  for (let i = 0; i < count; i++) {
    const dataset = datasetOf ? datasetOf(idOf(i)) : undefined;
    const year = byYear ? dateYear(dateOf(i)) : undefined;
    const name = datasetOf ? `${dataset}\u0000${year ?? ''}` : (year ?? null);
    let group = groups.get(name);
    if (!group) {
      const partition: Record<string, string | number | null> = {};
      if (datasetOf) partition.dataset = dataset!;
      if (byYear) partition.year = year!;
      groups.set(name, (group = { partition, positions: [] }));
    }
    group.positions.push(i);
  }
  if (groups.size === 0) {
    const empty: Record<string, string | number | null> = {};
    if (datasetOf) empty.dataset = datasets[0] ?? 'dataset';
    if (byYear) empty.year = null;
    return [{ partition: empty, positions: [] }];
  }
  const order = new Map(datasets.map((name, i) => [name, i]));
  const rank = (p: ParquetPartition) => (p.dataset === undefined ? 0 : (order.get(String(p.dataset)) ?? order.size));
  // Names are compared only when they differ: the first localeCompare sets up a collator (about
  // 8 ms), which a one-dataset export, all of whose names are equal, never needs.
  const byName = (a: ParquetPartition, b: ParquetPartition) =>
    a.dataset === b.dataset ? 0 : String(a.dataset ?? '').localeCompare(String(b.dataset ?? ''));
  return [...groups.values()].sort(
    (a, b) =>
      rank(a.partition) - rank(b.partition) ||
      byName(a.partition, b.partition) ||
      yearRank(a.partition) - yearRank(b.partition),
  );
}
