/**
 * A standalone HTML page for a chart: vega-embed with its export menu. By default the vega,
 * vega-lite and vega-embed builds are inlined from node_modules, so the page works offline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { FONT } from '../frame.js';
import { escapeHtml, scriptSafeJson } from './json.js';

export interface HtmlOptions {
  /** `inline` puts the libraries in the page (offline, ~850 kB); `cdn` links them from jsDelivr. */
  libraries?: 'inline' | 'cdn';
  /** The page title; the spec's title by default. */
  title?: string;
  /** vega-embed renderer. */
  renderer?: 'svg' | 'canvas';
}

export const HTML_DEFAULTS = {
  libraries: 'inline' as 'inline' | 'cdn',
  title: undefined as string | undefined,
  renderer: 'svg' as 'svg' | 'canvas',
};

/** The browser builds, in load order: vega-embed expects the globals `vega` and `vegaLite`. */
const BUILDS = [
  { name: 'vega', file: 'vega.min.js' },
  { name: 'vega-lite', file: 'vega-lite.min.js' },
  { name: 'vega-embed', file: 'vega-embed.min.js' },
] as const;

const require = createRequire(import.meta.url);

/** Each package's entry sits in its `build/` folder, beside the minified browser build. */
function buildFolder(name: string): string {
  try {
    return dirname(require.resolve(name));
  } catch {
    throw new Error(
      `@claimgraph/charts/render: renderHtml: cannot find the "${name}" package; install vega, vega-lite and vega-embed`,
    );
  }
}

function scriptTags(libraries: 'inline' | 'cdn'): string {
  return BUILDS.map(({ name, file }) => {
    const folder = buildFolder(name);
    if (libraries === 'cdn') {
      const { version } = JSON.parse(readFileSync(join(folder, '..', 'package.json'), 'utf8')) as { version: string };
      return `<script src="https://cdn.jsdelivr.net/npm/${name}@${version}/build/${file}"></script>`;
    }
    // The builds hold no "</script" today; escaping it anyway keeps a future build from ending the element.
    const code = readFileSync(join(folder, file), 'utf8')
      .replace(/<\/script/gi, '<\\/script')
      .replace(/<!--/g, '<\\!--');
    return `<script>/* ${name} */\n${code}\n</script>`;
  }).join('\n');
}

const titleText = (spec: TopLevelSpec): string => {
  const title = (spec as { title?: unknown }).title;
  const text = typeof title === 'object' && title !== null ? (title as { text?: unknown }).text : title;
  return Array.isArray(text) ? text.join(' ') : typeof text === 'string' ? text : 'Chart';
};

/** The chart as a complete HTML document. The spec travels as script-safe JSON, never as markup. */
export function renderHtml(spec: TopLevelSpec, options: HtmlOptions = {}): string {
  const o = { ...HTML_DEFAULTS, ...options };
  if (o.libraries !== 'inline' && o.libraries !== 'cdn') {
    throw new Error(
      `@claimgraph/charts/render: renderHtml: options.libraries: "${String(o.libraries)}" is not "inline" or "cdn"`,
    );
  }
  const description = typeof spec.description === 'string' ? spec.description : '';
  const embedOptions = {
    renderer: o.renderer,
    actions: { export: true, source: false, compiled: false, editor: false },
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title ?? titleText(spec))}</title>
<style>
  body { margin: 0; padding: 24px; background: #fff; color: #222; font-family: ${FONT}; }
  #chart { max-width: 100%; overflow-x: auto; }
</style>
${scriptTags(o.libraries)}
</head>
<body>
<figure id="chart" role="figure" aria-label="${escapeHtml(description)}"></figure>
<script type="application/json" id="claimgraph-spec">${scriptSafeJson(spec)}</script>
<script>
  (function () {
    var target = document.getElementById('chart');
    var spec = JSON.parse(document.getElementById('claimgraph-spec').textContent);
    vegaEmbed(target, spec, ${scriptSafeJson(embedOptions)}).catch(function (error) {
      var message = document.createElement('p');
      message.textContent = 'The chart could not be drawn: ' + error.message;
      target.appendChild(message);
    });
  })();
</script>
</body>
</html>
`;
}
