import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  compareIds,
  encodeColumns,
  readColumns,
  serializeDataset,
  validateDataset,
  type Dataset,
} from '@claimgraph/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ClaimGraph,
  ClaimGraphError,
  ClaimGraphIntegrityError,
  ClaimGraphLoadError,
  ClaimGraphValidationError,
} from '../src/index.js';
import { columnsLookValid } from '../src/columns-check.js';
import { coreColumns, SortedIds, storeFromColumns } from '../src/columns-store.js';
import { syntheticDataset } from '../src/synthetic.js';
import { fixture, writeRelease } from './fixture.js';
import { MUTATIONS, singlyMutated } from './mutations.js';

/** Lists sorted by id, records untouched, as a release build writes them. */
function sortedLists(data: Dataset): Dataset {
  const id = (r: unknown) => (typeof (r as { id?: unknown })?.id === 'string' ? (r as { id: string }).id : '');
  const out = { ...data } as Record<string, unknown>;
  for (const kind of ['entities', 'relations', 'statements', 'sources'] as const)
    out[kind] = [...data[kind]].sort((a, b) => compareIds(id(a), id(b)));
  return out as unknown as Dataset;
}

/**
 * The columnar checks' verdict. A file whose core columns are not in the form a build writes
 * (a reference that does not resolve, a date that is not one, a repeated id) is refused at once
 * and read row by row for the validator's messages.
 */
function columnsVerdict(data: Dataset): boolean {
  const columns = readColumns(encodeColumns(data));
  const store = storeFromColumns(columns);
  if (!store) return false;
  const statementIds = new SortedIds(coreColumns(columns)!.statementId.strings);
  return store.problem === null && columnsLookValid(columns, store, statementIds);
}

const allObjects = (data: Dataset) =>
  (['entities', 'relations', 'statements', 'sources'] as const).every((kind) =>
    data[kind].every((r) => typeof r === 'object' && r !== null && !Array.isArray(r)),
  );

const mutated = fc
  .record({
    seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
    entities: fc.integer({ min: 12, max: 40 }),
    mutations: fc.array(fc.constantFrom(...Object.keys(MUTATIONS)), { maxLength: 2 }),
    picks: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
  })
  .map(({ seed, entities, mutations, picks }) => {
    const data = syntheticDataset({ entities, seed });
    let k = 0;
    const pick = (n: number) => (n === 0 ? 0 : picks[k++ % picks.length]! % n);
    for (const name of mutations) MUTATIONS[name]!(data, pick);
    return sortedLists(data);
  });

describe('columnar checks', () => {
  it('accept exactly what validateDataset accepts, on valid and broken datasets', () => {
    const counts = { valid: 0, invalid: 0 };
    fc.assert(
      fc.property(mutated, (data) => {
        // Only objects can be records of a release (the build refuses anything else).
        fc.pre(allObjects(data));
        const expected = validateDataset(data, { requireSorted: false }).valid;
        expect(columnsVerdict(data)).toBe(expected);
        counts[expected ? 'valid' : 'invalid']++;
      }),
      { numRuns: 400, seed: 20210815 },
    );
    expect(counts.valid).toBeGreaterThan(60);
    expect(counts.invalid).toBeGreaterThan(150);
  });

  it('agree with validateDataset on every single mutation', () => {
    for (const { name, seed, data } of singlyMutated()) {
      const sorted = sortedLists(data);
      if (!allObjects(sorted)) continue;
      const expected = validateDataset(sorted, { requireSorted: false }).valid;
      expect({ name, seed, verdict: columnsVerdict(sorted) }).toEqual({ name, seed, verdict: expected });
    }
  });

  it('fromColumns reports the validator’s issues for a broken file', () => {
    const data = syntheticDataset({ entities: 20, seed: 3 });
    (data.statements[0] as { date: string }).date = '2021-13';
    const bytes = encodeColumns(data);
    expect(() => ClaimGraph.fromColumns(bytes, { file: 'x.bin' })).toThrow(ClaimGraphValidationError);
    expect(() => ClaimGraph.fromColumns(bytes, { file: 'x.bin' })).toThrow(
      `x.bin: ${data.statements[0]!.id} /date: "2021-13" has month 13, which does not exist`,
    );
  });
});

describe('ClaimGraph from the columnar file', () => {
  it('answers every query as the rows do', () => {
    const data = syntheticDataset({ entities: 300, seed: 7 });
    const rows = ClaimGraph.fromData(data);
    const cols = ClaimGraph.fromColumns(encodeColumns(data));
    const ask = (cg: ClaimGraph) => {
      const e = cg.entities()[17]!.id;
      const r = cg.relations()[5]!.id;
      return {
        all: cg.toJSON(),
        people: cg.entities({ type: 'person' }).map((x) => x.id),
        search: cg.search('al').map((x) => x.id),
        relations: cg.relations({ entity: e, asOf: '2012' }).map((x) => x.id),
        statements: cg.statements({ from: '2011-03', to: '2016', stance: 'disputes' }).map((x) => x.id),
        bySource: cg.statements({ source: cg.toJSON().sources[0]!.id }).map((x) => x.id),
        stances: cg.stances(r),
        neighbors: cg.neighbors(e).map((x) => x.id),
        path: cg.path(e, cg.entities()[200]!.id, { directed: false }),
        asOf: cg.asOf('2010-06').toJSON(),
        nested: cg
          .asOf('2014')
          .relations({ status: 'contested' })
          .map((x) => x.id),
        perspective: cg.perspective(cg.statements()[0]!.speaker).toJSON(),
        contested: cg.contested().map((x) => x.id),
        graph: cg.graph.export(),
      };
    };
    expect(ask(cols)).toEqual(ask(rows));
  });

  it('returns the same record object on every call, built only when asked for', () => {
    const cg = ClaimGraph.fromColumns(encodeColumns(fixture()));
    expect(cg.entity('person:ned-price')).toBe(cg.entity('person:ned-price'));
    expect(cg.entity('person:nobody')).toBeUndefined();
  });

  it('keeps a record handed out one by one when a query then builds them all at once', () => {
    const data = syntheticDataset({ entities: 200, seed: 4 });
    const cg = ClaimGraph.fromColumns(encodeColumns(data));
    const first = cg.statement(data.statements[3]!.id)!;
    const relation = cg.relation(data.relations[2]!.id)!;
    const statements = cg.statements();
    expect(statements).toContain(first);
    expect(cg.relations()).toContain(relation);
    expect(cg.statement(first.id)).toBe(first);
    expect(statements).toEqual(ClaimGraph.fromData(data).statements());
    // The graph's attributes are copies, never the records themselves.
    expect(cg.graph.getEdgeAttributes(relation.id)).not.toBe(relation);
  });

  it('explains a file written by a newer encoding', () => {
    const bytes = encodeColumns(fixture());
    new DataView(bytes.buffer).setUint32(8, 2, true);
    expect(() => ClaimGraph.fromColumns(bytes, { file: 'dataset.columns.bin' })).toThrow(
      "@claimgraph/schema: dataset.columns.bin: is encoded with columnar format version 2, and this @claimgraph/schema reads version 1; upgrade @claimgraph/sdk (and @claimgraph/schema) to read it, or load the release's dataset.json instead",
    );
    expect(() => ClaimGraph.fromColumns(new Uint8Array(10))).toThrow(ClaimGraphError);
  });
});

describe('ClaimGraph.load() and the columnar file', () => {
  let release: string;
  beforeAll(async () => {
    ({ release } = await writeRelease(fixture(), '1.2.3'));
  });

  it('reads dataset.columns.bin for a release folder, dataset.json when asked for it', async () => {
    const expected = ClaimGraph.fromData(fixture()).toJSON();
    const folder = await ClaimGraph.load(release);
    expect(folder.toJSON()).toEqual(expected);
    expect(folder.version).toBe('1.2.3');
    expect((await ClaimGraph.load(join(release, 'dataset.json'))).toJSON()).toEqual(expected);
    expect((await ClaimGraph.load(join(release, 'dataset.columns.bin'))).toJSON()).toEqual(expected);
  });

  it('checks the columnar file against its sha256, and reads the rows with { columns: false }', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'claimgraph-columns-'));
    await cp(release, dir, { recursive: true });
    const file = join(dir, 'dataset.columns.bin');
    const bytes = await readFile(file);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    await writeFile(file, bytes);
    await expect(ClaimGraph.load(dir)).rejects.toThrow(ClaimGraphIntegrityError);
    await expect(ClaimGraph.load(dir)).rejects.toThrow(`@claimgraph/sdk: ${file}: sha256 mismatch`);
    expect((await ClaimGraph.load(dir, { columns: false })).toJSON()).toEqual(ClaimGraph.fromData(fixture()).toJSON());
  });

  it('names the file when it is not a columnar file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'claimgraph-columns-'));
    const file = join(dir, 'dataset.columns.bin');
    await writeFile(file, 'not columns');
    await expect(ClaimGraph.load(file)).rejects.toThrow(ClaimGraphLoadError);
    await expect(ClaimGraph.load(file)).rejects.toThrow(`@claimgraph/sdk: ${file}: is not a claimgraph columnar file`);
  });

  it('refuses a columnar file edited and re-signed, naming the file, column and record', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'claimgraph-columns-'));
    await cp(release, dir, { recursive: true });
    const file = join(dir, 'dataset.columns.bin');
    const bytes = await readFile(file);
    const start = 16 + bytes.readUInt32LE(12);
    const header = JSON.parse(bytes.subarray(16, start).toString('utf8')) as {
      enums: Record<string, string[]>;
      buffers: { offset: number }[];
      tables: Record<string, { columns: { name: string; values?: number }[] }>;
    };
    const stance = header.tables.statements!.columns.find((c) => c.name === 'stance')!;
    bytes[start + header.buffers[stance.values!]!.offset] = 7;
    await writeFile(file, bytes);
    // Re-signed, as someone who edits a release on purpose would do.
    const descriptorFile = join(dir, 'datapackage.json');
    const descriptor = JSON.parse(await readFile(descriptorFile, 'utf8')) as {
      resources: { path: string; sha256?: string; hash?: string }[];
    };
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const resource = descriptor.resources.find((r) => r.path === 'dataset.columns.bin')!;
    resource.sha256 = sha256;
    resource.hash = `sha256:${sha256}`;
    await writeFile(descriptorFile, JSON.stringify(descriptor));
    await expect(ClaimGraph.load(dir)).rejects.toThrow(ClaimGraphLoadError);
    await expect(ClaimGraph.load(dir)).rejects.toThrow(
      `@claimgraph/sdk: ${file}: statements.stance: row 0 (st:anas-1) has the code 7, past the 2 terms of its table`,
    );
  });

  it('keeps the records of dataset.json byte for byte', async () => {
    const cg = await ClaimGraph.load(release);
    expect(serializeDataset(cg.toJSON())).toBe(await readFile(join(release, 'dataset.json'), 'utf8'));
  });
});
