import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldEach } from '../src/search.js';
import { ClaimGraph, foldKey, foldWords, UnknownIdError, type Statement } from '../src/index.js';
import { fixture } from './fixture.js';

const cg = ClaimGraph.fromData(fixture());
const ids = (records: { id: string }[]) => records.map((r) => r.id);

describe('entity() and entities()', () => {
  it('entity() returns the record for a known id and undefined for an unknown one', () => {
    expect(cg.entity('person:john-kirby')).toEqual({
      id: 'person:john-kirby',
      type: 'person',
      name: 'John Kirby',
      role: 'Pentagon spokesman',
    });
    expect(cg.entity('person:nobody')).toBeUndefined();
  });

  it('entities() lists every entity by id, or those of the given types', () => {
    expect(ids(cg.entities())).toEqual(fixture().entities.map((e) => e.id));
    expect(ids(cg.entities({ type: 'place' }))).toEqual(['place:kabul', 'place:mazar-i-sharif']);
    expect(ids(cg.entities({ type: ['place', 'document'] }))).toEqual([
      'document:un-report',
      'place:kabul',
      'place:mazar-i-sharif',
    ]);
  });

  it('relation() and source() look records up by id', () => {
    expect(cg.relation('rel:haqqani-part-of-taliban')?.type).toBe('part-of');
    expect(cg.relation('rel:nothing')).toBeUndefined();
    expect(cg.source('src:article')?.publisher).toBe('Washington Examiner');
    expect(cg.source('src:nothing')).toBeUndefined();
  });
});

describe('search()', () => {
  it('ranks an exact name first, then names that start with the text, then words, then anything containing it', () => {
    expect(ids(cg.search('taliban'))).toEqual(['armed-group:taliban', 'armed-group:taliban-faction']);
    expect(ids(cg.search('haqqani'))).toEqual([
      'armed-group:haqqani-network',
      'person:anas-haqqani',
      'person:sirajuddin-haqqani',
    ]);
    expect(ids(cg.search('network'))).toEqual(['armed-group:haqqani-network']);
    expect(ids(cg.search('sharif'))).toEqual(['place:mazar-i-sharif']);
    expect(ids(cg.search('zari'))).toEqual(['place:mazar-i-sharif']);
  });

  it('searches every entity from a view too, whether the view or its parent searched first', () => {
    // Views keep every entity, and share one name index with the graph they come from.
    for (const first of ['view', 'parent'] as const) {
      const graph = ClaimGraph.fromData(fixture());
      const view = graph.asOf('2000');
      const searches = first === 'view' ? [view, graph] : [graph, view];
      const [a, b] = searches.map((g) => ids(g.search('haqqani')));
      expect(a).toEqual(ids(cg.search('haqqani')));
      expect(b).toEqual(a);
      expect(ids(graph.perspective('person:ned-price').search('taliban'))).toEqual(ids(cg.search('taliban')));
    }
  });

  it('finds entities by an alias, exact aliases before prefixes', () => {
    expect(ids(cg.search('Pentagon'))).toEqual(['government-body:us-department-of-defense']);
    // "AQ" is an exact alias; "haqqani" merely contains the letters.
    expect(ids(cg.search('aq'))).toEqual([
      'armed-group:al-qaeda',
      'armed-group:haqqani-network',
      'person:anas-haqqani',
      'person:sirajuddin-haqqani',
    ]);
    expect(ids(cg.search('islamic'))).toEqual(['armed-group:isis-k', 'armed-group:taliban']);
  });

  it('ignores case, accents and punctuation', () => {
    for (const text of ['jose nunez', 'JOSÉ NÚÑEZ', 'José-Núñez', 'josenunez'])
      expect(ids(cg.search(text))).toEqual(['person:jose-nunez']);
    for (const text of ['mazar i sharif', 'Mazar-i-Sharif', 'MAZĀR-I-SHARĪF', 'mazarisharif'])
      expect(ids(cg.search(text))).toEqual(['place:mazar-i-sharif']);
    for (const text of ['oneil', "O'Neil", 'o neil foundation', 'O’NEIL'])
      expect(ids(cg.search(text))).toEqual(['organization:o-neil-foundation']);
    for (const text of ['al qaeda', 'alqaeda', 'AL-QAEDA', 'al qaida'])
      expect(ids(cg.search(text))).toEqual(['armed-group:al-qaeda']);
  });

  it('puts an exact match ahead of longer names even when their ids sort first', () => {
    const data = fixture();
    data.entities.unshift({ id: 'armed-group:a-taliban-splinter', type: 'armed-group', name: 'Taliban splinter' });
    expect(ids(ClaimGraph.fromData(data).search('Taliban'))).toEqual([
      'armed-group:taliban',
      'armed-group:a-taliban-splinter',
      'armed-group:taliban-faction',
    ]);
  });

  it('keeps only the given types and at most limit results', () => {
    expect(ids(cg.search('haqqani', { type: 'person' }))).toEqual(['person:anas-haqqani', 'person:sirajuddin-haqqani']);
    expect(ids(cg.search('haqqani', { limit: 1 }))).toEqual(['armed-group:haqqani-network']);
    expect(cg.search('haqqani', { limit: 0 })).toEqual([]);
  });

  it('returns nothing for text without letters or digits, or that matches no name', () => {
    expect(cg.search('')).toEqual([]);
    expect(cg.search(' - ')).toEqual([]);
    expect(cg.search('zzz')).toEqual([]);
  });
});

describe('relations()', () => {
  it('lists every relation by id', () => {
    expect(ids(cg.relations())).toEqual(fixture().relations.map((r) => r.id));
  });

  it('filters by type, status and entity at either end', () => {
    expect(ids(cg.relations({ type: 'part-of' }))).toEqual([
      'rel:al-qaeda-part-of-taliban',
      'rel:haqqani-part-of-taliban',
    ]);
    expect(ids(cg.relations({ status: 'contested' }))).toEqual(['rel:haqqani-part-of-taliban']);
    expect(ids(cg.relations({ status: 'disputed' }))).toEqual(['rel:al-qaeda-part-of-taliban']);
    expect(ids(cg.relations({ status: ['contested', 'disputed'] }))).toEqual([
      'rel:al-qaeda-part-of-taliban',
      'rel:haqqani-part-of-taliban',
    ]);
    expect(ids(cg.relations({ entity: 'armed-group:taliban' }))).toEqual([
      'rel:al-qaeda-part-of-taliban',
      'rel:haqqani-part-of-taliban',
      'rel:isis-k-rival-of-taliban',
      'rel:taliban-allied-with-al-qaeda',
    ]);
    expect(ids(cg.relations({ entity: 'armed-group:taliban', type: 'part-of', status: 'contested' }))).toEqual([
      'rel:haqqani-part-of-taliban',
    ]);
  });

  it('respects direction for directed types: source is where the relation goes from', () => {
    expect(ids(cg.relations({ source: 'armed-group:haqqani-network' }))).toEqual([
      'rel:haqqani-located-in-kabul',
      'rel:haqqani-part-of-taliban',
    ]);
    expect(ids(cg.relations({ target: 'armed-group:haqqani-network' }))).toEqual(['rel:sirajuddin-leads-haqqani']);
    expect(ids(cg.relations({ source: 'armed-group:haqqani-network', target: 'armed-group:taliban' }))).toEqual([
      'rel:haqqani-part-of-taliban',
    ]);
    expect(cg.relations({ source: 'armed-group:taliban', target: 'armed-group:haqqani-network' })).toEqual([]);
  });

  it('finds symmetric relations from either end', () => {
    // Stored taliban → al-qaeda and isis-k → taliban; both read the same either way.
    expect(ids(cg.relations({ source: 'armed-group:al-qaeda', type: 'allied-with' }))).toEqual([
      'rel:taliban-allied-with-al-qaeda',
    ]);
    expect(ids(cg.relations({ target: 'armed-group:taliban', type: 'allied-with' }))).toEqual([
      'rel:taliban-allied-with-al-qaeda',
    ]);
    expect(ids(cg.relations({ source: 'armed-group:al-qaeda', target: 'armed-group:taliban' }))).toEqual([
      'rel:al-qaeda-part-of-taliban',
      'rel:taliban-allied-with-al-qaeda',
    ]);
    expect(ids(cg.relations({ source: 'armed-group:taliban', target: 'armed-group:isis-k' }))).toEqual([
      'rel:isis-k-rival-of-taliban',
    ]);
    expect(ids(cg.relations({ source: 'armed-group:taliban' }))).toEqual([
      'rel:isis-k-rival-of-taliban',
      'rel:taliban-allied-with-al-qaeda',
    ]);
  });

  it('asOf keeps relations holding on that date and said by then, with their status as of then', () => {
    // By 2021-08-27 only Price's dispute counts: Kirby's "2021-08" is not certainly said by then.
    expect(cg.relations({ asOf: '2021-08-27', status: 'disputed' }).map((r) => r.id)).toEqual([
      'rel:haqqani-part-of-taliban',
    ]);
    expect(cg.relations({ asOf: '2021-08', status: 'contested' }).map((r) => r.id)).toEqual([
      'rel:haqqani-part-of-taliban',
    ]);
    expect(ids(cg.relations({ asOf: '2021-06' }))).toEqual([
      'rel:sirajuddin-leads-haqqani',
      'rel:taliban-allied-with-al-qaeda',
    ]);
  });
});

describe('statements()', () => {
  const order = (list: Statement[]) => list.map((s) => `${s.date} ${s.id}`);

  it('lists statements by date, coarser dates first on the same first day, then by id', () => {
    expect(order(cg.statements())).toEqual([
      '2021 st:price-2',
      '2021-06 st:un-1',
      '2021-06-01 st:un-2',
      '2021-08 st:kirby-1',
      '2021-08-01 st:price-4',
      '2021-08-10 st:kirby-3',
      '2021-08-20 st:kirby-4',
      '2021-08-26 st:price-3',
      '2021-08-27 st:kirby-2',
      '2021-08-27 st:price-1',
      '2021-08-28 st:anas-2',
      '2021-09 st:anas-3',
      '2021-09-01 st:anas-1',
    ]);
  });

  it('filters hedged statements in or out, and refuses a hedged option that is not a boolean', () => {
    const all = cg.statements();
    const hedged = cg.statements({ hedged: true });
    expect(hedged.length).toBeGreaterThan(0);
    expect(hedged.every((s) => s.hedged === true)).toBe(true);
    expect(ids(cg.statements({ hedged: false }))).toEqual(ids(all.filter((s) => s.hedged !== true)));
    expect(() => cg.statements({ hedged: 'yes' as never })).toThrow(
      '@claimgraph/sdk: statements(): hedged must be true or false, not "yes"',
    );
  });

  it('filters by relation, speaker, entity, stance and source', () => {
    expect(ids(cg.statements({ relation: 'rel:haqqani-part-of-taliban' }))).toEqual([
      'st:kirby-1',
      'st:price-1',
      'st:anas-1',
    ]);
    expect(ids(cg.statements({ speaker: 'person:ned-price' }))).toEqual([
      'st:price-2',
      'st:price-4',
      'st:price-3',
      'st:price-1',
    ]);
    expect(ids(cg.statements({ entity: 'armed-group:al-qaeda' }))).toEqual(['st:un-1', 'st:kirby-4', 'st:anas-2']);
    expect(ids(cg.statements({ stance: 'disputes' }))).toEqual(['st:price-1', 'st:anas-2']);
    expect(ids(cg.statements({ source: 'src:un-report' }))).toEqual(['st:un-1', 'st:un-2']);
    expect(ids(cg.statements({ speaker: 'person:john-kirby', relation: 'rel:haqqani-part-of-taliban' }))).toEqual([
      'st:kirby-1',
    ]);
    expect(cg.statements({ speaker: 'person:jose-nunez' })).toEqual([]);
  });

  it('from and to compare partial dates by precision: 2021-08 is by 2021-08-31, not by 2021-08-01', () => {
    const to = (date: string) => ids(cg.statements({ relation: 'rel:haqqani-part-of-taliban', to: date }));
    expect(to('2021-08-01')).toEqual([]);
    expect(to('2021-08-30')).toEqual(['st:price-1']);
    expect(to('2021-08-31')).toEqual(['st:kirby-1', 'st:price-1']);
    expect(to('2021-08')).toEqual(['st:kirby-1', 'st:price-1']);
    expect(to('2021')).toEqual(['st:kirby-1', 'st:price-1', 'st:anas-1']);
    const from = (date: string) => ids(cg.statements({ relation: 'rel:haqqani-part-of-taliban', from: date }));
    expect(from('2021-08-15')).toEqual(['st:price-1', 'st:anas-1']);
    expect(from('2021-08')).toEqual(['st:kirby-1', 'st:price-1', 'st:anas-1']);
    expect(from('2021-09')).toEqual(['st:anas-1']);
    // A year-precision statement is within 2021 but not certainly on or after 2021-06.
    expect(ids(cg.statements({ speaker: 'person:ned-price', from: '2021-06', to: '2021-08-26' }))).toEqual([
      'st:price-4',
      'st:price-3',
    ]);
  });
});

describe('stances() and contested()', () => {
  it('stances() marks a relation contested when both stances exist, each side by date then id', () => {
    const s = cg.stances('rel:haqqani-part-of-taliban');
    expect(s.relation.id).toBe('rel:haqqani-part-of-taliban');
    expect(s.status).toBe('contested');
    expect(ids(s.supports)).toEqual(['st:kirby-1', 'st:anas-1']);
    expect(ids(s.disputes)).toEqual(['st:price-1']);
  });

  it('stances() marks a relation supported or disputed when only one stance exists', () => {
    expect(cg.stances('rel:al-qaeda-part-of-taliban')).toMatchObject({ status: 'disputed', supports: [] });
    expect(cg.stances('rel:taliban-allied-with-al-qaeda')).toMatchObject({ status: 'supported', disputes: [] });
  });

  it('contested() lists the relations with both supporting and disputing statements, by id', () => {
    expect(ids(cg.contested())).toEqual(['rel:haqqani-part-of-taliban']);
    const data = fixture();
    data.statements.push({
      id: 'st:z-1',
      relation: 'rel:taliban-allied-with-al-qaeda',
      speaker: 'person:anas-haqqani',
      stance: 'disputes',
      date: '2021-09',
      source: 'src:article',
    });
    expect(ids(ClaimGraph.fromData(data).contested())).toEqual([
      'rel:haqqani-part-of-taliban',
      'rel:taliban-allied-with-al-qaeda',
    ]);
  });

  it('contested() returns a fresh list each time', () => {
    const first = cg.contested();
    first.pop();
    expect(cg.contested()).toHaveLength(1);
  });
});

describe('neighbors()', () => {
  it('lists everyone connected, whichever way a relation points, by id', () => {
    expect(ids(cg.neighbors('armed-group:haqqani-network'))).toEqual([
      'armed-group:taliban',
      'person:sirajuddin-haqqani',
      'place:kabul',
    ]);
    expect(ids(cg.neighbors('armed-group:taliban'))).toEqual([
      'armed-group:al-qaeda',
      'armed-group:haqqani-network',
      'armed-group:isis-k',
    ]);
    expect(cg.neighbors('armed-group:taliban-faction')).toEqual([]);
  });

  it('lists an entity once even when several relations connect it', () => {
    expect(ids(cg.neighbors('armed-group:al-qaeda'))).toEqual(['armed-group:taliban']);
  });

  it('narrows by type, status, date and direction; symmetric relations count both ways', () => {
    expect(ids(cg.neighbors('armed-group:taliban', { type: 'part-of' }))).toEqual([
      'armed-group:al-qaeda',
      'armed-group:haqqani-network',
    ]);
    expect(ids(cg.neighbors('armed-group:taliban', { status: 'contested' }))).toEqual(['armed-group:haqqani-network']);
    expect(ids(cg.neighbors('armed-group:taliban', { asOf: '2021-08-20' }))).toEqual(['armed-group:al-qaeda']);
    expect(ids(cg.neighbors('armed-group:taliban', { direction: 'out' }))).toEqual([
      'armed-group:al-qaeda',
      'armed-group:isis-k',
    ]);
    expect(ids(cg.neighbors('armed-group:taliban', { direction: 'in' }))).toEqual([
      'armed-group:al-qaeda',
      'armed-group:haqqani-network',
      'armed-group:isis-k',
    ]);
    expect(ids(cg.neighbors('armed-group:haqqani-network', { direction: 'out' }))).toEqual([
      'armed-group:taliban',
      'place:kabul',
    ]);
  });
});

describe('path()', () => {
  it('follows directed relations from source to target', () => {
    expect(cg.path('person:sirajuddin-haqqani', 'armed-group:taliban')).toEqual([
      'person:sirajuddin-haqqani',
      'armed-group:haqqani-network',
      'armed-group:taliban',
    ]);
    expect(cg.path('armed-group:taliban', 'person:sirajuddin-haqqani')).toBeNull();
  });

  it('walks every relation both ways with directed: false', () => {
    expect(cg.path('armed-group:taliban', 'person:sirajuddin-haqqani', { directed: false })).toEqual([
      'armed-group:taliban',
      'armed-group:haqqani-network',
      'person:sirajuddin-haqqani',
    ]);
    expect(cg.path('place:kabul', 'person:anas-haqqani', { directed: false })).toEqual([
      'place:kabul',
      'armed-group:haqqani-network',
      'person:sirajuddin-haqqani',
      'person:anas-haqqani',
    ]);
  });

  it('traverses symmetric relations both ways', () => {
    // taliban → al-qaeda is stored that way; isis-k → taliban is stored the other way.
    expect(cg.path('armed-group:al-qaeda', 'armed-group:isis-k')).toEqual([
      'armed-group:al-qaeda',
      'armed-group:taliban',
      'armed-group:isis-k',
    ]);
    expect(cg.path('armed-group:isis-k', 'armed-group:al-qaeda')).toEqual([
      'armed-group:isis-k',
      'armed-group:taliban',
      'armed-group:al-qaeda',
    ]);
  });

  it('returns the entity alone for a path to itself, and null when nothing connects', () => {
    expect(cg.path('place:kabul', 'place:kabul')).toEqual(['place:kabul']);
    expect(cg.path('armed-group:taliban-faction', 'place:kabul', { directed: false })).toBeNull();
  });

  it('keeps to the relations of the given type or status', () => {
    expect(cg.path('armed-group:haqqani-network', 'armed-group:al-qaeda', { directed: false })).toEqual([
      'armed-group:haqqani-network',
      'armed-group:taliban',
      'armed-group:al-qaeda',
    ]);
    expect(
      cg.path('armed-group:haqqani-network', 'armed-group:al-qaeda', { directed: false, type: 'part-of' }),
    ).toEqual(['armed-group:haqqani-network', 'armed-group:taliban', 'armed-group:al-qaeda']);
    expect(
      cg.path('armed-group:haqqani-network', 'armed-group:al-qaeda', { directed: false, status: 'supported' }),
    ).toBeNull();
  });

  it('finds a shortest path, the same one every time', () => {
    const data = fixture();
    // A longer detour must not win over the direct two-step path.
    data.relations.push({
      id: 'rel:z-kirby-meets-price',
      type: 'meets-with',
      source: 'person:john-kirby',
      target: 'person:ned-price',
    });
    data.statements.push({
      id: 'st:z-1',
      relation: 'rel:z-kirby-meets-price',
      speaker: 'person:john-kirby',
      stance: 'supports',
      date: '2021-08',
      source: 'src:article',
    });
    const g = ClaimGraph.fromData(data);
    const first = g.path('government-body:us-department-of-defense', 'government-body:state-department', {
      directed: false,
    });
    expect(first).toEqual([
      'government-body:us-department-of-defense',
      'person:john-kirby',
      'person:ned-price',
      'government-body:state-department',
    ]);
    expect(
      g.path('government-body:us-department-of-defense', 'government-body:state-department', { directed: false }),
    ).toEqual(first);
  });
});

describe('asOf()', () => {
  it('keeps statements dated on or before the date by precision, and the relations that still have one', () => {
    const early = cg.asOf('2021-08-15');
    // Price's "2021" and Kirby's "2021-08" are not certainly said by 2021-08-15; st:kirby-3 is about a
    // relation that had not certainly begun by then.
    expect(ids(early.statements())).toEqual(['st:un-1', 'st:un-2', 'st:price-4']);
    expect(early.relations({ type: 'part-of' })).toEqual([]);
    expect(ids(cg.asOf('2021-08').statements({ relation: 'rel:haqqani-part-of-taliban' }))).toEqual([
      'st:kirby-1',
      'st:price-1',
    ]);
  });

  it('keeps relations that have started by then, by precision', () => {
    // rel:haqqani-located-in-kabul starts in 2021-08: begun by 2021-08 (the month), not certainly by 2021-08-15.
    expect(cg.asOf('2021-08-15').relation('rel:haqqani-located-in-kabul')).toBeUndefined();
    expect(cg.asOf('2021-08').relation('rel:haqqani-located-in-kabul')).toBeDefined();
    expect(cg.asOf('2021-08-31').relation('rel:haqqani-located-in-kabul')).toBeDefined();
  });

  it('drops relations that ended before the date', () => {
    expect(cg.asOf('2021-08-20').relation('rel:isis-k-located-in-mazar')).toBeDefined();
    expect(cg.asOf('2021-08-21').relation('rel:isis-k-located-in-mazar')).toBeUndefined();
    // By the end of August it had ended.
    expect(cg.asOf('2021-08').relation('rel:isis-k-located-in-mazar')).toBeUndefined();
  });

  it('keeps a relation that ended at an unknown date (endedBy) until the last day endedBy can mean, then drops it', () => {
    const data = fixture();
    const mazar = data.relations.find((r) => r.id === 'rel:isis-k-located-in-mazar')!;
    delete mazar.end;
    mazar.endedBy = '2021-08-20'; // "formerly in Mazar", said on 2021-08-20: over by then, end unknown
    const ended = ClaimGraph.fromData(data);
    // Before the day it is known to be over it may still have held: kept, with what was said by then.
    expect(ended.asOf('2021-08-19').relation('rel:isis-k-located-in-mazar')).toBeDefined();
    // From that day on it had ended.
    expect(ended.asOf('2021-08-20').relation('rel:isis-k-located-in-mazar')).toBeUndefined();
    expect(ended.asOf('2021-08').relation('rel:isis-k-located-in-mazar')).toBeUndefined();
    // A month-precision endedBy ("former", in a source of August) rules out only the end of August.
    mazar.endedBy = '2021-08';
    const month = ClaimGraph.fromData(data);
    expect(month.asOf('2021-08-30').relation('rel:isis-k-located-in-mazar')).toBeDefined();
    expect(month.asOf('2021-08-31').relation('rel:isis-k-located-in-mazar')).toBeUndefined();
    expect(month.relations({ asOf: '2021-08' }).map((r) => r.id)).not.toContain('rel:isis-k-located-in-mazar');
  });

  it('recomputes each relation status from the statements made by then', () => {
    expect(cg.asOf('2021-08-27').stances('rel:haqqani-part-of-taliban').status).toBe('disputed');
    expect(cg.asOf('2021-08-31').stances('rel:haqqani-part-of-taliban').status).toBe('contested');
    expect(ids(cg.asOf('2021-08-27').contested())).toEqual([]);
  });

  it('keeps every entity and source, and the version', () => {
    const view = cg.asOf('2021-06');
    expect(view.entities()).toEqual(cg.entities());
    expect(view.toJSON().sources).toEqual(cg.toJSON().sources);
    expect(view.version).toBe(cg.version);
  });

  it('gives a dataset that is valid on its own', () => {
    expect(() => ClaimGraph.fromData(cg.asOf('2021-08-20').toJSON())).not.toThrow();
  });
});

describe('perspective()', () => {
  it('keeps only the speaker’s statements and the relations they speak about', () => {
    const price = cg.perspective('person:ned-price');
    expect(ids(price.statements())).toEqual(['st:price-2', 'st:price-4', 'st:price-3', 'st:price-1']);
    expect(ids(price.relations())).toEqual([
      'rel:haqqani-part-of-taliban',
      'rel:isis-k-located-in-mazar',
      'rel:isis-k-rival-of-taliban',
      'rel:price-member-of-state',
    ]);
  });

  it('tells each relation as that speaker does', () => {
    expect(cg.perspective('person:ned-price').stances('rel:haqqani-part-of-taliban').status).toBe('disputed');
    expect(cg.perspective('person:john-kirby').stances('rel:haqqani-part-of-taliban').status).toBe('supported');
    expect(() => cg.perspective('person:john-kirby').stances('rel:al-qaeda-part-of-taliban')).toThrow(
      '@claimgraph/sdk: unknown relation "rel:al-qaeda-part-of-taliban"',
    );
  });

  it('is empty for an entity that said nothing, and combines with asOf', () => {
    expect(cg.perspective('place:kabul').relations()).toEqual([]);
    expect(ids(cg.perspective('person:john-kirby').asOf('2021-08-27').statements())).toEqual([
      'st:kirby-4',
      'st:kirby-2',
    ]);
  });
});

describe('unknown ids', () => {
  it('every query names the unknown id instead of failing deep inside', () => {
    const calls: [string, () => unknown][] = [
      ['entity "x"', () => cg.neighbors('x')],
      ['entity "person:nobody"', () => cg.path('person:nobody', 'place:kabul')],
      ['entity "person:nobody"', () => cg.path('place:kabul', 'person:nobody')],
      ['entity "person:nobody"', () => cg.relations({ entity: 'person:nobody' })],
      ['entity "person:nobody"', () => cg.relations({ source: 'person:nobody' })],
      ['entity "person:nobody"', () => cg.relations({ target: 'person:nobody' })],
      ['entity "person:nobody"', () => cg.statements({ speaker: 'person:nobody' })],
      ['entity "person:nobody"', () => cg.statements({ entity: 'person:nobody' })],
      ['relation "rel:nothing"', () => cg.statements({ relation: 'rel:nothing' })],
      ['source "src:nothing"', () => cg.statements({ source: 'src:nothing' })],
      ['relation "rel:nothing"', () => cg.stances('rel:nothing')],
      ['entity "person:nobody"', () => cg.perspective('person:nobody')],
    ];
    for (const [what, call] of calls) {
      expect(call).toThrow(UnknownIdError);
      expect(call).toThrow(`@claimgraph/sdk: unknown ${what}`);
    }
  });

  it('UnknownIdError carries the kind and the id', () => {
    try {
      cg.stances('rel:nothing');
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ name: 'UnknownIdError', kind: 'relation', id: 'rel:nothing' });
    }
  });
});

describe('options', () => {
  it('rejects a misspelt option, naming the method and the allowed options', () => {
    expect(() => cg.relations({ sourc: 'x' } as never)).toThrow(
      '@claimgraph/sdk: relations(): option "sourc" is unknown; use type, entity, source, target, status, asOf',
    );
  });

  it('rejects values outside the vocabularies', () => {
    expect(() => cg.relations({ type: 'friend-of' as never })).toThrow(
      '@claimgraph/sdk: relations(): type must be one of affiliated-with,',
    );
    expect(() => cg.relations({ status: 'true' as never })).toThrow(
      '@claimgraph/sdk: relations(): status must be one of supported, disputed, contested, not "true"',
    );
    expect(() => cg.statements({ stance: 'denies' as never })).toThrow(
      '@claimgraph/sdk: statements(): stance must be one of supports, disputes, not "denies"',
    );
    expect(() => cg.search('x', { type: 'people' as never })).toThrow(
      '@claimgraph/sdk: search(): type must be one of person,',
    );
    expect(() => cg.search('x', { limit: -1 })).toThrow('@claimgraph/sdk: search(): limit must be a whole number');
    expect(() => cg.neighbors('place:kabul', { direction: 'up' as never })).toThrow(
      '@claimgraph/sdk: neighbors(): direction must be one of any, out, in, not "up"',
    );
    expect(() => cg.path('place:kabul', 'place:kabul', { directed: 'yes' as never })).toThrow(
      '@claimgraph/sdk: path(): directed must be true or false',
    );
  });

  it('rejects dates that are not partial dates', () => {
    expect(() => cg.asOf('2021-13')).toThrow(
      '@claimgraph/sdk: asOf(): date must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not "2021-13"',
    );
    expect(() => cg.asOf('2021-02-30')).toThrow('not "2021-02-30"');
    expect(() => cg.statements({ to: '21-08' })).toThrow('@claimgraph/sdk: statements(): to must be a date');
    expect(() => cg.relations({ asOf: 'yesterday' })).toThrow('@claimgraph/sdk: relations(): asOf must be a date');
  });
});

describe('plain records', () => {
  it('queries return the dataset’s own plain records, JSON-serialisable', () => {
    const [relation] = cg.relations({ type: 'relative-of' });
    expect(Object.getPrototypeOf(relation)).toBe(Object.prototype);
    expect(JSON.parse(JSON.stringify(cg.stances('rel:haqqani-part-of-taliban')))).toEqual(
      cg.stances('rel:haqqani-part-of-taliban'),
    );
  });

  it('lists are fresh arrays: changing one does not change the next answer', () => {
    const list = cg.relations();
    list.length = 0;
    expect(cg.relations()).toHaveLength(fixture().relations.length);
    const entities = cg.entities();
    entities.pop();
    expect(cg.entities()).toHaveLength(fixture().entities.length);
  });
});

describe('search() across Arabic-script keyboards', () => {
  it('finds a name typed with Persian/Pashto letters when the data uses Arabic ones, and back', () => {
    const data = {
      entities: [
        {
          id: 'person:sirajuddin-haqqani',
          type: 'person' as const,
          name: 'Sirajuddin Haqqani',
          aliases: ['سراج الدين حقاني'],
        },
        { id: 'place:kabul', type: 'place' as const, name: 'Kabul', aliases: ['کابل'] },
      ],
      relations: [],
      statements: [],
      sources: [],
    };
    const cg = ClaimGraph.fromData(data);
    // Persian yeh (U+06CC) in the query, Arabic yeh (U+064A) in the data.
    expect(cg.search('سراج الدین حقانی').map((e) => e.id)).toEqual(['person:sirajuddin-haqqani']);
    // Arabic kaf (U+0643) in the query, keheh (U+06A9) in the data.
    expect(cg.search('كابل').map((e) => e.id)).toEqual(['place:kabul']);
  });
});

describe('foldWords() and foldKey(), the public name folding', () => {
  it('fold case, accents, punctuation and Arabic-script keyboard variants as search() does', () => {
    expect(foldWords('Mazār-i-Sharīf')).toBe('mazar i sharif');
    expect(foldKey('al-Qaeda')).toBe('alqaeda');
    expect(foldKey('Al Qaeda')).toBe(foldKey('AlQaeda'));
    expect(foldWords('سراج الدین حقانی')).toBe(foldWords('سراج الدين حقاني'));
    expect(foldKey('کابل')).toBe(foldKey('كابل'));
    expect(foldWords('  ...  ')).toBe('');
  });
});

describe('foldEach(), the search index’s folding of every name at once', () => {
  // Characters where folding a whole block could differ from folding each name: line ends,
  // spaces and punctuation at the edges, final sigma, marks at a line start, decompositions.
  const tricky = [..."aZ9 -.’'`\n\r\tΣσΑİıßŁøđé\u0301\u0640كکیةﬁ①Ⅻ"];
  const names = fc.array(
    fc.oneof(fc.string({ unit: fc.constantFrom(...tricky), maxLength: 12 }), fc.string({ unit: 'grapheme' })),
    { maxLength: 30 },
  );

  it('gives what foldWords gives for each text', () => {
    fc.assert(
      fc.property(names, (texts) => {
        expect(foldEach(texts)).toEqual(texts.map(foldWords));
      }),
      { numRuns: 500 },
    );
  });

  it('folds names of every script in one block', () => {
    const texts = ['Mazār-i-Sharīf', ' ΟΔΥΣΣΕΥΣ ', 'al-Qaeda…', 'کابل', '', '--'];
    expect(foldEach(texts)).toEqual(['mazar i sharif', 'οδυσσευς', 'al qaeda', foldWords('كابل'), '', '']);
  });
});
