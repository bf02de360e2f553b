import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as esm from '../src/index.js';
import * as render from '../src/render.js';

// The published builds (dist/, built before tests run), as a CommonJS user would load them.
const require = createRequire(import.meta.url);

describe('the CommonJS builds', () => {
  it('export what the ES modules export', () => {
    expect(Object.keys(require('../dist/index.cjs')).sort()).toEqual(Object.keys(esm).sort());
    expect(Object.keys(require('../dist/render.cjs')).sort()).toEqual(Object.keys(render).sort());
  });

  it('render although vega is an ES module with top-level await (loaded with import())', async () => {
    const { renderSvg } = require('../dist/render.cjs') as typeof render;
    const svg = await renderSvg({
      data: { values: [{ a: 1 }] },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative' } },
    });
    expect(svg).toMatch(/^<svg /);
  });
});
