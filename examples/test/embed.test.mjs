// The responsive figure `claimgraph chart … --out x.html` writes, embedded in an article page
// (examples/embed/article.html) and shown in Chromium at a phone's and a desktop's width: no
// horizontal scrolling, every label inside the drawing, and a screenshot for a person to look at.
import { spawnSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipWithoutChromium } from '../../test-support/chromium.mjs';

const CLI = fileURLToPath(new URL('../../packages/cli/bin/claimgraph.js', import.meta.url));
// The CLI's valid test fixture: a dataset modelled on the bundled one, whatever state the bundled one is in.
const DATASET = fileURLToPath(new URL('../../packages/cli/test/fixtures/valid/', import.meta.url));
const OUT = fileURLToPath(new URL('../out/', import.meta.url));
const ARTICLE = new URL('../embed/article.html', import.meta.url).href;

describe.skipIf(skipWithoutChromium('examples/test/embed.test.mjs'))('the embedded responsive chart', () => {
  /** @type {import('playwright-core').Browser} */
  let browser;

  beforeAll(async () => {
    await mkdir(`${OUT}embed`, { recursive: true });
    const run = spawnSync(
      process.execPath,
      [CLI, 'chart', 'stance', '--dataset', DATASET, '--out', `${OUT}embed/stance.html`],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`claimgraph chart failed: ${run.stderr}`);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each([375, 1280])('fits a %i px wide window without horizontal scrolling or a cut label', async (width) => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.route(
      (url) => url.protocol !== 'file:',
      (route) => route.abort(),
    );
    await page.goto(ARTICLE);
    const frame = page.frameLocator('#chart');
    await frame.locator('body[data-width] svg.marks .mark-symbol path').first().waitFor({ timeout: 0 });
    // The page resized its iframe to the chart's height.
    await page.waitForFunction(() => (document.getElementById('chart')?.style.height ?? '') !== '');
    const frameHeight = await page.evaluate(
      () => document.getElementById('chart')?.getBoundingClientRect().height ?? 0,
    );
    const figureHeight = await page
      .frames()[1]
      .evaluate(() => document.getElementById('figure')?.getBoundingClientRect().height ?? 0);
    expect(Math.abs(frameHeight - figureHeight)).toBeLessThan(2);

    const pageScroll = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(pageScroll, 'the article scrolls sideways').toBeLessThanOrEqual(0);

    const inside = await page.frames()[1].evaluate(() => {
      const view = document.documentElement.clientWidth;
      const svg = document.querySelector('svg.marks');
      if (!svg) throw new Error('no chart was drawn (no svg.marks)');
      const box = svg.getBoundingClientRect();
      const cut = [];
      for (const text of Array.from(svg.querySelectorAll('text'))) {
        const r = text.getBoundingClientRect();
        if (r.width === 0) continue;
        if (r.left < -0.5 || r.right > view + 0.5 || r.right > box.right + 0.5 || r.bottom > box.bottom + 0.5)
          cut.push(`${text.textContent} (${Math.round(r.left)}–${Math.round(r.right)} of ${view})`);
      }
      return {
        layout: Number(document.body.getAttribute('data-width')),
        view,
        scroll: document.documentElement.scrollWidth - view,
        svgWidth: box.width,
        cut,
      };
    });
    expect(inside.scroll, 'the chart scrolls sideways').toBeLessThanOrEqual(0);
    expect(inside.svgWidth).toBeLessThanOrEqual(inside.view);
    expect(inside.cut, 'labels outside the drawing').toEqual([]);
    // The widest layout that fits was chosen: laid out for this width, not scaled.
    expect(inside.layout).toBeLessThanOrEqual(inside.view);
    expect(inside.view - inside.layout).toBeLessThan(130);
    expect(errors).toEqual([]);
    await page.screenshot({ path: `${OUT}embed-${width}.png`, fullPage: true });
    await page.close();
  });
});
