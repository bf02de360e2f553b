// A release's Parquet read as a data engine reads a partitioned table, with no conversion: DuckDB
// over `statements/**/*.parquet` with Hive partitioning gives the SDK's answers, the files carry
// the logical types and row-group statistics engines plan with, and `claimgraph sql` reads it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { buildRelease } from '@claimgraph/release';
import { ClaimGraph } from '@claimgraph/sdk';
import { exportDataset } from '@claimgraph/sdk/export';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimgraph } from './export-fixture.js';

const repo = join(__dirname, '..', '..', '..');
const AFGHANISTAN = join(repo, 'datasets', 'afghanistan-2021');
const HAQQANI = join(repo, 'datasets', 'taliban-haqqani');

let root: string;
let release: string;
let cg: ClaimGraph;
let duck: DuckDBConnection;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'claimgraph-engines-'));
  release = join(root, 'release');
  const built = await buildRelease(AFGHANISTAN, { outDir: release });
  expect(built.result.errors).toEqual([]);
  cg = await ClaimGraph.load(release);
  duck = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => {
  duck.closeSync();
  rmSync(root, { recursive: true, force: true });
});

const rows = async (sql: string) => (await duck.runAndReadAll(sql)).getRowObjectsJson();
/** A table as an engine reads a folder of Parquet files: every file under it, partition folders as columns. */
const table = (kind: string, dir = join(release, 'parquet')) =>
  `read_parquet('${join(dir, kind, '**', '*.parquet')}', hive_partitioning = true)`;

describe("a release's partitioned Parquet read by DuckDB", () => {
  it('splits the statements by year, every precision of date under its own year', async () => {
    const years = await rows(
      `SELECT year::INTEGER AS year, count(*)::INTEGER AS n, bool_and(substr(date, 1, 4) = year::VARCHAR) AS same,
        list_sort(list_distinct(list(date_precision))) AS precisions
       FROM ${table('statements')} GROUP BY year ORDER BY year`,
    );
    const expected = new Map<number, number>();
    for (const s of cg.statements())
      expected.set(Number(s.date.slice(0, 4)), (expected.get(Number(s.date.slice(0, 4))) ?? 0) + 1);
    expect(years.map((y) => [y.year, y.n])).toEqual([...expected].sort((a, b) => a[0] - b[0]));
    expect(years.every((y) => y.same === true)).toBe(true);
    // The dataset has dates of all three precisions, so the test covers each.
    expect(new Set(years.flatMap((y) => y.precisions as string[]))).toEqual(new Set(['year', 'month', 'day']));
  });

  it('answers "which relations are contested" as cg.contested() does, from the statements alone', async () => {
    const sql = `SELECT relation AS id FROM ${table('statements')} GROUP BY relation
      HAVING count(*) FILTER (WHERE stance = 'supports') > 0 AND count(*) FILTER (WHERE stance = 'disputes') > 0
      ORDER BY id`;
    const expected = cg
      .contested()
      .map((r) => r.id)
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect((await rows(sql)).map((r) => r.id)).toEqual(expected);
    const byStatus = await rows(`SELECT id FROM ${table('relations')} WHERE status = 'contested' ORDER BY id`);
    expect(byStatus.map((r) => r.id)).toEqual(expected);
  });

  it('counts each speaker’s stances as cg.statements({ speaker, stance }) does', async () => {
    const counted = await rows(
      `SELECT speaker, count(*) FILTER (WHERE stance = 'supports')::INTEGER AS supports,
        count(*) FILTER (WHERE stance = 'disputes')::INTEGER AS disputes
       FROM ${table('statements')} GROUP BY speaker ORDER BY speaker`,
    );
    const speakers = [...new Set(cg.statements().map((s) => s.speaker))].sort();
    expect(counted).toEqual(
      speakers.map((speaker) => ({
        speaker,
        supports: cg.statements({ speaker, stance: 'supports' }).length,
        disputes: cg.statements({ speaker, stance: 'disputes' }).length,
      })),
    );
  });

  it('finds the statements in a date range as cg.statements({ from, to }) does, for partial dates too', async () => {
    // `from`: certainly on or after its first day; `to`: certainly on or before its last day.
    const ranges: [from: string, to: string][] = [
      ['2021-08-15', '2021-08-31'],
      ['2021-08', '2021-08'],
      ['2021', '2021'],
      ['2012', '2020-06'],
      ['2021-06-15', '2021-08-28'],
    ];
    for (const [from, to] of ranges) {
      const sql = `SELECT id FROM ${table('statements')}
        WHERE year BETWEEN ${from.slice(0, 4)} AND ${to.slice(0, 4)}
          AND date_start >= DATE '${dayOf(from, 'start')}'
          AND date_end <= DATE '${dayOf(to, 'end')}'
        ORDER BY id`;
      const expected = cg
        .statements({ from, to })
        .map((s) => s.id)
        .sort();
      expect(
        (await rows(sql)).map((r) => r.id),
        `${from} … ${to}`,
      ).toEqual(expected);
    }
    expect(cg.statements({ from: '2021-08', to: '2021-08' }).length).toBeGreaterThan(0);
  });

  it('gives engines logical types and row-group min/max statistics to skip files and row groups by', async () => {
    const file = join(release, 'parquet', 'statements', 'year=2021', 'part-0.parquet');
    const schema = Object.fromEntries(
      (await rows(`SELECT name, type, logical_type FROM parquet_schema('${file}')`)).map((r) => [
        r.name,
        [r.type, r.logical_type],
      ]),
    );
    expect(schema).toMatchObject({
      id: ['BYTE_ARRAY', 'StringType()'],
      date: ['BYTE_ARRAY', 'StringType()'],
      date_start: ['INT32', 'DateType()'],
      date_end: ['INT32', 'DateType()'],
      anchor: ['BYTE_ARRAY', 'JsonType()'],
      hedged: ['BOOLEAN', null],
    });
    const stats = Object.fromEntries(
      (
        await rows(
          `SELECT path_in_schema AS p, stats_min_value AS min, stats_max_value AS max FROM parquet_metadata('${file}')`,
        )
      ).map((r) => [r.p, [r.min, r.max]]),
    );
    const in2021 = cg.statements({ from: '2021', to: '2021' });
    const days = in2021.map((s) => s.date);
    expect(stats.id).toEqual([
      in2021.map((s) => s.id).sort()[0],
      in2021
        .map((s) => s.id)
        .sort()
        .at(-1),
    ]);
    expect(stats.date_start![0]).toBe(dayOf(days.sort()[0]!, 'start'));
    expect(stats.date_start![1] <= '2021-12-31' && stats.date_start![0] >= '2021-01-01').toBe(true);
    // Free text carries no statistics: engines never filter quotes by range.
    expect(stats.quote).toEqual([null, null]);
  });

  it('partitions every table by dataset as well when several datasets are exported together', async () => {
    const merged = await ClaimGraph.load([release, HAQQANI]);
    const out = join(root, 'merged');
    const result = await exportDataset(merged, 'parquet', { out });
    const names = merged.datasets.map((d) => d.name);
    expect(new Set(result.files.map((f) => f.partition?.dataset))).toEqual(new Set(names));
    const perDataset = await rows(
      `SELECT dataset, count(*)::INTEGER AS n FROM ${table('statements', out)} GROUP BY dataset ORDER BY dataset`,
    );
    // Each statement once, under the first dataset (in the order given) it comes from.
    expect(perDataset.reduce((n, r) => n + (r.n as number), 0)).toBe(merged.statements().length);
    for (const { dataset, n } of perDataset)
      expect(n, String(dataset)).toBe(merged.statements().filter((s) => merged.datasetsOf(s.id)[0] === dataset).length);
    const years = await rows(`SELECT DISTINCT typeof(year) AS t FROM ${table('statements', out)}`);
    expect(years).toEqual([{ t: 'BIGINT' }]);
  });
});

describe('claimgraph sql on the partitioned layout', () => {
  it('gives the same answers as DuckDB over the files, with the year partition as a column', () => {
    const { status, stdout, stderr } = claimgraph([
      'sql',
      "SELECT year, count(*) AS n FROM statements WHERE stance = 'disputes' GROUP BY year ORDER BY year",
      '--dataset',
      release,
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const disputes = cg.statements({ stance: 'disputes' });
    const expected = new Map<number, number>();
    for (const s of disputes)
      expected.set(Number(s.date.slice(0, 4)), (expected.get(Number(s.date.slice(0, 4))) ?? 0) + 1);
    expect(JSON.parse(stdout)).toEqual([...expected].sort((a, b) => a[0] - b[0]).map(([year, n]) => ({ year, n })));
  });

  it('still reads a kept release written before tables had folders', () => {
    const kept = join(AFGHANISTAN, 'releases', '3.0.0');
    const { status, stdout, stderr } = claimgraph([
      'sql',
      "SELECT count(*) AS n FROM relations WHERE status = 'contested'",
      '--dataset',
      kept,
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(JSON.parse(stdout)[0].n).toBeGreaterThan(0);
  });
});

/** The first or last day a partial date can mean (`2021-06` → 2021-06-01 or 2021-06-30), as the `_start` and `_end` columns hold it. */
function dayOf(date: string, end: 'start' | 'end'): string {
  const [y, m, d] = date.split('-');
  if (d) return date;
  if (end === 'start') return `${y}-${m ?? '01'}-01`;
  const month = m ?? '12';
  const last = new Date(Date.UTC(Number(y), Number(month), 0)).getUTCDate();
  return `${y}-${month}-${String(last).padStart(2, '0')}`;
}
