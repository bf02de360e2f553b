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

describe('@resvg/resvg-js, an optional peer dependency', () => {
  it('is not a dependency of the package: browser users never install the native renderer', async () => {
    const pkg = require('../package.json') as {
      dependencies: Record<string, string>;
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
    };
    expect(pkg.dependencies['@resvg/resvg-js']).toBeUndefined();
    expect(pkg.peerDependencies['@resvg/resvg-js']).toBeDefined();
    expect(pkg.peerDependenciesMeta['@resvg/resvg-js']).toEqual({ optional: true });
    const cli = require('../../cli/package.json') as { dependencies: Record<string, string> };
    expect(cli.dependencies['@resvg/resvg-js']).toBe(pkg.peerDependencies['@resvg/resvg-js']);
  });

  it('when missing, makes renderPng say what to install, as a ChartError', async () => {
    const { loadResvg } = await import('../src/render/png.js');
    const missing = () =>
      Promise.reject(
        Object.assign(new Error("Cannot find package '@resvg/resvg-js'"), { code: 'ERR_MODULE_NOT_FOUND' }),
      );
    const error = await loadResvg(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(render.MissingRendererError);
    expect(error).toBeInstanceOf((await import('../src/options.js')).ChartError);
    expect((error as Error).message).toBe(
      '@claimgraph/charts: render: renderPng needs @resvg/resvg-js, an optional peer dependency (a native Node module, not installed for browser use): npm install @resvg/resvg-js',
    );
    expect(Object.keys(await loadResvg())).toContain('Resvg');
  });
});
