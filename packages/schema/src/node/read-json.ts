/**
 * Reads a JSON file the way a curator needs: a BOM is tolerated, invalid UTF-8 and syntax errors
 * become issues with line and column, never exceptions.
 */
import { isAscii } from 'node:buffer';
import { printable, type ValidationIssue } from '../issues.js';
import { checkJsonSource } from './json-source.js';
import { readRegularFile } from './regular-file.js';

export type JsonReadResult = { ok: true; value: unknown } | { ok: false; issue: ValidationIssue };

export interface ReadJsonOptions {
  /**
   * The file is a curator's source (a data file, package.json): duplicate keys and numbers that
   * JSON.parse cannot hold exactly are issues, since reading and writing back would lose them
   * (default false: release files are written by the build).
   */
  source?: boolean;
  /** What the file must hold, for the message on an empty file (default "JSON"; a data file says "a JSON array"). */
  holds?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads and parses `path`; `file` is the name used in messages. */
export async function readJsonFile(path: string, file: string, options: ReadJsonOptions = {}): Promise<JsonReadResult> {
  // The bytes are dropped before parsing: unreachable while still young, they are freed at the
  // next minor GC, instead of staying (as large as the file) until a major one, often the end.
  const text = await readJsonText(path, file);
  return text.ok ? parseJsonText(text.text, file, options) : text;
}

async function readJsonText(path: string, file: string): Promise<TextRead> {
  const read = await readRegularFile(path);
  if (!read.ok) return { ok: false, issue: { file, id: null, path: '', message: read.problem } };
  return decodeJsonBytes(read.bytes, file);
}

export function parseJsonBytes(bytes: Uint8Array, file: string, options: ReadJsonOptions = {}): JsonReadResult {
  const text = decodeJsonBytes(bytes, file);
  return text.ok ? parseJsonText(text.text, file, options) : text;
}

type TextRead = { ok: true; text: string } | { ok: false; issue: ValidationIssue };

/** The text of UTF-8 bytes; throws when they are not UTF-8. */
export function utf8Text(bytes: Uint8Array): string {
  // ASCII (most data files) is its own UTF-8 and its own Latin-1: copied as it is, at memory
  // speed, instead of decoded (which cost a build about as much as parsing the file).
  return isAscii(bytes)
    ? Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
    : utf8.decode(bytes);
}

function decodeJsonBytes(bytes: Uint8Array, file: string): TextRead {
  try {
    return { ok: true, text: utf8Text(bytes) };
  } catch {
    return {
      ok: false,
      issue: {
        file,
        id: null,
        path: '',
        message: `is not valid UTF-8 (first bad byte at offset ${firstInvalidUtf8(bytes)}); save the file as UTF-8`,
      },
    };
  }
}

export function parseJsonText(text: string, file: string, options: ReadJsonOptions = {}): JsonReadResult {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '')
    return {
      ok: false,
      issue: { file, id: null, path: '', message: `is empty; it must hold ${options.holds ?? 'JSON'}` },
    };
  try {
    const value: unknown = JSON.parse(text);
    if (options.source) {
      const issue = checkJsonSource(text, value, file);
      if (issue) return { ok: false, issue };
    }
    return { ok: true, value };
  } catch (error) {
    if (error instanceof RangeError) {
      return { ok: false, issue: { file, id: null, path: '', message: 'is nested too deeply to be parsed' } };
    }
    const raw = (error as Error).message;
    const position = /at position (\d+)/.exec(raw);
    // V8 gives no position for an unexpected token (`[1,]`, `[tru]`): find it, so that a trailing
    // comma is not mistaken for a truncated file.
    const endOfInput = !position && /^Unexpected end of JSON input/.test(raw);
    const offset = position ? Number(position[1]) : endOfInput ? text.length : syntaxErrorOffset(text);
    // An error at the very end (after `[{"id": "src:a",` or inside a string) means the text stops early.
    const truncated = offset >= text.length;
    const { line, column } = lineAndColumn(text, offset);
    const detail = syntaxErrorDetail(raw);
    const reason = truncated ? 'unexpected end of file (is the file truncated?)' : detail;
    return {
      ok: false,
      issue: {
        file,
        id: null,
        path: '',
        line,
        column,
        message: `invalid JSON at line ${line}, column ${column}: ${reason}`,
      },
    };
  }
}

/**
 * V8's words for a syntax error, without the stretch of file it quotes (`"root:x:0:0:…" is not
 * valid JSON`): a message names the offending token at most, escaped, on one line.
 */
function syntaxErrorDetail(raw: string): string {
  const token = /^Unexpected token '(.+?)', /su.exec(raw) ?? /^Unexpected token '(.+?)'$/su.exec(raw);
  if (token) return `Unexpected token '${printable(token[1]!.slice(0, 8))}'`;
  const detail = raw
    .replace(/ (?:in JSON )?at position \d+.*$/s, '')
    .replace(/,? ?(?:\.\.\.)?".*" is not valid JSON$/s, '')
    .replace(/^JSON\.parse: /, '');
  return printable(detail === '' ? 'Unexpected token' : detail.slice(0, 80));
}

/**
 * The offset of the first character JSON cannot accept. A prefix that fails only at its end could
 * still be the start of valid JSON, so binary search for the shortest prefix that fails inside.
 */
function syntaxErrorOffset(text: string): number {
  let lo = 1;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (failsInside(text.slice(0, mid))) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

function failsInside(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return false;
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    if (position) return Number(position[1]) < prefix.length;
    return !/^Unexpected end of JSON input/.test(message);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function firstInvalidUtf8(bytes: Uint8Array): number {
  // Binary search for the shortest prefix that fails to decode.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, mid + 1), { stream: true });
      lo = mid + 1;
    } catch {
      hi = mid;
    }
  }
  // The failing byte may end a sequence begun earlier (a Latin-1 é read as a lead byte): point at
  // the start of that incomplete sequence.
  for (let i = lo - 1; i >= 0 && i >= lo - 3; i--) {
    const b = bytes[i]!;
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return i + length > lo ? i : lo;
  }
  return lo;
}
