import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseJsonBytes, parseJsonText, readJsonFile } from '../src/node.js';

const FILE = 'data/sources.json';
const bytes = (...values: number[]) => new Uint8Array(values);
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('parseJsonText()', () => {
  it('parses a JSON array', () => {
    expect(parseJsonText('[{"id":"src:a"}]\n', FILE)).toEqual({ ok: true, value: [{ id: 'src:a' }] });
  });

  it('accepts a byte order mark', () => {
    expect(parseJsonText('\uFEFF[1, 2]', FILE)).toEqual({ ok: true, value: [1, 2] });
  });

  it('rejects an empty file and a file of whitespace', () => {
    const empty = {
      ok: false,
      issue: { file: FILE, id: null, path: '', message: 'is empty; it must hold JSON' },
    };
    expect(parseJsonText('', FILE)).toEqual(empty);
    expect(parseJsonText(' \n\t\n', FILE)).toEqual(empty);
    expect(parseJsonText('\uFEFF', FILE)).toEqual(empty);
  });

  it('reports a syntax error with its line and column', () => {
    expect(parseJsonText('[\n  {"id" "src:a"}\n]', FILE)).toEqual({
      ok: false,
      issue: {
        file: FILE,
        id: null,
        path: '',
        line: 2,
        column: 9,
        message: "invalid JSON at line 2, column 9: Expected ':' after property name",
      },
    });
  });

  it('reports a trailing comma in an object where it is', () => {
    expect(parseJsonText('[\n  {"id": "src:a",}\n]', FILE)).toEqual({
      ok: false,
      issue: {
        file: FILE,
        id: null,
        path: '',
        line: 2,
        column: 18,
        message: 'invalid JSON at line 2, column 18: Expected double-quoted property name',
      },
    });
  });

  it('reports a trailing comma in an array where it is, not as a truncated file', () => {
    expect(parseJsonText('[\n  {"id": "src:a"},\n]\n', FILE)).toEqual({
      ok: false,
      issue: {
        file: FILE,
        id: null,
        path: '',
        line: 3,
        column: 1,
        message: "invalid JSON at line 3, column 1: Unexpected token ']'",
      },
    });
  });

  it('reports a misspelt literal at the character JSON cannot accept', () => {
    expect(parseJsonText('[\n  {"hedged": ture}\n]', FILE)).toMatchObject({
      ok: false,
      issue: { line: 2, column: 15, message: "invalid JSON at line 2, column 15: Unexpected token 'u'" },
    });
  });

  it('reports single quotes at the quote', () => {
    expect(parseJsonText("[{'id': 'src:a'}]", FILE)).toMatchObject({ ok: false, issue: { line: 1, column: 3 } });
  });

  it('reports a truncated file at its end', () => {
    expect(parseJsonText('[\n  {"id": "src:a",\n', FILE)).toEqual({
      ok: false,
      issue: {
        file: FILE,
        id: null,
        path: '',
        line: 3,
        column: 1,
        message: 'invalid JSON at line 3, column 1: unexpected end of file (is the file truncated?)',
      },
    });
    expect(parseJsonText('[{"id": "src:a"}', FILE)).toMatchObject({
      ok: false,
      issue: {
        line: 1,
        column: 17,
        message: 'invalid JSON at line 1, column 17: unexpected end of file (is the file truncated?)',
      },
    });
  });

  it('reports a file cut inside a string or after a comma as truncated', () => {
    expect(parseJsonText('[{"id": "src:a', FILE)).toMatchObject({
      ok: false,
      issue: {
        line: 1,
        column: 15,
        message: 'invalid JSON at line 1, column 15: unexpected end of file (is the file truncated?)',
      },
    });
    expect(parseJsonText('[{"id": "src:a",', FILE)).toMatchObject({
      ok: false,
      issue: {
        line: 1,
        column: 17,
        message: 'invalid JSON at line 1, column 17: unexpected end of file (is the file truncated?)',
      },
    });
  });

  it('reports text after the JSON value', () => {
    expect(parseJsonText('[]\n[]', FILE)).toMatchObject({
      ok: false,
      issue: {
        line: 2,
        column: 1,
        message: 'invalid JSON at line 2, column 1: Unexpected non-whitespace character after JSON',
      },
    });
  });

  it('does not quote the file back in its message', () => {
    const text = `[${'{"id": "src:a"},'.repeat(500)}]`;
    const result = parseJsonText(text, FILE);
    expect(result).toMatchObject({
      ok: false,
      issue: {
        line: 1,
        column: text.length,
        message: `invalid JSON at line 1, column ${text.length}: Unexpected token ']'`,
      },
    });
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const result = parseJsonText(text, FILE);
        if (!result.ok) {
          expect(result.issue.file).toBe(FILE);
          expect(result.issue.message).not.toMatch(/\n/);
          if (result.issue.line !== undefined) {
            expect(result.issue.line).toBeGreaterThanOrEqual(1);
            expect(result.issue.column).toBeGreaterThanOrEqual(1);
          }
        }
      }),
    );
  });

  it('locates the first bad character of any corrupted JSON document', () => {
    // A prefix "could start valid JSON" when parsing it fails only at its very end, or succeeds.
    const couldStartJson = (prefix: string) => {
      try {
        JSON.parse(prefix);
        return true;
      } catch (error) {
        const at = /at position (\d+)/.exec((error as Error).message);
        return at ? Number(at[1]) >= prefix.length : /^Unexpected end of JSON input/.test((error as Error).message);
      }
    };
    fc.assert(
      fc.property(fc.json(), fc.nat(), fc.constantFrom(']', '}', ',', ':', 'x', '"'), (json, at, junk) => {
        const position = at % (json.length + 1);
        const text = `${json.slice(0, position)}${junk}${json.slice(position)}`;
        const result = parseJsonText(text, FILE);
        if (result.ok || result.issue.line !== 1) return; // fc.json() is one line
        const offset = result.issue.column! - 1;
        expect(couldStartJson(text.slice(0, offset))).toBe(true);
        if (offset < text.length) expect(couldStartJson(text.slice(0, offset + 1))).toBe(false);
      }),
    );
  });
});

describe('parseJsonBytes()', () => {
  it('decodes UTF-8, names included', () => {
    expect(parseJsonBytes(utf8('["طالبان"]'), FILE)).toEqual({ ok: true, value: ['طالبان'] });
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(parseJsonBytes(bytes(0xef, 0xbb, 0xbf, ...utf8('[]')), FILE)).toEqual({ ok: true, value: [] });
  });

  it('rejects invalid UTF-8 and gives the offset of the first bad byte', () => {
    // `["Kabul"]` with a Latin-1 é (0xE9) after "Kab".
    const latin1 = bytes(...utf8('["Kab'), 0xe9, ...utf8('ul"]'));
    expect(parseJsonBytes(latin1, FILE)).toEqual({
      ok: false,
      issue: {
        file: FILE,
        id: null,
        path: '',
        message: 'is not valid UTF-8 (first bad byte at offset 5); save the file as UTF-8',
      },
    });
  });

  it('points at the lead byte of an incomplete sequence at the end of the file', () => {
    expect(parseJsonBytes(bytes(0x5b, 0x22, 0xe2, 0x82), FILE)).toMatchObject({
      ok: false,
      issue: { message: 'is not valid UTF-8 (first bad byte at offset 2); save the file as UTF-8' },
    });
  });

  it('does not blame a complete multi-byte character before a bad byte', () => {
    expect(parseJsonBytes(bytes(0x5b, 0x22, 0xc3, 0xa9, 0xff, 0x22, 0x5d), FILE)).toMatchObject({
      ok: false,
      issue: { message: 'is not valid UTF-8 (first bad byte at offset 4); save the file as UTF-8' },
    });
  });

  it('rejects a UTF-16 file', () => {
    expect(parseJsonBytes(bytes(0xff, 0xfe, 0x5b, 0x00, 0x5d, 0x00), FILE)).toMatchObject({
      ok: false,
      issue: { message: 'is not valid UTF-8 (first bad byte at offset 0); save the file as UTF-8' },
    });
  });
});

describe('readJsonFile()', () => {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-read-json-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reads and parses a file, naming it as told in issues', async () => {
    writeFileSync(join(dir, 'ok.json'), '\uFEFF[{"id": "src:a"}]');
    expect(await readJsonFile(join(dir, 'ok.json'), FILE)).toEqual({ ok: true, value: [{ id: 'src:a' }] });
  });

  it('reports a missing file', async () => {
    expect(await readJsonFile(join(dir, 'missing.json'), FILE)).toEqual({
      ok: false,
      issue: { file: FILE, id: null, path: '', message: 'file not found' },
    });
  });

  it('reports a folder where a file belongs', async () => {
    mkdirSync(join(dir, 'folder.json'));
    expect(await readJsonFile(join(dir, 'folder.json'), FILE)).toEqual({
      ok: false,
      issue: { file: FILE, id: null, path: '', message: 'is a folder, not a file' },
    });
  });

  it('reports an empty file', async () => {
    writeFileSync(join(dir, 'empty.json'), '');
    expect(await readJsonFile(join(dir, 'empty.json'), FILE)).toEqual({
      ok: false,
      issue: { file: FILE, id: null, path: '', message: 'is empty; it must hold JSON' },
    });
  });

  it('reports invalid UTF-8 read from disk', async () => {
    writeFileSync(join(dir, 'latin1.json'), Buffer.from([0x5b, 0x22, 0xe9, 0x22, 0x5d]));
    expect(await readJsonFile(join(dir, 'latin1.json'), FILE)).toMatchObject({
      ok: false,
      issue: { message: 'is not valid UTF-8 (first bad byte at offset 2); save the file as UTF-8' },
    });
  });

  it('reports a truncated file read from disk', async () => {
    writeFileSync(join(dir, 'cut.json'), '[\n  {\n    "id": "src:a",\n    "title": "Sep');
    expect(await readJsonFile(join(dir, 'cut.json'), FILE)).toMatchObject({
      ok: false,
      issue: {
        line: 4,
        column: 18,
        message: 'invalid JSON at line 4, column 18: unexpected end of file (is the file truncated?)',
      },
    });
  });
});
