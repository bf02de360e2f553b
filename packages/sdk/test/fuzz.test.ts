// Fuzzing ClaimGraph.fromData() and load() with mutations of valid datasets (the schema's fuzz
// helpers): only the SDK's own errors ever escape, no invalid dataset is ever accepted, the one
// mistake made is named, and valid data round-trips through toJSON(). Seeds and counts are printed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { canonicalDataset, formatIssue, validateDataset, type Dataset } from '@claimgraph/schema';
import { afterAll, describe, expect, it } from 'vitest';
import {
  FUZZ_RUNS,
  FUZZ_SEED,
  matches,
  mutatedDataset,
  Tally,
  validDataset,
  type Mutated,
} from '../../schema/test/fuzz-mutations.js';
import { ClaimGraph, ClaimGraphError, ClaimGraphValidationError } from '../src/index.js';
import { syntheticDataset } from '../src/synthetic.js';

/** Valid bases of two kinds: small hand-shaped ones with awkward text, and the SDK's synthetic generator. */
const base = fc.oneof(
  validDataset,
  fc
    .record({ seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }), entities: fc.integer({ min: 8, max: 60 }) })
    .map((o) => syntheticDataset(o)),
);
const mutated = mutatedDataset(base);

const tally = new Tally();
const summary: string[] = [];
afterAll(() => {
  summary.push(tally.report('fuzz ClaimGraph.fromData()'));
  console.log(summary.join('\n'));
});

/** fromData's outcome: the graph, or the error it threw. */
function attempt(
  data: unknown,
  options: Parameters<typeof ClaimGraph.fromData>[1],
): { graph?: ClaimGraph; error?: unknown } {
  try {
    return { graph: ClaimGraph.fromData(data as Dataset, options) };
  } catch (error) {
    return { error };
  }
}

function checkVerdict(m: Mutated, outcome: { graph?: ClaimGraph; error?: unknown }): void {
  const expected = validateDataset(m.data, { requireSorted: false });
  const why = JSON.stringify(m.applied);
  if (outcome.graph) {
    // Never a valid verdict for an invalid dataset.
    expect(m.invalid, `${why} was accepted`).toBe(false);
    expect(expected.errors.map(formatIssue), why).toEqual([]);
    return;
  }
  expect(outcome.error, why).toBeInstanceOf(ClaimGraphValidationError);
  const issues = (outcome.error as ClaimGraphValidationError).issues;
  expect(issues).toEqual(expected.errors);
  if (m.expected) {
    const issue = m.expected;
    expect(
      issues.some((i) => matches(i, issue)),
      `${why}: ${JSON.stringify(issues.map(formatIssue))}`,
    ).toBe(true);
  }
}

describe('fuzz: ClaimGraph.fromData() on mutated datasets', () => {
  it('with validation: throws only ClaimGraphValidationError, with the validator’s issues, and accepts no invalid dataset', () => {
    fc.assert(
      fc.property(mutated, (m) => {
        tally.add(m);
        checkVerdict(m, attempt(m.data, { validate: true }));
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      { seed: FUZZ_SEED, numRuns: FUZZ_RUNS },
    );
  });

  it('without validation: throws nothing but a ClaimGraphError', () => {
    let runs = 0;
    fc.assert(
      fc.property(mutated, (m) => {
        runs++;
        const { error } = attempt(m.data, { validate: false });
        if (error !== undefined) expect(error, JSON.stringify(m.applied)).toBeInstanceOf(ClaimGraphError);
      }),
      { seed: FUZZ_SEED + 2, numRuns: FUZZ_RUNS },
    );
    summary.push(`fuzz fromData({ validate: false }): seed ${FUZZ_SEED + 2}, ${runs} runs`);
  });

  it('round-trips valid data: toJSON() is the canonical dataset, through JSON text and back', () => {
    let runs = 0;
    fc.assert(
      fc.property(base, (data) => {
        runs++;
        const expected = canonicalDataset(structuredClone(data));
        const out = ClaimGraph.fromData(data).toJSON();
        expect(out).toStrictEqual(expected);
        const again = ClaimGraph.fromData(JSON.parse(JSON.stringify(out)) as Dataset, { requireSorted: true }).toJSON();
        expect(JSON.stringify(again)).toBe(JSON.stringify(out));
      }),
      { seed: FUZZ_SEED + 3, numRuns: Math.ceil(FUZZ_RUNS / 4) },
    );
    summary.push(`fuzz toJSON() round trip: seed ${FUZZ_SEED + 3}, ${runs} runs`);
  });
});

describe('fuzz: ClaimGraph.load() of a mutated dataset.json', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-sdk-fuzz-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives the same verdict and issues as fromData, naming dataset.json', async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(mutated, async (m) => {
        runs++;
        // JSON text drops what JSON cannot hold (undefined fields); both sides see the same records.
        const text = JSON.stringify(m.data);
        writeFileSync(join(dir, 'dataset.json'), text);
        let graph: ClaimGraph | undefined;
        let error: unknown;
        try {
          graph = await ClaimGraph.load(dir);
        } catch (e) {
          error = e;
        }
        const parsed = JSON.parse(text) as unknown;
        const expected = validateDataset(parsed, {
          requireSorted: false,
          files: {
            entities: 'dataset.json',
            relations: 'dataset.json',
            statements: 'dataset.json',
            sources: 'dataset.json',
          },
        });
        if (graph) expect(expected.valid, JSON.stringify(m.applied)).toBe(true);
        else {
          expect(error, JSON.stringify(m.applied)).toBeInstanceOf(ClaimGraphValidationError);
          expect((error as ClaimGraphValidationError).issues).toEqual(expected.errors);
        }
        if (m.invalid) expect(graph).toBeUndefined();
      }),
      { seed: FUZZ_SEED + 4, numRuns: Math.ceil(FUZZ_RUNS / 5) },
    );
    summary.push(`fuzz ClaimGraph.load(): seed ${FUZZ_SEED + 4}, ${runs} runs`);
  });
});
