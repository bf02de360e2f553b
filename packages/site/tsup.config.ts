import { defineConfig } from 'tsup';

// Two builds, cleaned together by the build script (neither cleans, so neither wipes the other):
// the site builder (Node-only, ESM and CJS with types), and the two scripts pages load — search.js
// (the search page, with the SDK's name folding) and charts.js (the SDK and @claimgraph/charts, drawn
// by the vega builds the chart pages load as globals); other pages load none. They are classic scripts (IIFE), not
// modules: browsers refuse module scripts on pages opened from a folder (file://).
export default defineConfig([
  {
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: false, // scripts/build-dts.mjs writes the declarations (.d.ts and .d.cts) after tsup
    clean: false,
    sourcemap: false,
    target: 'node20',
    // The builder finds its browser script and vega's builds beside itself, in both formats.
    shims: true,
  },
  {
    entry: { search: 'src/client/search.ts', charts: 'src/client/charts.ts' },
    outDir: 'dist/client',
    format: ['iife'],
    platform: 'browser',
    target: 'es2020',
    minify: true,
    clean: false,
    dts: false,
    sourcemap: false,
    noExternal: [/.*/],
    // The SDK's file loader is reached only through a dynamic import() that the pages never make.
    external: [/^node:/],
    outExtension: () => ({ js: '.js' }),
  },
]);
