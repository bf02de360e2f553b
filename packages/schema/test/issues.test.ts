import { describe, expect, it } from 'vitest';
import { formatIssue, sortIssues, textProblem, type ValidationIssue } from '../src/index.js';
import { show } from '../src/issues.js';

describe('formatIssue()', () => {
  it('names the file, the record, the field and the problem', () => {
    expect(
      formatIssue({
        file: 'data/statements.json',
        id: 'st:kirby-1',
        path: '/date',
        message: '"2021-02-30" is not a calendar date',
      }),
    ).toBe('data/statements.json: st:kirby-1 /date: "2021-02-30" is not a calendar date');
  });

  it('leaves out the field when the problem is the whole record', () => {
    expect(formatIssue({ file: 'data/relations.json', id: 'rel:a', path: '', message: 'has no statement' })).toBe(
      'data/relations.json: rel:a: has no statement',
    );
  });

  it('names a record without an id by its position', () => {
    expect(formatIssue({ file: 'data/sources.json', id: null, path: '/id', index: 3, message: 'is required' })).toBe(
      'data/sources.json: record #3 /id: is required',
    );
  });

  it('gives a file-level problem on its own', () => {
    expect(formatIssue({ file: 'data/sources.json', id: null, path: '', message: 'file not found' })).toBe(
      'data/sources.json: file not found',
    );
    expect(formatIssue({ file: 'package.json', id: null, path: '/version', message: 'is required' })).toBe(
      'package.json: /version: is required',
    );
  });

  it('puts line and column after the file, as editors expect', () => {
    expect(
      formatIssue({
        file: 'data/sources.json',
        id: null,
        path: '',
        line: 2,
        column: 11,
        message: 'invalid JSON at line 2, column 11: Expected double-quoted property name',
      }),
    ).toBe('data/sources.json:2:11: invalid JSON at line 2, column 11: Expected double-quoted property name');
  });

  it('quotes an id holding a newline or a bidi override, so that one issue stays one line', () => {
    const line = formatIssue({ file: 'data/statements.json', id: 'st:a\nfake: ok', path: '/id', message: 'bad' });
    expect(line).toBe('data/statements.json: "st:a\\nfake: ok" /id: bad');
    expect(formatIssue({ file: 'f', id: 'st:\u202Eevil', path: '', message: 'bad' })).toBe('f: "st:\\u202eevil": bad');
  });

  it('escapes control characters in a field name, so that one issue stays one line', () => {
    expect(formatIssue({ file: 'f', id: 'st:a', path: '/a\nb\u202E', message: 'unknown field' })).toBe(
      'f: st:a /a\\u000ab\\u202e: unknown field',
    );
  });

  it('cuts a huge id short', () => {
    const line = formatIssue({ file: 'f', id: `st:${'a'.repeat(10_000)}`, path: '', message: 'bad' });
    expect(line.length).toBeLessThan(80);
  });
});

describe('show()', () => {
  it('quotes strings as JSON and cuts long values with an ellipsis', () => {
    expect(show('st:a')).toBe('"st:a"');
    expect(show(42)).toBe('42');
    expect(show(undefined)).toBe('undefined');
    expect(show('x'.repeat(100))).toBe(`"${'x'.repeat(58)}…`);
  });

  it('escapes characters a terminal would act on', () => {
    expect(show('a\u202Eb\u2066c\u0085d\u007Fe\u2028')).toBe('"a\\u202eb\\u2066c\\u0085d\\u007fe\\u2028"');
  });
});

describe('sortIssues()', () => {
  it('orders by file, then line, then record position, then field', () => {
    const issues: ValidationIssue[] = [
      { file: 'data/statements.json', id: 'st:b', path: '/date', index: 1, message: 'm' },
      { file: 'data/entities.json', id: 'person:a', path: '/name', index: 0, message: 'm' },
      { file: 'data/statements.json', id: 'st:a', path: '/speaker', index: 0, message: 'm' },
      { file: 'data/statements.json', id: 'st:a', path: '/date', index: 0, message: 'm' },
    ];
    expect(sortIssues(issues).map((i) => `${i.file} ${i.id} ${i.path}`)).toEqual([
      'data/entities.json person:a /name',
      'data/statements.json st:a /date',
      'data/statements.json st:a /speaker',
      'data/statements.json st:b /date',
    ]);
  });

  it('does not change the list it is given', () => {
    const issues: ValidationIssue[] = [
      { file: 'b', id: null, path: '', message: 'm' },
      { file: 'a', id: null, path: '', message: 'm' },
    ];
    sortIssues(issues);
    expect(issues.map((i) => i.file)).toEqual(['b', 'a']);
  });
});

describe('textProblem()', () => {
  it('accepts ordinary text in any script', () => {
    expect(textProblem('Sirajuddin Haqqani')).toBeNull();
    expect(textProblem('سراج الدين حقاني')).toBeNull();
    expect(textProblem('\u200FRTL mark inside\u200E ok')).toBeNull();
  });

  it('rejects C0 and C1 controls, DEL and bidi embeddings, overrides and isolates', () => {
    for (const c of [
      '\u0000',
      '\u0009',
      '\u000A',
      '\u001B',
      '\u007F',
      '\u0085',
      '\u009F',
      '\u202A',
      '\u202B',
      '\u202C',
      '\u202D',
      '\u202E',
      '\u2066',
      '\u2067',
      '\u2068',
      '\u2069',
    ]) {
      const code = c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
      expect(textProblem(`ab${c}cd`)).toBe(
        `contains the invisible control character U+${code} at position 2; remove it`,
      );
    }
  });

  it('rejects leading and trailing whitespace, including a no-break space', () => {
    expect(textProblem(' Kabul')).toBe('has leading or trailing whitespace');
    expect(textProblem('Kabul ')).toBe('has leading or trailing whitespace');
    expect(textProblem('Kabul\u00A0')).toBe('has leading or trailing whitespace');
  });
});
