// Every kind of page the builder writes, at a small phone's, a phone's, a large phone's, a tablet's
// and a laptop's width, in Chromium: nothing scrolls sideways, and every chart is drawn at the width
// the page gives it, inside its box, with its actions menu inside the page. Kinds come from the pages
// themselves (`<body data-page>`); the largest page of each kind stands for it (the longest names and
// the most statements), on the bundled release and on a site of both bundled releases.
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, recordPath, writeSite, type SiteFiles } from '../src/index.js';
import { launchChromium, noChromium, ready, serveFolder, watch } from './chromium.js';
import { bothInput, bundledInput } from './fixtures.js';

const ARTIFACTS = fileURLToPath(new URL('../test-artifacts/', import.meta.url));
const WIDTHS = [320, 375, 414, 768, 1280] as const;
/** The page issue #23 found scrolling sideways at 375 px. */
const REPORTED = recordPath('rel:haqqani-network-part-of-taliban');

/** The kind of each page (from `<body data-page="…">`), and for each kind its largest page. */
export function pagesByKind(files: SiteFiles): { kinds: Map<string, string>; unmarked: string[] } {
  const largest = new Map<string, { path: string; bytes: number }>();
  const unmarked: string[] = [];
  for (const [path, content] of files) {
    if (!path.endsWith('.html')) continue;
    const html = typeof content === 'string' ? content : Buffer.from(content).toString('utf8');
    const kind = /<body\b[^>]*\bdata-page="([a-z-]+)"/.exec(html)?.[1];
    if (!kind) {
      unmarked.push(path);
      continue;
    }
    const bytes = content.length;
    const known = largest.get(kind);
    if (!known || bytes > known.bytes) largest.set(kind, { path, bytes });
  }
  return { kinds: new Map([...largest].map(([kind, { path }]) => [kind, path])), unmarked };
}

/** What is wrong with the page's layout at its current width, in words; [] when nothing is. */
function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    const viewport = root.clientWidth;
    const where = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('class') ? `.${el.getAttribute('class')!.trim().split(/\s+/).join('.')}` : ''}`;
    if (root.scrollWidth > viewport) {
      const wide = [...document.body.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().right > viewport + 0.5)
        .slice(0, 3)
        .map(where);
      problems.push(`scrolls sideways: scrollWidth ${root.scrollWidth} in ${viewport} px (${wide.join(', ')})`);
    }
    for (const figure of document.querySelectorAll<HTMLElement>('figure.chart')) {
      const canvas = figure.querySelector<HTMLElement>('.chart-canvas')!;
      const box = canvas.getBoundingClientRect();
      const given = Number(figure.dataset.width);
      const svg = canvas.querySelector('svg.marks');
      if (!svg) {
        problems.push('a chart is not drawn');
        continue;
      }
      const drawn = svg.getBoundingClientRect();
      if (!(given <= canvas.clientWidth)) problems.push(`chart given ${given} px in a box of ${canvas.clientWidth} px`);
      // @claimgraph/charts may draw a pixel or two narrower than asked (issue #23 point 3), never wider.
      if (drawn.width > given || drawn.width < given - 2)
        problems.push(`chart drawn ${drawn.width} px wide when given ${given} px`);
      if (drawn.left < box.left - 0.5 || drawn.right > box.right + 0.5)
        problems.push(`chart ${drawn.left}–${drawn.right} outside its box ${box.left}–${box.right}`);
      if (canvas.scrollWidth > canvas.clientWidth)
        problems.push(`chart box scrolls: ${canvas.scrollWidth} in ${canvas.clientWidth} px`);
      const summary = canvas.querySelector('summary');
      if (summary) {
        const button = summary.getBoundingClientRect();
        if (button.left < box.left - 0.5 || button.right > box.right + 0.5)
          problems.push(
            `chart actions ${button.left}–${button.right} outside the chart's box ${box.left}–${box.right}`,
          );
      }
    }
    return problems;
  });
}

/** Opens each chart's actions menu: it stays inside the page. */
async function menuProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  for (const summary of await page.locator('figure.chart summary').all()) {
    await summary.click();
    const menu = await page.evaluate(() => {
      const open = document.querySelector('figure.chart details[open] .vega-actions');
      const rect = open?.getBoundingClientRect();
      return rect && { left: rect.left, right: rect.right, viewport: document.documentElement.clientWidth };
    });
    if (!menu) problems.push('the chart actions menu does not open');
    else if (menu.left < 0 || menu.right > menu.viewport)
      problems.push(`the open chart actions menu ${menu.left}–${menu.right} leaves the page (${menu.viewport} px)`);
    await summary.click();
  }
  return problems;
}

describe.skipIf(noChromium)('every kind of page at 320, 375, 414, 768 and 1280 px in Chromium', () => {
  let browser: Browser;
  let server: Awaited<ReturnType<typeof serveFolder>>;
  const sites: { name: string; files: SiteFiles }[] = [];

  beforeAll(async () => {
    const root = await mkdtemp(join(tmpdir(), 'claimgraph-site-layout-'));
    sites.push({ name: 'bundled', files: buildSite(await bundledInput()) });
    sites.push({ name: 'both', files: buildSite(await bothInput()) });
    for (const { name, files } of sites) await writeSite(join(root, name), files);
    server = await serveFolder(root);
    await mkdir(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('marks every page with its kind, and a site of two datasets has every kind', () => {
    for (const { files } of sites) expect(pagesByKind(files).unmarked).toEqual([]);
    expect([...pagesByKind(sites[1]!.files).kinds.keys()].sort()).toEqual(
      [
        'about',
        'dataset',
        'downloads',
        'embed',
        'entities',
        'entity',
        'home',
        'not-found',
        'perspective',
        'redirect',
        'relation',
        'relations',
        'rules',
        'search',
        'source',
        'statement',
        'timeline',
      ].sort(),
    );
  });

  for (const site of ['bundled', 'both'])
    it(`neither scrolls sideways nor cuts a chart, on every kind of page of the ${site} site`, async () => {
      const { files } = sites.find((s) => s.name === site)!;
      const { kinds } = pagesByKind(files);
      // The embed page shows the chart its fragment names.
      const visits = [...kinds].map(([kind, path]) => ({
        kind,
        path: kind === 'embed' ? `${path}#stance=rel:haqqani-network-part-of-taliban` : path,
      }));
      if (site === 'bundled') visits.push({ kind: 'relation (issue #23)', path: REPORTED });
      const found: string[] = [];
      const page = await browser.newPage();
      const local = (url: URL) => url.hostname === '127.0.0.1' || url.protocol === 'data:';
      const problems = watch(page, local);
      // A redirect page moves on at once: it is looked at as it would show, without its refresh.
      await page.route(/\/(?!assets\/)[^?]*\.html/, async (route) => {
        const response = await route.fetch();
        const body = (await response.text()).replace(/<meta http-equiv="refresh"[^>]*>/, '');
        await route.fulfill({ response, body });
      });
      const look = async (width: number, kind: string, path: string) => {
        for (const problem of [...(await layoutProblems(page)), ...(await menuProblems(page))])
          found.push(`${width} px ${kind} ${path}: ${problem}`);
        if (site === 'bundled' && (width === 375 || width === 1280) && !kind.includes(' '))
          await page.screenshot({ path: join(ARTIFACTS, `layout-${width}-${kind.split(' ')[0]}.png`), fullPage: true });
      };
      for (const { kind, path } of visits) {
        const url = `${server.base}${site}/${path}${kind === 'search' ? '?q=haqqani' : ''}`;
        const open = async (width: number) => {
          await page.setViewportSize({ width, height: 800 });
          await page.goto(url);
          if (kind === 'redirect') await page.waitForLoadState('load');
          else await ready(page);
        };
        await open(WIDTHS[0]);
        // A chart is drawn for the width its page opens at: such a page is opened at each width;
        // any other is looked at as the window narrows and widens.
        const charts = (await page.locator('figure.chart').count()) > 0;
        for (const width of WIDTHS) {
          if (width !== WIDTHS[0]) {
            if (charts) await open(width);
            else await page.setViewportSize({ width, height: 800 });
          }
          await look(width, kind, path);
        }
      }
      expect(found.join('\n')).toBe('');
      expect(problems).toEqual([]);
      await page.close();
    });
});
