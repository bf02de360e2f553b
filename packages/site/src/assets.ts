/**
 * The files every site shares, written once under assets/ with their hash in their names: the
 * stylesheet, the two browser scripts (search, charts), vega's three browser builds, the chart
 * data as classic scripts (a page opened from a local folder may not fetch() JSON, but may load a
 * script) and the small loader that a page with a chart names in place of the five of them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '@claimgraph/schema';
import { encodeChartData, type ChartData } from './chart-data.js';
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

/** A browser script (`search.js`, `charts.js`), built into dist/client/ by tsup.config.ts. */
function clientScript(file: string): Buffer {
  const here = dirname(fileURLToPath(import.meta.url));
  // From dist/ (the published build) or from src/ (tests run on the sources, the build beside them).
  for (const candidate of [join(here, 'client', file), join(here, '..', 'dist', 'client', file)]) {
    try {
      return readFileSync(candidate);
    } catch {
      // try the next place
    }
  }
  throw new SiteSetupError(`dist/client/${file} is missing; run "npm run build --workspace @claimgraph/site"`);
}

/**
 * The chart data for the pages' script: `window.CLAIMGRAPH_SITE = {meta, data};`, the columns of
 * chart-data.ts that name the parts of words (`CLAIMGRAPH_WORDS(k, part);`, each its own script).
 */
export function dataScripts(
  meta: SiteMeta,
  dataset: Dataset,
): { data: string; parts: { name: WordsName; content: string }[] } {
  const { data, words } = encodeChartData(dataset);
  // JSON is valid JavaScript (U+2028 included, since ES2019); these files are scripts, never inlined in HTML.
  const parts = words.map((part, k) => ({
    name: `words-${k}.js` as const,
    content: `CLAIMGRAPH_WORDS(${k},${JSON.stringify(part)});\n`,
  }));
  const names = parts.map(({ name, content }) => basename(hashedPath(name, content)));
  const chartData: ChartData = { ...data, parts: names };
  return { data: `window.CLAIMGRAPH_SITE=${JSON.stringify({ meta, data: chartData })};\n`, parts };
}

/** A part of the statements' words (chart-data.ts), loaded by the charts that show them. */
type WordsName = `words-${number}.js`;

/** The names pages ask for (`site.css`); each is written under a name holding its hash. */
export type AssetName =
  | 'site.css'
  | 'search.js'
  | 'charts.js'
  | 'data.js'
  | 'vega.min.js'
  | 'vega-lite.min.js'
  | 'vega-embed.min.js'
  | 'load.js'
  | WordsName;

/** What the chart pages run, in this order: the data and vega's builds as globals, then the drawing. */
const CHART_SCRIPTS = ['data.js', 'vega.min.js', 'vega-lite.min.js', 'vega-embed.min.js', 'charts.js'] as const;

/**
 * The one script a page with a chart names (`load.js`): it adds the chart scripts beside itself, in
 * order (`async = false` keeps a script's place, as `defer` did), and gives charts.js the embed
 * page's URL, so a page holds no embed snippet of its own. Five tags were about 590 bytes of each
 * of the 40,000 chart pages of a large site. Classic scripts by relative URL: it works from a folder.
 */
export function loaderScript(scripts: readonly string[], embedUrl: string): string {
  const names = scripts.map((path) => path.slice(path.lastIndexOf('/') + 1));
  return `(function(){var here=document.currentScript.src;window.CLAIMGRAPH_EMBED=${JSON.stringify(embedUrl)};${JSON.stringify(names)}.forEach(function(name){var s=document.createElement("script");s.src=new URL(name,here).href;s.async=false;document.head.appendChild(s)})})();\n`;
}

/**
 * `site.css` → `assets/site.3f2a9c1b.css`: the name changes when the content does, so a host may
 * let browsers keep an asset for good, and a page never meets an asset of another release.
 */
export function hashedPath(name: string, content: string | Uint8Array): string {
  const hash = createHash('sha256').update(content).digest('hex').slice(0, 10);
  const dot = name.indexOf('.');
  return `assets/${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
}

/**
 * The files every page shares, by the name pages ask for: each one's hashed path and content.
 * `embedUrl` is where the embed page will be read (`/embed.html`, or absolute with a base URL).
 */
export function sharedAssets(
  meta: SiteMeta,
  dataset: Dataset,
  embedUrl: string,
): Map<AssetName, { path: string; content: string | Uint8Array }> {
  const files = new Map<AssetName, { path: string; content: string | Uint8Array }>();
  const add = (name: AssetName, content: string | Uint8Array) =>
    files.set(name, { path: hashedPath(name, content), content });
  add('site.css', CSS);
  add('search.js', clientScript('search.js'));
  add('charts.js', clientScript('charts.js'));
  const { data, parts } = dataScripts(meta, dataset);
  for (const { name, content } of parts) add(name, content);
  add('data.js', data);
  for (const { name, file } of VEGA_BUILDS) add(file, vegaBuild(name, file));
  const chartScripts = CHART_SCRIPTS.map((name) => files.get(name)!.path);
  add('load.js', loaderScript(chartScripts, embedUrl));
  return files;
}
