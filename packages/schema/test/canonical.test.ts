import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalDataset,
  canonicalRecord,
  comparePartialDates,
  isCanonicalRecord,
  latestDay,
  serializeDataset,
  serializeDatasetChunks,
  summarizeDataset,
  type Dataset,
} from '../src/index.js';
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

describe('isCanonicalRecord()', () => {
  const kinds = ['entities', 'relations', 'statements', 'sources', 'redirects'] as const;
  // Field names of every kind, nested objects the canonical form orders, and keys objects list oddly.
  const key = fc.constantFrom(
    'id',
    'type',
    'name',
    'source',
    'target',
    'relation',
    'speaker',
    'stance',
    'date',
    'quote',
    'from',
    'to',
    'attributes',
    'appearances',
    'anchor',
    'exact',
    'prefix',
    'start',
    'end',
    'zeta',
    'alpha',
    '__proto__',
    '10',
    '9',
  );
  const leaf = fc.oneof(fc.string({ maxLength: 3 }), fc.integer(), fc.boolean(), fc.constant('TextQuoteSelector'));
  const object = (value: fc.Arbitrary<unknown>) => fc.dictionary(key, value, { maxKeys: 6 });
  const nested = object(fc.oneof(leaf, object(leaf), fc.array(object(fc.oneof(leaf, object(leaf))), { maxLength: 3 })));
  // Through JSON, as records are read: `__proto__` an own field, integer-like keys listed first.
  const asRead = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;

  it('says true only when canonicalRecord would give the same keys and values back', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), nested, (kind, generated) => {
        const record = asRead(generated);
        if (isCanonicalRecord(kind, record))
          expect(JSON.stringify(canonicalRecord(kind, record))).toBe(JSON.stringify(record));
      }),
      { numRuns: 2000 },
    );
  });

  it('says true of what canonicalRecord gives, when no key is integer-like', () => {
    fc.assert(
      fc.property(fc.constantFrom(...kinds), nested, (kind, generated) => {
        const text = JSON.stringify(generated);
        fc.pre(!/"(9|10)":/.test(text));
        expect(isCanonicalRecord(kind, asRead(canonicalRecord(kind, asRead(generated))))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('says false of keys out of order, in the record, its attributes, appearances or anchor', () => {
    expect(isCanonicalRecord('relations', { id: 'rel:a', type: 'leads', source: 'a', target: 'b' })).toBe(true);
    expect(isCanonicalRecord('relations', { type: 'leads', id: 'rel:a', source: 'a', target: 'b' })).toBe(false);
    expect(isCanonicalRecord('relations', { id: 'rel:a', zeta: 1, alpha: 2 })).toBe(false);
    expect(isCanonicalRecord('relations', { id: 'rel:a', alpha: 2, type: 'leads' })).toBe(false);
    expect(isCanonicalRecord('relations', { id: 'rel:a', attributes: { b: 1, a: 2 } })).toBe(false);
    expect(isCanonicalRecord('relations', { id: 'rel:a', note: undefined })).toBe(false);
    const statement = (appearance: object) => ({ id: 'st:a', appearances: [appearance] });
    expect(
      isCanonicalRecord(
        'statements',
        statement({ source: 'src:a', anchor: { type: 'TextQuoteSelector', exact: 'x' } }),
      ),
    ).toBe(true);
    expect(isCanonicalRecord('statements', statement({ anchor: { type: 'TextQuoteSelector' }, source: 'src:a' }))).toBe(
      false,
    );
    expect(
      isCanonicalRecord(
        'statements',
        statement({ source: 'src:a', anchor: { exact: 'x', type: 'TextQuoteSelector' } }),
      ),
    ).toBe(false);
  });
});

describe('canonicalDataset()', () => {
  it('returns lists already in canonical form as they are, and copies the others', () => {
    const data = canonicalDataset(baseDataset());
    const again = canonicalDataset(data);
    expect(again.entities).toBe(data.entities);
    expect(again.statements).toBe(data.statements);
    const shuffled = { ...data, relations: data.relations.map((r) => Object.fromEntries(Object.entries(r).reverse())) };
    const fixed = canonicalDataset(shuffled as Dataset);
    expect(fixed.relations).not.toBe(shuffled.relations);
    expect(serializeDataset(fixed)).toBe(serializeDataset(data));
  });

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

describe('serializeDatasetChunks()', () => {
  /** The layout spelled out record by record: one JSON line per record, lists in order. */
  const recordByRecord = (data: Dataset) => {
    const kinds = ['entities', 'relations', 'statements', 'sources'] as const;
    const lists = kinds.map(
      (kind) =>
        `"${kind}": [${data[kind].length > 0 ? `\n${data[kind].map((r) => JSON.stringify(r)).join(',\n')}\n` : ''}]`,
    );
    return `{\n${lists.join(',\n')}\n}\n`;
  };
  const withStatements = (count: number, make: (i: number) => object) => {
    const data = baseDataset();
    return {
      ...data,
      statements: Array.from({ length: count }, (_, i) => ({
        ...data.statements[0]!,
        id: `st:${String(i).padStart(5, '0')}`,
        ...make(i),
      })),
    } as Dataset;
  };

  it('gives the text of serializeDataset in pieces of whole records, none much over 32 Ki characters', () => {
    const many = withStatements(2000, () => ({}));
    const pieces = [...serializeDatasetChunks(many)];
    expect(pieces.join('')).toBe(serializeDataset(many));
    expect(pieces.join('')).toBe(recordByRecord(many));
    expect(pieces.length).toBeGreaterThan(4);
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.length).toBeLessThan(2 << 15);
      expect(piece.endsWith('}') || piece.endsWith('[\n') || piece.endsWith(',\n')).toBe(true);
    }
  });

  it('keeps a `},{` inside a record on its line: in a quote, or between a statement’s appearances', () => {
    const tricky = withStatements(300, (i) =>
      i % 97 === 5
        ? { quote: 'a list: [{"a":1},{"b":2}]' }
        : i % 89 === 7
          ? {
              appearances: [
                { source: 'src:a', note: 'x' },
                { source: 'src:b', note: 'y' },
              ],
            }
          : {},
    );
    const text = serializeDataset(tricky);
    expect(text).toBe(recordByRecord(tricky));
    expect(JSON.parse(text)).toEqual(tricky);
  });

  it('writes records with a toJSON of their own as JSON.stringify does, whatever their `},{` count', () => {
    // Nine records that are one `},{` each in JSON and no `{…}`: as many `},{` as a run of ten records has boundaries.
    const data = withStatements(10, (i) => (i < 9 ? { toJSON: () => 'a},{b' } : {}));
    expect(serializeDataset(data)).toBe(recordByRecord(data));
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

  it('picks the first date by comparePartialDates and the last by latest day, first of equals kept', () => {
    const date = fc.constantFrom(
      '2020',
      '2020-01',
      '2020-01-01',
      '2020-12',
      '2020-12-31',
      '2021-02',
      '2019-12-31',
      '2021',
    );
    fc.assert(
      fc.property(fc.array(date, { minLength: 1, maxLength: 8 }), (dates) => {
        const data = { entities: [], relations: [], sources: [], statements: dates.map((d) => ({ date: d })) };
        let from = dates[0]!;
        let to = dates[0]!;
        for (const d of dates) {
          if (comparePartialDates(d, from) < 0) from = d;
          if (latestDay(d) > latestDay(to)) to = d;
        }
        expect(summarizeDataset(data as unknown as Dataset).statementDates).toEqual({ from, to });
      }),
    );
  });

  it('gives no date range for a dataset without statements', () => {
    expect(summarizeDataset({ entities: [], relations: [], statements: [], sources: [] }).statementDates).toBeNull();
  });
});
