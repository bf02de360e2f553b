import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue, nameProblem, textProblem } from '../src/index.js';
import { parseJsonText, readJsonFile } from '../src/node.js';
import { problemsAfter, record, type Loose } from './fixture.js';

const ENTITIES = 'data/entities.json';
const entity = (d: Loose, id: string) => record(d.entities, id);

describe('nameProblem(): names and aliases (issue 17, case 17)', () => {
  const invisible: [string, string][] = [
    ['\u200B', 'the invisible character U+200B ZERO WIDTH SPACE'],
    ['\u2060', 'the invisible character U+2060 WORD JOINER'],
    ['\uFEFF', 'the invisible character U+FEFF ZERO WIDTH NO-BREAK SPACE'],
    ['\u00AD', 'the invisible character U+00AD SOFT HYPHEN'],
    ['\u115F', 'the invisible character U+115F HANGUL CHOSEONG FILLER'],
    ['\u1160', 'the invisible character U+1160 HANGUL JUNGSEONG FILLER'],
    ['\u3164', 'the invisible character U+3164 HANGUL FILLER'],
    ['\uFFA0', 'the invisible character U+FFA0 HALFWIDTH HANGUL FILLER'],
    ['\u{E0001}', 'the invisible tag character U+E0001'],
    ['\u{E0041}', 'the invisible tag character U+E0041'],
    ['\u{E007F}', 'the invisible tag character U+E007F'],
  ];
  for (const [c, words] of invisible) {
    it(`rejects ${words}, naming the code point`, () => {
      expect(nameProblem(`Ta${c}liban`)).toBe(`contains ${words} at position 2; remove it`);
    });
  }

  const noncharacters = ['\uFDD0', '\uFDEF', '\uFFFE', '\uFFFF', '\u{1FFFE}', '\u{10FFFF}', '\u{5FFFF}'];
  for (const c of noncharacters) {
    const code = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    it(`rejects the noncharacter U+${code} in any display text`, () => {
      expect(nameProblem(`ab${c}`)).toBe(`contains the noncharacter U+${code} at position 2; remove it`);
      expect(textProblem(`ab${c}`)).toBe(`contains the noncharacter U+${code} at position 2; remove it`);
    });
  }

  it('rejects unpaired surrogates, which no XML file can hold', () => {
    expect(textProblem('a\uD800b')).toBe('contains the unpaired surrogate U+D800 at position 1; remove it');
    expect(textProblem('a\uDC00')).toBe('contains the unpaired surrogate U+DC00 at position 1; remove it');
    expect(textProblem('\u{1F600}')).toBeNull();
  });

  it('keeps ZWNJ, ZWJ and the direction marks, which Arabic-script names need', () => {
    for (const name of ['می\u200Cخواهم', 'क्\u200Dष', 'Kabul\u200E', '\u200Fسراج الدين حقاني', 'حقانی\u200C']) {
      expect(nameProblem(name)).toBeNull();
    }
  });

  it('requires NFC: the decomposed twin of a name is refused', () => {
    expect(nameProblem('Qur\u0061\u0301n')).toBe(
      'is not in Unicode normalization form NFC (from position 3); save it composed (NFC), as most editors do',
    );
    expect(nameProblem('Qurán')).toBeNull();
  });

  it('leaves quotes alone: a verbatim soft hyphen or NFD text in a quote is not a name', () => {
    expect(textProblem('co\u00ADmingling')).toBeNull();
    expect(textProblem('Qur\u0061\u0301n')).toBeNull();
  });
});

describe('validateDataset() applies the name rules to names and aliases', () => {
  it('rejects a zero-width space in a name and an NFD twin of an alias', () => {
    expect(
      problemsAfter((d) => {
        entity(d, 'person:ned-price').name = 'Ned\u200BPrice';
        entity(d, 'armed-group:taliban').aliases = ['Tale\u0301ban'];
      }),
    ).toEqual([
      {
        file: ENTITIES,
        id: 'armed-group:taliban',
        path: '/aliases/0',
        message:
          'is not in Unicode normalization form NFC (from position 3); save it composed (NFC), as most editors do',
      },
      {
        file: ENTITIES,
        id: 'person:ned-price',
        path: '/name',
        message: 'contains the invisible character U+200B ZERO WIDTH SPACE at position 3; remove it',
      },
    ]);
  });

  it('rejects U+FFFE in a relation attribute value', () => {
    const problems = problemsAfter((d) => {
      const rel = (d.relations as Record<string, unknown>[])[0]!;
      rel.attributes = { role: 'deputy\uFFFE' };
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('/attributes/role');
    expect(problems[0]!.message).toBe('contains the noncharacter U+FFFE at position 6; remove it');
  });
});

describe('source JSON: duplicate keys and numbers JSON cannot hold (issue 17, case 5)', () => {
  const FILE = 'data/relations.json';
  const parse = (text: string) => parseJsonText(text, FILE, { source: true });

  it('reports the second of two duplicate keys with line, column, record and key', () => {
    const result = parse('[\n  {\n    "id": "rel:a",\n    "note": "one",\n    "note": "two"\n  }\n]\n');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(formatIssue(result.issue)).toBe(
      'data/relations.json:5:5: rel:a /note: duplicate key "note" (first at line 4); JSON keeps only the last one, so remove one of them',
    );
  });

  it('reads a file without duplicates as fine even when a prototype carries an enumerable key', () => {
    const text = '[{"id": "rel:a", "attributes": {"role": "x"}}]';
    const twice = `${text.slice(0, -3)}, "role": "y"}}]`;
    Object.defineProperty(Object.prototype, 'polluted', { value: 1, enumerable: true, configurable: true });
    let results: ReturnType<typeof parse>[];
    try {
      results = [parse(text), parse(twice)];
    } finally {
      delete (Object.prototype as Record<string, unknown>).polluted;
    }
    expect(results[0]).toEqual({ ok: true, value: [{ id: 'rel:a', attributes: { role: 'x' } }] });
    expect(results[1]!.ok || formatIssue(results[1]!.issue)).toBe(
      'data/relations.json:1:46: rel:a /attributes/role: duplicate key "role" (first at line 1); JSON keeps only the last one, so remove one of them',
    );
  });

  it('treats an escaped key as the same key', () => {
    const result = parse('[{"id": "rel:a", "attributes": {"role": "x", "r\\u006fle": "y"}}]');
    expect(result.ok || formatIssue(result.issue)).toBe(
      'data/relations.json:1:46: rel:a /attributes/role: duplicate key "role" (first at line 1); JSON keeps only the last one, so remove one of them',
    );
  });

  it('reports a number too large for a double, and one that loses digits', () => {
    const big = parse('[{"id": "rel:a", "attributes": {"reward": 1e400}}]');
    expect(big.ok || formatIssue(big.issue)).toBe(
      'data/relations.json:1:43: rel:a /attributes/reward: the number "1e400" is too large to be stored (it would be written as null); write it as a string',
    );
    const precise = parse('[{"id": "rel:a", "attributes": {"reward": 9007199254740993}}]');
    expect(precise.ok || formatIssue(precise.issue)).toBe(
      'data/relations.json:1:43: rel:a /attributes/reward: the number "9007199254740993" cannot be stored exactly (it would be written as 9007199254740992); write it as a string, or with fewer digits',
    );
  });

  it('accepts numbers that only change form (1.50, 1e2, 0.1, -0)', () => {
    expect(parse('[1.50, 1e2, 0.1, -0, 9007199254740992, 1.7976931348623157e308, 5e-324]')).toEqual({
      ok: true,
      value: [1.5, 100, 0.1, -0, 9007199254740992, 1.7976931348623157e308, 5e-324],
    });
  });

  it('finds a duplicate key or an inexact number wherever it is, and nothing in a file without one', () => {
    // Keys as written (`r\\u006fle` is `role`); strings holding quotes, colons and backslashes.
    const keys = ['role', 'r\\u006fle', 'id', 'a\\":', '\\\\'];
    const decoded = (key: string) => JSON.parse(`"${key}"`) as string;
    type Tree = { text: string; bad: boolean };
    const number = fc.constantFrom('7', '-12', '1.50', '1e2', '123456789012345', '9007199254740993', '1e400');
    const leaf = fc.oneof(
      number.map((text) => ({ text, bad: text === '9007199254740993' || text === '1e400' })),
      fc.constantFrom('"x: y"', '"\\": 1"', 'true', 'null', 'false', '"é"').map((text) => ({ text, bad: false })),
    );
    const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
      tree: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        leaf,
        fc.array(tie('tree'), { maxLength: 3 }).map((items) => ({
          text: `[${items.map((t) => t.text).join(', ')}]`,
          bad: items.some((t) => t.bad),
        })),
        fc.array(fc.tuple(fc.constantFrom(...keys), tie('tree')), { maxLength: 4 }).map((fields) => ({
          text: `{\n${fields.map(([k, t]) => `"${k}" :\t${t.text}`).join(',\n')}}`,
          bad: fields.some(([, t]) => t.bad) || new Set(fields.map(([k]) => decoded(k))).size < fields.length,
        })),
      ),
    }));
    fc.assert(
      fc.property(tree, ({ text, bad }) => {
        expect(parse(text).ok, text).toBe(!bad);
      }),
      { numRuns: 1000 },
    );
  });

  it('release files are read without the check', () => {
    expect(parseJsonText('{"a": 1, "a": 2}', 'dataset.json')).toEqual({ ok: true, value: { a: 2 } });
  });
});

describe('messages never echo the file (issue 17, case 15)', () => {
  it('a syntax error near control characters stays one printable line', () => {
    const result = parseJsonText('[1,\u001b[2J\u0000\n"forged"]', 'data/sources.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const line = formatIssue(result.issue);
    expect(line).toBe("data/sources.json:1:4: invalid JSON at line 1, column 4: Unexpected token '\\u001b'");
    expect(line).toMatch(/^[\x20-\x7e]*$/);
  });

  it('does not quote back a file that is not JSON (a data file linked to /etc/passwd)', () => {
    const result = parseJsonText('root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/usr/sbin', 'data/sources.json');
    expect(result.ok || formatIssue(result.issue)).toBe(
      "data/sources.json:1:1: invalid JSON at line 1, column 1: Unexpected token 'r'",
    );
  });
});

describe('only regular files are read (issue 17, case 11)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cg-fifo-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses /dev/zero at once', async () => {
    expect(await readJsonFile('/dev/zero', 'data/entities.json')).toEqual({
      ok: false,
      issue: {
        file: 'data/entities.json',
        id: null,
        path: '',
        message: 'is not a regular file (a FIFO, a device or a socket); give a file',
      },
    });
  });

  it('refuses a FIFO with no writer instead of hanging', async () => {
    const fifo = join(dir, 'entities.json');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      console.warn('SKIPPED: mkfifo is not available; the FIFO case is not tested here');
      return;
    }
    const result = await readJsonFile(fifo, 'data/entities.json');
    expect(result.ok || result.issue.message).toBe('is not a regular file (a FIFO, a device or a socket); give a file');
  });

  it('still reads a regular file', async () => {
    writeFileSync(join(dir, 'ok.json'), '[1]');
    expect(await readJsonFile(join(dir, 'ok.json'), 'ok.json')).toEqual({ ok: true, value: [1] });
  });
});
