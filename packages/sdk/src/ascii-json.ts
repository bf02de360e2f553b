/**
 * JSON bytes as ASCII text that JSON.parse reads to the same value: every character outside ASCII
 * written as a `\uXXXX` escape. Node only (it needs Buffer); load-file.ts uses it for row files.
 */

const HEX = Uint8Array.from('0123456789abcdef', (c) => c.charCodeAt(0));
const BACKSLASH = 0x5c;

/**
 * The text of valid UTF-8 JSON bytes (a byte-order mark dropped) with each non-ASCII character
 * escaped, or null when escaping could change what the text means: a non-ASCII character right
 * after a backslash (`"\é"` is bad JSON, `"\\u00e9"` is not). The escaped text is one byte per
 * character, decoded as Latin-1 at memory speed: UTF-8 decoding of a large file with a few
 * accented names (Node's `buffer.toString('utf8')`) costs about as much as parsing it, and gives
 * a two-byte string of twice the size. Releases are mostly ASCII, so few characters are escaped.
 */
export function asciiJsonText(bytes: Buffer, allocUnsafe: (size: number) => Buffer): string | null {
  let begin = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) begin = 3;
  const n = bytes.length;
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
  if (runs.length === 0) return bytes.toString('latin1', begin, n);

  const out = allocUnsafe(n - begin + extra);
  let at = 0;
  let last = begin;
  for (let r = 0; r < runs.length; r += 3) {
    at += bytes.copy(out, at, last, runs[r] as number);
    const chars = runs[r + 2] as string;
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
    last = runs[r + 1] as number;
  }
  at += bytes.copy(out, at, last, n);
  return out.toString('latin1', 0, at);
}
