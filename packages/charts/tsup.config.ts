import { defineConfig } from 'tsup';

// Two entries: the helpers (browser-safe) and the Node-only renderers. Dependencies stay external.
// layout.ts and centrality/select.ts are built as files of their own, not inlined into index.js:
// they import CommonJS packages (ForceAtlas2, the circular layout, betweenness) that declare no
// `sideEffects`, so a bundler keeps any import of them it sees. Behind a module of this package
// (`sideEffects: false`) an app drawing only stance or timeline charts drops them whole: 8.9 kB
// gzipped of the app bundle measured by scripts/check-packages.mjs.
export default defineConfig({
  entry: ['src/index.ts', 'src/render.ts', 'src/layout.ts', 'src/centrality/select.ts'],
  format: ['esm', 'cjs'],
  dts: false, // scripts/build-dts.mjs writes the declarations (.d.ts and .d.cts) after tsup
  clean: true,
  sourcemap: false,
  target: 'node20',
  // The renderers find vega's browser builds next to the installed packages, in both formats.
  shims: true,
});
