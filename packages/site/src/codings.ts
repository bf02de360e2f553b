/**
 * Compact text codings shared by the chart data and the search index, and so by both browser
 * scripts: nothing here may import anything.
 */

/**
 * Front coding for sorted ids. Neighbouring ids share most of their start
 * (`rel:affiliated-with-107`, `rel:affiliated-with-108`): each is written as how many characters it
 * shares with the one before (one base-36 digit, at most 35) and the rest.
 */
export function frontCode(ids: readonly string[]): string[] {
  let last = '';
  return ids.map((id) => {
    let shared = 0;
    while (shared < 35 && shared < id.length && id[shared] === last[shared]) shared++;
    last = id;
    return shared.toString(36) + id.slice(shared);
  });
}

/** The ids `frontCode` wrote. */
export function frontDecode(coded: readonly string[]): string[] {
  let last = '';
  return coded.map((code) => (last = last.slice(0, parseInt(code[0]!, 36)) + code.slice(1)));
}

/**
 * Whole numbers (≥ 0) in base 32, most significant digit first,
 * the last digit of each from the second half of DIGITS and the others from the first: no
 * separator is needed. A number then `.` and a count is that number that many times more.
 */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const RUN = '.';
const RUN_CODE = RUN.charCodeAt(0);
/** Each character's digit value (-1 for none), by its code. */
const DIGIT_OF = new Int8Array(128).fill(-1);
for (let d = 0; d < DIGITS.length; d++) DIGIT_OF[DIGITS.charCodeAt(d)] = d;

function writeNumber(n: number): string {
  let out = DIGITS[32 + (n % 32)]!;
  for (n = Math.floor(n / 32); n > 0; n = Math.floor(n / 32)) out = DIGITS[n % 32]! + out;
  return out;
}

/** The numbers `encodeNumbers` wrote. */
export function decodeNumbers(text: string): number[] {
  const out: number[] = [];
  let n = 0;
  let run = false;
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === RUN_CODE) {
      run = true;
      continue;
    }
    const digit = code < 128 ? DIGIT_OF[code]! : -1;
    if (digit < 0) throw new Error(`not a number list: ${JSON.stringify(text.slice(at, at + 8))}`);
    n = n * 32 + (digit % 32);
    if (digit < 32) continue;
    if (run) for (let k = 0; k < n; k++) out.push(out[out.length - 1]!);
    else out.push(n);
    n = 0;
    run = false;
  }
  return out;
}

/** Numbers as one string; three or more alike in a row as one and a count (a common word's postings are mostly 1 apart). */
export function encodeNumbers(numbers: readonly number[]): string {
  let out = '';
  for (let i = 0; i < numbers.length;) {
    let j = i + 1;
    while (j < numbers.length && numbers[j] === numbers[i]) j++;
    const same = j - i;
    out += same >= 3 ? writeNumber(numbers[i]!) + RUN + writeNumber(same - 1) : writeNumber(numbers[i]!).repeat(same);
    i = j;
  }
  return out;
}
