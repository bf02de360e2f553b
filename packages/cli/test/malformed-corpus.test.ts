import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimgraph, crashIn, lines, MALFORMED, VALID } from './run-cli.js';

interface Expected {
  description: string;
  exitCode: number;
  stderr: string[];
}

const cases = readdirSync(MALFORMED, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

const expectedOf = (name: string) =>
  JSON.parse(readFileSync(join(MALFORMED, name, 'expected.json'), 'utf8')) as Expected;

describe('the malformed corpus', () => {
  it('holds at least 30 dataset folders, each with package.json, data/ and expected.json', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const name of cases) {
      for (const file of ['package.json', 'data', 'expected.json'])
        expect(existsSync(join(MALFORMED, name, file)), `${name}/${file}`).toBe(true);
      const expected = expectedOf(name);
      expect(expected.exitCode, name).toBe(1);
      expect(expected.stderr.length, name).toBeGreaterThanOrEqual(2);
    }
  });
});

describe.concurrent('claimgraph validate on each malformed dataset', () => {
  it.each(cases)('%s: exits 1 and prints exactly the expected problems, without a stack trace', async (name) => {
    const expected = expectedOf(name);
    const run = await claimgraph(['validate', '.'], join(MALFORMED, name));
    expect(crashIn(run.stderr), run.stderr).toBeNull();
    expect(run.code).toBe(expected.exitCode);
    expect(lines(run.stderr)).toEqual(expected.stderr);
    expect(run.stdout).toBe('');
  });
});

describe('claimgraph validate', () => {
  it('exits 0 on the valid fixture and says what it holds', async () => {
    const run = await claimgraph(['validate', '.'], VALID);
    expect(run).toEqual({
      code: 0,
      stdout: '.: valid (9 entities, 6 relations, 7 statements, 1 source)\n',
      stderr: '',
    });
  });

  it('validates the current folder when no folder is given', async () => {
    const run = await claimgraph(['validate'], join(MALFORMED, 'date-february-30'));
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual(expectedOf('date-february-30').stderr);
  });

  it('prefixes each problem with the folder it was given, so paths open in an editor', async () => {
    const run = await claimgraph(['validate', 'self-loop'], MALFORMED);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      'self-loop/data/relations.json: rel:taliban-cooperates-with-haqqani-network /target: is the same entity as the source ("armed-group:taliban"); a relation needs two different entities',
      'self-loop: 1 problem found',
    ]);
  });

  it('--json prints { valid, errors: [{ file, id, path, message }] } on stdout and nothing on stderr', async () => {
    const run = await claimgraph(['validate', '.', '--json'], join(MALFORMED, 'statement-about-a-statement'));
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({
      valid: false,
      errors: [
        {
          file: 'data/statements.json',
          id: 'st:ned-price-1',
          path: '/relation',
          message: '"st:sirajuddin-haqqani-1" is a statement, not a relation',
        },
      ],
    });
  });

  it('--json adds line and column for a JSON syntax error', async () => {
    const run = await claimgraph(['validate', '.', '--json'], join(MALFORMED, 'json-syntax-error'));
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      valid: false,
      errors: [
        {
          file: 'data/sources.json',
          id: null,
          path: '',
          message: 'invalid JSON at line 9, column 3: Expected double-quoted property name',
          line: 9,
          column: 3,
        },
      ],
    });
  });

  it('--json lists several problems in file order, with null ids for file-level problems', async () => {
    const run = await claimgraph(['validate', '.', '--json'], join(MALFORMED, 'unknown-statement-relation'));
    expect(JSON.parse(run.stdout)).toEqual({
      valid: false,
      errors: [
        {
          file: 'data/relations.json',
          id: 'rel:john-kirby-member-of-pentagon',
          path: '',
          message: 'has no statement; every relation needs at least one statement that supports or disputes it',
        },
        {
          file: 'data/statements.json',
          id: 'st:pentagon-1',
          path: '/relation',
          message: '"rel:kirby-member-of-pentagon" is not a known relation',
        },
      ],
    });
    const missing = await claimgraph(['validate', '.', '--json'], join(MALFORMED, 'missing-file'));
    expect(JSON.parse(missing.stdout)).toEqual({
      valid: false,
      errors: [{ file: 'data/sources.json', id: null, path: '', message: 'file not found' }],
    });
  });

  it('--json on a valid dataset prints { valid: true, errors: [] } and exits 0', async () => {
    const run = await claimgraph(['validate', VALID, '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ valid: true, errors: [] });
  });
});

describe('claimgraph usage errors exit 2', () => {
  it('on an unknown command', async () => {
    const run = await claimgraph(['vaildate', VALID]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error: unknown command 'vaildate'");
    expect(crashIn(run.stderr)).toBeNull();
  });

  it('on a folder that does not exist', async () => {
    const run = await claimgraph(['validate', 'no-such-dataset']);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'claimgraph: no-such-dataset: no such file or folder\n' });
  });

  it('on a folder that is not a dataset', async () => {
    const run = await claimgraph(['validate', 'src']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      'claimgraph: src: not a claimgraph dataset (expected a data/ folder with entities.json, relations.json, statements.json, sources.json, or a release with dataset.json)\n',
    );
  });

  it('on a file that is not JSON', async () => {
    const notJson = await claimgraph(['validate', 'bin/claimgraph.js']);
    expect(notJson).toEqual({
      code: 2,
      stdout: '',
      stderr: 'claimgraph: bin/claimgraph.js: expected a dataset folder or a dataset.json file\n',
    });
  });

  it('on an unknown option', async () => {
    const run = await claimgraph(['validate', VALID, '--strict']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("error: unknown option '--strict'");
    expect(crashIn(run.stderr)).toBeNull();
  });

  it('on a missing option value and on too many arguments', async () => {
    const out = await claimgraph(['build', VALID, '--out']);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain("error: option '-o, --out <dir>' argument missing");
    const extra = await claimgraph(['validate', VALID, VALID]);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain("error: too many arguments for 'validate'");
  });

  it('but --help and --version exit 0', async () => {
    const help = await claimgraph(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['validate', 'build', 'info', 'format', 'verify']) expect(help.stdout).toContain(command);
    const version = await claimgraph(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout).toBe(
      `${(JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version}\n`,
    );
  });
});
