/**
 * The files every site shares, written once under assets/: the stylesheet, the browser script,
 * vega's three browser builds and the release data as a classic script (a page opened from a
 * local folder may not fetch() JSON, but it may load a script).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '@claimgraph/schema';
import { SiteSetupError } from './errors.js';
import type { SiteMeta } from './model.js';
import { CSS } from './style.js';

const require = createRequire(import.meta.url);

/** vega-embed expects the globals `vega` and `vegaLite`: the pages load these in this order. */
const VEGA_BUILDS = [
  { name: 'vega', file: 'vega.min.js' },
  { name: 'vega-lite', file: 'vega-lite.min.js' },
  { name: 'vega-embed', file: 'vega-embed.min.js' },
] as const;

function vegaBuild(name: string, file: string): Buffer {
  let folder: string;
  try {
    folder = dirname(require.resolve(name));
  } catch {
    throw new SiteSetupError(`cannot find the "${name}" package; install vega, vega-lite and vega-embed`);
  }
  return readFileSync(join(folder, file));
}

/** The browser script, built beside this module by tsup.client.config.ts. */
function clientScript(): Buffer {
  const here = dirname(fileURLToPath(import.meta.url));
  // From dist/ (the published build) or from src/ (tests run on the sources, the build beside them).
  for (const candidate of [join(here, 'client', 'site.js'), join(here, '..', 'dist', 'client', 'site.js')]) {
    try {
      return readFileSync(candidate);
    } catch {
      // try the next place
    }
  }
  throw new SiteSetupError('dist/client/site.js is missing; run "npm run build --workspace @claimgraph/site"');
}

/** The release data for the pages' script: `window.CLAIMGRAPH_SITE = {meta, dataset};`. */
export function dataScript(meta: SiteMeta, dataset: Dataset): string {
  // JSON is valid JavaScript (U+2028 included, since ES2019); this file is a script, never inlined in HTML.
  return `window.CLAIMGRAPH_SITE = ${JSON.stringify({ meta, dataset })};\n`;
}

export function sharedAssets(): Map<string, string | Uint8Array> {
  const files = new Map<string, string | Uint8Array>();
  files.set('assets/site.css', CSS);
  files.set('assets/site.js', clientScript());
  for (const { name, file } of VEGA_BUILDS) files.set(`assets/${file}`, vegaBuild(name, file));
  return files;
}
