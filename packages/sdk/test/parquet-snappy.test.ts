// The encoder's Snappy compressor against hyparquet-writer's snappyCompress, which compressed
// claimgraph's pages before it: the same input gives the same bytes, and hyparquet reads them back.
import { snappyUncompress } from 'hyparquet';
import { snappyCompress } from 'hyparquet-writer/src/snappy.js';
import { describe, expect, it } from 'vitest';
import { SnappyCompressor } from '../src/export/parquet-encode/snappy.js';

/** Bytes from a small deterministic generator: `alphabet` distinct values, runs and repeated phrases. */
function bytes(length: number, alphabet: number, seed: number): Uint8Array {
  let state = seed;
  const next = (n: number) => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return (state >>> 8) % n;
  };
  const out = new Uint8Array(length);
  for (let i = 0; i < length;) {
    const pick = next(4);
    if (pick === 0 && i > 8) {
      // A repeat of earlier bytes, near or far (past the 64 KiB a copy can reach, sometimes).
      const back = 1 + next(Math.min(i, 80_000));
      const run = 4 + next(200);
      for (let k = 0; k < run && i < length; k++, i++) out[i] = out[i - back]!;
    } else if (pick === 1) {
      const run = 1 + next(100);
      const value = next(alphabet);
      for (let k = 0; k < run && i < length; k++) out[i++] = value;
    } else out[i++] = next(alphabet);
  }
  return out;
}

/** Whether two byte arrays hold the same bytes (an element-by-element toEqual is slow at a megabyte). */
const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);

const LENGTHS = [0, 1, 4, 14, 15, 16, 17, 60, 61, 300, 4_096, 70_000, 300_000, 1_100_000];

describe('SnappyCompressor', () => {
  it('compresses to the same bytes as hyparquet-writer, and hyparquet reads them back', () => {
    const compressor = new SnappyCompressor();
    for (const length of LENGTHS) {
      for (const alphabet of [1, 3, 26, 256]) {
        const input = bytes(length, alphabet, length + alphabet);
        const compressed = compressor.compress(input);
        expect(same(compressed, snappyCompress(input)), `length ${length}, alphabet ${alphabet}`).toBe(true);
        const output = new Uint8Array(length);
        snappyUncompress(compressed, output);
        expect(same(output, input), `length ${length}, alphabet ${alphabet}: read back`).toBe(true);
      }
    }
  });

  it('reuses its buffer: a small input after a large one gives its own bytes', () => {
    const compressor = new SnappyCompressor();
    compressor.compress(bytes(200_000, 7, 1));
    const small = bytes(500, 7, 2);
    expect(compressor.compress(small)).toEqual(snappyCompress(small));
  });

  it('writes long literals with their length in 1 to 3 extra bytes', () => {
    const compressor = new SnappyCompressor();
    // Random bytes of 256 values rarely repeat 4 bytes: mostly literal.
    for (const length of [61, 256, 257, 65_536, 65_537, 200_000]) {
      const input = bytes(length, 256, 99);
      expect(same(compressor.compress(input), snappyCompress(input)), `length ${length}`).toBe(true);
    }
  });
});
