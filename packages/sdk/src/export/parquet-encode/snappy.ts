/**
 * Snappy compression of a page's values into a buffer reused from page to page. It makes the
 * choices hyparquet-writer's `snappyCompress` makes (one hash table of up to 2^14 entries over the
 * whole input, the same skipping, literal and copy tags), so a page compresses to the same bytes;
 * but it writes tags and literals straight into its own array, where that one goes through a byte
 * writer per tag byte and allocates a growing buffer for every page.
 */
import { grown } from './leaves.js';

const MAX_TABLE_BITS = 14;
/** The largest copy offset a 2-byte-offset copy tag holds. */
const MAX_OFFSET = 0xffff;
/** Bytes at the input's end never searched for a match (the hash reads 4 bytes ahead). */
const INPUT_MARGIN = 15;

export class SnappyCompressor {
  private output = new Uint8Array(0);
  private at = 0;
  private readonly tables: Uint32Array[] = [];

  /** The compressed bytes of `input`: a view of the compressor's buffer, valid until the next call. */
  compress(input: Uint8Array): Uint8Array {
    const length = input.length;
    // The format's bound on the compressed size: the length varint, then literal tags and bytes.
    const bound = 32 + length + Math.ceil(length / 6);
    if (this.output.length < bound) this.output = new Uint8Array(grown(bound));
    this.at = 0;
    this.varint(length);
    let emitted = 0;
    if (length >= INPUT_MARGIN) emitted = this.matches(input);
    if (emitted < length) this.literal(input, emitted, length - emitted);
    return this.output.subarray(0, this.at);
  }

  /** Emits the input's literals and copies up to its margin; returns where the rest begins. */
  private matches(input: Uint8Array): number {
    const length = input.length;
    let bits = 0;
    while (bits < MAX_TABLE_BITS && 2 << bits <= length) bits++;
    const table = (this.tables[bits] ??= new Uint32Array(1 << bits)).fill(0);
    const shift = 32 - bits;
    const hashAt = (at: number): number =>
      Math.imul(input[at]! | (input[at + 1]! << 8) | (input[at + 2]! << 16) | (input[at + 3]! << 24), 0x1e35a7bd) >>>
      shift;
    const same4 = (a: number, b: number): boolean =>
      input[a] === input[b] &&
      input[a + 1] === input[b + 1] &&
      input[a + 2] === input[b + 2] &&
      input[a + 3] === input[b + 3];
    const limit = length - INPUT_MARGIN;
    let emitted = 0;
    let at = 1;
    let nextHash = hashAt(at);
    for (;;) {
      // Look for a 4-byte match, stepping further the longer none is found.
      let skip = 32;
      let next = at;
      let candidate: number;
      do {
        at = next;
        const hash = nextHash;
        next = at + (skip++ >>> 5);
        if (at > limit) return emitted;
        // Past the limit the next round stops before using it.
        nextHash = next <= limit ? hashAt(next) : 0;
        candidate = table[hash]!;
        table[hash] = at;
      } while (at - candidate > MAX_OFFSET || !same4(at, candidate));
      this.literal(input, emitted, at - emitted);
      // Copy for as long as each copy's end starts another match.
      do {
        const start = at;
        let matched = 4;
        while (at + matched < length && input[at + matched] === input[candidate + matched]) matched++;
        at += matched;
        this.copy(start - candidate, matched);
        emitted = at;
        if (at >= limit) return emitted;
        table[hashAt(at - 1)] = at - 1;
        const hash = hashAt(at);
        candidate = table[hash]!;
        table[hash] = at;
      } while (at - candidate <= MAX_OFFSET && same4(at, candidate));
      nextHash = hashAt(++at);
    }
  }

  private varint(value: number): void {
    const output = this.output;
    while (value > 0x7f) {
      output[this.at++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    output[this.at++] = value;
  }

  /** A literal: its length (in the tag up to 60, else in 1–4 bytes after it), then its bytes. */
  private literal(input: Uint8Array, from: number, length: number): void {
    const output = this.output;
    const stored = length - 1;
    if (length <= 60) output[this.at++] = stored << 2;
    else {
      const bytes = stored < 0x100 ? 1 : stored < 0x10000 ? 2 : stored < 0x1000000 ? 3 : 4;
      output[this.at++] = (59 + bytes) << 2;
      for (let i = 0; i < bytes; i++) output[this.at++] = stored >>> (8 * i);
    }
    if (length < 32) {
      // A short literal byte by byte: cheaper than a view and a set.
      for (let i = 0; i < length; i++) output[this.at + i] = input[from + i]!;
    } else output.set(input.subarray(from, from + length), this.at);
    this.at += length;
  }

  /** A copy of `length` bytes from `offset` back: 64-byte copies, then one of 60 if needed, then the rest. */
  private copy(offset: number, length: number): void {
    while (length >= 68) {
      this.shortCopy(offset, 64);
      length -= 64;
    }
    if (length > 64) {
      this.shortCopy(offset, 60);
      length -= 60;
    }
    this.shortCopy(offset, length);
  }

  private shortCopy(offset: number, length: number): void {
    const output = this.output;
    if (length < 12 && offset < 2048) {
      output[this.at++] = 1 + ((length - 4) << 2) + ((offset >>> 8) << 5);
      output[this.at++] = offset & 0xff;
    } else {
      output[this.at++] = 2 + ((length - 1) << 2);
      output[this.at++] = offset & 0xff;
      output[this.at++] = offset >>> 8;
    }
  }
}
