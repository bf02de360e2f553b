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

export default [
  { name: '@claimgraph/sdk', path: staticGraph('packages/sdk/dist/index.js'), limit: '20 kB', gzip: true },
  { name: '@claimgraph/charts', path: staticGraph('packages/charts/dist/index.js'), limit: '17 kB', gzip: true },
];
