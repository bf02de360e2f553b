import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readJsonFile } from '../src/node.js';
import { JsonArrayRecords, readJsonArrayFile } from '../src/node/read-json-array.js';

const FILE = 'data/statements.json';
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-read-json-array-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let files = 0;
/** Both readers' results for a file holding `content`. */
async function readBoth(content: string | Uint8Array) {
  const path = join(dir, `file-${files++}.json`);
  writeFileSync(path, content);
  const options = { source: true, holds: 'a JSON array' };
  return { byRecord: await readJsonArrayFile(path, FILE, options), whole: await readJsonFile(path, FILE, options) };
}

async function expectSame(content: string | Uint8Array) {
  const { byRecord, whole } = await readBoth(content);
  expect(byRecord).toEqual(whole);
  return byRecord;
}

/** Records with strings that hold what the record scan must skip: braces, quotes, backslashes, other scripts. */
const tricky = fc.constantFrom('{', '}', '[', ']', '"', '\\', '\\"', 'é', '𝄞', '\u2028', ' ', 'x', ',', '\n');
const text = fc.array(tricky, { maxLength: 12 }).map((parts) => parts.join(''));
const record = fc.record(
  {
    id: text,
    n: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
    list: fc.array(fc.oneof(text, fc.dictionary(text, text, { maxKeys: 3 })), { maxLength: 3 }),
    empty: fc.constant({}),
  },
  { requiredKeys: [] },
);

/** The records of `content` given to JsonArrayRecords in pieces cut at `cuts` (byte offsets). */
function recordsInPieces(content: string, cuts: number[]): unknown[] | null {
  const bytes = new TextEncoder().encode(content);
  const records = new JsonArrayRecords(FILE, { source: true });
  let from = 0;
  for (const cut of [...cuts.map((c) => c % (bytes.length + 1)).sort((a, b) => a - b), bytes.length]) {
    if (!records.push(bytes.subarray(from, Math.max(from, cut)))) return null;
    from = Math.max(from, cut);
  }
  return records.end();
}

describe('JsonArrayRecords', () => {
  it('parses an array of objects record by record, wherever its bytes are cut', () => {
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 8 }),
        fc.boolean(),
        fc.array(fc.nat(), { maxLength: 6 }),
        (records, indent, cuts) => {
          const content = JSON.stringify(records, null, indent ? 2 : undefined);
          expect(recordsInPieces(`\uFEFF${content}\n`, cuts)).toEqual(JSON.parse(content));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives null for anything else, so that the file is read whole', () => {
    for (const content of [
      '',
      '{}',
      '[1]',
      '[{}, 1]',
      '[{},]',
      '[{} {}]',
      '[{}] x',
      '[{}',
      '[{]}',
      '[{"a": 1, "a": 2}]',
    ])
      expect(recordsInPieces(content, [1, 3]), content).toBeNull();
  });
});

describe('readJsonArrayFile()', () => {
  it('gives the records JSON.parse gives, however the file is laid out', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(record, { maxLength: 8 }), fc.boolean(), async (records, indent) => {
        const content = JSON.stringify(records, null, indent ? 2 : undefined);
        expect(await expectSame(content)).toEqual({ ok: true, value: JSON.parse(content) });
      }),
      { numRuns: 200 },
    );
  });

  it('reads records across block boundaries and a record longer than a block', async () => {
    const records = Array.from({ length: 30_000 }, (_, i) => ({
      id: `stmt:${i}`,
      quote: `« ${'ab'.repeat(i % 40)} »`,
    }));
    records.push({ id: 'stmt:long', quote: `{"${'\\"}'.repeat(1_000_000)}` });
    const content = `${JSON.stringify(records, null, 2)}\n`;
    expect(content.length).toBeGreaterThan(4 << 20);
    const read = await expectSame(content);
    expect(read.ok && (read.value as unknown[]).length).toBe(30_001);
  });

  it('drops a byte order mark and reads an empty array', async () => {
    expect(await expectSame('\uFEFF[\n  {"id": "a"}\n]\n')).toEqual({ ok: true, value: [{ id: 'a' }] });
    expect(await expectSame(' [ ] ')).toEqual({ ok: true, value: [] });
  });

  it('leaves what is not an array of objects, or not valid, to the whole-file reader', async () => {
    for (const content of [
      '',
      '\uFEFF',
      '{"id": "a"}',
      '[1, 2]',
      '[{"id": "a"}, 2]',
      '[{"id": "a"},]',
      '[{"id": "a"} {"id": "b"}]',
      '[{"id": "a"}] x',
      '[{"id": "a"}',
      '[{"id": "a", "id": "b"}]',
      '[{"n": 9007199254740993}]',
      '[{"id": "a"]}',
      '[{"id": "a\u0001"}]',
    ]) {
      const { byRecord, whole } = await readBoth(content);
      expect(byRecord, content).toEqual(whole);
    }
    const { byRecord, whole } = await readBoth(
      new Uint8Array([0x5b, 0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xe9, 0x22, 0x7d, 0x5d]),
    );
    expect(byRecord).toEqual(whole);
    expect(byRecord.ok).toBe(false);
  });

  it('finds a problem inside a run of formatted records, as the whole-file reader does', async () => {
    const line = (i: number) => `  {\n    "id": "stmt:${i}"\n  }`;
    const formatted = (middle: string) => `[\n${[line(0), line(1), middle, line(3), line(4)].join(',\n')}\n]\n`;
    for (const middle of [
      '  {\n    "id": "stmt:2",\n    "id": "again"\n  }',
      '  {\n    "n": 1e400\n  }',
      '  2',
      '  [\n  ]',
      '  {\n    "id": "stmt:2"\n  },\n',
      '  {\n    "id": "stmt:2\u0001"\n  }',
    ]) {
      const { byRecord, whole } = await readBoth(formatted(middle));
      expect(byRecord, middle).toEqual(whole);
    }
  });

  it("reads records whose inner braces close at the records' own indentation", async () => {
    // A `}` on a line like a record's last is not always one: the records are then read one by one.
    const content = '[\n  {\n  "a": {\n  "b": 1\n  },\n  "c": [\n  {}\n  ]\n  },\n  {\n  "id": "x"\n  }\n]\n';
    expect(await expectSame(content)).toEqual({ ok: true, value: JSON.parse(content) });
  });

  it('reports a missing file or a folder as the whole-file reader does', async () => {
    for (const path of [join(dir, 'missing.json'), dir])
      expect(await readJsonArrayFile(path, FILE)).toEqual(await readJsonFile(path, FILE));
  });
});
