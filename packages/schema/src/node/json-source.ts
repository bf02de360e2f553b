/**
 * What JSON.parse silently drops from a curator's file: the first of two duplicate keys, and digits
 * a double cannot hold (`1e400`, `9007199254740993`). Formatting writes the parsed value back, so
 * both would be lost; they are reported instead, with line, column and key.
 */
import { pointerSegment, show, type ValidationIssue } from '../issues.js';

type Frame =
  | { kind: 'object'; keys: Map<string, number>; key: string | null; expectKey: boolean }
  | { kind: 'array'; index: number };

/**
 * The first duplicate key or inexact number in `text`, which JSON.parse has already accepted (so
 * the scan can trust its syntax), or `null`. Iterative, so any nesting JSON.parse took is fine.
 */
export function checkJsonSource(text: string, value: unknown, file: string): ValidationIssue | null {
  // Almost every file has neither: a lean pass says so, and only a file that has one is scanned
  // again to say where (a Map per object and a string per key cost a build as much as JSON.parse).
  if (!mayHaveSourceProblem(text, value)) return null;
  return locateSourceProblem(text, value, file);
}

/**
 * False when `text` certainly has no duplicate key and no inexact number. Without a number in the
 * parsed value there is no number literal in the text, and a colon after a quote (spaces aside)
 * stands after each key, so the text has at least as many of them as keys: no more than the
 * parsed value has keys rules out a duplicate, which would make the value's count one fewer.
 * Counting them takes a search for `:` rather than a scan of every character.
 */
function mayHaveSourceProblem(text: string, value: unknown): boolean {
  const parsed = keysAndNumbersOf(value);
  if (parsed.numbers > 0) return mayHaveInexactNumberOrDuplicate(text, parsed.keys);
  return colonsAfterQuotes(text) !== parsed.keys;
}

/** How many `:` have a `"` as the last character before them that is not JSON whitespace. */
function colonsAfterQuotes(text: string): number {
  let count = 0;
  for (let i = text.indexOf(':'); i >= 0; i = text.indexOf(':', i + 1)) {
    let before = i - 1;
    let c = text.charCodeAt(before);
    while (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) c = text.charCodeAt(--before);
    if (c === 0x22 /* " */) count++;
  }
  return count;
}

/**
 * mayHaveSourceProblem for a text with numbers: every number literal is a short integer or checks
 * exact, and the text has as many keys (strings followed by `:`) as the parsed value (`keys`).
 */
function mayHaveInexactNumberOrDuplicate(text: string, parsedKeys: number): boolean {
  let keys = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    // Whitespace first: most of a formatted file is indentation.
    if (c <= 0x20) i++;
    else if (c === 0x22 /* " */) {
      // The closing quote is the next one after an even run of backslashes; indexOf finds the
      // candidates far faster than a loop over every character of the string.
      let end = text.indexOf('"', i + 1);
      while (end >= 0 && backslashesBefore(text, end) % 2 === 1) end = text.indexOf('"', end + 1);
      i = (end < 0 ? n : end) + 1;
      let next = text.charCodeAt(i);
      while (next === 0x20 || next === 0x0a || next === 0x0d || next === 0x09) next = text.charCodeAt(++i);
      if (next === 0x3a /* : */) keys++;
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      let simple = true;
      i++;
      for (;;) {
        const d = text.charCodeAt(i);
        if (d >= 0x30 && d <= 0x39) i++;
        else if (d === 0x2e || d === 0x65 || d === 0x45 || d === 0x2b || d === 0x2d) {
          simple = false;
          i++;
        } else break;
      }
      // Up to 15 digits, an integer is exact; anything else is checked as the full scan would.
      if (!(simple && i - start <= 15) && inexactNumber(text.slice(start, i))) return true;
    } else if (c === 0x74 || c === 0x6e) i += 4;
    else if (c === 0x66) i += 5;
    else i++;
  }
  return keys !== parsedKeys;
}

/** How many backslashes come right before position `at` (the opening quote stops the count). */
function backslashesBefore(text: string, at: number): number {
  let count = 0;
  while (text.charCodeAt(at - 1 - count) === 0x5c) count++;
  return count;
}

/**
 * How many keys the objects of a parsed value hold, all levels, and how many numbers it holds;
 * iterative, like the scan. `for…in` counts without an array of keys per object; it would also
 * count a key inherited from a polluted prototype, but a count that is off only sends the file to
 * the scan that finds nothing.
 */
function keysAndNumbersOf(value: unknown): { keys: number; numbers: number } {
  let keys = 0;
  let numbers = typeof value === 'number' ? 1 : 0;
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item !== 'object' || item === null) continue;
    if (Array.isArray(item)) {
      for (let i = 0; i < item.length; i++) {
        const child: unknown = item[i];
        if (typeof child === 'object' && child !== null) stack.push(child);
        else if (typeof child === 'number') numbers++;
      }
    } else {
      for (const key in item) {
        keys++;
        const child = (item as Record<string, unknown>)[key];
        if (typeof child === 'object' && child !== null) stack.push(child);
        else if (typeof child === 'number') numbers++;
      }
    }
  }
  return { keys, numbers };
}

/** The issue `checkJsonSource` reports: the first duplicate key or inexact number, with line, column and path. */
function locateSourceProblem(text: string, value: unknown, file: string): ValidationIssue | null {
  const stack: Frame[] = [];
  let line = 1;
  let lineStart = 0;
  const issueAt = (offset: number, segments: (string | number)[], message: string): ValidationIssue => {
    // In a data file (an array of records), name the record by its id and the field inside it.
    let id: string | null = null;
    let index: number | undefined;
    if (Array.isArray(value) && typeof segments[0] === 'number') {
      index = segments[0];
      const record: unknown = value[index];
      const recordId = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
      if (typeof recordId === 'string') id = recordId;
      segments = segments.slice(1);
    }
    const path = segments.map((s) => `/${pointerSegment(s)}`).join('');
    return { file, id, path, message, line, column: offset - lineStart + 1, ...(index !== undefined ? { index } : {}) };
  };
  const pathOf = (extra?: string): (string | number)[] => {
    const segments: (string | number)[] = [];
    for (const frame of stack) {
      if (frame.kind === 'array') segments.push(frame.index);
      else if (frame.key !== null) segments.push(frame.key);
    }
    if (extra !== undefined) segments.push(extra);
    return segments;
  };

  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x0a) {
      line++;
      lineStart = ++i;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0d || c === 0xfeff) {
      i++;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === 0x7b /* { */) {
      stack.push({ kind: 'object', keys: new Map(), key: null, expectKey: true });
      i++;
    } else if (c === 0x5b /* [ */) {
      stack.push({ kind: 'array', index: 0 });
      i++;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      i++;
    } else if (c === 0x2c /* , */) {
      if (top?.kind === 'array') top.index++;
      else if (top) {
        top.expectKey = true;
        top.key = null;
      }
      i++;
    } else if (c === 0x3a /* : */) {
      i++;
    } else if (c === 0x22 /* " */) {
      const start = i;
      let escaped = false;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c) {
          escaped = true;
          i += 2;
        } else if (d === 0x22) break;
        else i++;
      }
      i++;
      if (top?.kind === 'object' && top.expectKey) {
        const raw = text.slice(start + 1, i - 1);
        const key = escaped ? (JSON.parse(text.slice(start, i)) as string) : raw;
        const first = top.keys.get(key);
        if (first !== undefined) {
          return issueAt(
            start,
            pathOf(key),
            `duplicate key ${show(key)} (first at line ${first}); JSON keeps only the last one, so remove one of them`,
          );
        }
        top.keys.set(key, line);
        top.key = key;
        top.expectKey = false;
      }
    } else if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      i++;
      while (i < n && /[0-9.eE+-]/.test(text[i]!)) i++;
      const literal = text.slice(start, i);
      const problem = inexactNumber(literal);
      if (problem) return issueAt(start, pathOf(), problem);
    } else {
      // true, false, null
      i += c === 0x66 ? 5 : 4;
    }
  }
  return null;
}

/** Why a JSON number literal does not survive a read and a write, or `null` when it does. */
export function inexactNumber(literal: string): string | null {
  const parsed = Number(literal);
  if (!Number.isFinite(parsed)) {
    return `the number ${show(literal, 40)} is too large to be stored (it would be written as null); write it as a string`;
  }
  if (canonicalDecimal(literal) === canonicalDecimal(String(parsed))) return null;
  return `the number ${show(literal, 40)} cannot be stored exactly (it would be written as ${parsed}); write it as a string, or with fewer digits`;
}

/** `-0.0120e3` → `-12e0`: sign, significant digits without leading or trailing zeros, exponent. */
function canonicalDecimal(literal: string): string {
  const match = /^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  if (!match) return literal;
  const [, sign, int = '', frac = '', exp = '0'] = match;
  let digits = int + frac;
  let exponent = BigInt(exp) - BigInt(frac.length);
  digits = digits.replace(/^0+/, '');
  const trailing = /0*$/.exec(digits)![0].length;
  digits = digits.slice(0, digits.length - trailing);
  exponent += BigInt(trailing);
  if (digits === '') return '0';
  return `${sign}${digits}e${exponent}`;
}
