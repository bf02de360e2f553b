import { describe, expect, it } from 'vitest';
import { canonicalDataset, canonicalRecord, serializeDataset, summarizeDataset, type Dataset } from '../src/index.js';
import { baseDataset } from './fixture.js';

describe('canonicalRecord()', () => {
  it('puts a statement’s keys in schema order', () => {
    const shuffled = {
      source: 'src:a',
      date: '2021',
      stance: 'supports',
      id: 'st:a',
      note: 'n',
      speaker: 'person:a',
      relation: 'rel:a',
      quote: 'q',
    };
    expect(Object.keys(canonicalRecord('statements', shuffled))).toEqual([
      'id',
      'relation',
      'speaker',
      'stance',
      'date',
      'quote',
      'source',
      'note',
    ]);
  });

  it('uses the field order of the entity’s own type', () => {
    const person = {
      role: 'spokesman',
      type: 'person',
      name: 'Ned Price',
      deceased: false,
      id: 'person:ned-price',
      aliases: ['Price'],
    };
    expect(Object.keys(canonicalRecord('entities', person))).toEqual([
      'id',
      'type',
      'name',
      'aliases',
      'role',
      'deceased',
    ]);
    const place = { placeKind: 'city', name: 'Kabul', type: 'place', id: 'place:kabul' };
    expect(Object.keys(canonicalRecord('entities', place))).toEqual(['id', 'type', 'name', 'placeKind']);
  });

  it('sorts attribute keys and keeps unknown fields last, sorted', () => {
    const relation = {
      zeta: 1,
      target: 'b',
      attributes: { role: 'x', appointedBy: 'y' },
      id: 'rel:a',
      alpha: 2,
      type: 'leads',
      source: 'a',
    };
    const out = canonicalRecord('relations', relation) as Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['id', 'type', 'source', 'target', 'attributes', 'alpha', 'zeta']);
    expect(Object.keys(out.attributes as object)).toEqual(['appointedBy', 'role']);
  });

  it('keeps a "__proto__" field as a field, without changing the prototype', () => {
    const record = JSON.parse('{"id":"st:a","__proto__":{"polluted":true},"constructor":"c"}') as object;
    const out = canonicalRecord('statements', record);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(JSON.stringify(out)).toBe('{"id":"st:a","__proto__":{"polluted":true},"constructor":"c"}');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('does not change the record it is given', () => {
    const record = { type: 'part-of', id: 'rel:a', source: 'a', target: 'b' };
    canonicalRecord('relations', record);
    expect(Object.keys(record)).toEqual(['type', 'id', 'source', 'target']);
  });
});

describe('canonicalDataset()', () => {
  it('sorts every list by id in code-point order', () => {
    const data = baseDataset();
    const shuffled: Dataset = {
      entities: [...data.entities].reverse(),
      relations: [...data.relations].reverse(),
      statements: [...data.statements].reverse(),
      sources: data.sources,
    };
    expect(canonicalDataset(shuffled)).toEqual(canonicalDataset(data));
    expect(canonicalDataset(shuffled).entities.map((e) => e.id)).toEqual(data.entities.map((e) => e.id));
  });
});

describe('serializeDataset()', () => {
  it('writes one record per line, lists in a fixed order, with a final newline', () => {
    const text = serializeDataset(canonicalDataset(baseDataset()));
    const lines = text.split('\n');
    expect(lines[0]).toBe('{');
    expect(lines[1]).toBe('"entities": [');
    expect(lines[2]).toBe('{"id":"armed-group:haqqani-network","type":"armed-group","name":"Haqqani network"},');
    expect(lines.filter((l) => l.startsWith('"')).map((l) => l.slice(0, l.indexOf(':')))).toEqual([
      '"entities"',
      '"relations"',
      '"statements"',
      '"sources"',
    ]);
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toEqual(canonicalDataset(baseDataset()));
  });

  it('writes empty lists on one line', () => {
    expect(serializeDataset({ entities: [], relations: [], statements: [], sources: [] })).toBe(
      '{\n"entities": [],\n"relations": [],\n"statements": [],\n"sources": []\n}\n',
    );
  });

  it('gives the same bytes for the same data in any order', () => {
    const data = baseDataset();
    const reordered = {
      ...data,
      statements: [...data.statements].reverse().map((s) => Object.fromEntries(Object.entries(s).reverse())),
    } as Dataset;
    expect(serializeDataset(canonicalDataset(reordered))).toBe(serializeDataset(canonicalDataset(data)));
  });
});

describe('summarizeDataset()', () => {
  it('counts records, types and stances, in sorted order', () => {
    expect(summarizeDataset(baseDataset())).toEqual({
      counts: { entities: 7, relations: 3, statements: 3, sources: 1 },
      entityTypes: { 'armed-group': 2, event: 1, 'government-body': 1, person: 2, place: 1 },
      relationTypes: { 'cooperates-with': 1, 'located-in': 1, 'part-of': 1 },
      stances: { disputes: 1, supports: 2 },
      statementDates: { from: '2021-08', to: '2021-08' },
    });
  });

  it('gives the date range as written, by first and last possible day', () => {
    const data = baseDataset();
    data.statements[0]!.date = '2012-09';
    data.statements[1]!.date = '2021';
    data.statements[2]!.date = '2021-12-30';
    expect(summarizeDataset(data).statementDates).toEqual({ from: '2012-09', to: '2021' });
  });

  it('gives no date range for a dataset without statements', () => {
    expect(summarizeDataset({ entities: [], relations: [], statements: [], sources: [] }).statementDates).toBeNull();
  });
});
