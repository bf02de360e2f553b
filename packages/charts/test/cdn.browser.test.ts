// Chart pages that link vega, vega-lite and vega-embed from jsDelivr (`libraries: 'cdn'`), in
// Debian's Chromium with jsDelivr played by the installed files: the page draws when the CDN serves
// those bytes, and a CDN serving other bytes at the same URL is refused, with a sentence for the reader.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stanceChart } from '../src/index.js';
import { renderHtml } from '../src/render.js';
import { launchChromium, skipWithoutChromium } from '../../../test-support/chromium.mjs';
import { PART_OF, mini } from './fixture.js';

const PAGE = 'https://pages.test/chart.html';
const require = createRequire(import.meta.url);

/** The installed file a jsDelivr URL of the page names (`…/npm/vega@6.4.0/build/vega.min.js`). */
function installed(url: string): Buffer {
  const [, name, version, file] = /\/npm\/([a-z-]+)@([^/]+)\/build\/([a-z.-]+)$/.exec(url)!;
  const folder = dirname(require.resolve(name!));
  expect(JSON.parse(readFileSync(join(folder, '..', 'package.json'), 'utf8')).version).toBe(version);
  return readFileSync(join(folder, file!));
}

describe.skipIf(skipWithoutChromium('the cdn browser tests'))(
  'chart pages loading vega from jsDelivr, in Chromium',
  () => {
    let browser: Browser;
    const html = renderHtml(stanceChart(mini(), { relation: PART_OF, width: 640 }), { libraries: 'cdn' });

    beforeAll(async () => {
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
    });

    /** Opens the page with jsDelivr answering from `cdn`; waits for its chart or its message. */
    async function open(cdn: (url: string) => Buffer): Promise<{ page: Page; errors: string[] }> {
      const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.route('**/*', (route) => {
        const url = route.request().url();
        if (url === PAGE) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: html });
        if (url.startsWith('https://cdn.jsdelivr.net/npm/'))
          // jsDelivr allows any origin, which the integrity check needs.
          return route.fulfill({
            contentType: 'text/javascript',
            headers: { 'access-control-allow-origin': '*' },
            body: cdn(url),
          });
        errors.push(`unexpected request: ${url}`);
        return route.abort();
      });
      await page.goto(PAGE);
      await page.waitForSelector('#chart svg.marks, #chart [role="alert"]', { timeout: 0 });
      return { page, errors };
    }

    it('draws the chart when jsDelivr serves the installed files', async () => {
      const { page, errors } = await open(installed);
      expect(await page.locator('#chart svg.marks').textContent()).toContain('Washington Examiner');
      expect(errors).toEqual([]);
      await page.close();
    });

    it('refuses a library whose bytes are not those of the installed file, and says so', async () => {
      // One byte more in vega-lite: what a compromised or corrupted CDN would serve.
      const { page, errors } = await open((url) =>
        url.includes('/vega-lite@') ? Buffer.concat([installed(url), Buffer.from('\n')]) : installed(url),
      );
      expect(await page.locator('#chart svg.marks').count()).toBe(0);
      expect(await page.locator('#chart [role="alert"]').textContent()).toBe(
        'This chart could not be drawn: vega, vega-lite and vega-embed did not load from cdn.jsdelivr.net, or were not the files this page was made for.',
      );
      expect(errors.join('\n')).toMatch(/integrity/i);
      await page.close();
    });
  },
);
