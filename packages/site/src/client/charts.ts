/**
 * The browser script of the pages with a chart: it draws each `figure.chart` from the shared release
 * data (assets/data.*.js) with @claimgraph/charts and vega-embed. It writes text with textContent
 * only: record text never becomes markup. The search page loads search.js;
 * the other pages no script.
 */
import { networkChart, stanceChart, timelineChart, WIDTH_RANGE } from '@claimgraph/charts';
import { RELATION_TYPE_INFO } from '@claimgraph/schema';
import { ClaimGraph, type Dataset } from '@claimgraph/sdk';
import type { SiteMeta } from '../model.js';
import { chartLabel, chartOfFragment, chartPagePath, pathToUrl, type ChartRef } from '../paths.js';
import { setUpEmbedBox } from './embed.js';

declare global {
  interface Window {
    CLAIMGRAPH_SITE?: { meta: SiteMeta; dataset: Dataset };
    /** The embed page's URL, from load.js: absolute when the site has a base URL. */
    CLAIMGRAPH_EMBED?: string;
    vegaEmbed?: (el: HTMLElement, spec: unknown, options: unknown) => Promise<unknown>;
  }
}

let graph: ClaimGraph | undefined;
function claimGraph(): ClaimGraph | undefined {
  const release = window.CLAIMGRAPH_SITE;
  if (!release) return undefined;
  graph ??= ClaimGraph.fromData(release.dataset, { validate: false, version: release.meta.version });
  return graph;
}

/** The widest each kind of chart is drawn: wider, its marks spread thin. */
const WIDEST: Record<ChartRef['kind'], number> = { stance: 680, timeline: 720, network: 680, perspective: 680 };

function specFor(cg: ClaimGraph, ref: ChartRef, width: number, dataset: string) {
  const common = { dataset, width };
  switch (ref.kind) {
    case 'stance':
      return stanceChart(cg, { ...common, relation: ref.relation });
    case 'timeline':
      return timelineChart(cg, { ...common, relation: ref.relation });
    case 'network':
      return networkChart(cg, { ...common, focus: ref.entity });
    case 'perspective':
      return networkChart(cg.perspective(ref.speaker!), {
        ...common,
        title: `As ${cg.entity(ref.speaker!)?.name ?? ref.speaker} tells it`,
        subtitle: 'Only the relations this speaker spoke about, from their statements alone.',
      });
  }
}

/**
 * The embed page: the chart its fragment names becomes the figure's chart, and its name the page's
 * heading, title, accessible name and caption, linked to the chart's own page.
 */
function setUpEmbed(cg: ClaimGraph, siteTitle: string): void {
  const figure = document.querySelector<HTMLElement>('figure.chart[data-embed]');
  if (!figure) return;
  const ref = chartOfFragment(window.location.hash.slice(1));
  const canvas = figure.querySelector<HTMLElement>('.chart-canvas');
  if (!ref || !canvas) {
    if (canvas) canvas.querySelector('p')!.textContent = 'This address names no chart of this site.';
    return;
  }
  const name = (id: string) => cg.entity(id)?.name ?? id;
  let subject = '';
  if (ref.kind === 'stance') {
    const relation = cg.relation(ref.relation as string);
    subject = relation
      ? `${name(relation.source)} — ${RELATION_TYPE_INFO[relation.type].label} — ${name(relation.target)}`
      : String(ref.relation);
  } else if (ref.kind === 'network') subject = name(ref.entity!);
  else if (ref.kind === 'perspective') subject = name(ref.speaker!);
  const label = chartLabel(ref, subject);
  figure.dataset.chart = JSON.stringify(ref);
  canvas.setAttribute('aria-label', label);
  document.querySelector('h1')!.textContent = label;
  document.title = `${label} · ${siteTitle}`;
  const link = figure.querySelector('figcaption a');
  if (link) {
    link.setAttribute('href', `./${pathToUrl(chartPagePath(ref))}`);
    link.textContent = label;
    link.after(` · ${siteTitle}`);
  }
}

async function drawCharts(): Promise<void> {
  const start = claimGraph();
  if (start) setUpEmbed(start, window.CLAIMGRAPH_SITE!.meta.title ?? window.CLAIMGRAPH_SITE!.meta.name);
  const figures = [...document.querySelectorAll<HTMLElement>('figure.chart[data-chart]')];
  if (!figures.length) return;
  // The embed snippets come first: they need no data, and each chart's name before drawing takes it away.
  for (const figure of figures) {
    const label = figure.querySelector('.chart-canvas')?.getAttribute('aria-label');
    if (window.CLAIMGRAPH_EMBED !== undefined && label)
      setUpEmbedBox(figure, JSON.parse(figure.dataset.chart!) as ChartRef, label, window.CLAIMGRAPH_EMBED);
  }
  const cg = claimGraph();
  const embed = window.vegaEmbed;
  if (!cg || !embed) return;
  const dataset = window.CLAIMGRAPH_SITE!.meta.name;
  for (const figure of figures) {
    const canvas = figure.querySelector<HTMLElement>('.chart-canvas');
    if (!canvas) continue;
    try {
      const ref = JSON.parse(figure.dataset.chart!) as ChartRef;
      // Every chart takes its box's whole width and lays itself out for it (names above the marks on
      // a phone); the width is kept on the figure, for a reader's tools and the layout tests.
      const width = Math.max(WIDTH_RANGE.min, Math.min(WIDEST[ref.kind], canvas.clientWidth || 600));
      figure.dataset.width = String(width);
      const spec = specFor(cg, ref, width, dataset);
      const label = canvas.getAttribute('aria-label') ?? '';
      // vega-embed styles the element it draws in (inline-block, room for its actions button at the
      // side): it gets one of its own, so the box keeps the column's width; site.css puts the button
      // above the chart instead.
      const target = document.createElement('div');
      canvas.replaceChildren(target);
      await embed(target, spec, {
        renderer: 'svg',
        actions: { export: true, source: false, compiled: false, editor: false },
        description: label,
      });
      // The drawing now speaks for itself (vega gives its SVG the description as its label), and
      // it holds vega-embed's action menu: an image role around controls would hide them.
      canvas.removeAttribute('role');
      canvas.removeAttribute('aria-label');
      for (const summary of canvas.querySelectorAll('details > summary'))
        summary.setAttribute('aria-label', 'Chart actions: save as SVG or PNG');
      figure.dataset.drawn = 'true';
    } catch (error) {
      const note = document.createElement('p');
      note.className = 'chart-note';
      note.textContent = `The chart could not be drawn (${(error as Error).message}); the list below holds the same facts.`;
      canvas.replaceChildren(note);
      figure.dataset.drawn = 'error';
    }
  }
}

async function start(): Promise<void> {
  await drawCharts();
  document.body.dataset.ready = 'true';
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
