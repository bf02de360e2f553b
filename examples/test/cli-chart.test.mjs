// `claimgraph chart`: the command-line way to the same charts, on the bundled release.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('../../packages/cli/bin/claimgraph.js', import.meta.url));
const RELEASE = fileURLToPath(new URL('../../datasets/afghanistan-2021/dist/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'claimgraph-chart-'));
/** @param {string[]} args */
const chart = (...args) => spawnSync(process.execPath, [CLI, 'chart', ...args], { encoding: 'utf8' });

// Each case starts the CLI, which loads vega and resvg: seconds each when the machine is busy.
describe('claimgraph chart', () => {
  it('writes the Vega-Lite spec for .json', () => {
    const out = join(dir, 'stance.json');
    const run = chart('stance', '--dataset', RELEASE, '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const spec = JSON.parse(readFileSync(out, 'utf8'));
    expect(spec.$schema).toContain('vega-lite/v6');
    expect(JSON.stringify(spec)).toContain('claimgraph dataset afghanistan-2021 v');
  });

  it('writes SVG, and PNG at the asked scale', () => {
    const svg = join(dir, 'network.svg');
    expect(chart('network', '--dataset', RELEASE, '--out', svg).status).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg /);
    const width = Number(/width="(\d+)"/.exec(readFileSync(svg, 'utf8'))?.[1]);

    const png = join(dir, 'network.png');
    const run = chart('network', '--dataset', RELEASE, '--out', png, '--scale', '1');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`(${width}×`);
    expect(readFileSync(png).readUInt32BE(16)).toBe(width);
  });

  it('writes an HTML page that works offline', () => {
    const html = join(dir, 'centrality.html');
    expect(chart('centrality', '--metric', 'betweenness', '--dataset', RELEASE, '--out', html).status).toBe(0);
    expect(readFileSync(html, 'utf8')).not.toMatch(/<script[^>]+src=/);
  });

  it('draws the relation and entity asked for', () => {
    const out = join(dir, 'timeline.json');
    expect(
      chart('timeline', '--dataset', RELEASE, '--relation', 'rel:haqqani-network-part-of-taliban', '--out', out).status,
    ).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).title.text.join(' ')).toContain('Haqqani network part of Taliban');
  });

  it('refuses an unknown extension with a usage error (exit 2)', () => {
    const run = chart('stance', '--dataset', RELEASE, '--out', join(dir, 'chart.gif'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown extension ".gif"; use .svg, .png, .json (the Vega-Lite spec) or .html');
  });

  it('refuses an unknown chart kind or relation with a usage error (exit 2)', () => {
    expect(chart('pie', '--dataset', RELEASE, '--out', join(dir, 'x.svg')).status).toBe(2);
    const run = chart('stance', '--dataset', RELEASE, '--relation', 'rel:nope', '--out', join(dir, 'x.svg'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--relation: "rel:nope" is not a relation in this dataset');
  });
});
