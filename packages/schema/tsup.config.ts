import { defineConfig } from 'tsup';

// TypeBox is bundled (tree-shaken into one file) rather than imported: its package is some 200
// modules, and resolving and loading them was most of the CLI's start-up. It stays a dependency for
// the types the declarations name; its schemas carry TypeBox's global symbols, so a user's own
// TypeBox reads them.
export default defineConfig({
  entry: ['src/index.ts', 'src/node.ts', 'src/internal.ts'],
  format: ['esm', 'cjs'],
  dts: false, // scripts/build-dts.mjs writes the declarations (.d.ts and .d.cts) after tsup
  clean: true,
  sourcemap: false,
  target: 'node20',
  noExternal: ['@sinclair/typebox'],
});
