import { describe, expect, it } from 'vitest';
import { closestName, resolveOptions, type OptionProblem } from '../src/internal.js';

const DEFAULTS = { width: 640, title: undefined as string | undefined };
const fail = (problem: OptionProblem) => new Error(JSON.stringify(problem));
const resolve = (options: unknown) =>
  resolveOptions(DEFAULTS, options, {
    checks: { width: (v) => (typeof v === 'number' ? null : 'must be a number') },
    error: fail,
  });

describe('resolveOptions()', () => {
  it('gives a copy of the defaults when no options are given', () => {
    const resolved = resolve(undefined);
    expect(resolved).toEqual(DEFAULTS);
    expect(resolved).not.toBe(DEFAULTS);
  });

  it('treats an undefined value as the default and takes the others', () => {
    expect(resolve({ width: undefined, title: 'T' })).toEqual({ width: 640, title: 'T' });
  });

  it('refuses an unknown key, naming it, the nearest known one and every known one', () => {
    expect(() => resolve({ widht: 1 })).toThrow(
      JSON.stringify({ kind: 'unknown', option: 'widht', suggestion: 'width', known: ['width', 'title'] }),
    );
    expect(() => resolve({ colour: 1 })).toThrow('"suggestion":null');
  });

  it('refuses a key the defaults only inherit, such as __proto__ from JSON', () => {
    expect(() => resolve(JSON.parse('{"__proto__": {"width": 1}}'))).toThrow('"option":"__proto__"');
  });

  it('runs the check of each given value', () => {
    expect(() => resolve({ width: '640' })).toThrow(
      JSON.stringify({ kind: 'invalid', option: 'width', problem: 'must be a number' }),
    );
  });

  it.each([null, 42, 'x', [1]])('refuses %j as the options', (value) => {
    expect(() => resolve(value)).toThrow('"kind":"not-an-object"');
  });
});

describe('closestName()', () => {
  it('finds a misspelt name regardless of case, and nothing for an unrelated word', () => {
    expect(closestName('pagesize', ['baseUrl', 'pageSize'])).toBe('pageSize');
    expect(closestName('colour', ['baseUrl', 'pageSize'])).toBeNull();
  });
});
