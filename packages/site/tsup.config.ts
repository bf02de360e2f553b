import { defineConfig } from 'tsup';

// The site builder (Node-only). The browser script is built apart, by tsup.client.config.ts.
export default defineConfig({
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: false,
  target: 'node20',
  // The builder finds its browser script and vega's builds beside itself, in both formats.
  shims: true,
});
