// Parquet tables read back by DuckDB, the engine analysts use: the same row counts and values,
// including quotes with commas and newlines and Pashto and Arabic names. Each table is a folder
// (statements split by year), read as DuckDB reads a Hive-partitioned table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Dataset } from '@claimgraph/schema';
import { ClaimGraph } from '@claimgraph/sdk';
import { exportDataset, parquetColumns } from '@claimgraph/sdk/export';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from './export-fixture.js';

let dir: string;
let duck: DuckDBConnection;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'claimgraph-parquet-'));
  duck = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => {
  duck.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

const KINDS = ['entities', 'relations', 'statements', 'sources'] as const;
const rows = async (sql: string) => (await duck.runAndReadAll(sql)).getRowObjectsJson();
/** A table of an export as DuckDB reads a folder of Parquet files, with its Hive partition columns. */
const table = (out: string, kind: string) =>
  `read_parquet('${join(out, kind, '**', '*.parquet')}', hive_partitioning = true)`;

/** The fixture with text the validator refuses but Parquet must carry: newlines, CRs and tabs in quotes. */
function multiline(): Dataset {
  const data = structuredClone(FIXTURE) as unknown as Dataset;
  data.statements[0] = { ...data.statements[0]!, quote: 'First line, "quoted"\nsecond line\r\nthird\tcolumn, سراج' };
  return data;
}

describe('exportDataset(cg, "parquet") read by DuckDB', () => {
  it('joins statements to every source that reports them through the appearances table', async () => {
    const data = structuredClone(FIXTURE) as unknown as Dataset;
    data.sources.push({
      id: 'src:reprint',
      title: 'Reprinted, "in full"',
      publisher: 'Yahoo News',
      published: '2021-09',
    });
    const price = data.statements.find((s) => s.id === 'st:price-1')!;
    price.appearances = [
      {
        source: 'src:reprint',
        anchor: { type: 'TextQuoteSelector', exact: price.quote!, prefix: 'Price: ' },
        note: 'Reprinted, with a comma.',
      },
    ];
    const out = join(dir, 'appearances');
    await exportDataset(ClaimGraph.fromData(data), 'parquet', { out });
    const file = (kind: string) => table(out, kind);
    const joined = await rows(
      `SELECT s.id, a.source, a.own, src.publisher, a.anchor->>'prefix' AS prefix, a.note
       FROM ${file('statements')} s JOIN ${file('appearances')} a ON a.statement = s.id
       JOIN ${file('sources')} src ON src.id = a.source ORDER BY s.id, a.own DESC, a.source`,
    );
    expect(joined.filter((r) => r.id === 'st:price-1')).toEqual([
      {
        id: 'st:price-1',
        source: 'src:article',
        own: true,
        publisher: 'Washington Examiner',
        prefix: null,
        note: null,
      },
      {
        id: 'st:price-1',
        source: 'src:reprint',
        own: false,
        publisher: 'Yahoo News',
        prefix: 'Price: ',
        note: 'Reprinted, with a comma.',
      },
    ]);
    // One row per statement and source: every statement is reached, once per source.
    expect(joined).toHaveLength(data.statements.length + 1);
    const described = await rows(`DESCRIBE SELECT * FROM ${file('appearances')}`);
    expect(described.map((r) => [r.column_name, r.column_type])).toEqual([
      ['statement', 'VARCHAR'],
      ['source', 'VARCHAR'],
      ['own', 'BOOLEAN'],
      ['anchor', 'JSON'],
      ['note', 'VARCHAR'],
    ]);
  });

  it('gives the same row counts and every field value back', async () => {
    const cg = ClaimGraph.fromData(multiline(), { validate: false });
    const expected = cg.toJSON();
    await exportDataset(cg, 'parquet', { out: dir });
    for (const kind of KINDS) {
      const fields = parquetColumns(kind).filter((c) => c.field !== undefined);
      const back = (await rows(`SELECT * FROM ${table(dir, kind)} ORDER BY id`)).map((row) => {
        const record: Record<string, unknown> = {};
        for (const column of fields) {
          const value = row[column.name];
          if (value !== null && value !== undefined)
            record[column.field!] = column.type === 'JSON' ? JSON.parse(String(value)) : value;
        }
        return record;
      });
      expect(back, kind).toEqual(expected[kind].map((r) => ({ ...r })));
    }
  });

  it('types the columns: lists, booleans, integers, dates and JSON', async () => {
    const described = async (kind: string) =>
      Object.fromEntries(
        (await rows(`DESCRIBE SELECT * FROM ${table(dir, kind)}`)).map((r) => [r.column_name, r.column_type]),
      );
    expect(await described('entities')).toMatchObject({
      id: 'VARCHAR',
      aliases: 'VARCHAR[]',
      deceased: 'BOOLEAN',
      founded_start: 'DATE',
      founded_precision: 'VARCHAR',
    });
    expect(await described('relations')).toMatchObject({
      attributes: 'JSON',
      supports: 'INTEGER',
      disputes: 'INTEGER',
      symmetric: 'BOOLEAN',
      start_start: 'DATE',
    });
    expect(await described('statements')).toMatchObject({
      date: 'VARCHAR',
      date_start: 'DATE',
      date_end: 'DATE',
      date_precision: 'VARCHAR',
      hedged: 'BOOLEAN',
      year: 'BIGINT',
    });
  });

  it('sorts and filters partial dates by their derived DATE columns', async () => {
    const file = table(dir, 'statements');
    expect(
      await rows(`SELECT id, date, date_start, date_end, year::INTEGER AS year FROM ${file} ORDER BY date_start, id`),
    ).toEqual([
      { id: 'st:siraj-1', date: '2020', date_start: '2020-01-01', date_end: '2020-12-31', year: 2020 },
      { id: 'st:siraj-2', date: '2021-08', date_start: '2021-08-01', date_end: '2021-08-31', year: 2021 },
      { id: 'st:siraj-3', date: '2021-08-20', date_start: '2021-08-20', date_end: '2021-08-20', year: 2021 },
      { id: 'st:price-1', date: '2021-08-27', date_start: '2021-08-27', date_end: '2021-08-27', year: 2021 },
    ]);
    expect(
      await rows(
        `SELECT count(*)::INTEGER AS n FROM ${file} WHERE year = 2021 AND date_end <= DATE '2021-08-31' AND date_start >= DATE '2021-08-01'`,
      ),
    ).toEqual([{ n: 3 }]);
  });
});
