// How the Parquet tables' rows are split into Hive partitions: the year of a partial date, and
// the groups partitionRows makes (by dataset, then year), each in table order.
import { describe, expect, it } from 'vitest';
import { dateYear, partitionRows, SINGLE_DATASET_LAYOUT } from '../src/export/parquet-layout.js';

describe('dateYear', () => {
  it('reads the first four digits of a partial date', () => {
    expect(dateYear('2021-08-28')).toBe(2021);
    expect(dateYear('2021-06')).toBe(2021);
    expect(dateYear('2012')).toBe(2012);
    expect(dateYear('0999')).toBe(999);
  });

  it('gives null for anything that does not start with four ASCII digits', () => {
    for (const date of ['', '202', '20a1-01', ' 2021', '-2021', '２０２１', undefined, null, 2021, ['2021']]) {
      expect(dateYear(date)).toBeNull();
    }
  });
});

describe('partitionRows', () => {
  const dates = ['2021-01', '2019', 'no date', '2021-08-28', '2019-12', undefined];
  const idOf = (i: number) => `st:${i}`;
  const dateOf = (i: number) => dates[i];

  it('groups statements by year ascending, a missing year last, rows in table order', () => {
    const groups = partitionRows(SINGLE_DATASET_LAYOUT, 'statements', dates.length, idOf, dateOf);
    expect(groups).toEqual([
      { partition: { year: 2019 }, positions: [1, 4] },
      { partition: { year: 2021 }, positions: [0, 3] },
      { partition: { year: null }, positions: [2, 5] },
    ]);
  });

  it('keeps an unpartitioned table whole', () => {
    expect(partitionRows(SINGLE_DATASET_LAYOUT, 'entities', 3, idOf, dateOf)).toEqual([
      { partition: {}, positions: [0, 1, 2] },
    ]);
  });

  it('groups by dataset in the order given, then by year', () => {
    const layout = { byYear: new Set(['statements'] as const), datasetOf: (id: string) => (id < 'st:3' ? 'b' : 'a') };
    const groups = partitionRows(layout, 'statements', dates.length, idOf, dateOf, ['b', 'a']);
    expect(groups.map((g) => [g.partition, g.positions])).toEqual([
      [{ dataset: 'b', year: 2019 }, [1]],
      [{ dataset: 'b', year: 2021 }, [0]],
      [{ dataset: 'b', year: null }, [2]],
      [{ dataset: 'a', year: 2019 }, [4]],
      [{ dataset: 'a', year: 2021 }, [3]],
      [{ dataset: 'a', year: null }, [5]],
    ]);
  });
});
