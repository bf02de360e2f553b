import { defineConfig, type Options } from 'tsup';

/**
 * `errors` is an entry of its own so that a command can import its error class at start-up
 * without loading the rest. The main entry imports it from there (`@claimgraph/release/errors`,
 * resolved by Node to the same package's errors.js or errors.cjs) instead of bundling a second
 * copy, so both entries give the same class and `instanceof` holds, with no shared chunk to load.
 */
const errorsFromItsEntry: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'errors-from-its-entry',
  setup(build) {
    build.onResolve({ filter: /^\.\/errors\.js$/ }, () => ({ path: '@claimgraph/release/errors', external: true }));
  },
};

// Node-only, ESM and CommonJS like its siblings.
export default defineConfig({
  entry: ['src/index.ts', 'src/errors.ts'],
  format: ['esm', 'cjs'],
  dts: false, // scripts/build-dts.mjs writes the declarations (.d.ts and .d.cts) after tsup
  splitting: false,
  clean: true,
  sourcemap: false,
  target: 'node20',
  esbuildPlugins: [errorsFromItsEntry],
});
