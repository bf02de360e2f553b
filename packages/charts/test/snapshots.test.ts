// SVG snapshots of every chart kind on the kept releases of the bundled datasets, at a phone's
// width and a desktop's: a change to a chart shows in review as a diff of test/snapshots/*.svg.
// After an intended change: `npm run snapshots:update --workspace @claimgraph/charts`, then review the diff.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { ClaimGraph } from '@claimgraph/sdk';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { centralityChart, networkChart, stanceChart, timelineChart } from '../src/index.js';
import { renderSvg } from '../src/render.js';
import { keptRelease, parseSvg } from './fixture.js';

const UPDATE = process.env.UPDATE_SNAPSHOTS === '1';
const UPDATE_COMMAND = 'npm run snapshots:update --workspace @claimgraph/charts';
const FOLDER = new URL('./snapshots/', import.meta.url);

const afghanistan = keptRelease('afghanistan-2021', '3.0.0');
const haqqani = keptRelease('taliban-haqqani', '1.0.0');

type Draw = (cg: ClaimGraph, width: number) => TopLevelSpec;
const KINDS: Record<string, Draw> = {
  stance: (cg, width) => stanceChart(cg, { width }),
  timeline: (cg, width) => timelineChart(cg, { width }),
  network: (cg, width) => networkChart(cg, { width }),
  centrality: (cg, width) => centralityChart(cg, { width }),
};

/** File name (without .svg) → the chart it holds. */
const CASES: [string, () => TopLevelSpec][] = [
  ...Object.entries(KINDS).flatMap(([kind, draw]) =>
    [375, 800].map((width): [string, () => TopLevelSpec] => [
      `afghanistan-2021-${kind}-${width}`,
      () => draw(afghanistan, width),
    ]),
  ),
  ['afghanistan-2021-network-all-640', () => networkChart(afghanistan, { all: true })],
  ['afghanistan-2021-centrality-betweenness-640', () => centralityChart(afghanistan, { metric: 'betweenness' })],
  ['afghanistan-2021-timeline-changes-off-640', () => timelineChart(afghanistan, { changes: false })],
  ...Object.entries(KINDS).map(([kind, draw]): [string, () => TopLevelSpec] => [
    `taliban-haqqani-${kind}-375`,
    () => draw(haqqani, 375),
  ]),
];

/**
 * One element per line, so that a diff points at the mark that moved (text content holds no raw
 * "<"). vega numbers clip paths and gradients with counters that run on across the renders of one
 * process (so that SVGs inlined in one page never share an id): numbered afresh from 1 in order of
 * first use, as the CLI's one render per process numbers them.
 */
function readable(svg: string): string {
  const ids = new Map<string, string>();
  const renumbered = svg.replace(/\b(clip|gradient_?)(\d+)\b/g, (id: string, kind: string) => {
    if (!ids.has(id)) ids.set(id, `${kind}${[...ids.keys()].filter((k) => k.startsWith(kind)).length + 1}`);
    return ids.get(id)!;
  });
  return `${renumbered.replace(/></g, '>\n<')}\n`;
}

/** Where two texts first differ, as a message a reviewer can act on. */
function firstDifference(name: string, expected: string, actual: string): string {
  const want = expected.split('\n');
  const got = actual.split('\n');
  let line = 0;
  while (line < want.length && want[line] === got[line]) line++;
  const clip = (s: string | undefined) =>
    s === undefined ? '(end of file)' : s.length > 200 ? `${s.slice(0, 200)}…` : s;
  return (
    `test/snapshots/${name}.svg differs from the chart drawn now, first at line ${line + 1}:\n` +
    `  snapshot: ${clip(want[line])}\n  drawn:    ${clip(got[line])}\n` +
    `If the change is intended, run \`${UPDATE_COMMAND}\` and review the diff of the snapshot files.`
  );
}

describe('SVG snapshots', () => {
  it.each(CASES)('%s.svg is the chart drawn now', async (name, make) => {
    const drawn = await renderSvg(make());
    // A snapshot is a document a browser and resvg read: never keep one that does not parse.
    parseSvg(drawn);
    const svg = readable(drawn);
    const file = new URL(`${name}.svg`, FOLDER);
    if (UPDATE) {
      mkdirSync(FOLDER, { recursive: true });
      writeFileSync(file, svg);
      return;
    }
    if (!existsSync(file))
      throw new Error(`test/snapshots/${name}.svg is missing: run \`${UPDATE_COMMAND}\` and commit the file`);
    const expected = readFileSync(file, 'utf8');
    if (expected !== svg) expect.fail(firstDifference(name, expected, svg));
  });

  it('draws the same snapshot twice in one process (no clocks or random ids in it)', async () => {
    const [name, make] = CASES.find(([n]) => n === 'afghanistan-2021-timeline-375')!;
    const first = readable(await renderSvg(make()));
    await renderSvg(CASES[0]![1]());
    expect(readable(await renderSvg(make())), name).toBe(first);
  });
});
