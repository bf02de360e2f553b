import { defineConfig } from 'tsup';

// Two entries: the helpers (browser-safe) and the Node-only renderers. Dependencies stay external.
export default defineConfig({
  entry: ['src/index.ts', 'src/render.ts'],
  format: ['esm', 'cjs'],
  dts: false, // scripts/build-dts.mjs writes the declarations (.d.ts and .d.cts) after tsup
  clean: true,
  sourcemap: false,
  target: 'node20',
  // The renderers find vega's browser builds next to the installed packages, in both formats.
  shims: true,
});
