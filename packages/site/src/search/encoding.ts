/**
 * How the search index's files are written, shared by the builder (index-files.ts) and the search
 * page (client/search-page.ts): compact, since a large site has thousands of them, and read back
 * to exactly what was indexed. Nothing here may pull the schema into the page's small script.
 */
import { frontCode, frontDecode } from '../front-code.js';

/**
 * Postings are numbers (gap × WEIGHT_STEPS + weight) in base 32, most significant digit first,
 * the last digit of each from the second half of DIGITS and the others from the first: no
 * separator is needed. A number then `.` and a count is that number that many times more.
 */
const DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const RUN = '.';

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
  for (const ch of text) {
    if (ch === RUN) {
      run = true;
      continue;
    }
    const digit = DIGITS.indexOf(ch);
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

/** A document as the result list shows it: its id (for the link), kind, title and snippet ('' for none). */
export type DocRow = [id: string, kind: string, title: string, snippet: string];

/** A statement's title is `<speaker> on <phrase>`: a file writes each phrase once, then its number. */
export interface DocInput {
  id: string;
  kind: string;
  title: string;
  /** For a statement: its speaker's name and its relation's phrase, of which its title is made. */
  on?: [speaker: string, phrase: string];
  snippet: string;
}

/**
 * A file of the document table: its kinds (`k`), and a row a document (`r`): its id front-coded,
 * its kind's number, its title (or `[speaker, phrase or the number of a phrase met before]`) and its
 * snippet unless it has none.
 */
export interface DocPart {
  k: string[];
  r: [string, number, string | [string, string | number], string?][];
}

export function encodeDocPart(docs: readonly DocInput[]): DocPart {
  const kinds = [...new Set(docs.map((d) => d.kind))];
  const ids = frontCode(docs.map((d) => d.id));
  const phrases = new Map<string, number>();
  const rows = docs.map((d, i): DocPart['r'][number] => {
    let title: DocPart['r'][number][2] = d.title;
    if (d.on) {
      const [speaker, phrase] = d.on;
      const seen = phrases.get(phrase);
      if (seen === undefined) phrases.set(phrase, phrases.size);
      title = [speaker, seen ?? phrase];
    }
    const row: DocPart['r'][number] = [ids[i]!, kinds.indexOf(d.kind), title];
    if (d.snippet) row.push(d.snippet);
    return row;
  });
  return { k: kinds, r: rows };
}

export function decodeDocPart(part: DocPart): DocRow[] {
  const ids = frontDecode(part.r.map((row) => row[0]));
  const phrases: string[] = [];
  return part.r.map(([, kind, title, snippet], i) => {
    if (typeof title !== 'string') {
      const [speaker, phrase] = title;
      if (typeof phrase === 'string') phrases.push(phrase);
      title = `${speaker} on ${typeof phrase === 'string' ? phrase : phrases[phrase]!}`;
    }
    return [ids[i]!, part.k[kind]!, title, snippet ?? ''];
  });
}
