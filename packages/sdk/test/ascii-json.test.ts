import { Buffer } from 'node:buffer';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asciiJsonText } from '../src/ascii-json.js';

// Characters of every UTF-8 length, backslashes and quotes next to them, and any code point.
const unit = fc.oneof(
  fc.constantFrom('é', '\\', '"', 'a', '😀', '\u2028', 'ж', '\ufeff'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);
const ascii = (bytes: Buffer) => asciiJsonText(bytes, bytes.length, (size) => Buffer.allocUnsafe(size))?.text ?? null;

describe('asciiJsonText()', () => {
  it('writes every character outside ASCII as an escape JSON.parse reads back', () => {
    const value = { name: 'Åberg Łukasz', quote: 'پشتو «quoted» 😀 café', ключ: ['é', 'x\u2028y'] };
    const text = ascii(Buffer.from(JSON.stringify(value)))!;
    expect(text).toMatch(/^[\x00-\x7f]*$/);
    expect(text).toContain('\\u00c5berg');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('returns ASCII text as it is, and drops a byte-order mark', () => {
    expect(ascii(Buffer.from('{"a":"b"}'))).toBe('{"a":"b"}');
    expect(ascii(Buffer.from('\ufeff{"a":"é"}'))).toBe('{"a":"\\u00e9"}');
    expect(ascii(Buffer.from('\ufeff'))).toBe('');
    expect(ascii(Buffer.alloc(0))).toBe('');
  });

  it('gives up on a non-ASCII character right after a backslash, which only the bytes can judge', () => {
    expect(ascii(Buffer.from('["\\é"]'))).toBeNull();
    expect(ascii(Buffer.from('["\\\\\\é"]'))).toBeNull();
    // An escaped backslash before it is fine.
    expect(JSON.parse(ascii(Buffer.from('["\\\\é"]'))!)).toEqual(['\\é']);
  });

  it('reads like JSON.parse of the UTF-8 text, wherever the characters fall in the bytes', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: unit }), fc.integer({ min: 0, max: 3 }), (value, shift) => {
        const text = JSON.stringify(value) ?? 'null';
        // Shifted so that runs start at every alignment of the four-byte scan.
        const backing = Buffer.alloc(Buffer.byteLength(text) + shift);
        backing.write(text, shift);
        const bytes = backing.subarray(shift);
        expect(JSON.parse(ascii(bytes)!)).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('writes the escapes in place when the buffer has room after the bytes, and can put the bytes back', () => {
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: unit }), fc.nat({ max: 64 }), (value, spare) => {
        const text = JSON.stringify(value) ?? 'null';
        const original = Buffer.from(text);
        const expected = ascii(original)!;
        const room = Buffer.alloc(original.length + spare + (expected.length - original.length));
        original.copy(room);
        let allocated = 0;
        const result = asciiJsonText(room, original.length, (size) => {
          allocated++;
          return Buffer.allocUnsafe(size);
        })!;
        // Same text either way; no second buffer when the escapes fit.
        expect(result.text).toBe(expected);
        expect(allocated).toBe(0);
        result.restore();
        expect(room.subarray(0, original.length).equals(original)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('uses a new buffer when the escapes do not fit after the bytes, and leaves the bytes alone', () => {
    const original = Buffer.from('{"a":"é😀"}');
    const room = Buffer.concat([original, Buffer.alloc(3)]);
    let allocated = 0;
    const result = asciiJsonText(room, original.length, (size) => {
      allocated++;
      return Buffer.allocUnsafe(size);
    })!;
    expect(allocated).toBe(1);
    expect(JSON.parse(result.text)).toEqual({ a: 'é😀' });
    expect(room.subarray(0, original.length).equals(original)).toBe(true);
  });
});
