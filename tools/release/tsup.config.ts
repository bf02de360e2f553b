import { defineConfig } from 'tsup';

// One private ESM executable for this repository's release scripts; its libraries are dependencies, not bundled.
export default defineConfig({
  entry: ['src/bin.ts'],
  format: ['esm'],
  dts: false,
  clean: true,
  target: 'node20',
});
