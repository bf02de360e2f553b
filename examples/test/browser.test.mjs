// Drives Debian's Chromium through playwright-core: the example page loads the dataset release from
// a local server, draws its four charts with the bundled @claimgraph/sdk and @claimgraph/charts,
// and nothing fails on the way; a renderHtml page draws from file:// with no network at all.
// No network beyond 127.0.0.1.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { stanceChart } from '@claimgraph/charts';
import { renderHtml } from '@claimgraph/charts/render';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipWithoutChromium } from '../../test-support/chromium.mjs';
import { loadDataset } from '../lib/io.mjs';
import { startServer } from '../serve.mjs';

const OUT = fileURLToPath(new URL('../out/', import.meta.url));

// Skipped on a machine without Chromium, never in CI (.ci/run installs it).
describe.skipIf(skipWithoutChromium('the browser example tests'))('the browser example', () => {
  /** @type {Awaited<ReturnType<typeof startServer>>} */
  let server;
  /** @type {import('playwright-core').Browser} */
  let browser;
  /** @type {string[]} */
  const problems = [];
  /** @type {import('playwright-core').Page} */
  let page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) =>
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
    );
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    // Anything not served by the local server is refused, so a CDN link would show up as a failure.
    await page.route(
      (url) => url.hostname !== '127.0.0.1',
      (route) => route.abort(),
    );
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready]', { timeout: 0 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('draws every chart as SVG, with its marks and labels', async () => {
    expect(await page.getAttribute('body', 'data-ready')).toBe('true');
    for (const id of ['stance', 'timeline', 'network', 'centrality']) {
      const marks = await page
        .locator(
          `#${id} svg.marks .mark-symbol path, #${id} svg.marks .mark-rect path, #${id} svg.marks .mark-rule line`,
        )
        .count();
      expect(marks, `#${id} has marks`).toBeGreaterThan(3);
    }
    const stanceText = await page.locator('#stance svg.marks').textContent();
    expect(stanceText).toContain('Ned Price');
    expect(stanceText).toContain('Who says what');
    expect(await page.locator('#network svg.marks .mark-text text').count()).toBeGreaterThan(10);
  });

  it('logs no error and fails no request', () => {
    expect(problems).toEqual([]);
  });

  it('never fetches the SDK’s Node-only file loader', async () => {
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(scripts.some((url) => url.includes('/dist/app.js'))).toBe(true);
    expect(scripts.filter((url) => /load-file|node-/.test(url))).toEqual([]);
  });

  it('draws a renderHtml page offline, from its inlined libraries, with the export menu', async () => {
    const cg = await loadDataset();
    const file = join(await mkdtemp(join(tmpdir(), 'claimgraph-html-')), 'stance.html');
    await writeFile(file, renderHtml(stanceChart(cg, { dataset: 'afghanistan-2021' })));
    const offline = await browser.newPage();
    /** @type {string[]} */
    const errors = [];
    offline.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    offline.on('pageerror', (error) => errors.push(error.message));
    offline.on('request', (request) => !request.url().startsWith('file:') && errors.push(`request: ${request.url()}`));
    await offline.route(
      (url) => url.protocol !== 'file:',
      (route) => route.abort(),
    );
    await offline.goto(pathToFileURL(file).href);
    await offline.waitForSelector('#chart svg.marks .mark-symbol path');
    expect(await offline.locator('#chart svg.marks').textContent()).toContain('Who says what');
    expect(await offline.locator('#chart details').count()).toBe(1); // vega-embed's export menu
    expect(errors).toEqual([]);
    await offline.close();
  });

  it('serves the dataset explorer site at /site/, beside the example', async () => {
    const site = await browser.newPage();
    await site.goto(new URL('/site/', server.url).href);
    // Site pages without charts or search carry no script, so they are ready once loaded.
    await site.waitForFunction(
      () => document.body?.dataset.ready !== undefined || !document.querySelector('script[src]'),
      undefined,
      { timeout: 0 },
    );
    expect(await site.locator('h1').textContent()).toBe('Afghanistan 2021');
    expect(await site.locator('.relation-list .status-contested').count()).toBeGreaterThan(0);
    await site.close();
  });

  it('saves a screenshot for a person to look at', async () => {
    await mkdir(OUT, { recursive: true });
    const file = `${OUT}browser.png`;
    await page.screenshot({ path: file, fullPage: true });
    expect(existsSync(file)).toBe(true);
  });
});
