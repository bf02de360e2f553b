import { defineConfig } from 'tsup';

// Node-only, ESM and CommonJS like its siblings. `errors` is an entry of its own so that a command
// can import its error class at start-up without loading the rest; splitting (for CommonJS too)
// puts the class in one shared chunk, so both entries give the same class and `instanceof` holds.
export default defineConfig({
  entry: ['src/index.ts', 'src/errors.ts'],
  format: ['esm', 'cjs'],
  dts: false, // scripts/build-dts.mjs writes the declarations (.d.ts and .d.cts) after tsup
  splitting: true,
  clean: true,
  sourcemap: false,
  target: 'node20',
});
