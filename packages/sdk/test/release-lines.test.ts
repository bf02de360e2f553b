import * as buffer from 'node:buffer';
import { Buffer } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serializeDataset, type Dataset } from '@claimgraph/schema';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReleaseLines, readReleaseLines } from '../src/release-lines.js';
import { syntheticDataset } from '../src/synthetic.js';

const parse = (text: string) => parseReleaseLines(buffer, Buffer.from(text));
const datasets = fileURLToPath(new URL('../../../datasets/', import.meta.url));

describe('parseReleaseLines()', () => {
  it('reads a release as JSON.parse does, many pieces of lines per list', () => {
    const text = serializeDataset(syntheticDataset({ statements: 3000 }) as Dataset);
    expect(Buffer.byteLength(text)).toBeGreaterThan(8 * 32768);
    expect(parse(text)).toEqual({ ok: true, value: JSON.parse(text) });
  });

  it('reads every bundled release, redirects and coverage included', () => {
    const files = readdirSync(datasets).flatMap((name) =>
      readdirSync(`${datasets}${name}/releases`).map((v) => `${datasets}${name}/releases/${v}/dataset.json`),
    );
    expect(files.length).toBeGreaterThan(1);
    for (const file of files) {
      const bytes = readFileSync(file);
      expect(parseReleaseLines(buffer, bytes)).toEqual({ ok: true, value: JSON.parse(bytes.toString('utf8')) });
    }
  });

  it('reads empty lists, lists closed on the next line, records over several lines, and non-ASCII text', () => {
    expect(parse('{\n"entities": [],\n"relations": [\n]\n}\n')?.value).toEqual({ entities: [], relations: [] });
    expect(parse('{\n"entities": [\n{"a": [1,\n2]},\n\n{}\n]\n}')?.value).toEqual({ entities: [{ a: [1, 2] }, {}] });
    expect(parse('{\n"entities": [\n{"name":"Åberg 😀"},\n{}\n]\n}')?.value).toEqual({
      entities: [{ name: 'Åberg 😀' }, {}],
    });
  });

  it('leaves any other layout, and text that is not JSON, to a parse of the whole text', () => {
    for (const text of [
      '{"entities": []}',
      '\ufeff{\n"entities": []\n}\n',
      '{\n"entities": [\n{},,\n{}\n]\n}\n',
      '{\n"entities": [\n{}\n],\n"entities": []\n}\n',
      '{\n"entities": [\n{}\n]\n}\n}',
      '{\n"entities": [\n{}\n],\n"coverage": {\n}\n}\n',
      '{\n"__proto__": []\n}\n',
      '{\n"entities": [\n{"a": "\n"}\n]\n}\n',
    ])
      expect(parse(text), JSON.stringify(text)).toBeUndefined();
  });

  it('never reads a value other than JSON.parse, however the records are split over lines', () => {
    const record = fc.tuple(fc.jsonValue(), fc.boolean()).map(([v, pretty]) => JSON.stringify(v, null, pretty ? 1 : 0));
    fc.assert(
      fc.property(fc.array(record, { maxLength: 40 }), fc.nat({ max: 3 }), (records, long) => {
        // Some long records, so that the lists come in several pieces.
        const lines = records.map((r, i) => (i % 4 === long ? `[${'"x",'.repeat(3000)}${r}]` : r));
        const text = `{\n"entities": [${lines.map((l) => `\n${l}`).join(',')}\n]\n}\n`;
        const result = parse(text);
        if (records.every((r) => !r.includes('\n'))) expect(result).toEqual({ ok: true, value: JSON.parse(text) });
        else if (result !== undefined) expect(result.value).toEqual(JSON.parse(text));
      }),
      { numRuns: 200 },
    );
  });

  it('reads a file as it comes, whatever the sizes of the reads, and hands on every byte', async () => {
    const small =
      '{\n"entities": [\n{"id":"a","name":"Åberg 😀"},\n{"id":"b"}\n],\n"relations": [],\n"statements": [\n{"id":"st:1"}\n],\n"coverage": {"from":"2001"}\n}\n';
    const text = serializeDataset(syntheticDataset({ statements: 300 }) as Dataset);
    // A record longer than the block read at a time, which must grow.
    const long = text.replace('{\n"entities": [\n', `{\n"entities": [\n{"x":"${'é'.repeat(600_000)}"},\n`);
    for (const [source, sizes] of [
      [small, [1, 2, 3, 5, 7, 11]],
      [text, [4096, 1 << 20]],
      [long, [65536, 1 << 20]],
      ['{\n"entities": [\n{},\n{}\n', [3]],
      ['{\n"entities": [\n{"a":"\xff"}\n]\n}\n', [1 << 20]],
    ] as const) {
      const bytes = source.includes('\xff') ? Buffer.from(source, 'latin1') : Buffer.from(source);
      for (const size of sizes) {
        let at = 0;
        const seen: Buffer[] = [];
        const result = await readReleaseLines(
          buffer,
          async (into, offset, length) => {
            const count = bytes.copy(into, offset, at, Math.min(at + size, at + length, bytes.length));
            at += count;
            return count;
          },
          (chunk) => seen.push(Buffer.from(chunk)),
        );
        const whole = parseReleaseLines(buffer, bytes);
        expect(result, `${source.length} bytes by ${size}`).toEqual(whole);
        if (whole !== undefined) expect(Buffer.concat(seen).equals(bytes)).toBe(true);
      }
    }
    expect(parseReleaseLines(buffer, Buffer.from(small))).toEqual({ ok: true, value: JSON.parse(small) });
    expect(parseReleaseLines(buffer, Buffer.from(text))).toEqual({ ok: true, value: JSON.parse(text) });
    expect(parseReleaseLines(buffer, Buffer.from(long))).toEqual({ ok: true, value: JSON.parse(long) });
  });
});
