import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sharedPairs } from '../src/shared-pairs.js';

/** The definition: items with a negative number, and items whose pair another item has too. */
function sharedByDefinition(first: number[], second: number[]): number[] {
  return first.flatMap((f, i) =>
    f < 0 || second[i]! < 0 || first.some((g, j) => j !== i && g === f && second[j] === second[i]) ? [i] : [],
  );
}

describe('sharedPairs', () => {
  it('finds the items whose pair another item has, in small groups and large ones', () => {
    const FIRST_COUNT = 6;
    const item = fc.tuple(fc.integer({ min: -1, max: FIRST_COUNT - 1 }), fc.integer({ min: -1, max: 12 }));
    fc.assert(
      fc.property(fc.array(item, { maxLength: 80 }), (items) => {
        const first = items.map(([f]) => f);
        const second = items.map(([, s]) => s);
        expect(sharedPairs(Int32Array.from(first), Int32Array.from(second), FIRST_COUNT)).toEqual(
          sharedByDefinition(first, second),
        );
      }),
      { seed: 24, numRuns: 500 },
    );
  });
});
