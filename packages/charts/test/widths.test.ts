// The width a caller asks for is the width they get: a 375 px column takes a 375 px SVG, not 374.
import { readFileSync } from 'node:fs';
import type { Dataset } from '@claimgraph/schema';
import { ClaimGraph } from '@claimgraph/sdk';
import { describe, expect, it } from 'vitest';
import { centralityChart, networkChart, stanceChart, timelineChart } from '../src/index.js';
import { pngSize, renderPng, renderSvg } from '../src/render.js';
import { mini } from './fixture.js';

const HELPERS = { stanceChart, timelineChart, networkChart, centralityChart };
const WIDTHS = [320, 375, 414, 640, 1280];

const svgWidth = (svg: string) => Number(/^<svg\b[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);

describe.each(Object.entries(HELPERS))('%s', (_name, make) => {
  it.each(WIDTHS)('at width %i draws an SVG exactly that wide', async (width) => {
    expect(svgWidth(await renderSvg(make(mini(), { width })))).toBe(width);
  });
});

const release = (name: string, version: string) =>
  ClaimGraph.fromData(
    JSON.parse(
      readFileSync(new URL(`../../../datasets/${name}/releases/${version}/dataset.json`, import.meta.url), 'utf8'),
    ) as Dataset,
    { validate: false, version },
  );

describe.each([
  ['afghanistan-2021', '3.0.0'],
  ['taliban-haqqani', '1.0.0'],
])('the %s charts', (name, version) => {
  const cg = release(name, version);
  it.each(Object.keys(HELPERS))('%s at a phone’s 375 px draws an SVG and a PNG exactly 375 px wide', async (helper) => {
    const spec = HELPERS[helper as keyof typeof HELPERS](cg, { width: 375 });
    expect(svgWidth(await renderSvg(spec))).toBe(375);
    expect(pngSize(await renderPng(spec, { scale: 1 })).width).toBe(375);
  });
});
