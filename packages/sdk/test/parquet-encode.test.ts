// The Parquet encoder (src/export/parquet-encode) against hyparquet-writer's own parquetWriteBuffer,
// which wrote claimgraph's files before it: the same column data gives the same bytes, for every
// column type claimgraph writes, nullable or not, with dictionaries, several pages and row groups.
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { describe, expect, it } from 'vitest';
import { parquetSchema, type ParquetColumn } from '../src/export/parquet.js';
import { ChunkWriter } from '../src/export/parquet-encode/column-chunk.js';
import { ParquetFileEncoder } from '../src/export/parquet-encode/file.js';
import { ParquetValueError } from '../src/export/parquet-encode/leaves.js';
import { writerParts } from '../src/export/parquet-encode/writer-parts.js';

const COLUMNS: ParquetColumn[] = [
  { name: 'id', type: 'STRING', nullable: false },
  { name: 'note', type: 'STRING', nullable: true, freeText: true },
  { name: 'kind', type: 'STRING', nullable: true },
  { name: 'aliases', type: 'LIST<STRING>', nullable: true },
  { name: 'tags', type: 'LIST<STRING>', nullable: false },
  { name: 'attributes', type: 'JSON', nullable: true },
  { name: 'day', type: 'DATE', nullable: true },
  { name: 'count', type: 'INT32', nullable: false },
  { name: 'flag', type: 'BOOLEAN', nullable: false },
  { name: 'maybe', type: 'BOOLEAN', nullable: true },
];

const WORDS = ['Taliban', 'طالبان', 'د طالبانو ویاند', '👍🏽', 'Kabul', 'قال المتحدث', '"quoted"', 'émir', ''];

/** Column data for `rows` rows from a small deterministic generator; `longText` makes a note ~1,000 characters. */
function columnData(rows: number, longText = false): unknown[][] {
  let state = 7;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const word = () => WORDS[next(WORDS.length)]!;
  const data: unknown[][] = COLUMNS.map(() => []);
  for (let row = 0; row < rows; row++) {
    const values = [
      `id:${String(row).padStart(6, '0')}`,
      next(4) === 0
        ? null
        : longText
          ? `${row}: ${Array.from({ length: 100 + next(20) }, word).join(' ')}`
          : `${word()} ${word()} ${row}`,
      next(5) === 0 ? null : ['person', 'group', 'place'][next(3)],
      next(3) === 0 ? null : Array.from({ length: next(3) }, word),
      Array.from({ length: next(3) }, () => ['a', 'b'][next(2)]),
      next(2) === 0 ? null : { role: word(), rank: next(10), acting: next(2) === 0 },
      next(4) === 0 ? null : 18_000 + next(400),
      next(1000) - 500,
      next(2) === 0,
      next(3) === 0 ? null : next(2) === 0,
    ];
    values.forEach((value, c) => data[c]!.push(value));
  }
  return data;
}

const OPTIONS = { createdBy: 'claimgraph', statisticsLength: 64 };

async function encode(
  columns: ParquetColumn[],
  data: unknown[][],
  groupRows: number,
  chunks?: ChunkWriter,
): Promise<Uint8Array> {
  const parts = await writerParts();
  const file = new ParquetFileEncoder(
    parts,
    chunks ?? new ChunkWriter(parts),
    columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable, statistics: !c.freeText })),
    { schema: parquetSchema(columns), ...OPTIONS },
  );
  const rows = data[0]!.length;
  for (let first = 0; first < rows; first += groupRows) {
    // Copies: the encoder overwrites its input arrays, and the reference writer reads `data` after.
    const group = data.map((d) => d.slice(first, first + groupRows));
    file.writeRowGroup(group, group[0]!.length);
  }
  return file.finish();
}

function reference(columns: ParquetColumn[], data: unknown[][], groupRows: number): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: columns.map((c, i) => ({ name: c.name, data: data[i]!, statistics: !c.freeText })),
    schema: parquetSchema(columns) as Parameters<typeof parquetWriteBuffer>[0]['schema'],
    rowGroupSize: groupRows,
    statisticsTruncateLength: OPTIONS.statisticsLength,
    createdBy: OPTIONS.createdBy,
  });
  return new Uint8Array(buffer);
}

const arrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('the Parquet encoder', () => {
  it.each([
    ['a few rows (booleans bit-packed)', 5, 100_000, false],
    ['row groups of 1,000', 3_500, 1_000, false],
    ['text over several 1 MiB pages', 4_000, 100_000, true],
  ])('writes the bytes hyparquet-writer writes: %s', async (_, rows, groupRows, longText) => {
    const data = columnData(rows, longText);
    const bytes = await encode(COLUMNS, data, groupRows);
    expect(bytes).toEqual(reference(COLUMNS, data, groupRows));
    const metadata = parquetMetadata(arrayBuffer(bytes));
    expect(metadata.row_groups).toHaveLength(Math.ceil(rows / groupRows));
    const read = await parquetReadObjects({ file: arrayBuffer(bytes) });
    expect(read.map((r) => r.id)).toEqual(data[0]);
    expect(read.map((r) => r.day === null)).toEqual(data[6]!.map((d) => d === null));
  });

  it('writes file after file with one ChunkWriter, each file its own bytes', async () => {
    const chunks = new ChunkWriter(await writerParts());
    const large = columnData(4_000, true);
    const small = columnData(50);
    const first = await encode(COLUMNS, large, 100_000, chunks);
    const second = await encode(COLUMNS, small, 100_000, chunks);
    expect(first).toEqual(reference(COLUMNS, large, 100_000));
    expect(second).toEqual(reference(COLUMNS, small, 100_000));
  });

  it('checks that the large-text case really spans several pages and dictionaries', async () => {
    const metadata = parquetMetadata(arrayBuffer(await encode(COLUMNS, columnData(4_000, true), 100_000)));
    const chunk = (name: string) =>
      metadata.row_groups[0]!.columns.find((c) => c.meta_data!.path_in_schema[0] === name)!;
    expect(chunk('note').offset_index_length).toBeGreaterThan(0);
    expect(chunk('kind').meta_data!.encodings).toEqual(['PLAIN', 'RLE_DICTIONARY']);
    expect(chunk('tags').meta_data!.encodings).toEqual(['PLAIN', 'RLE_DICTIONARY']);
    expect(chunk('id').meta_data!.encodings).toEqual(['PLAIN']);
  });

  it('round-trips Pashto, Arabic, emoji and combining marks, and writes a lone surrogate as U+FFFD', async () => {
    const texts = [
      'د طالبانو ویاند وویل',
      'قال المتحدث باسم',
      '🇦🇫 👍🏽',
      'e\u0301mir',
      'a\ud800b',
      'x'.repeat(300) + 'ی',
    ];
    const columns: ParquetColumn[] = [
      { name: 'text', type: 'STRING', nullable: false },
      { name: 'list', type: 'LIST<STRING>', nullable: false },
    ];
    const bytes = await encode(columns, [texts, texts.map((t) => [t, t])], 100);
    const read = await parquetReadObjects({ file: arrayBuffer(bytes) });
    const expected = texts.map((t) => t.replace('\ud800', '\ufffd'));
    expect(read.map((r) => r.text)).toEqual(expected);
    expect(read.map((r) => r.list)).toEqual(expected.map((t) => [t, t]));
  });

  it('orders min/max by code point, not by UTF-16 code unit', async () => {
    // In UTF-16, 😀 (U+1F600, surrogates D83D DE00) sorts before U+E000; in UTF-8 bytes it sorts after.
    const columns: ParquetColumn[] = [{ name: 'text', type: 'STRING', nullable: true }];
    const cases: [values: (string | null)[], min: string, max: string, nulls: bigint][] = [
      [['a\ue000', 'a😀', null, 'aé', 'a\ue000'], 'aé', 'a😀', 1n], // repeats: min/max over the dictionary
      [['a\ue000', 'a😀', 'aé', 'b', 'c', 'd'], 'aé', 'd', 0n], // distinct: min/max over the plain values
      [['a😀', 'a\ue000', 'aé', 'a😀x', 'a😀'], 'aé', 'a😀x', 0n],
    ];
    for (const [values, min, max, nulls] of cases) {
      const bytes = await encode(columns, [values], 100);
      const statistics = parquetMetadata(arrayBuffer(bytes)).row_groups[0]!.columns[0]!.meta_data!.statistics!;
      expect([statistics.min_value, statistics.max_value, statistics.null_count]).toEqual([min, max, nulls]);
    }
  });

  it('names the row and column of a value that does not fit', async () => {
    const columns: ParquetColumn[] = [
      { name: 'id', type: 'STRING', nullable: false },
      { name: 'count', type: 'INT32', nullable: true },
    ];
    const error = await encode(
      columns,
      [
        ['a', 'b'],
        [1, 2.5],
      ],
      100,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ParquetValueError);
    expect(error).toMatchObject({ row: 1, column: 'count', message: 'expected a 32-bit integer, got number' });
  });
});
