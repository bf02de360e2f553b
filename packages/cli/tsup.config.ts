import { defineConfig } from 'tsup';

// The CLI ships one ESM executable; its libraries are dependencies, not bundled. With code splitting
// each command's module (imported on demand by the command table) is a chunk of its own, so start-up
// loads bin.js, the table and commander only.
export default defineConfig({
  entry: ['src/bin.ts'],
  format: ['esm'],
  splitting: true,
  dts: false,
  clean: true,
  target: 'node20',
});
