// The width a caller asks for is the width they get: a 375 px column takes a 375 px SVG, not 374.
import { describe, expect, it } from 'vitest';
import { centralityChart, networkChart, stanceChart, timelineChart } from '../src/index.js';
import { renderSvg } from '../src/render.js';
import { mini } from './fixture.js';

const HELPERS = { stanceChart, timelineChart, networkChart, centralityChart };
const WIDTHS = [320, 375, 414, 640, 1280];

const svgWidth = (svg: string) => Number(/^<svg\b[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);

describe.each(Object.entries(HELPERS))('%s', (_name, make) => {
  it.each(WIDTHS)('at width %i draws an SVG exactly that wide', async (width) => {
    expect(svgWidth(await renderSvg(make(mini(), { width })))).toBe(width);
  });
});
