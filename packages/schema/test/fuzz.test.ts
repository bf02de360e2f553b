// Fuzzing validateDataset() with mutations of valid datasets whose invalidity is known by
// construction: it must never throw, never call such a dataset valid, and name the file, record
// and field of the one mistake made. Seed and run counts are printed so CI output shows them.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalDataset, formatIssue, validateDataset } from '../src/index.js';
import { FUZZ_RUNS, FUZZ_SEED, matches, mutatedDataset, Tally, validDataset } from './fuzz-mutations.js';

const tally = new Tally();
const summary: string[] = [];
afterAll(() => {
  summary.push(tally.report('fuzz validateDataset()'));
  console.log(summary.join('\n'));
});

describe('fuzz: validateDataset() on mutated datasets', () => {
  it('accepts every generated dataset before it is mutated', () => {
    let runs = 0;
    fc.assert(
      fc.property(validDataset, (data) => {
        runs++;
        expect(validateDataset(data).errors).toEqual([]);
        expect(validateDataset(canonicalDataset(structuredClone(data))).valid).toBe(true);
      }),
      { seed: FUZZ_SEED, numRuns: FUZZ_RUNS },
    );
    summary.push(`fuzz validDataset: seed ${FUZZ_SEED}, ${runs} runs`);
  });

  it('never throws, never calls an invalid dataset valid, and names the one mistake made', () => {
    fc.assert(
      fc.property(mutatedDataset(), (mutated) => {
        tally.add(mutated);
        const result = validateDataset(mutated.data);
        expect(result.valid).toBe(result.errors.length === 0);
        if (mutated.applied.length === 0) expect(result.errors).toEqual([]);
        if (mutated.invalid) expect(result.valid, JSON.stringify(mutated.applied)).toBe(false);
        if (mutated.expected) {
          const expected = mutated.expected;
          expect(
            result.errors.some((issue) => matches(issue, expected)),
            `${JSON.stringify(mutated.applied)} should be reported; got ${JSON.stringify(result.errors.map(formatIssue))}`,
          ).toBe(true);
        }
        for (const issue of result.errors) {
          const line = formatIssue(issue);
          expect(line).not.toMatch(/[\n\r\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
          expect(line.length).toBeLessThan(2000);
        }
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { seed: FUZZ_SEED, numRuns: FUZZ_RUNS * 2 },
    );
  });

  it('gives the same verdict whatever the order of keys and records, when sorting is not required', () => {
    let runs = 0;
    fc.assert(
      fc.property(mutatedDataset(), fc.integer(), (mutated, order) => {
        runs++;
        let state = order >>> 0;
        const next = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0);
        const shuffled: Record<string, unknown> = {};
        for (const [key, list] of Object.entries(mutated.data)) {
          Object.defineProperty(shuffled, key, {
            value: Array.isArray(list)
              ? list
                  .map((r) => [next(), r] as const)
                  .sort((a, b) => a[0] - b[0])
                  .map(([, r]) => r)
              : list,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
        expect(validateDataset(shuffled, { requireSorted: false }).valid).toBe(
          validateDataset(mutated.data, { requireSorted: false }).valid,
        );
      }),
      { seed: FUZZ_SEED + 1, numRuns: FUZZ_RUNS },
    );
    summary.push(`fuzz order-independence: seed ${FUZZ_SEED + 1}, ${runs} runs`);
  });
});
