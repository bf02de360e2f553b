/**
 * The browser script of the pages with a chart: it draws each `figure.chart` from the shared chart
 * data (assets/data.*.js, and the parts of words its charts quote: chart-data.ts) with @claimgraph/charts and vega-embed. It writes text with textContent
 * only: record text never becomes markup. The search page loads search.js;
 * the other pages no script.
 */
import { networkChart, stanceChart, timelineChart, WIDTH_RANGE } from '@claimgraph/charts';
import { RELATION_TYPE_INFO } from '@claimgraph/schema';
import { ClaimGraph, type Dataset } from '@claimgraph/sdk';
import { addWords, decodeChartData, wordsPartOf, type ChartData, type WordsPart } from '../chart-data.js';
import type { SiteMeta } from '../model.js';
import { chartLabel, chartOfFragment, chartPagePath, embedFragment, pathToUrl, type ChartRef } from '../paths.js';
import { addEmbedBox } from './embed.js';

declare global {
  interface Window {
    CLAIMGRAPH_SITE?: { meta: SiteMeta; data: ChartData };
    /** Called by each part of words (assets/words-*.js) with its number and its columns. */
    CLAIMGRAPH_WORDS?: (k: number, part: WordsPart) => void;
    /** The embed page's URL, from load.js: absolute when the site has a base URL. */
    CLAIMGRAPH_EMBED?: string;
    vegaEmbed?: (el: HTMLElement, spec: unknown, options: unknown) => Promise<unknown>;
  }
}

/** This script's address: the parts of words lie beside it, in assets/. */
const here = (document.currentScript as HTMLScriptElement | null)?.src ?? document.baseURI;

/** The relations whose statements' words a chart shows: who-says-what and the timeline quote them. */
function relationsQuoted(ref: ChartRef): string[] {
  if (ref.kind !== 'stance' && ref.kind !== 'timeline') return [];
  return [ref.relation ?? []].flat();
}

/**
 * Loads the parts of words the charts need, each once, as classic scripts (they work from a
 * folder too), and adds their words to the records; the numbers of the parts that failed to load.
 */
async function loadWords(dataset: Dataset, data: ChartData, refs: readonly ChartRef[]): Promise<Set<number>> {
  const wanted = new Set<number>();
  for (const relation of refs.flatMap(relationsQuoted)) {
    const k = wordsPartOf(dataset, data, relation);
    if (k !== undefined) wanted.add(k);
  }
  const waiting = new Map<number, (part: WordsPart) => void>();
  window.CLAIMGRAPH_WORDS = (k, part) => waiting.get(k)?.(part);
  const failed = new Set<number>();
  await Promise.all(
    [...wanted].map(
      (k) =>
        new Promise<void>((resolve) => {
          waiting.set(k, (part) => {
            waiting.delete(k);
            addWords(dataset, data, k, part);
            resolve();
          });
          const tag = document.createElement('script');
          tag.src = new URL(data.parts[k]!, here).href;
          // A part that is missing, or ran without handing its words over, fails the charts that need it.
          tag.onerror = tag.onload = () => {
            if (!waiting.delete(k)) return;
            failed.add(k);
            resolve();
          };
          document.head.append(tag);
        }),
    ),
  );
  return failed;
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

/** What a chart is about, in words: the relation's phrase, the entity's or the speaker's name. */
function chartSubject(cg: ClaimGraph, ref: ChartRef): string {
  const name = (id: string) => cg.entity(id)?.name ?? id;
  if (ref.kind === 'stance') {
    const relation = cg.relation(ref.relation as string);
    return relation
      ? `${name(relation.source)} — ${RELATION_TYPE_INFO[relation.type].label} — ${name(relation.target)}`
      : String(ref.relation);
  }
  if (ref.kind === 'network') return name(ref.entity!);
  if (ref.kind === 'perspective') return name(ref.speaker!);
  return '';
}

/**
 * The box a chart is drawn in, named by its label: the page holds only the no-JavaScript note, which
 * stays in it until the drawing takes its place.
 */
function canvasOf(figure: HTMLElement, label: string): HTMLElement {
  const found = figure.querySelector<HTMLElement>('.chart-canvas');
  if (found) return found;
  const canvas = document.createElement('div');
  canvas.className = 'chart-canvas';
  canvas.setAttribute('role', 'img');
  canvas.setAttribute('aria-label', label);
  canvas.append(...figure.childNodes);
  figure.append(canvas);
  return canvas;
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
  const label = chartLabel(ref, chartSubject(cg, ref));
  figure.dataset.chart = embedFragment(ref);
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
  const release = window.CLAIMGRAPH_SITE;
  if (!release) return;
  const records = decodeChartData(release.data);
  const embedRef = document.querySelector('figure.chart[data-embed]')
    ? chartOfFragment(window.location.hash.slice(1))
    : undefined;
  const refs = [...document.querySelectorAll<HTMLElement>('figure.chart[data-chart]')].flatMap(
    (figure) => chartOfFragment(figure.dataset.chart!) ?? [],
  );
  // The words first: the graph is built once, from records that hold every word the charts show.
  const failed = await loadWords(records, release.data, embedRef ? [embedRef, ...refs] : refs);
  const cg = ClaimGraph.fromData(records, { validate: false, version: release.meta.version });
  setUpEmbed(cg, release.meta.title ?? release.meta.name);
  const figures = [...document.querySelectorAll<HTMLElement>('figure.chart[data-chart]')];
  // A chart page holds its chart's reference alone: its name, its box and its embed box are made here.
  for (const figure of figures) {
    const ref = chartOfFragment(figure.dataset.chart!);
    if (!ref || figure.hasAttribute('data-embed')) continue;
    const label = chartLabel(ref, chartSubject(cg, ref));
    canvasOf(figure, label);
    if (window.CLAIMGRAPH_EMBED !== undefined && !figure.hasAttribute('data-alone'))
      addEmbedBox(figure, ref, label, window.CLAIMGRAPH_EMBED, new URL('../embed.html', here).href);
  }
  const embed = window.vegaEmbed;
  if (!figures.length || !embed) return;
  const dataset = release.meta.name;
  for (const figure of figures) {
    const canvas = figure.querySelector<HTMLElement>('.chart-canvas');
    if (!canvas) continue;
    try {
      const ref = chartOfFragment(figure.dataset.chart!);
      if (!ref) throw new Error(`no chart is named ${figure.dataset.chart}`);
      for (const relation of relationsQuoted(ref)) {
        const k = wordsPartOf(records, release.data, relation);
        if (k !== undefined && failed.has(k)) throw new Error(`${release.data.parts[k]} did not load`);
      }
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
