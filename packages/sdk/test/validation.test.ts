import fc from 'fast-check';
import { canonicalDataset, validateDataset, type Dataset } from '@claimgraph/schema';
import { describe, expect, it } from 'vitest';
import { ClaimGraph, ClaimGraphError, ClaimGraphValidationError } from '../src/index.js';
import { datasetRulesHold, recordsLookValid } from '../src/quick-check.js';
import { buildStore } from '../src/store.js';
import { syntheticDataset } from '../src/synthetic.js';
import { fixture } from './fixture.js';

import { MUTATIONS, singlyMutated, type Mutable } from './mutations.js';

/** The quick check's verdict, as fromData uses it. */
function quickVerdict(data: Dataset, requireSorted: boolean): boolean {
  const store = buildStore(data);
  return store.problem === null && recordsLookValid(store) && datasetRulesHold(store, requireSorted);
}

const mutated = fc
  .record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    entities: fc.integer({ min: 12, max: 40 }),
    mutations: fc.array(fc.constantFrom(...Object.keys(MUTATIONS)), { maxLength: 2 }),
    picks: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    requireSorted: fc.boolean(),
  })
  .map(({ seed, entities, mutations, picks, requireSorted }) => {
    const data = syntheticDataset({ entities, seed });
    let k = 0;
    const pick = (n: number) => (n === 0 ? 0 : picks[k++ % picks.length]! % n);
    for (const name of mutations) MUTATIONS[name]!(data, pick);
    return { data, mutations, requireSorted };
  });

describe('validation', () => {
  it('the quick check agrees with validateDataset on valid and broken datasets', () => {
    const verdicts = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(mutated, ({ data, requireSorted }) => {
        const expected = validateDataset(data, { requireSorted }).valid;
        expect(quickVerdict(data, requireSorted)).toBe(expected);
        verdicts[expected ? 'valid' : 'invalid']++;
      }),
      { numRuns: 400, seed: 20210815 },
    );
    // Both answers must be well represented for the agreement to mean anything.
    expect(verdicts.valid).toBeGreaterThan(60);
    expect(verdicts.invalid).toBeGreaterThan(150);
  });

  it('the quick check agrees with validateDataset on every single mutation', () => {
    for (const { name, seed, data } of singlyMutated()) {
      for (const requireSorted of [false, true]) {
        expect({ name, seed, requireSorted, verdict: quickVerdict(data, requireSorted) }).toEqual({
          name,
          seed,
          requireSorted,
          verdict: validateDataset(data, { requireSorted }).valid,
        });
      }
    }
  });

  it('fromData accepts exactly what validateDataset accepts, and reports its issues', () => {
    fc.assert(
      fc.property(mutated, ({ data, requireSorted }) => {
        const expected = validateDataset(data, { requireSorted });
        let thrown: unknown;
        try {
          ClaimGraph.fromData(data, { requireSorted });
        } catch (error) {
          thrown = error;
        }
        if (expected.valid) expect(thrown).toBeUndefined();
        else {
          expect(thrown).toBeInstanceOf(ClaimGraphValidationError);
          expect((thrown as ClaimGraphValidationError).issues).toEqual(expected.errors);
        }
      }),
      { numRuns: 200, seed: 42 },
    );
  });

  it('throws ClaimGraphValidationError with the schema’s issues and the first few in its message', () => {
    const data = fixture();
    (data.statements[0] as unknown as Mutable).date = '2021-02-30';
    (data.statements[1] as unknown as Mutable).spekaer = 'x';
    data.relations[0]!.target = 'person:nobody';
    try {
      ClaimGraph.fromData(data);
      expect.unreachable();
    } catch (error) {
      const e = error as ClaimGraphValidationError;
      expect(e).toBeInstanceOf(ClaimGraphValidationError);
      expect(e.name).toBe('ClaimGraphValidationError');
      expect(e.issues).toEqual(validateDataset(data, { requireSorted: false }).errors);
      expect(e.message).toBe(
        [
          '@claimgraph/sdk: the dataset is invalid (3 problems):',
          '  data/relations.json: rel:al-qaeda-part-of-taliban /target: "person:nobody" is not a known entity',
          '  data/statements.json: st:anas-1 /date: "2021-02-30" is not a calendar date',
          '  data/statements.json: st:anas-2 /spekaer: unknown field "spekaer" (did you mean "speaker"?); allowed fields are fixed by the schema',
        ].join('\n'),
      );
    }
  });

  it('lists five issues in the message and counts the rest', () => {
    const data = fixture();
    for (const s of data.statements) (s as unknown as Mutable).date = 'soon';
    expect(() => ClaimGraph.fromData(data)).toThrow(/\(13 problems\):\n(.*\n){5} {2}… and 8 more$/);
  });

  it('does not require sorted lists unless asked, and sorts them itself', () => {
    const data = fixture();
    data.entities.reverse();
    data.statements.reverse();
    const cg = ClaimGraph.fromData(data);
    expect(cg.entities().map((e) => e.id)).toEqual(fixture().entities.map((e) => e.id));
    expect(() => ClaimGraph.fromData(data, { requireSorted: true })).toThrow('records are not sorted by id');
  });

  it('names the files it was given in its messages', () => {
    const data = fixture();
    data.sources[0]!.title = '';
    expect(() => ClaimGraph.fromData(data, { files: { sources: 'dataset.json' } })).toThrow(
      'dataset.json: src:article /title: must not be empty',
    );
  });

  it('rejects what is not a dataset at all', () => {
    expect(() => ClaimGraph.fromData(null as never)).toThrow(ClaimGraphValidationError);
    expect(() => ClaimGraph.fromData({ entities: [] } as never)).toThrow('the relations list is missing');
    expect(() => ClaimGraph.fromData({ entities: [] } as never, { validate: false })).toThrow(
      '@claimgraph/sdk: ClaimGraph.fromData(): expected { entities, relations, statements, sources }',
    );
  });

  it('with validate: false, indexes valid data the same way and still refuses broken references', () => {
    const cg = ClaimGraph.fromData(fixture(), { validate: false });
    expect(cg.toJSON()).toEqual(ClaimGraph.fromData(fixture()).toJSON());
    const data = fixture();
    data.statements[0]!.relation = 'rel:nothing';
    expect(() => ClaimGraph.fromData(data, { validate: false })).toThrow(
      '@claimgraph/sdk: ClaimGraph.fromData(): statement "st:anas-1" is about unknown relation "rel:nothing"; validate the dataset',
    );
  });

  it('with validate: false, refuses a duplicate id of each kind, next to its first or not', () => {
    for (const kind of ['entities', 'relations', 'sources'] as const) {
      const singular = { entities: 'entity', relations: 'relation', sources: 'source' }[kind];
      for (const at of ['next', 'end'] as const) {
        const data = fixture();
        const list = data[kind] as { id: string }[];
        const copy = { ...list[0]! };
        if (at === 'next') list.splice(1, 0, copy);
        else list.push(copy);
        expect(() => ClaimGraph.fromData(data, { validate: false })).toThrow(
          `@claimgraph/sdk: ClaimGraph.fromData(): duplicate ${singular} id ${JSON.stringify(copy.id)}; validate the dataset`,
        );
      }
    }
  });

  it('indexes statements of one relation that come one after another, and a broken one among them', () => {
    const data = syntheticDataset({ entities: 40, seed: 11 });
    const { statements } = data;
    const together = statements.filter((s, i) => i > 0 && s.relation === statements[i - 1]!.relation).length;
    expect(together).toBeGreaterThan(statements.length / 4);
    const store = buildStore(data);
    const counts = new Map<string, number>();
    for (const s of statements) counts.set(s.relation, (counts.get(s.relation) ?? 0) + 1);
    const cg = ClaimGraph.fromData(data);
    data.relations.forEach((r, i) => {
      expect(store.supports[i]! + store.disputes[i]!).toBe(counts.get(r.id) ?? 0);
      const { supports, disputes } = cg.stances(r.id);
      expect(supports.length + disputes.length).toBe(counts.get(r.id) ?? 0);
    });
    // Between two statements of one relation, an unknown relation is still refused.
    const at = statements.findIndex((s, i) => i > 0 && s.relation === statements[i - 1]!.relation);
    statements[at]!.relation = 'rel:nothing';
    expect(() => ClaimGraph.fromData(data, { validate: false })).toThrow(
      `statement ${JSON.stringify(statements[at]!.id)} is about unknown relation "rel:nothing"`,
    );
  });

  it('never fails with anything but a ClaimGraphError, whatever it is given', () => {
    const garbage = fc.oneof(
      fc.anything(),
      fc.record({
        entities: fc.array(fc.anything()),
        relations: fc.array(fc.anything()),
        statements: fc.array(fc.anything()),
        sources: fc.array(fc.anything()),
      }),
      mutated.map((m) => m.data),
    );
    fc.assert(
      fc.property(garbage, fc.boolean(), (input, validate) => {
        try {
          ClaimGraph.fromData(input as Dataset, { validate });
        } catch (error) {
          expect(error).toBeInstanceOf(ClaimGraphError);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('toJSON()', () => {
  const shuffled = fc
    .record({
      seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
      entities: fc.integer({ min: 10, max: 60 }),
      order: fc.integer(),
    })
    .map(({ seed, entities, order }) => {
      const data = syntheticDataset({ entities, seed });
      // Lists in any order and keys in any order: toJSON gives the canonical form back.
      let state = order >>> 0;
      const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
      const shuffle = <T>(list: T[]) =>
        list
          .map((x) => [next(), x] as const)
          .sort((a, b) => a[0] - b[0])
          .map(([, x]) => x);
      const scramble = (record: object) => Object.fromEntries(shuffle(Object.entries(record)));
      return {
        entities: shuffle(data.entities).map(scramble),
        relations: shuffle(data.relations).map(scramble),
        statements: shuffle(data.statements).map(scramble),
        sources: shuffle(data.sources).map(scramble),
      } as Dataset;
    });

  it('round-trips any valid dataset to its canonical form, byte for byte', () => {
    fc.assert(
      fc.property(shuffled, (data) => {
        const expected = canonicalDataset(structuredClone(data));
        const out = ClaimGraph.fromData(data).toJSON();
        expect(out).toStrictEqual(expected);
        expect(JSON.stringify(out)).toBe(JSON.stringify(expected));
      }),
      { numRuns: 60, seed: 1 },
    );
  });

  it('returns copies: editing them does not change the graph', () => {
    const cg = ClaimGraph.fromData(fixture());
    const out = cg.toJSON();
    out.entities[0]!.name = 'Changed';
    out.relations.pop();
    expect(cg.entity(fixture().entities[0]!.id)?.name).toBe(fixture().entities[0]!.name);
    expect(cg.relations()).toHaveLength(fixture().relations.length);
  });
});
