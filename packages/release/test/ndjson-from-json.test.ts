/**
 * The build's dataset.ndjson, made from the lines of the dataset.json it has just written, is byte
 * for byte the SDK's: plain records, statements with appearances, redirects, text in any script,
 * and a line longer than a read block.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalDataset, serializeDataset, type Dataset } from '@claimgraph/schema';
import { checkedReleaseNdjsonFiles } from '@claimgraph/sdk/internal';
import { baseDataset } from '../../schema/test/fixture.js';
import { ndjsonFromJson } from '../src/ndjson-from-json.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'claimgraph-ndjson-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** What the SDK writes for the dataset, and what is made from its dataset.json. */
function bothWays(dataset: Dataset): { sdk: Buffer; fromJson: Buffer } {
  const canonical = canonicalDataset(dataset);
  const file = join(root, 'dataset.json');
  writeFileSync(file, serializeDataset(canonical));
  let text = '';
  for (const chunk of checkedReleaseNdjsonFiles(canonical)[0]!.content as Iterable<string>) text += chunk;
  // Each chunk is copied as it comes: the next is made in the same buffer.
  const fromJson = Buffer.concat(Array.from(ndjsonFromJson(file, canonical), (chunk) => Buffer.from(chunk)));
  return { sdk: Buffer.from(text, 'utf8'), fromJson };
}

describe('ndjsonFromJson()', () => {
  it('gives the bytes the SDK gives, appearances and redirects included', () => {
    const dataset = baseDataset();
    dataset.entities[0]!.name = 'Ḥaqqānī network — شبكة حقاني ✓';
    const statement = dataset.statements[0]! as unknown as Record<string, unknown>;
    statement.appearances = [{ source: dataset.sources[0]!.id, note: 'the same words, reported again' }];
    dataset.redirects = [
      { from: 'person:old-name', to: dataset.entities[4]!.id, reason: 'renamed', date: '2021-09-01' },
    ];
    const { sdk, fromJson } = bothWays(dataset);
    expect(fromJson.toString('utf8')).toContain('"kind":"appearance"');
    expect(fromJson.toString('utf8')).toContain('"kind":"redirect"');
    expect(fromJson.equals(sdk)).toBe(true);
  });

  it('reads a record line longer than a block, and an empty list', () => {
    const dataset = baseDataset();
    dataset.entities[1]!.name = 'ñ'.repeat(1_500_000);
    dataset.sources[0]!.title = 'x'.repeat(2_100_000);
    const { sdk, fromJson } = bothWays({ ...dataset, relations: [], statements: [] });
    expect(fromJson.equals(sdk)).toBe(true);
  });

  it('makes lines longer than a block from the records: a statement with appearances, its appearance lines', () => {
    const dataset = baseDataset();
    const statement = dataset.statements[1]! as unknown as Record<string, unknown>;
    statement.quote = 'q'.repeat(700_000);
    statement.appearances = [{ source: dataset.sources[0]!.id, note: 'ē'.repeat(600_000) }];
    const { sdk, fromJson } = bothWays(dataset);
    expect(fromJson.length).toBeGreaterThan(1 << 20);
    expect(fromJson.equals(sdk)).toBe(true);
  });

  it('fills its one block again and again over many records', () => {
    const dataset = baseDataset();
    const entity = dataset.entities[0]!;
    dataset.entities = Array.from({ length: 40_000 }, (_, i) => ({
      ...entity,
      id: `${entity.id}-${String(i).padStart(6, '0')}`,
      name: `Name ${i} — ${'ā'.repeat(i % 50)}`,
    }));
    const { sdk, fromJson } = bothWays(dataset);
    expect(fromJson.length).toBeGreaterThan(3 << 20);
    expect(fromJson.equals(sdk)).toBe(true);
  });

  it('refuses a dataset.json that is not the one written from the dataset', () => {
    const dataset = canonicalDataset(baseDataset());
    const file = join(root, 'dataset.json');
    writeFileSync(file, serializeDataset({ ...dataset, entities: dataset.entities.slice(1) }));
    expect(() => [...ndjsonFromJson(file, dataset)]).toThrow(/is not the dataset\.json this build wrote/);
  });
});
