import { defineConfig } from 'tsup';

// The one script every site page shares: search (MiniSearch with the SDK's name folding) and the
// charts (the SDK and @claimgraph/charts, drawn by the vega builds the pages load as globals).
// A classic script (IIFE), not a module: browsers refuse module scripts from file:// pages.
export default defineConfig({
  entry: { site: 'src/client/main.ts' },
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
});
