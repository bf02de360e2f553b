// A statement many outlets carry is one statement: charts count it once, and its tooltip says how
// many sources report it.
import { describe, expect, it } from 'vitest';
import type { Dataset } from '@claimgraph/schema';
import { stanceChart, timelineChart } from '../src/index.js';
import { HAQQANI, PART_OF, dataOf, mini, miniData, walk } from './fixture.js';

/** The mini dataset with Kirby's statement carried by two more outlets. */
function reprinted(): Dataset {
  const data = miniData();
  data.sources.push(
    { id: 'src:yahoo-news-2021-08-29', title: 'Reprint', publisher: 'Yahoo News', published: '2021-08-29' },
    { id: 'src:the-dispatch-2021-09', title: 'The Haqqani question', publisher: 'The Dispatch', published: '2021-09' },
  );
  const kirby = data.statements.find((s) => s.id === 'st:kirby-commingling')!;
  kirby.appearances = [
    { source: 'src:yahoo-news-2021-08-29', note: 'A verbatim reprint.' },
    { source: 'src:the-dispatch-2021-09' },
  ];
  return data;
}

const statementRowsOf = (spec: object) => {
  const rows = new Map<string, Record<string, unknown>>();
  for (const row of dataOf(spec as never)) if (typeof row.id === 'string' && 'sources' in row) rows.set(row.id, row);
  return rows;
};
const tooltips = (spec: object) =>
  [...walk(spec as never)].filter((n) => Array.isArray(n.tooltip)).map((n) => JSON.stringify(n.tooltip));

describe('charts and appearances', () => {
  it('stanceChart counts a statement once however many sources carry it, and says "reported by 3 sources"', () => {
    const plain = stanceChart(mini(), { relation: PART_OF });
    const spec = stanceChart(mini(reprinted()), { relation: PART_OF });
    const rows = statementRowsOf(spec);
    expect([...rows.keys()].sort()).toEqual([...statementRowsOf(plain).keys()].sort());
    expect(rows.get('st:kirby-commingling')!.sources).toBe('reported by 3 sources');
    for (const [id, row] of rows) if (id !== 'st:kirby-commingling') expect(row.sources).toBe('');
    // The counts in the title, subtitle and description are the statements', unchanged by appearances.
    const { title, description } = spec as unknown as { title: unknown; description: string };
    const before = plain as unknown as { title: unknown; description: string };
    expect(title).toEqual(before.title);
    expect(description).toBe(before.description);
    for (const tooltip of tooltips(spec)) expect(tooltip).toContain('{"field":"sources","title":"Sources"}');
  });

  it('timelineChart gives a lone statement’s mark the sources line and counts statements, not appearances', () => {
    const plain = timelineChart(mini(), { entity: HAQQANI });
    const spec = timelineChart(mini(reprinted()), { entity: HAQQANI });
    const marks = dataOf(spec).filter((row) => 'count' in row);
    const total = (rows: Record<string, unknown>[]) => rows.reduce((n, r) => n + (r.count as number), 0);
    expect(total(marks)).toBe(total(dataOf(plain).filter((row) => 'count' in row)));
    expect(marks.find((m) => m.id === 'st:kirby-commingling')).toMatchObject({
      count: 1,
      sources: 'reported by 3 sources',
    });
    expect(tooltips(spec).some((t) => t.includes('{"field":"sources","title":"Sources"}'))).toBe(true);
  });
});
