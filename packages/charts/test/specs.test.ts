import { describe, expect, it } from 'vitest';
import {
  ENTITY_STYLE,
  OKABE_ITO,
  STANCE_COLORS,
  STATUS_STYLE,
  centralityChart,
  networkChart,
  stanceChart,
  timelineChart,
} from '../src/index.js';
import { HAQQANI, PART_OF, compiles, dataOf, markType, marksOf, mini, miniData, walk } from './fixture.js';

const HELPERS = {
  stanceChart: () => stanceChart(mini(), { relation: PART_OF, dataset: 'afghanistan-mini' }),
  timelineChart: () => timelineChart(mini(), { entity: HAQQANI, dataset: 'afghanistan-mini' }),
  networkChart: () => networkChart(mini(), { dataset: 'afghanistan-mini' }),
  centralityChart: () => centralityChart(mini(), { metric: 'betweenness', dataset: 'afghanistan-mini' }),
};

describe.each(Object.entries(HELPERS))('%s', (_name, make) => {
  it('compiles with vega-lite without a warning', async () => {
    await compiles(make());
  });

  it('returns plain JSON: serialising and parsing it gives the same spec', () => {
    const spec = make();
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });

  it('is self-contained: inline data only, never a URL', () => {
    const spec = make();
    for (const node of walk(spec)) expect(node).not.toHaveProperty('url');
    expect(dataOf(spec).length).toBeGreaterThan(0);
  });

  it('carries a title, a subtitle, a description and a source line naming the dataset and version', () => {
    const spec = make() as { title: { text: string[]; subtitle: string[] }; description: string };
    expect(spec.title.text.join(' ')).not.toBe('');
    expect(spec.title.subtitle.length).toBeGreaterThan(0);
    expect(spec.description.length).toBeGreaterThan(40);
    const credit = JSON.stringify(marksOf(make()).at(-1)?.encoding?.text);
    expect(credit).toContain('afghanistan-mini v0.1.0');
    expect(credit).toContain('Washington Examiner');
  });

  it('colours only with the Okabe–Ito palette and greys', () => {
    const allowed = new Set<string>([...Object.values(OKABE_ITO), '#9a9a9a']);
    for (const node of walk(make())) {
      const range = (node.scale as { range?: unknown } | undefined)?.range;
      if (Array.isArray(range) && typeof range[0] === 'string' && String(range[0]).startsWith('#')) {
        for (const colour of range) expect(allowed).toContain(colour);
      }
    }
  });
});

describe('stanceChart', () => {
  it('puts one row per speaker, a stance-coloured triangle, the date and the quote for the relation', () => {
    const spec = stanceChart(mini(), { relation: PART_OF });
    const views = marksOf(spec);
    const point = views.find((v) => markType(v) === 'point')!;
    expect(point.encoding?.color).toMatchObject({ field: 'stanceKey' });
    expect(point.encoding?.shape).toMatchObject({ field: 'stanceKey' });
    const texts = views.filter((v) => markType(v) === 'text').map((v) => v.encoding?.text?.field);
    expect(texts).toEqual(expect.arrayContaining(['dateLabel', 'quoteLines']));
    const rows = dataOf(spec).filter((r) => r.relation === PART_OF);
    expect(rows.map((r) => r.speakerName)).toEqual([
      'Sirajuddin Haqqani',
      'Taliban',
      'UN Monitoring Team',
      'Jake Sullivan',
      'Ned Price',
      'John Kirby',
      'State Department',
    ]);
    expect(rows.find((r) => r.speaker === 'person:ned-price')).toMatchObject({
      stance: 'disputes',
      dateLabel: '27 Aug 2021',
    });
  });

  it('shows a hedged statement in its own colour', () => {
    const spec = stanceChart(mini(), { relation: PART_OF });
    const kirby = dataOf(spec).find((r) => r.speaker === 'person:john-kirby')!;
    expect(kirby.stanceKey).toBe('supports, hedged');
    const color = marksOf(spec).find((v) => markType(v) === 'point')!.encoding!.color as {
      scale: { domain: string[]; range: string[] };
    };
    expect(color.scale.range[color.scale.domain.indexOf('supports, hedged')]).toBe(STANCE_COLORS['supports, hedged']);
    expect(STANCE_COLORS['supports, hedged']).not.toBe(STANCE_COLORS.supports);
  });

  it('puts the full quote, date and source in every statement tooltip', () => {
    const spec = stanceChart(mini(), { relation: PART_OF });
    const tooltip = JSON.stringify(
      [...walk(spec)].find((node) => 'tooltip' in node && Array.isArray(node.tooltip))?.tooltip,
    );
    for (const field of ['speakerName', 'stanceKey', 'dateLabel', 'quote', 'sourceLabel'])
      expect(tooltip).toContain(field);
  });

  it('gives a speaker’s second statement on a relation a row of its own under the same name', async () => {
    const data = miniData();
    data.statements.push({
      id: 'st:price-again',
      relation: PART_OF,
      speaker: 'person:ned-price',
      stance: 'disputes',
      date: '2021-08-28',
      quote: 'Still separate.',
      source: 'src:washington-examiner-2021-08-28',
    });
    const rows = dataOf(stanceChart(mini(data), { relation: PART_OF })).filter((r) => r.speaker === 'person:ned-price');
    expect(rows.map((r) => r.row)).toEqual(['Ned Price', 'Ned Price\u200b']);
    await compiles(stanceChart(mini(data), { relation: PART_OF }));
  });

  it('draws every contested relation when no relation or entity is given', () => {
    const sections = (stanceChart(mini()) as { vconcat: [{ vconcat: unknown[] }] }).vconcat[0].vconcat;
    expect(sections).toHaveLength(2);
  });

  it('draws a section for each relation of an entity, contested first', async () => {
    const spec = stanceChart(mini(), { entity: HAQQANI });
    const sections = (spec as unknown as { vconcat: [{ vconcat: { title: { text: string[] } }[] }] }).vconcat[0]
      .vconcat;
    expect(sections.length).toBe(7);
    expect(sections[0]!.title.text.join(' ')).toBe('Haqqani network part of Taliban');
    await compiles(spec);
  });

  it('fails on an unknown relation id, naming the package, helper and option', () => {
    expect(() => stanceChart(mini(), { relation: 'rel:nope' })).toThrow(
      '@claimgraph/charts: stanceChart: options.relation: "rel:nope" is not a relation in this dataset',
    );
    expect(() => stanceChart(mini(), { entity: 'person:nobody' })).toThrow(
      'options.entity: "person:nobody" is not an entity',
    );
  });
});

describe('timelineChart', () => {
  it('draws a year-precision date as a bar across its year, not a point on 1 January', () => {
    const spec = timelineChart(mini(), { relation: PART_OF });
    const sirajuddin = dataOf(spec).find((r) => r.speaker === 'person:sirajuddin-haqqani')!;
    expect(sirajuddin).toMatchObject({ precision: 'year', at: Date.UTC(2012, 0, 1), end: Date.UTC(2013, 0, 1) });
    const bar = marksOf(spec).find((v) => markType(v) === 'bar')!;
    expect(bar.transform).toEqual([{ filter: "datum.precision != 'day'" }]);
    expect(bar.encoding?.x2).toEqual({ field: 'end' });
  });

  it('draws a month as a bar across the month and a day as a point in the middle of the day', () => {
    const rows = dataOf(timelineChart(mini(), { relation: PART_OF }));
    expect(rows.find((r) => r.date === '2021-06')).toMatchObject({
      at: Date.UTC(2021, 5, 1),
      end: Date.UTC(2021, 6, 1),
    });
    expect(rows.find((r) => r.date === '2021-08-27')).toMatchObject({
      precision: 'day',
      at: Date.UTC(2021, 7, 27, 12),
    });
    const point = marksOf(timelineChart(mini(), { relation: PART_OF })).find((v) => markType(v) === 'point')!;
    expect(point.transform).toEqual([{ filter: "datum.precision == 'day'" }]);
  });

  it('counts statements by one speaker on one date with one stance as one mark', () => {
    const rows = dataOf(timelineChart(mini()));
    const site = rows.filter((r) => r.speaker === 'government-body:us-department-of-state' && r.date === '2021');
    expect(site).toHaveLength(1);
    expect(site[0]).toMatchObject({ count: 3, countLabel: '×3' });
  });

  it('puts overlapping marks of one speaker in separate lanes', () => {
    const rows = dataOf(timelineChart(mini(), { entity: HAQQANI })).filter(
      (r) => r.speaker === 'government-body:us-department-of-state',
    );
    const lanes = new Set(rows.map((r) => r.lane));
    expect(lanes.size).toBeGreaterThan(1);
    expect(rows.filter((r) => r.lane === 0).every((r) => !String(r.row).includes('\u200b'))).toBe(true);
  });

  it('keeps only statements that may fall inside from–to', () => {
    const rows = dataOf(timelineChart(mini(), { from: '2021-08', to: '2021-08' }));
    expect(rows.length).toBeGreaterThan(0);
    // "2021" may mean August 2021, so it stays; "2017" cannot.
    expect(rows.map((r) => r.date)).toContain('2021');
    expect(rows.map((r) => r.date)).not.toContain('2017');
  });

  it('fails when nothing falls in the window, saying what was asked', () => {
    expect(() => timelineChart(mini(), { relation: PART_OF, from: '2013', to: '2016' })).toThrow(
      '@claimgraph/charts: timelineChart: no statements to draw for relation rel:haqqani-network-part-of-taliban, from 2013, to 2016; widen the selection',
    );
  });

  it('fails on a malformed date, naming the option', () => {
    expect(() => timelineChart(mini(), { from: '2021-13' })).toThrow(
      '@claimgraph/charts: timelineChart: options.from: "2021-13" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD',
    );
  });
});

describe('networkChart', () => {
  const nodesOf = (spec: ReturnType<typeof networkChart>) => dataOf(spec).filter((r) => 'ties' in r);
  const edgesOf = (spec: ReturnType<typeof networkChart>) => dataOf(spec).filter((r) => 'status' in r && 'x2' in r);

  it('is reproducible: the same seed gives the same positions, another seed others', () => {
    expect(JSON.stringify(networkChart(mini(), { seed: 7 }))).toBe(JSON.stringify(networkChart(mini(), { seed: 7 })));
    const a = nodesOf(networkChart(mini(), { seed: 1 })).map((n) => [n.x, n.y]);
    const b = nodesOf(networkChart(mini(), { seed: 2 })).map((n) => [n.x, n.y]);
    expect(a).not.toEqual(b);
  });

  it('puts every tied entity inside the drawing, labelled and typed', () => {
    const spec = networkChart(mini());
    const nodes = nodesOf(spec);
    expect(nodes.map((n) => n.id)).toContain(HAQQANI);
    // Entities named only as speakers have no relation, so no node.
    expect(nodes.map((n) => n.id)).not.toContain('media-outlet:washington-examiner');
    for (const n of nodes) {
      expect(n.x as number).toBeGreaterThanOrEqual(0);
      expect(n.x as number).toBeLessThanOrEqual(600);
      expect(n.y as number).toBeGreaterThanOrEqual(0);
      expect(n.y as number).toBeLessThanOrEqual(480);
      expect(n.label).toBeTruthy();
    }
    const point = marksOf(spec).find((v) => markType(v) === 'point')!;
    expect(point.encoding?.color).toMatchObject({ field: 'type' });
    const types = (point.encoding!.color as { scale: { domain: string[]; range: string[] } }).scale;
    expect(types.range[types.domain.indexOf('Armed group')]).toBe(ENTITY_STYLE['armed-group'].color);
  });

  it('draws every relation as a line styled by status, contested ones last and thickest', () => {
    const spec = networkChart(mini());
    const edges = edgesOf(spec);
    expect(edges).toHaveLength(17);
    expect(edges.slice(-2).map((e) => e.status)).toEqual(['contested', 'contested']);
    expect(edges.find((e) => e.id === PART_OF)).toMatchObject({
      supports: 5,
      disputes: 2,
      relation: 'Haqqani network part of Taliban',
    });
    const rule = marksOf(spec).find((v) => markType(v) === 'rule')!;
    expect(rule.encoding?.strokeWidth).toEqual({
      condition: { test: "datum.status == 'contested'", value: STATUS_STYLE.contested.width },
      value: STATUS_STYLE.supported.width,
    });
    expect(JSON.stringify(rule.encoding?.tooltip)).toContain('supports');
  });

  it('draws only the focus and its neighbours when focused', () => {
    const nodes = nodesOf(networkChart(mini(), { focus: 'person:khalil-haqqani' }));
    expect(nodes.map((n) => n.id).sort()).toEqual([
      'government-body:us-department-of-the-treasury',
      'person:khalil-haqqani',
      'person:sirajuddin-haqqani',
    ]);
    expect(nodes.find((n) => n.focus)?.id).toBe('person:khalil-haqqani');
  });

  it('lays nodes on a circle when asked', async () => {
    await compiles(networkChart(mini(), { layout: 'circular' }));
  });
});

describe('centralityChart', () => {
  it('ranks entities by how many others they are tied to', () => {
    const rows = dataOf(centralityChart(mini(), { metric: 'degree' }));
    expect(rows[0]).toMatchObject({ name: 'Haqqani network', value: 6, rank: 1 });
    const values = rows.map((r) => r.value as number);
    expect(values).toEqual([...values].sort((a, b) => b - a));
  });

  it('ranks by betweenness between 0 and 1, at most `limit` entities', () => {
    const rows = dataOf(centralityChart(mini(), { metric: 'betweenness', limit: 5 }));
    expect(rows).toHaveLength(5);
    for (const r of rows) expect(r.value as number).toBeGreaterThanOrEqual(0);
    expect(rows[0]!.value as number).toBeLessThanOrEqual(1);
    expect(marksOf(centralityChart(mini())).map(markType)).toContain('bar');
  });

  it('fails on an unknown metric', () => {
    expect(() => centralityChart(mini(), { metric: 'pagerank' as 'degree' })).toThrow(
      '@claimgraph/charts: centralityChart: options.metric: "pagerank" is not a metric; use "degree" or "betweenness"',
    );
  });
});
