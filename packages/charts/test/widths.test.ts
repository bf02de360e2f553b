// The width a caller asks for is the width they get: a 375 px column takes a 375 px SVG, not 374.
import { describe, expect, it } from 'vitest';
import { centralityChart, networkChart, stanceChart, timelineChart } from '../src/index.js';
import { pngSize, renderPng, renderSvg } from '../src/render.js';
import { KEPT_RELEASES, keptRelease, mini } from './fixture.js';

const HELPERS = { stanceChart, timelineChart, networkChart, centralityChart };
const WIDTHS = [320, 375, 414, 640, 1280];

const svgWidth = (svg: string) => Number(/^<svg\b[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);

describe.each(Object.entries(HELPERS))('%s', (_name, make) => {
  it.each(WIDTHS)('at width %i draws an SVG exactly that wide', async (width) => {
    expect(svgWidth(await renderSvg(make(mini(), { width })))).toBe(width);
  });
});

describe.each(KEPT_RELEASES)('the %s charts', (name, version) => {
  const cg = keptRelease(name, version);
  it.each(Object.keys(HELPERS))('%s at a phone’s 375 px draws an SVG and a PNG exactly 375 px wide', async (helper) => {
    const spec = HELPERS[helper as keyof typeof HELPERS](cg, { width: 375 });
    expect(svgWidth(await renderSvg(spec))).toBe(375);
    expect(pngSize(await renderPng(spec, { scale: 1 })).width).toBe(375);
  });
});
