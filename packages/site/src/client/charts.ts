/**
 * The browser script of the pages with a chart: it draws each `figure.chart` from the shared release
 * data (assets/data.*.js) with @claimgraph/charts and vega-embed. It writes text with textContent
 * only: record text never becomes markup. The search page loads search.js;
 * the other pages no script.
 */
import { networkChart, stanceChart, timelineChart, WIDTH_RANGE } from '@claimgraph/charts';
import { ClaimGraph, type Dataset } from '@claimgraph/sdk';
import type { ChartRef } from '../charts.js';
import type { SiteMeta } from '../model.js';

declare global {
  interface Window {
    CLAIMGRAPH_SITE?: { meta: SiteMeta; dataset: Dataset };
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

async function drawCharts(): Promise<void> {
  const figures = [...document.querySelectorAll<HTMLElement>('figure.chart[data-chart]')];
  if (!figures.length) return;
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
