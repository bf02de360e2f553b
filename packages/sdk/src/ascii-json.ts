/**
 * JSON bytes as ASCII text that JSON.parse reads to the same value: every character outside ASCII
 * written as a `\uXXXX` escape. Node only (it needs Buffer); load-file.ts uses it for row files.
 */

const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const BACKSLASH = 0x5c;

/** The ASCII text of a row file, and how to put its bytes back when they were escaped in place. */
export interface AsciiJson {
  text: string;
  /** Puts the original bytes back where the escapes were written in place (nothing otherwise); the bytes must be valid UTF-8. */
  restore(): void;
}

/**
 * The text of valid UTF-8 JSON bytes `bytes[0, length)` (a byte-order mark dropped) with each
 * non-ASCII character escaped, or null when escaping could change what the text means: a
 * non-ASCII character right after a backslash (`"\é"` is bad JSON, `"\\u00e9"` is not). The escaped
 * text is one byte per character, decoded as Latin-1 at memory speed: UTF-8 decoding of a large
 * file with a few accented names (Node's `buffer.toString('utf8')`) costs about as much as parsing
 * it, and gives a two-byte string of twice the size. Releases are mostly ASCII, so few characters
 * are escaped. When the escapes fit in `bytes` after `length`, they are written in place, from the
 * end backwards; else into a new buffer. In place saves a copy of the file in memory that has not
 * been touched yet, which costs more than the copying itself (the pages are mapped as they are written).
 */
export function asciiJsonText(bytes: Buffer, length: number, allocUnsafe: (size: number) => Buffer): AsciiJson | null {
  let begin = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf && length >= 3) begin = 3;
  const n = length;
  // Runs of non-ASCII bytes: start, end, and the characters they decode to.
  const runs: (number | string)[] = [];
  let from = begin;
  let extra = 0;
  const visit = (i: number): boolean => {
    if (i < from || bytes[i]! < 0x80) return true;
    let backslashes = 0;
    while (i - backslashes - 1 >= begin && bytes[i - backslashes - 1] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 1) return false;
    let j = i + 1;
    while (j < n && bytes[j]! >= 0x80) j++;
    const chars = bytes.toString('utf8', i, j);
    runs.push(i, j, chars);
    extra += chars.length * 6 - (j - i);
    from = j;
    return true;
  };
  // Four bytes at a time over the aligned middle: almost all of a release is ASCII.
  const aligned = begin + ((4 - ((bytes.byteOffset + begin) & 3)) & 3);
  const head = Math.min(n, aligned);
  const words =
    aligned < n ? new Int32Array(bytes.buffer, bytes.byteOffset + aligned, (n - aligned) >> 2) : new Int32Array(0);
  const tail = head + words.length * 4;
  for (let i = begin; i < head; i++) if (!visit(i)) return null;
  for (let w = 0; w < words.length; w++) {
    if ((words[w]! & 0x80808080) === 0) continue;
    const at = head + w * 4;
    if (!visit(at) || !visit(at + 1) || !visit(at + 2) || !visit(at + 3)) return null;
  }
  for (let i = tail; i < n; i++) if (!visit(i)) return null;
  const nothing = () => {};
  if (runs.length === 0) return { text: bytes.toString('latin1', begin, n), restore: nothing };

  if (extra <= bytes.length - n) {
    // In place, last run first: every byte moves up by the escapes' extra length before it, so
    // what is written never lands on a byte not yet moved.
    let to = n + extra;
    let last = n;
    for (let r = runs.length - 3; r >= 0; r -= 3) {
      const end = runs[r + 1] as number;
      const chars = runs[r + 2] as string;
      to -= last - end;
      bytes.copyWithin(to, end, last);
      to -= chars.length * 6;
      writeEscapes(bytes, to, chars);
      last = runs[r] as number;
    }
    const restore = () => {
      // Forwards, first run first: each byte moves back down by the extra length before it.
      let shift = 0;
      let next = begin;
      for (let r = 0; r < runs.length; r += 3) {
        const start = runs[r] as number;
        const chars = runs[r + 2] as string;
        bytes.copyWithin(next, next + shift, start + shift);
        bytes.write(chars, start, 'utf8');
        shift += chars.length * 6 - ((runs[r + 1] as number) - start);
        next = runs[r + 1] as number;
      }
      bytes.copyWithin(next, next + shift, n + shift);
    };
    return { text: bytes.toString('latin1', begin, n + extra), restore };
  }

  const out = allocUnsafe(n - begin + extra);
  let at = 0;
  let last = begin;
  for (let r = 0; r < runs.length; r += 3) {
    at += bytes.copy(out, at, last, runs[r] as number);
    const chars = runs[r + 2] as string;
    writeEscapes(out, at, chars);
    at += chars.length * 6;
    last = runs[r + 1] as number;
  }
  at += bytes.copy(out, at, last, n);
  return { text: out.toString('latin1', 0, at), restore: nothing };
}

/** Writes each UTF-16 unit of `chars` as `\uXXXX` at `at`. */
function writeEscapes(out: Buffer, at: number, chars: string): void {
  for (let k = 0; k < chars.length; k++) {
    const unit = chars.charCodeAt(k);
    out[at] = BACKSLASH;
    out[at + 1] = 0x75; // u
    out[at + 2] = HEX[unit >> 12]!;
    out[at + 3] = HEX[(unit >> 8) & 15]!;
    out[at + 4] = HEX[(unit >> 4) & 15]!;
    out[at + 5] = HEX[unit & 15]!;
    at += 6;
  }
}
