import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IdTable } from '../src/id-table.js';

describe('IdTable', () => {
  it('finds every id it was given at its position, and nothing else, like a Map', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 200 }), fc.array(fc.string()), (ids, others) => {
        const table = new IdTable(ids.length);
        const map = new Map<string, number>();
        ids.forEach((id, i) => {
          expect(table.add(id, i)).toBe(!map.has(id));
          if (!map.has(id)) map.set(id, i);
        });
        for (const id of [...ids, ...others]) expect(table.get(id)).toBe(map.get(id));
      }),
      { numRuns: 200, seed: 3 },
    );
  });

  it('keeps the first position of a duplicate, and answers undefined for what is not a string', () => {
    const table = new IdTable(3);
    expect(table.add('rel:a', 0)).toBe(true);
    expect(table.add('rel:b', 1)).toBe(true);
    expect(table.add('rel:a', 2)).toBe(false);
    expect(table.get('rel:a')).toBe(0);
    expect(table.get('rel:c')).toBeUndefined();
    for (const odd of [undefined, null, 0, {}, ['rel:a']]) expect(table.get(odd as never)).toBeUndefined();
  });

  it('holds as many ids as it was made for, with their hashes colliding in its slots', () => {
    const ids = Array.from({ length: 50_000 }, (_, i) => `entity:${i.toString(36)}`);
    const table = new IdTable(ids.length);
    ids.forEach((id, i) => expect(table.add(id, i)).toBe(true));
    ids.forEach((id, i) => expect(table.get(id)).toBe(i));
    expect(table.get('entity:')).toBeUndefined();
  });
});
