/**
 * Text as Parquet writes it: PLAIN BYTE_ARRAY values (a 4-byte length, then UTF-8) written
 * straight into a page's ByteWriter, with no array per value; and the order min/max statistics
 * use (UTF-8 bytes, that is code points, where JavaScript's `<` compares UTF-16 code units).
 */
import type { ByteWriter } from 'hyparquet-writer/src/bytewriter.js';

const encoder = new TextEncoder();

/** A byte view of a writer's buffer, made again only when the writer grows into a new buffer. */
let viewed: ArrayBuffer | null = null;
let bytes = new Uint8Array(0);

/**
 * Writes `text` as a PLAIN BYTE_ARRAY value. ASCII is copied by hand; the rest of a string goes to
 * `TextEncoder.encodeInto`, which writes a lone surrogate as U+FFFD, as `TextEncoder.encode` did.
 * Returns whether the text was all ASCII.
 */
export function writeText(writer: ByteWriter, text: string): boolean {
  const length = text.length;
  // A UTF-16 code unit takes at most 3 bytes of UTF-8 (a surrogate pair, 4 for 2 units).
  writer.ensure(4 + 3 * length);
  if (viewed !== writer.buffer) {
    viewed = writer.buffer;
    bytes = new Uint8Array(viewed);
  }
  const start = writer.index;
  let at = start + 4;
  let i = 0;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) break;
    bytes[at++] = c;
  }
  const ascii = i === length;
  if (!ascii) at += encoder.encodeInto(i === 0 ? text : text.slice(i), bytes.subarray(at)).written;
  const size = at - start - 4;
  bytes[start] = size;
  bytes[start + 1] = size >>> 8;
  bytes[start + 2] = size >>> 16;
  bytes[start + 3] = size >>> 24;
  writer.offset += at - start;
  writer.index = at;
  return ascii;
}

/** Code units whose UTF-16 order can differ from code point order (surrogates against U+E000–U+FFFF). */
const SURROGATE_OR_ABOVE = /[\ud800-\uffff]/;

/** Whether `<` may misorder this non-ASCII text against others. */
export function needsCodePointOrder(text: string): boolean {
  return SURROGATE_OR_ABOVE.test(text);
}

/** The code point at `i` of `text` as UTF-8 writes it: a lone surrogate is U+FFFD. */
function codePointAt(text: string, i: number): number {
  const code = text.codePointAt(i)!;
  return code >= 0xd800 && code <= 0xdfff ? 0xfffd : code;
}

/** Compares two strings in the order of their UTF-8 bytes. */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const shorter = Math.min(a.length, b.length);
  let i = 0;
  while (i < shorter && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // Start again at a surrogate pair whose low halves differ.
  if (i > 0) {
    const previous = a.charCodeAt(i - 1);
    if (previous >= 0xd800 && previous <= 0xdbff) i--;
  }
  let j = i;
  while (i < a.length && j < b.length) {
    const x = codePointAt(a, i);
    const y = codePointAt(b, j);
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return (i < a.length ? 1 : 0) - (j < b.length ? 1 : 0);
}
