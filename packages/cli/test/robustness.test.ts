import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const CLI = join(__dirname, '..', 'bin', 'claimgraph.js');
const NOT_A_DATASET = join(__dirname, 'fixtures');

function claimgraph(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

describe('claimgraph on paths that exist but are not datasets', () => {
  for (const args of [
    ['diff', NOT_A_DATASET, NOT_A_DATASET],
    ['export', '--format', 'csv', '--out', join(NOT_A_DATASET, 'never-written'), '--dataset', NOT_A_DATASET],
    ['chart', 'stance', '--out', join(NOT_A_DATASET, 'never.svg'), '--dataset', NOT_A_DATASET],
    ['query', 'contested', '--dataset', NOT_A_DATASET],
  ]) {
    it(`${args[0]} exits 2 with a message, no stack trace`, () => {
      const { status, stderr } = claimgraph(args);
      expect(status).toBe(2);
      expect(stderr).toContain(`claimgraph: ${NOT_A_DATASET}: not a claimgraph dataset`);
      expect(stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('claimgraph output piped into a reader that stops early', () => {
  it('exits quietly when stdout closes (EPIPE), as `| head` does', () => {
    const script = `"${process.execPath}" "${CLI}" query statements --json | head -c 10`;
    const { status, stdout, stderr } = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
    expect(status).toBe(0);
    expect(stdout.startsWith('[')).toBe(true);
    expect(stderr).not.toMatch(/EPIPE|\n\s+at /);
  });
});

describe('claimgraph diff --limit', () => {
  it('rejects a limit that is not a positive whole number', () => {
    const { status, stderr } = claimgraph(['diff', 'a', 'b', '--limit', 'abc']);
    expect(status).toBe(2);
    expect(stderr).toBe('claimgraph: --limit must be a positive whole number, not "abc"\n');
  });
});

describe('claimgraph chart without --dataset', () => {
  it('draws the bundled dataset, as query, export and sql do', () => {
    const out = join(tmpdir(), `claimgraph-chart-${process.pid}.json`);
    const { status, stderr } = claimgraph(['chart', 'stance', '--out', out]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const spec = JSON.parse(readFileSync(out, 'utf8')) as { title: { text: string | string[] }; description: string };
    expect([spec.title.text].flat().join(' ')).toBe('Who says what');
    expect(spec.description).toContain('Haqqani network');
  });
});
