import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  canonicalDataset,
  formatIssue,
  RELATION_TYPES,
  serializeDataset,
  validateDataset,
  type Dataset,
} from '../src/index.js';
import { baseDataset } from './fixture.js';

// Keys and values that real mistakes and hostile input are made of.
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
  'start',
  'end',
  'attributes',
  'aliases',
  '__proto__',
  'constructor',
  'toString',
);
const text = fc.oneof(
  fc.constantFrom(
    'person:a',
    'rel:a',
    'st:a',
    'src:a',
    'place:a',
    '__proto__',
    'constructor',
    '2021-02-30',
    '0000',
    'part-of',
    'supports',
    '',
    ' x',
    'a\u202Eb',
    'a\nb',
  ),
  fc.string(),
);
const value = fc.oneof(
  text,
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(text, { maxLength: 3 }),
  fc.dictionary(text, text, { maxKeys: 3 }),
);
const record = fc.oneof(fc.dictionary(key, value, { maxKeys: 8 }), value);
const list = fc.oneof(fc.array(record, { maxLength: 6 }), value);

describe('validateDataset() never crashes', () => {
  it('on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const result = validateDataset(input);
        expect(result.valid).toBe(result.errors.length === 0);
      }),
    );
  });

  it('on datasets of arbitrary records, and every issue prints as one line with a file', () => {
    fc.assert(
      fc.property(fc.record({ entities: list, relations: list, statements: list, sources: list }), (input) => {
        const { errors } = validateDataset(JSON.parse(JSON.stringify(input)));
        for (const issue of errors) {
          expect(issue.file).toMatch(/^data\/\w+\.json$/);
          expect(formatIssue(issue)).not.toMatch(/[\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
        }
      }),
      { numRuns: 300 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('on a valid dataset with one field of one record replaced by anything', () => {
    const kinds = ['entities', 'relations', 'statements', 'sources'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...kinds), fc.nat(), key, value, (kind, at, field, replacement) => {
        const data = baseDataset() as unknown as Record<string, Record<string, unknown>[]>;
        const records = data[kind]!;
        records[at % records.length]![field] = replacement;
        const result = validateDataset(data);
        for (const issue of result.errors) expect(issue.message.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('canonical form', () => {
  const relation = fc.record({
    id: fc.stringMatching(/^rel:[a-z0-9]{1,8}$/),
    type: fc.constantFrom(...RELATION_TYPES),
    source: fc.constantFrom('person:a', 'armed-group:b'),
    target: fc.constantFrom('armed-group:c', 'place:d'),
    attributes: fc.dictionary(
      fc.stringMatching(/^[a-z][a-zA-Z0-9]{0,6}$/),
      fc.oneof(fc.string({ minLength: 1 }), fc.integer(), fc.boolean()),
      { maxKeys: 4 },
    ),
  });

  it('is idempotent and keeps every record and value', () => {
    fc.assert(
      fc.property(fc.uniqueArray(relation, { selector: (r) => r.id, maxLength: 8 }), (relations) => {
        const data = { entities: [], relations, statements: [], sources: [] } as unknown as Dataset;
        const once = canonicalDataset(data);
        expect(canonicalDataset(once)).toEqual(once);
        expect(serializeDataset(canonicalDataset(once))).toBe(serializeDataset(once));
        expect(JSON.parse(serializeDataset(once))).toEqual(once);
        expect([...once.relations].sort((a, b) => (a.id < b.id ? -1 : 1))).toEqual(once.relations);
        expect(new Set(once.relations.map((r) => JSON.stringify(r, Object.keys(r).sort())))).toEqual(
          new Set(relations.map((r) => JSON.stringify(r, Object.keys(r).sort()))),
        );
      }),
    );
  });
});
