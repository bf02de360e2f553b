import { defineConfig } from 'tsup';

// The CLI ships one ESM executable; its libraries are dependencies, not bundled.
export default defineConfig({
  entry: ['src/bin.ts'],
  format: ['esm'],
  dts: false,
  clean: true,
  target: 'node20',
});
