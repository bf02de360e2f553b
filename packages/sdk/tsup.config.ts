import { defineConfig } from 'tsup';

// The main entry runs in browsers; `synthetic` is a separate entry so the generator is never bundled by accident;
// `fold` is name folding alone, for a browser search box that needs nothing else of the SDK;
// `internal` is what the other claimgraph packages use (the release build's Parquet step), outside semver.
export default defineConfig({
  entry: [
    'src/index.ts',
    'src/synthetic.ts',
    'src/export/index.ts',
    'src/quotes/index.ts',
    'src/fold/index.ts',
    'src/internal.ts',
  ],
  format: ['esm', 'cjs'],
  dts: false, // scripts/build-dts.mjs writes the declarations (.d.ts and .d.cts) after tsup
  clean: true,
  sourcemap: false,
  target: 'es2022',
  removeNodeProtocol: false,
});
