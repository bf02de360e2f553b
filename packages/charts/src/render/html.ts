/**
 * A chart as an HTML page: vega-embed with its export menu. By default the vega, vega-lite and
 * vega-embed builds are inlined from node_modules, so the page works offline; `libraries: 'shared'`
 * makes pages that load one shared runtime file instead (see ./runtime.ts).
 */
import type { TopLevelSpec } from 'vega-lite';
import { ChartRenderError } from './errors.js';
import { FONT } from '../frame.js';
import { escapeHtml, scriptSafeJson, specTitle } from './json.js';
import { BUILDS, buildCode, buildIntegrity, cdnUrl, chartRuntime } from './runtime.js';

/** Where a page gets vega, vega-lite and vega-embed. */
export type HtmlLibraries = 'inline' | 'cdn' | 'shared';

export interface HtmlOptions {
  /**
   * `inline` puts the libraries in the page (offline, ~830 kB); `cdn` links them from jsDelivr;
   * `shared` loads the one runtime file that `chartRuntime()` returns from `runtimeUrl`.
   */
  libraries?: HtmlLibraries;
  /**
   * With `shared`: the runtime's URL as the page loads it, relative to the page or absolute. A URL
   * ending in `/` names a folder: the runtime's file name (`chartRuntime().fileName`) is added.
   */
  runtimeUrl?: string;
  /**
   * With `shared` or `cdn`: put the Subresource Integrity hash of each file on its script tag, so
   * that a browser refuses any other bytes at that URL. A runtime on another origin must then be
   * served with CORS (jsDelivr is). With `cdn` the hashes are those of the installed builds.
   */
  integrity?: boolean;
  /** The page title; the spec's title by default. */
  title?: string;
  /** vega-embed renderer. */
  renderer?: 'svg' | 'canvas';
}

export const HTML_DEFAULTS = {
  libraries: 'inline' as HtmlLibraries,
  runtimeUrl: undefined as string | undefined,
  integrity: true,
  title: undefined as string | undefined,
  renderer: 'svg' as 'svg' | 'canvas',
};

const LIBRARIES: readonly HtmlLibraries[] = ['inline', 'cdn', 'shared'];

/** Where the page loads the shared runtime from: `runtimeUrl`, with the file name added to a folder URL. */
export function runtimeSrc(runtimeUrl: string): string {
  return runtimeUrl.endsWith('/') ? `${runtimeUrl}${chartRuntime().fileName}` : runtimeUrl;
}

/** A script tag's hash check, with `integrity: true`; crossorigin makes the request a CORS one, without which a browser cannot check it. */
const checked = (o: typeof HTML_DEFAULTS, integrity: () => string): string =>
  o.integrity ? ` integrity="${integrity()}" crossorigin="anonymous"` : '';

function scriptTags(o: typeof HTML_DEFAULTS): string {
  if (o.libraries === 'shared')
    return `<script src="${escapeHtml(runtimeSrc(o.runtimeUrl!))}"${checked(o, () => chartRuntime().integrity)}></script>`;
  return BUILDS.map(({ name }) => {
    if (o.libraries === 'cdn')
      return `<script src="${cdnUrl(name)}"${checked(o, () => buildIntegrity(name))}></script>`;
    // The builds hold no "</script" today; escaping it anyway keeps a future build from ending the element.
    const code = buildCode(name)
      .replace(/<\/script/gi, '<\\/script')
      .replace(/<!--/g, '<\\!--');
    return `<script>/* ${name} */\n${code}\n</script>`;
  }).join('\n');
}

const titleText = (spec: TopLevelSpec): string => specTitle(spec) || 'Chart';

/** Options resolved against HTML_DEFAULTS and checked, with the vega-embed options they give; `method` names the caller in errors. */
function pageOptions(method: string, options: HtmlOptions) {
  const o = { ...HTML_DEFAULTS, ...options };
  if (!LIBRARIES.includes(o.libraries)) {
    throw new ChartRenderError(
      `${method}: options.libraries: "${String(o.libraries)}" is not "inline", "cdn" or "shared"`,
    );
  }
  if (o.libraries === 'shared') {
    if (typeof o.runtimeUrl !== 'string' || o.runtimeUrl.trim() === '')
      throw new ChartRenderError(
        `${method}: options.runtimeUrl: libraries "shared" needs the URL of the chart runtime (a folder URL ending in "/" adds its file name)`,
      );
    // A URL is one attribute value: whitespace or a control character is a mistake, never an address.
    if (/[\s\u0000-\u001f\u007f]/.test(o.runtimeUrl))
      throw new ChartRenderError(
        `${method}: options.runtimeUrl: ${JSON.stringify(o.runtimeUrl)} has a space or control character; percent-encode it`,
      );
  } else if (o.runtimeUrl !== undefined)
    throw new ChartRenderError(`${method}: options.runtimeUrl applies only with libraries "shared"`);
  if (typeof o.integrity !== 'boolean')
    throw new ChartRenderError(`${method}: options.integrity: ${JSON.stringify(o.integrity)} is not true or false`);
  const embedOptions = {
    renderer: o.renderer,
    actions: { export: true, source: false, compiled: false, editor: false },
  };
  return { o, embedOptions, runtime: runtimeLoader(o) };
}

/**
 * The page script's start: `whenReady(draw, fail)` calls `draw` once the libraries are there, else `fail`
 * with a sentence for the reader, so a missing or refused runtime never leaves a blank page. A page
 * opened from disk cannot check a hash (the browser refuses a CORS request for a file), so there it
 * loads the runtime again without one: integrity guards servers and caches, not the reader's own disk.
 */
function runtimeLoader(o: typeof HTML_DEFAULTS): string {
  const src = o.libraries === 'shared' ? runtimeSrc(o.runtimeUrl!) : '';
  const what =
    o.libraries === 'shared'
      ? `the chart runtime did not load from ${src}: the file is missing, or it is not the one this page was made for (${chartRuntime().fileName})`
      : o.libraries === 'cdn'
        ? `vega, vega-lite and vega-embed did not load from cdn.jsdelivr.net${o.integrity ? ', or were not the files this page was made for' : ''}`
        : 'vega, vega-lite and vega-embed did not load';
  // From a CDN the three files load, or are refused, one by one: vega-embed without vega-lite would
  // fail on the spec with vega-lite's minified names instead of saying what is missing.
  const loaded =
    o.libraries === 'cdn'
      ? "typeof vega === 'object' && typeof vegaLite === 'object' && typeof vegaEmbed === 'function'"
      : "typeof vegaEmbed === 'function'";
  return `function whenReady(draw, fail) {
      if (${loaded}) return draw();
      var message = ${scriptSafeJson(`This chart could not be drawn: ${what}.`)};
      if (${o.libraries === 'shared' && o.integrity ? 'true' : 'false'} && location.protocol === 'file:') {
        var again = document.createElement('script');
        again.src = ${scriptSafeJson(src)};
        again.onload = function () { typeof vegaEmbed === 'function' ? draw() : fail(message); };
        again.onerror = function () { fail(message); };
        return document.head.appendChild(again);
      }
      fail(message);
    }`;
}

/** The chart as a complete HTML document. The spec travels as script-safe JSON, never as markup. */
export function renderHtml(spec: TopLevelSpec, options: HtmlOptions = {}): string {
  const { o, embedOptions, runtime } = pageOptions('renderHtml', options);
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
${scriptTags(o)}
</head>
<body>
<figure id="chart" role="figure" aria-label="${escapeHtml(description)}"></figure>
<script type="application/json" id="claimgraph-spec">${scriptSafeJson(spec)}</script>
<script>
  (function () {
    var target = document.getElementById('chart');
    var spec = JSON.parse(document.getElementById('claimgraph-spec').textContent);
    function fail(text) {
      var message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.textContent = text;
      target.appendChild(message);
    }
    ${runtime}
    whenReady(function () {
      vegaEmbed(target, spec, ${scriptSafeJson(embedOptions)}).catch(function (error) {
        fail('The chart could not be drawn: ' + error.message);
      });
    }, fail);
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
  const { o, embedOptions, runtime } = pageOptions('renderResponsiveHtml', options);
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
  [data-failed] .claimgraph-caption { position: static; width: auto; height: auto; overflow: visible; clip: auto; white-space: normal; }
  [data-failed] .claimgraph-caption span { display: block; margin: 0 0 8px; }
  [data-failed] #claimgraph-title { font-weight: bold; }
</style>
${scriptTags(o)}
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
          fail('The chart could not be drawn: ' + error.message);
        });
    }
    function fail(text) {
      var message = document.createElement('p');
      message.setAttribute('role', 'alert');
      message.textContent = text;
      target.appendChild(message);
      // The caption's title, source line and alt text, shown where the chart would be.
      document.body.setAttribute('data-failed', '');
      tellHeight();
    }
    ${runtime}
    whenReady(function () {
      draw();
      if (window.ResizeObserver) new ResizeObserver(draw).observe(figure);
      else window.addEventListener('resize', draw);
    }, fail);
  })();
</script>
</body>
</html>
`;
}
