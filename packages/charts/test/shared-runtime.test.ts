// Chart pages that share one runtime file (`libraries: 'shared'`), in Debian's Chromium: two pages
// draw their charts from a runtime served by 127.0.0.1, and a missing runtime or one whose bytes do
// not match the page's integrity hash shows the reader a sentence, not a blank page.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { networkChart, stanceChart, timelineChart } from '../src/index.js';
import { chartRuntime, renderHtml, renderResponsiveHtml } from '../src/render.js';
import { launchChromium, skipWithoutChromium } from '../../../test-support/chromium.mjs';
import { HAQQANI, PART_OF, mini } from './fixture.js';

const noChromium = skipWithoutChromium('the shared-runtime browser tests');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };

/** Serves `root` at http://127.0.0.1:<port>/, optionally with CORS headers, counting requests per path. */
async function serve(root: string, cors = false): Promise<{ base: string; hits: Map<string, number>; server: Server }> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url!, 'http://x').pathname));
    hits.set(path, (hits.get(path) ?? 0) + 1);
    readFile(join(root, path)).then(
      (body) =>
        res
          .writeHead(200, {
            'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
            ...(cors ? { 'access-control-allow-origin': '*' } : {}),
          })
          .end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as { port: number }).port}/`, hits, server };
}

const stance = (width: number) => stanceChart(mini(), { relation: PART_OF, width });

describe.skipIf(noChromium)('chart pages sharing one runtime, in Chromium', () => {
  let browser: Browser;
  let root: string;
  let site: Awaited<ReturnType<typeof serve>>;
  let cdn: Awaited<ReturnType<typeof serve>>;
  let noCors: Awaited<ReturnType<typeof serve>>;
  const runtime = chartRuntime();

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'claimgraph-runtime-'));
    await mkdir(join(root, 'charts'));
    await mkdir(join(root, 'elsewhere'));
    await mkdir(join(root, 'tampered'));
    await writeFile(join(root, 'charts', runtime.fileName), runtime.code);
    // The same name holding other bytes: what a half-finished upload or a tampered server gives.
    await writeFile(join(root, 'tampered', runtime.fileName), runtime.code.replace('vega-lite', 'vega-lyte'));
    const pages: Record<string, string> = {
      'charts/stance.html': renderResponsiveHtml(stance, { libraries: 'shared', runtimeUrl: './' }),
      'charts/network.html': renderHtml(networkChart(mini()), { libraries: 'shared', runtimeUrl: './' }),
      'elsewhere/timeline.html': renderResponsiveHtml((width) => timelineChart(mini(), { entity: HAQQANI, width }), {
        libraries: 'shared',
        runtimeUrl: `/charts/${runtime.fileName}`,
      }),
      'charts/missing.html': renderResponsiveHtml(stance, { libraries: 'shared', runtimeUrl: 'gone/' }),
      'tampered/stance.html': renderResponsiveHtml(stance, { libraries: 'shared', runtimeUrl: './' }),
    };
    for (const [path, html] of Object.entries(pages)) await writeFile(join(root, path), html);
    site = await serve(root);
    cdn = await serve(join(root, 'charts'), true);
    noCors = await serve(join(root, 'charts'));
    await writeFile(
      join(root, 'elsewhere', 'cross-origin.html'),
      renderHtml(stance(640), { libraries: 'shared', runtimeUrl: cdn.base }),
    );
    await writeFile(
      join(root, 'elsewhere', 'no-cors.html'),
      renderHtml(stance(640), { libraries: 'shared', runtimeUrl: noCors.base }),
    );
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([site, cdn, noCors].map((s) => s && new Promise((resolve) => s.server.close(resolve))));
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** Opens a page; returns it with its console errors and page errors. Nothing off 127.0.0.1 is fetched. */
  async function open(url: string): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.route(
      (u) => u.protocol !== 'file:' && u.hostname !== '127.0.0.1',
      (route) => {
        errors.push(`left localhost: ${route.request().url()}`);
        return route.abort();
      },
    );
    await page.goto(url);
    return { page, errors };
  }

  /** Waits for the page's SVG chart, its message or a script error, whichever comes; returns what the page shows. */
  async function outcome(page: Page): Promise<{ drawn: boolean; message: string | null }> {
    await Promise.race([
      page.waitForSelector('#chart svg.marks, #chart [role="alert"]', { timeout: 0 }),
      page.waitForEvent('pageerror', { timeout: 0 }),
    ]);
    const alert = page.locator('#chart [role="alert"]');
    return {
      drawn: (await page.locator('#chart svg.marks').count()) === 1,
      message: (await alert.count()) === 1 ? await alert.textContent() : null,
    };
  }

  it('draws two pages from the one runtime file beside them, fetching nothing else', async () => {
    for (const name of ['stance', 'network']) {
      const { page, errors } = await open(`${site.base}charts/${name}.html`);
      expect(await outcome(page), name).toEqual({ drawn: true, message: null });
      expect(await page.locator('#chart svg.marks').textContent()).toContain('Washington Examiner');
      expect(errors, name).toEqual([]);
      await page.close();
    }
    expect(site.hits.get(`/charts/${runtime.fileName}`)).toBeGreaterThanOrEqual(1);
    expect([...site.hits.keys()].filter((p) => p.endsWith('.js'))).toEqual([`/charts/${runtime.fileName}`]);
  });

  it('draws a page in another folder that names the runtime by an absolute path', async () => {
    const { page, errors } = await open(`${site.base}elsewhere/timeline.html`);
    expect(await outcome(page)).toEqual({ drawn: true, message: null });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws with a runtime on another origin that allows CORS, checking its integrity there too', async () => {
    const { page, errors } = await open(`${site.base}elsewhere/cross-origin.html`);
    expect(await outcome(page)).toEqual({ drawn: true, message: null });
    expect(errors).toEqual([]);
    expect(cdn.hits.get(`/${runtime.fileName}`)).toBe(1);
    await page.close();
  });

  it('says so when a runtime on another origin is served without CORS, which integrity needs', async () => {
    const { page, errors } = await open(`${site.base}elsewhere/no-cors.html`);
    const { drawn, message } = await outcome(page);
    expect(drawn).toBe(false);
    expect(message).toContain(`did not load from ${noCors.base}${runtime.fileName}`);
    expect(errors.join('\n')).toMatch(/CORS/);
    await page.close();
  });

  it('tells the reader when the runtime is missing, and shows the caption instead of a blank page', async () => {
    const { page, errors } = await open(`${site.base}charts/missing.html`);
    const { drawn, message } = await outcome(page);
    expect(drawn).toBe(false);
    expect(message).toBe(
      `This chart could not be drawn: the chart runtime did not load from gone/${runtime.fileName}: the file is missing, or it is not the one this page was made for (${runtime.fileName}).`,
    );
    expect(await page.locator('#claimgraph-title').isVisible()).toBe(true);
    expect((await page.locator('#claimgraph-title').boundingBox())!.width).toBeGreaterThan(100);
    expect(errors.join('\n')).toMatch(/404/);
    await page.close();
  });

  it('refuses a runtime whose bytes do not match the integrity hash, and says so', async () => {
    const { page, errors } = await open(`${site.base}tampered/stance.html`);
    const { drawn, message } = await outcome(page);
    expect(drawn).toBe(false);
    expect(message).toContain('it is not the one this page was made for');
    expect(await page.evaluate(() => typeof (window as { vegaEmbed?: unknown }).vegaEmbed)).toBe('undefined');
    expect(errors.join('\n')).toMatch(/integrity/i);
    await page.close();
  });

  it('draws a page opened from disk, where a browser cannot check a hash', async () => {
    const { page } = await open(pathToFileURL(join(root, 'charts', 'stance.html')).href);
    expect(await outcome(page)).toEqual({ drawn: true, message: null });
    await page.close();
  });
});
