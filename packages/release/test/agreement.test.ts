/**
 * One release, one answer: verifyRelease() finds the files of a release that, each intact and
 * re-signed in datapackage.json, hold other records than dataset.json; a datapackage.json that
 * cannot be read fails wherever a release is verified or checked.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '@claimgraph/schema';
import { buildRelease, releaseIntegrity, verifyRelease } from '../src/index.js';
import { baseDataset } from '../../schema/test/fixture.js';
import { writeSource } from '../../schema/test/source-folder.js';

const root = mkdtempSync(join(tmpdir(), 'claimgraph-agreement-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The base dataset with an appearance, so that every table of the interchange files has rows. */
function data(): Dataset {
  const out = baseDataset();
  out.sources.push({ id: 'src:other', title: 'Another', publisher: 'Reuters', published: '2021-09-01' });
  (out.statements[0] as unknown as Record<string, unknown>).appearances = [{ source: 'src:other' }];
  return out;
}

let count = 0;
/** A full release (columns, NDJSON, Parquet) of `dataset`, built once per call. */
async function built(dataset: Dataset = data()): Promise<string> {
  const dir = writeSource(join(root, `source-${count++}`), dataset);
  const { result } = await buildRelease(dir);
  expect(result.errors).toEqual([]);
  return join(dir, 'dist');
}

let pristine: string;
let changed: string;
beforeAll(async () => {
  pristine = await built();
  const other = data();
  (other.statements[0] as { quote?: string }).quote = 'There is no commingling';
  other.entities[0]!.name = 'The Haqqanis';
  changed = await built(other);
});

/** A copy of the pristine release to tamper with. */
function copy(): string {
  const dir = join(root, `copy-${count++}`);
  cpSync(pristine, dir, { recursive: true });
  return dir;
}

/** Writes `bytes` to the release's `path` and records their sha256 and size in datapackage.json, as someone covering an edit would. */
/** The Parquet files of the fixture's release: a folder per table, its statements (all of 2021) by year. */
const STATEMENTS = 'parquet/statements/year=2021/part-0.parquet';
const ENTITIES = 'parquet/entities/part-0.parquet';
const SOURCES = 'parquet/sources/part-0.parquet';

function resign(dir: string, path: string, bytes: Uint8Array | string, newPath = path): void {
  mkdirSync(dirname(join(dir, newPath)), { recursive: true });
  writeFileSync(join(dir, newPath), bytes);
  const file = join(dir, 'datapackage.json');
  const descriptor = JSON.parse(readFileSync(file, 'utf8')) as {
    resources: { path: string; sha256?: string; hash?: string; bytes?: number }[];
  };
  const resource = descriptor.resources.find((r) => r.path === path)!;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  Object.assign(resource, { path: newPath, sha256, hash: `sha256:${sha256}`, bytes: Buffer.byteLength(bytes) });
  writeFileSync(file, `${JSON.stringify(descriptor, null, 2)}\n`);
}

describe('verifyRelease() proves that a release’s files hold the same records', () => {
  it('passes a release as built', async () => {
    expect(await verifyRelease(pristine)).toEqual({ valid: true, errors: [] });
  });

  it('names the Parquet file, table, record and field that disagree with dataset.json', async () => {
    const dir = copy();
    resign(dir, STATEMENTS, readFileSync(join(changed, STATEMENTS)));
    resign(dir, ENTITIES, readFileSync(join(changed, ENTITIES)));
    expect((await verifyRelease(dir)).errors).toEqual([
      {
        file: ENTITIES,
        id: 'armed-group:haqqani-network',
        path: '/name',
        message: 'entities table: is "The Haqqanis", and dataset.json says "Haqqani network"',
      },
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/quote',
        message:
          'statements table: is "There is no commingling", and dataset.json says "There is a great deal of commingling"',
      },
    ]);
    // Only the hashes: what every command that reads a release checks first.
    expect(await verifyRelease(dir, { records: false })).toEqual({ valid: true, errors: [] });
  });

  it('names the NDJSON line’s record and field, and a record a file lacks', async () => {
    const dir = copy();
    const lines = readFileSync(join(dir, 'dataset.ndjson'), 'utf8')
      .split('\n')
      .filter((l) => !l.includes('"kind":"appearance"') || !l.includes('"own":false'))
      .map((l) => l.replace('"stance":"disputes"', '"stance":"supports"'));
    resign(dir, 'dataset.ndjson', lines.join('\n'));
    expect((await verifyRelease(dir)).errors).toEqual([
      {
        file: 'dataset.ndjson',
        id: 'st:price-1',
        path: '/stance',
        message: 'statements table: is "supports", and dataset.json says "disputes"',
      },
      {
        file: 'dataset.ndjson',
        id: 'st:kirby-1 src:other false',
        path: '',
        message: 'appearances table: has no such record, and dataset.json has it',
      },
    ]);
  });

  it('names the columnar file’s record and field when a reference points at another record', async () => {
    const dir = copy();
    const bytes = readFileSync(join(dir, 'dataset.columns.bin'));
    const start = 16 + bytes.readUInt32LE(12);
    const header = JSON.parse(bytes.subarray(16, start).toString('utf8')) as {
      buffers: { offset: number }[];
      tables: Record<string, { columns: { name: string; values?: number }[] }>;
    };
    const speaker = header.tables.statements!.columns.find((c) => c.name === 'speaker')!;
    const at = start + header.buffers[speaker.values!]!.offset;
    bytes.writeInt32LE(bytes.readInt32LE(at) === 0 ? 1 : 0, at);
    resign(dir, 'dataset.columns.bin', bytes);
    const { errors } = await verifyRelease(dir);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 'dataset.columns.bin', id: 'st:kirby-1', path: '/speaker' });
    expect(errors[0]!.message).toMatch(/^statements table: is "[^"]+", and dataset\.json says "person:john-kirby"$/);
  });

  it('reports a columnar file whose enum table was reordered, with the decoder’s words', async () => {
    const dir = copy();
    const bytes = readFileSync(join(dir, 'dataset.columns.bin'));
    const text = bytes.toString('latin1').replace('["supports","disputes"]', '["disputes","supports"]');
    resign(dir, 'dataset.columns.bin', Buffer.from(text, 'latin1'));
    expect((await verifyRelease(dir)).errors).toEqual([
      {
        file: 'dataset.columns.bin',
        id: null,
        path: '',
        message:
          'statements.stance: its table "statements.stance" lists "supports" after "disputes"; its terms come in the order "supports", "disputes"',
      },
    ]);
  });

  it('reports the first ten disagreements of a file, then how many more', async () => {
    const dir = copy();
    const lines = readFileSync(join(dir, 'dataset.ndjson'), 'utf8').replace(
      /"kind":"entity","id":"/g,
      '"kind":"entity","id":"x',
    );
    resign(dir, 'dataset.ndjson', lines);
    const { errors } = await verifyRelease(dir);
    expect(errors).toHaveLength(11);
    // Seven entities missing, seven unknown ones: 14 in all.
    expect(errors[10]).toEqual({
      file: 'dataset.ndjson',
      id: null,
      path: '',
      message: 'and 4 more disagreements with dataset.json',
    });
  });

  it('reads the Parquet files datapackage.json lists, in folders and hive partitions, or one file per table', async () => {
    const dir = copy();
    expect(await verifyRelease(dir)).toEqual({ valid: true, errors: [] });
    renameSync(join(dir, 'parquet/statements/year=2021'), join(dir, 'parquet/statements/year=2022'));
    const descriptor = readFileSync(join(dir, 'datapackage.json'), 'utf8').replace(
      'parquet/statements/year=2021',
      'parquet/statements/year=2022',
    );
    writeFileSync(join(dir, 'datapackage.json'), descriptor);
    // The partition folder says year 2022 for every row, and their dates say 2021: each row is named.
    const moved = await verifyRelease(dir);
    expect(moved.errors).toHaveLength(3);
    expect(moved.errors[0]).toEqual({
      file: 'parquet/statements/year=2022/part-0.parquet',
      id: 'st:kirby-1',
      path: '/year',
      message: 'statements table: is "2022", and dataset.json says "2021"',
    });
    // A release built before tables had folders: one file per table.
    const old = copy();
    for (const path of [STATEMENTS, ENTITIES]) {
      const bytes = readFileSync(join(old, path));
      rmSync(join(old, path));
      resign(old, path, bytes, `parquet/${path.split('/')[1]}.parquet`);
    }
    expect(await verifyRelease(old)).toEqual({ valid: true, errors: [] });
    // A Parquet table the descriptor does not list at all.
    const fresh = copy();
    const listed = JSON.parse(readFileSync(join(fresh, 'datapackage.json'), 'utf8')) as {
      resources: { path: string }[];
    };
    listed.resources = listed.resources.filter((r) => r.path !== SOURCES);
    writeFileSync(join(fresh, 'datapackage.json'), JSON.stringify(listed));
    rmSync(join(fresh, SOURCES));
    expect((await verifyRelease(fresh)).errors).toEqual([
      {
        file: 'datapackage.json',
        id: null,
        path: '',
        message: 'lists no Parquet file for the sources table, and dataset.json has one',
      },
    ]);
  });

  it('names a listed Parquet file whose table cannot be told, or is not one this version knows', async () => {
    const dir = copy();
    const file = join(dir, 'datapackage.json');
    const descriptor = JSON.parse(readFileSync(file, 'utf8')) as { resources: Record<string, unknown>[] };
    const bytes = readFileSync(join(dir, SOURCES));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    for (const [path, extra] of [
      ['parquet/notes/part-0.parquet', { name: 'notes' }],
      ['parquet/judgements/part-0.parquet', { name: 'parquet-judgements', 'claimgraph:table': 'judgements' }],
    ] as const) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), bytes);
      descriptor.resources.push({
        ...extra,
        path,
        format: 'parquet',
        bytes: bytes.length,
        sha256,
        hash: `sha256:${sha256}`,
      });
    }
    writeFileSync(file, JSON.stringify(descriptor));
    expect((await verifyRelease(dir)).errors).toEqual([
      {
        file: 'datapackage.json',
        id: null,
        path: '',
        message: 'lists the Parquet file parquet/notes/part-0.parquet, and no table can be told from its name or path',
      },
      {
        file: 'datapackage.json',
        id: null,
        path: '',
        message:
          'lists the Parquet file parquet/judgements/part-0.parquet as a file of the table "judgements", which this version of @claimgraph/release does not know',
      },
    ]);
  });
});

describe('a datapackage.json that cannot be read is an error wherever a release is checked', () => {
  for (const [name, content] of [
    ['cut short', (text: string) => text.slice(0, text.length >> 1)],
    ['empty', () => ''],
    ['not JSON', () => 'resources: dataset.json'],
  ] as const) {
    it(`${name}: verifyRelease() and releaseIntegrity() fail, naming datapackage.json`, async () => {
      const dir = copy();
      const file = join(dir, 'datapackage.json');
      writeFileSync(file, content(readFileSync(file, 'utf8')));
      const verified = await verifyRelease(dir);
      expect(verified.valid).toBe(false);
      expect(verified.errors).toHaveLength(1);
      expect(verified.errors[0]!.file).toBe('datapackage.json');
      const integrity = await releaseIntegrity(dir);
      expect(integrity.status).toBe('failed');
      expect(integrity.errors).toEqual(verified.errors);
    });
  }

  it('a folder with somebody else’s datapackage.json is still read as unverified', async () => {
    const dir = copy();
    writeFileSync(join(dir, 'datapackage.json'), JSON.stringify({ name: 'theirs', resources: [] }));
    expect(await releaseIntegrity(dir)).toMatchObject({ status: 'unverified', errors: [] });
  });
});
