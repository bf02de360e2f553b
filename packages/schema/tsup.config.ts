import { defineConfig, type Options } from 'tsup';

/**
 * `errors` is an entry of its own so that a command can extend or catch ClaimgraphBaseError at
 * start-up without loading the schemas. The other entries import it from there by the package's
 * own name instead of bundling a copy, so every entry gives the same class and `instanceof` holds.
 */
const errorsFromItsEntry: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'errors-from-its-entry',
  setup(build) {
    build.onResolve({ filter: /^\.\.?\/errors\.js$/ }, () => ({ path: '@claimgraph/schema/errors', external: true }));
  },
};

// TypeBox is bundled (tree-shaken into one file) rather than imported: its package is some 200
// modules, and resolving and loading them was most of the CLI's start-up. It stays a dependency for
// the types the declarations name; its schemas carry TypeBox's global symbols, so a user's own
// TypeBox reads them.
export default defineConfig({
  entry: ['src/index.ts', 'src/node.ts', 'src/internal.ts', 'src/errors.ts'],
  format: ['esm', 'cjs'],
  dts: false, // scripts/build-dts.mjs writes the declarations (.d.ts and .d.cts) after tsup
  clean: true,
  sourcemap: false,
  target: 'node20',
  noExternal: ['@sinclair/typebox'],
  esbuildPlugins: [errorsFromItsEntry],
});
