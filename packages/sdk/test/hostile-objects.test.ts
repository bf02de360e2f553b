/**
 * Issue 17, cases 10 and 13: hostile objects become a ClaimGraphValidationError (and an invalid
 * result from validateDataset, which never throws) at once; path() is linear on a fan between chains.
 */
import { validateDataset } from '@claimgraph/schema';
import { describe, expect, it } from 'vitest';
import { ClaimGraph, ClaimGraphError, ClaimGraphValidationError } from '../src/index.js';

const base = () => ({
  entities: [] as unknown[],
  relations: [] as unknown[],
  statements: [] as unknown[],
  sources: [] as unknown[],
});

function hostile(): [string, unknown, string][] {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  const holes: unknown[] = [];
  holes.length = 3;
  const huge: unknown[] = [];
  huge.length = 2 ** 32 - 1;
  const throwing = {
    get id(): string {
      throw new Error('boom');
    },
  };
  return [
    [
      'a record with a throwing getter',
      { ...base(), entities: [throwing] },
      'the dataset could not be read (Error: boom)',
    ],
    ['a revoked proxy as the dataset', proxy, 'the dataset could not be read (TypeError:'],
    ['a revoked proxy as a record', { ...base(), entities: [proxy] }, 'the dataset could not be read (TypeError:'],
    ['a list with holes', { ...base(), entities: holes }, 'is missing: the list has a hole here'],
    ['undefined items', { ...base(), entities: [undefined] }, 'must be an object, not missing'],
    ['a list of length 2**32-1', { ...base(), statements: huge }, 'has a length of 4294967295; a list holds at most'],
    [
      'a list whose getter throws',
      Object.defineProperty(base(), 'entities', {
        get() {
          throw new Error('list boom');
        },
        enumerable: true,
      }),
      'the dataset could not be read (Error: list boom)',
    ],
    [
      'a proxy array claiming length 2**32-1',
      { ...base(), relations: new Proxy([], { get: (t, k) => (k === 'length' ? 2 ** 32 - 1 : Reflect.get(t, k)) }) },
      'has a length of 4294967295',
    ],
  ];
}

describe('hostile objects (issue 17, case 13)', () => {
  for (const [name, input, message] of hostile()) {
    it(`validateDataset() reports ${name} without throwing`, () => {
      const result = validateDataset(input);
      expect(result.valid).toBe(false);
      expect(result.errors[0]!.message).toContain(message);
    });
    it(`ClaimGraph.fromData() throws ClaimGraphValidationError for ${name} (ClaimGraphError at least, unvalidated)`, () => {
      for (const validate of [true, false]) {
        let thrown: unknown;
        try {
          ClaimGraph.fromData(input as never, { validate });
        } catch (error) {
          thrown = error;
        }
        // Unvalidated, a record without an id is the documented ClaimGraphError ("entity #0 has no id").
        expect(thrown).toBeInstanceOf(validate ? ClaimGraphValidationError : ClaimGraphError);
      }
    });
  }
});

describe('path() on a fan between two long chains (issue 17, case 10)', () => {
  it('finds the shortest path through the fan', () => {
    const n = 2000;
    const chain = n / 4;
    const id = (i: number) => `person:p${String(i).padStart(5, '0')}`;
    const entities = Array.from({ length: n }, (_, i) => ({ id: id(i), type: 'person', name: `P ${i}` }));
    const relations: { id: string; type: string; source: string; target: string }[] = [];
    const link = (a: number, b: number) =>
      relations.push({
        id: `rel:r${String(relations.length).padStart(5, '0')}`,
        type: 'allied-with',
        source: id(a),
        target: id(b),
      });
    for (let i = 0; i < chain; i++) link(i, i + 1);
    for (let i = chain + 1; i < 2 * chain + 1; i++) link(i, i + 1);
    for (let f = 2 * chain + 2; f < n; f++) {
      link(chain, f);
      link(f, 2 * chain + 1);
    }
    const statements = relations.map((r, i) => ({
      id: `st:s${String(i).padStart(5, '0')}`,
      relation: r.id,
      speaker: id(0),
      stance: 'supports',
      date: '2021',
      source: 'src:a',
    }));
    const cg = ClaimGraph.fromData(
      { entities, relations, statements, sources: [{ id: 'src:a', title: 'A', publisher: 'B' }] } as never,
      { validate: false },
    );
    const path = cg.path(id(0), id(chain + 1))!;
    // chain A (chain + 1 entities), one fan entity, chain B walked back (chain + 1 entities).
    expect(path).toHaveLength(2 * chain + 3);
    expect(path[0]).toBe(id(0));
    expect(path[chain]).toBe(id(chain));
    expect(path[chain + 2]).toBe(id(2 * chain + 1));
    expect(path.at(-1)).toBe(id(chain + 1));
  });
});
