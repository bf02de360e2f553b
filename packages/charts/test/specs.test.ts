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
import { formatDateRange } from '../src/dates.js';
import { ChartOptionError } from '../src/options.js';
import { STATEMENT_TOOLTIP } from '../src/stance.js';
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
  it('puts one row group per speaker, a stance-coloured triangle, the date and the whole quote for the relation', () => {
    const spec = stanceChart(mini(), { relation: PART_OF });
    const views = marksOf(spec);
    const point = views.find((v) => markType(v) === 'point')!;
    expect(point.encoding?.color).toMatchObject({ field: 'stanceKey' });
    expect(point.encoding?.shape).toMatchObject({ field: 'stanceKey' });
    const rows = dataOf(spec).filter((r) => r.relation === PART_OF && !('kind' in r));
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
    // Every quote is drawn whole: its lines, joined, give the quote back.
    const texts = dataOf(spec).filter((r) => r.kind === 'quote');
    for (const row of rows.filter((r) => r.quote)) {
      const drawn = texts
        .filter((t) => t.id === row.id)
        .map((t) => t.text)
        .join(' ');
      expect(drawn).toBe(`“${String(row.quote)}”`);
    }
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
    const spec = stanceChart(mini(data), { relation: PART_OF });
    const names = dataOf(spec).filter((r) => r.kind === 'name' && r.speaker === 'person:ned-price');
    expect(names.map((r) => r.text)).toEqual(['Ned Price']);
    const marks = dataOf(spec).filter((r) => !('kind' in r) && r.speaker === 'person:ned-price');
    expect(marks).toHaveLength(2);
    expect(marks[1]!.y as number).toBeGreaterThan(marks[0]!.y as number);
    await compiles(spec);
  });

  it('draws a paraphrase in roman without quotation marks, and context under the words', async () => {
    const data = miniData();
    const price = data.statements.find((s) => s.speaker === 'person:ned-price')!;
    const kirby = data.statements.find((s) => s.speaker === 'person:john-kirby')!;
    delete price.quote;
    price.paraphrase = 'the two groups were separate entities';
    kirby.context = 'asked whether the Haqqanis are part of the Taliban';
    const spec = stanceChart(mini(data), { relation: PART_OF });
    const texts = dataOf(spec).filter((r) => 'kind' in r);
    expect(texts.find((t) => t.kind === 'paraphrase')).toMatchObject({ text: 'the two groups were separate entities' });
    expect(texts.filter((t) => t.id === price.id && t.kind === 'quote')).toEqual([]);
    const context = texts.find((t) => t.kind === 'context')!;
    const kirbyWords = texts.filter((t) => t.id === kirby.id && t.kind === 'quote');
    expect(context.y as number).toBeGreaterThan(Math.max(...kirbyWords.map((t) => t.y as number)));
    const paraphraseLayer = marksOf(spec).find((v) => String(JSON.stringify(v.transform)).includes("'paraphrase'"))!;
    expect((paraphraseLayer.mark as { fontStyle?: string }).fontStyle).toBeUndefined();
    expect(JSON.stringify(STATEMENT_TOOLTIP)).toContain('context');
    expect((spec as { description: string }).description).toContain(
      'asked whether the Haqqanis are part of the Taliban',
    );
    await compiles(spec);
  });

  it('shortens a quote past maxQuoteLines after a whole word, keeping it whole in the tooltip and description', () => {
    const spec = stanceChart(mini(), { relation: PART_OF, maxQuoteLines: 1, width: 480 });
    const texts = dataOf(spec).filter((r) => r.kind === 'quote');
    const shortened = texts.filter((t) => String(t.text).endsWith('…”'));
    expect(shortened.length).toBeGreaterThan(0);
    for (const t of shortened) {
      const words = String(t.text).slice(1, -2);
      expect(String(t.quote).startsWith(words)).toBe(true);
      expect(String(t.quote).charAt(words.length)).toMatch(/[\s,.;:]/);
      expect((spec as { description: string }).description).toContain(String(t.quote));
    }
  });

  it('keeps two speakers who share a name apart, numbered, with their descriptions', () => {
    const data = miniData();
    data.entities.push(
      {
        id: 'international-body:state-a',
        type: 'international-body',
        name: 'one member state',
        description: 'A member state on attacks',
      },
      {
        id: 'international-body:state-b',
        type: 'international-body',
        name: 'one member state',
        description: 'A member state on leaders',
      },
    );
    data.entities.sort((a, b) => (a.id < b.id ? -1 : 1));
    for (const [i, speaker] of ['international-body:state-a', 'international-body:state-b'].entries())
      data.statements.push({
        id: `st:state-${i}`,
        relation: PART_OF,
        speaker,
        stance: 'supports',
        date: '2021-07',
        quote: `Claim ${i}.`,
        source: 'src:washington-examiner-2021-08-28',
      });
    data.statements.sort((a, b) => (a.id < b.id ? -1 : 1));
    const spec = stanceChart(mini(data), { relation: PART_OF });
    const names = dataOf(spec).filter((r) => r.kind === 'name' && String(r.text).startsWith('one member state'));
    expect(names.map((r) => r.text)).toEqual(['one member state (1)', 'one member state (2)']);
    expect((spec as { description: string }).description).toContain(
      'one member state (2) is A member state on leaders',
    );
    const rows = dataOf(timelineChart(mini(data), { relation: PART_OF })).filter((r) =>
      String(r.row).startsWith('one'),
    );
    expect(new Set(rows.map((r) => r.row)).size).toBe(2);
  });

  it('draws every contested relation when no relation or entity is given', () => {
    const spec = stanceChart(mini());
    expect(dataOf(spec).filter((r) => r.kind === 'header')).toHaveLength(2);
  });

  it('draws a section for each relation of an entity, contested first', async () => {
    const spec = stanceChart(mini(), { entity: HAQQANI });
    const headers = dataOf(spec).filter((r) => r.kind === 'header');
    expect(new Set(headers.map((h) => h.full)).size).toBe(7);
    expect(headers[0]!.full).toBe('Haqqani network part of Taliban');
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
  it('draws a year-precision date as a thin line across its year with a hollow mark, not a point on 1 January', () => {
    const spec = timelineChart(mini(), { relation: PART_OF });
    const sirajuddin = dataOf(spec).find((r) => r.speaker === 'person:sirajuddin-haqqani')!;
    expect(sirajuddin).toMatchObject({ precision: 'year', from: Date.UTC(2012, 0, 1), until: Date.UTC(2013, 0, 1) });
    const line = marksOf(spec).find((v) => markType(v) === 'rule')!;
    expect(line.transform).toEqual([{ filter: "datum.precision != 'day'" }]);
    expect(line.encoding?.x2).toEqual({ field: 'until' });
    const hollow = marksOf(spec).find((v) => markType(v) === 'point' && JSON.stringify(v.transform).includes('!='))!;
    expect(hollow.mark).toMatchObject({ filled: false });
  });

  it('draws a month across the month and a day as a solid point in the middle of the day', () => {
    const rows = dataOf(timelineChart(mini(), { relation: PART_OF }));
    expect(rows.find((r) => r.date === '2021-06')).toMatchObject({
      from: Date.UTC(2021, 5, 1),
      until: Date.UTC(2021, 6, 1),
    });
    expect(rows.find((r) => r.date === '2021-08-27')).toMatchObject({
      precision: 'day',
      at: Date.UTC(2021, 7, 27, 12),
    });
    const point = marksOf(timelineChart(mini(), { relation: PART_OF })).find(
      (v) => markType(v) === 'point' && String(JSON.stringify(v.transform)).includes('=='),
    )!;
    expect(point.mark).toMatchObject({ filled: true });
  });

  it('writes each speaker’s total in a column, and dates in one style', () => {
    const spec = timelineChart(mini(), { from: '2021-08' }) as unknown as { title: { subtitle: string[] } };
    const totals = dataOf(spec as never).filter((r) => 'total' in r);
    expect(totals.length).toBeGreaterThan(1);
    // The span reads at the coarser precision of its ends: a statement dated "2021" makes it "2021".
    expect(spec.title.subtitle[0]).toContain(', 2021:');
    expect(formatDateRange('2021-08', '2021-08-28')).toBe('Aug 2021');
    expect(formatDateRange('2021-08-15', '2021-08-28')).toBe('15 to 28 Aug 2021');
    expect(formatDateRange('2012', '2021-08-27')).toBe('2012 to 2021');
    expect(JSON.stringify(spec)).toContain('"format":"%b %Y"');
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
    expect(() => timelineChart(mini(), { from: '2021-13' })).toThrow(ChartOptionError);
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

  it('puts every drawn entity inside the drawing, typed, with labels that overlap nothing', () => {
    const spec = networkChart(mini(), { all: true });
    const nodes = nodesOf(spec);
    expect(nodes.map((n) => n.id)).toContain(HAQQANI);
    // Entities named only as speakers have no relation, so no node.
    expect(nodes.map((n) => n.id)).not.toContain('media-outlet:washington-examiner');
    for (const n of nodes) {
      expect(n.x as number).toBeGreaterThanOrEqual(0);
      expect(n.x as number).toBeLessThanOrEqual(608);
      expect(n.y as number).toBeGreaterThanOrEqual(0);
      expect(n.y as number).toBeLessThanOrEqual(480);
    }
    const point = marksOf(spec).find(
      (v) => markType(v) === 'point' && v.encoding?.color && 'field' in v.encoding.color,
    )!;
    expect(point.encoding?.color).toMatchObject({ field: 'type' });
    const types = (point.encoding!.color as { scale: { domain: string[]; range: string[] } }).scale;
    expect(types.range[types.domain.indexOf('Armed group')]).toBe(ENTITY_STYLE['armed-group'].color);
  });

  it('defaults to the neighbourhood of the contested relations, and draws everything with all', () => {
    const around = nodesOf(networkChart(mini()));
    const all = nodesOf(networkChart(mini(), { all: true }));
    expect(around.length).toBeLessThanOrEqual(all.length);
    expect(around.map((n) => n.id)).toContain(HAQQANI);
    const spec = networkChart(mini(), { relation: PART_OF, depth: 1 }) as { title: { text: string[] } };
    expect(spec.title.text.join(' ')).toContain('Haqqani network part of Taliban');
  });

  it('keeps the best-connected entities above maxNodes and says so', () => {
    const spec = networkChart(mini(), { all: true, maxNodes: 5 }) as unknown as { title: { subtitle: string[] } };
    expect(nodesOf(spec as never).length).toBeLessThanOrEqual(5);
    expect(spec.title.subtitle.join(' ')).toMatch(/Showing the \d+ best-connected of \d+ entities \(at most 5\)/);
  });

  it('merges relations between the same two entities into one link carrying their count and types', () => {
    const data = miniData();
    const base = data.relations.find((r) => r.id === PART_OF)!;
    data.relations.push({ id: 'rel:zz-allied', type: 'allied-with', source: base.source, target: base.target });
    data.statements.push({
      id: 'st:zz-allied',
      relation: 'rel:zz-allied',
      speaker: 'person:ned-price',
      stance: 'supports',
      date: '2021-08-27',
      source: 'src:washington-examiner-2021-08-28',
    });
    const spec = networkChart(mini(data), { all: true });
    const links = edgesOf(spec).filter((e) => (e.ids as string[]).includes(PART_OF));
    expect(links).toHaveLength(1);
    const between = data.relations.filter(
      (r) =>
        (r.source === base.source && r.target === base.target) ||
        (r.source === base.target && r.target === base.source),
    );
    expect(between.length).toBeGreaterThan(1);
    expect(links[0]).toMatchObject({ count: between.length, status: 'contested' });
    expect(String(links[0]!.relations)).toContain('part of');
    expect(String(links[0]!.relations)).toContain('allied with');
    const rule = marksOf(spec).find((v) => markType(v) === 'rule')!;
    expect(rule.encoding?.strokeWidth).toEqual({
      condition: { test: "datum.status == 'contested'", value: STATUS_STYLE.contested.width },
      value: STATUS_STYLE.supported.width,
    });
    expect(edgesOf(spec).slice(-1)[0]!.status).toBe('contested');
    // part-of is directed: an arrowhead points at the Taliban.
    expect((links[0]!.arrows as unknown[]).length).toBeGreaterThanOrEqual(1);
  });

  it('draws only the entity and its neighbours when given one', () => {
    const nodes = nodesOf(networkChart(mini(), { entity: 'person:khalil-haqqani' }));
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

  it('ranks people, armed groups, government and international bodies by default; types changes it', () => {
    const rows = dataOf(centralityChart(mini(), { metric: 'degree' }));
    expect(new Set(rows.map((r) => r.type))).not.toContain('Event');
    const events = dataOf(centralityChart(mini(), { types: ['event'] }));
    expect(events.every((r) => r.type === 'Event')).toBe(true);
    const spec = centralityChart(mini(), { metric: 'betweenness' }) as unknown as { title: { subtitle: string[] } };
    expect(spec.title.subtitle.join(' ')).toContain('shortest chain of ties');
  });

  it('writes a long name whole on two lines before it shortens one, and says which it shortened', async () => {
    const spec = centralityChart(mini(), { metric: 'degree', labelWidth: 70 });
    const rows = dataOf(spec);
    const lines = rows.map((r) => String(r.label).split('\n'));
    expect(lines.some((l) => l.length === 2)).toBe(true);
    expect(lines.every((l) => l.length <= 2)).toBe(true);
    const whole = rows.filter((r) => !r.shortened);
    for (const r of whole) expect(String(r.label).replace(/\n/g, ' ')).toBe(r.name);
    const shortened = rows.filter((r) => r.shortened).map((r) => String(r.name));
    const description = (spec as unknown as { description: string }).description;
    for (const name of shortened) expect(description).toContain(name);
    if (shortened.length === 0) expect(description).not.toContain('Names shortened');
    await compiles(spec);
  });

  it('fails on an unknown metric', () => {
    expect(() => centralityChart(mini(), { metric: 'pagerank' as 'degree' })).toThrow(
      '@claimgraph/charts: centralityChart: options.metric: must be one of degree, betweenness, not "pagerank"',
    );
  });
});

describe('options', () => {
  const HELPERS = { stanceChart, timelineChart, networkChart, centralityChart } as const;

  it.each(Object.entries(HELPERS))(
    '%s refuses an unknown option, naming it and suggesting the right one',
    (name, make) => {
      const call = () => (make as (cg: unknown, o: unknown) => unknown)(mini(), { widht: 500 });
      expect(call).toThrow(ChartOptionError);
      expect(call).toThrow(`@claimgraph/charts: ${name}: options.widht: is not an option (did you mean "width"?)`);
    },
  );

  it.each(Object.entries(HELPERS))('%s refuses a value of the wrong type, naming the option', (name, make) => {
    const call = () => (make as (cg: unknown, o: unknown) => unknown)(mini(), { width: '640' });
    expect(call).toThrow(`@claimgraph/charts: ${name}: options.width: must be a number from 200 to 2400, not "640"`);
  });

  it.each(Object.entries(HELPERS))('%s treats undefined as the default', (_name, make) => {
    const draw = make as (cg: unknown, o?: unknown) => unknown;
    expect(JSON.stringify(draw(mini(), { width: undefined, title: undefined }))).toBe(JSON.stringify(draw(mini())));
  });

  it('catches a misspelt relation option instead of drawing every contested relation', () => {
    expect(() => stanceChart(mini(), { relaton: PART_OF } as never)).toThrow(
      'options.relaton: is not an option (did you mean "relation"?)',
    );
  });

  it('names the dataset from cg.name when no dataset option is given', () => {
    const cg = Object.assign(mini(), { name: '@claimgraph/dataset-afghanistan-mini' });
    expect(JSON.stringify(stanceChart(cg))).toContain('claimgraph dataset afghanistan-mini v0.1.0');
    expect(JSON.stringify(stanceChart(mini()))).toContain('a claimgraph dataset v0.1.0');
  });
});
