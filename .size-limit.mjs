// Size budgets of the browser entry points, gzipped, dependencies excluded: each package's
// dist/index.js and the chunks it imports statically (tsup splits shared code into hashed
// chunk files). Dynamic imports are left out: they hold the Node-only code (reading files).
// `npx size-limit` prints the sizes; scripts/check-packages.mjs enforces them.
import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** The entry file and every local file it imports statically, transitively. */
function staticGraph(entry) {
  const seen = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const [, specifier] of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.\.?\/[^"']+)["']/g))
      visit(normalize(join(dirname(file), specifier)));
  };
  visit(entry);
  return [...seen];
}

// Raised in 0.2: sdk 20 → 30 kB (29.1 kB: the columnar release decoder, about 8 kB, plus one redirect
// lookup for every id kind, cg.name, the hedged filter, exported name folding; moving the decoder
// behind a dynamic import is the next step), charts 17 → 23 kB (option checks, whole-quote wrapping, network
// neighbourhoods with label placement, responsive layouts: 21.5 kB). The app bundle a user gets
// (SDK + charts through esbuild) has its own budget in scripts/check-packages.mjs.
// Raised in 0.3: sdk 30 → 50 kB (48.3 kB: several datasets merged into one graph with judgements,
// about 10 kB; consensus rules and positions over time; appearances in diff), charts 23 → 26 kB
// (24.7 kB: change marks on the timeline, "reported by N sources"). Next: load the merge and the
// consensus rules on demand (a subpath, or a dynamic import from ClaimGraph.load of a list).
// Raised again in 0.4: sdk 50 → 51 kB (50.1 kB: one error root with a stable code on every class,
// the shared option resolver with spelling suggestions, ClaimGraphWriteError; 50.35 kB in 0.5).
// The on-demand loading planned above cannot come without a breaking change: ClaimGraph.fromColumns,
// ClaimGraph.merge and consensus() are synchronous methods of the main entry, so their code must be
// in its static graph; only the Node file reader is behind import(). Moving them out is for a major.
// charts 26 → 27 kB (26.8 kB): ForceAtlas2, the circular layout and betweenness are imported by
// chunks of their own, which bundlers drop from apps without network or centrality charts (8.5 kB
// off the app bundle); this entry, gzipped file by file, pays about 0.8 kB for the extra files.
// Raised in 0.6: sdk 51 → 52 kB (51.3 kB): the record checks walk each record's keys once (one
// generated case per field, +0.28 kB) and cg.graph adds its edges grouped by source (+0.15 kB).
export default [
  { name: '@claimgraph/sdk', path: staticGraph('packages/sdk/dist/index.js'), limit: '52 kB', gzip: true },
  // Name folding alone, for search boxes (the site's search page): it must stay free of the rest of the SDK.
  { name: '@claimgraph/sdk/fold', path: staticGraph('packages/sdk/dist/fold/index.js'), limit: '1 kB', gzip: true },
  { name: '@claimgraph/charts', path: staticGraph('packages/charts/dist/index.js'), limit: '27 kB', gzip: true },
];
