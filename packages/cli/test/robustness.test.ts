import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimgraph, FIXTURES as NOT_A_DATASET } from './run-cli.js';

describe('claimgraph on paths that exist but are not datasets', () => {
  for (const args of [
    ['diff', NOT_A_DATASET, NOT_A_DATASET],
    ['export', '--format', 'csv', '--out', join(NOT_A_DATASET, 'never-written'), '--dataset', NOT_A_DATASET],
    ['chart', 'stance', '--out', join(NOT_A_DATASET, 'never.svg'), '--dataset', NOT_A_DATASET],
    ['query', 'contested', '--dataset', NOT_A_DATASET],
  ]) {
    it(`${args[0]} exits 2 with a message, no stack trace`, async () => {
      const { code, stderr } = await claimgraph(args);
      expect(code).toBe(2);
      expect(stderr).toContain(`claimgraph: ${NOT_A_DATASET}: not a claimgraph dataset`);
      expect(stderr).not.toMatch(/\n\s+at /);
    });
  }
});

describe('claimgraph diff --limit', () => {
  it('rejects a limit that is not a positive whole number', async () => {
    const { code, stderr } = await claimgraph(['diff', 'a', 'b', '--limit', 'abc']);
    expect(code).toBe(2);
    expect(stderr).toBe('claimgraph: --limit must be a positive whole number, not "abc"\n');
  });
});

describe('claimgraph chart without --dataset', () => {
  it('draws the bundled dataset, as query, export and sql do', async () => {
    const out = join(tmpdir(), `claimgraph-chart-${process.pid}.json`);
    const { code, stderr } = await claimgraph(['chart', 'stance', '--out', out]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const spec = JSON.parse(readFileSync(out, 'utf8')) as { title: { text: string | string[] }; description: string };
    expect([spec.title.text].flat().join(' ')).toBe('Who says what');
    expect(spec.description).toContain('Haqqani network');
  });
});
