/**
 * A standalone HTML page for a chart: vega-embed with its export menu. By default the vega,
 * vega-lite and vega-embed builds are inlined from node_modules, so the page works offline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import { ChartRenderError } from './errors.js';
import { FONT } from '../frame.js';
import { escapeHtml, scriptSafeJson, specTitle } from './json.js';

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
    throw new ChartRenderError(`renderHtml: cannot find the "${name}" package; install vega, vega-lite and vega-embed`);
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

const titleText = (spec: TopLevelSpec): string => specTitle(spec) || 'Chart';

/** Options resolved against HTML_DEFAULTS and checked, with the vega-embed options they give; `method` names the caller in errors. */
function pageOptions(method: string, options: HtmlOptions) {
  const o = { ...HTML_DEFAULTS, ...options };
  if (o.libraries !== 'inline' && o.libraries !== 'cdn') {
    throw new ChartRenderError(`${method}: options.libraries: "${String(o.libraries)}" is not "inline" or "cdn"`);
  }
  const embedOptions = {
    renderer: o.renderer,
    actions: { export: true, source: false, compiled: false, editor: false },
  };
  return { o, embedOptions };
}

/** The chart as a complete HTML document. The spec travels as script-safe JSON, never as markup. */
export function renderHtml(spec: TopLevelSpec, options: HtmlOptions = {}): string {
  const { o, embedOptions } = pageOptions('renderHtml', options);
  const description = typeof spec.description === 'string' ? spec.description : '';
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

/** The widths a responsive figure is laid out for: phone columns to wide desktop figures. */
export const RESPONSIVE_WIDTHS: readonly number[] = [320, 360, 400, 480, 560, 640, 720, 800, 880, 960, 1080, 1200];

const creditText = (spec: TopLevelSpec): string => {
  const parts = (spec as { vconcat?: { encoding?: { text?: { value?: unknown } } }[] }).vconcat;
  const value = parts?.at(-1)?.encoding?.text?.value;
  return Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
};

/**
 * An embeddable, responsive figure: the chart laid out afresh for each of `RESPONSIVE_WIDTHS` (text
 * wrapped and marks placed for that width, not scaled), the page showing the widest layout that
 * fits its container and switching as the container resizes. `<figure>` and `<figcaption>` carry
 * the title, the source line and the alt text; in an iframe the page tells its parent its height
 * (`{ type: 'claimgraph:height', height }` by postMessage) so the frame can fit it.
 */
export function renderResponsiveHtml(build: (width: number) => TopLevelSpec, options: HtmlOptions = {}): string {
  const { o, embedOptions } = pageOptions('renderResponsiveHtml', options);
  const layouts = RESPONSIVE_WIDTHS.map((width) => ({ width, spec: build(width) }));
  const main = layouts.find((l) => l.width === 640)?.spec ?? layouts[0]!.spec;
  const title = o.title ?? titleText(main);
  const credit = creditText(main);
  const description = typeof main.description === 'string' ? main.description : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  html, body { margin: 0; padding: 0; background: #fff; color: #222; font-family: ${FONT}; }
  .claimgraph-figure { margin: 0; max-width: 1200px; }
  .claimgraph-chart { width: 100%; }
  /* Below the narrowest layout the drawing scales down rather than overflow. */
  .claimgraph-chart svg, .claimgraph-chart canvas { display: block; max-width: 100%; height: auto; }
  /* The chart draws its title and source line; the caption repeats them for readers and indexes. */
  .claimgraph-caption { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
</style>
${scriptTags(o.libraries)}
</head>
<body>
<figure class="claimgraph-figure" id="figure" aria-labelledby="claimgraph-title" aria-describedby="claimgraph-alt">
<div class="claimgraph-chart" id="chart"></div>
<figcaption class="claimgraph-caption">
<span id="claimgraph-title">${escapeHtml(title)}</span>
<span class="claimgraph-credit">${escapeHtml(credit)}</span>
<span id="claimgraph-alt">${escapeHtml(description)}</span>
</figcaption>
</figure>
<script type="application/json" id="claimgraph-layouts">${scriptSafeJson(layouts)}</script>
<script>
  (function () {
    var figure = document.getElementById('figure');
    var target = document.getElementById('chart');
    var layouts = JSON.parse(document.getElementById('claimgraph-layouts').textContent);
    var shown = null;
    var view = null;
    function pick(width) {
      var best = layouts[0];
      for (var i = 0; i < layouts.length; i++) if (layouts[i].width <= width) best = layouts[i];
      return best;
    }
    function tellHeight() {
      if (window.parent !== window)
        // The figure's own height: the document's is never less than the frame's.
        window.parent.postMessage({ type: 'claimgraph:height', height: Math.ceil(figure.getBoundingClientRect().height) }, '*');
    }
    function draw() {
      var layout = pick(figure.clientWidth || window.innerWidth);
      if (layout === shown) return;
      shown = layout;
      if (view) view.finalize();
      vegaEmbed(target, layout.spec, ${scriptSafeJson(embedOptions)})
        .then(function (result) {
          view = result.view;
          document.body.setAttribute('data-width', String(layout.width));
          tellHeight();
        })
        .catch(function (error) {
          var message = document.createElement('p');
          message.textContent = 'The chart could not be drawn: ' + error.message;
          target.appendChild(message);
        });
    }
    draw();
    if (window.ResizeObserver) new ResizeObserver(draw).observe(figure);
    else window.addEventListener('resize', draw);
  })();
</script>
</body>
</html>
`;
}
