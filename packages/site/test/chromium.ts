// What the site's browser tests share: Debian's Chromium through playwright-core, a folder served
// from 127.0.0.1, and the wait until a page's script has run and its charts are drawn.
import { createServer } from 'node:http';
import type { Page } from 'playwright-core';
import sirv from 'sirv';
import { expect } from 'vitest';
import { launchChromium, skipWithoutChromium } from '../../../test-support/chromium.mjs';

export { launchChromium };

/** Skipped on a machine without Chromium, never in CI (.ci/run installs it). */
export const noChromium = skipWithoutChromium("the site's browser tests");

/** Serves a folder at http://127.0.0.1:<port>/ until `close()`. */
export async function serveFolder(root: string): Promise<{ base: string; close: () => Promise<void> }> {
  const serve = sirv(root, { dev: true });
  const server = createServer((req, res) => serve(req, res, () => void res.writeHead(404).end('not found')));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as { port: number }).port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Everything that went wrong on a page: console errors, page errors, failed or off-site requests. */
export function watch(page: Page, allowed: (url: URL) => boolean): string[] {
  const problems: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on('response', (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${r.url()}`));
  // Anything not on the local server is refused and reported: the site must need nothing else.
  void page.route(
    (url) => !allowed(url),
    (route) => {
      problems.push(`left localhost: ${route.request().url()}`);
      return route.abort();
    },
  );
  return problems;
}

/** Waits until the page's script has run (a page without one is ready when loaded) and every chart on it is drawn. */
export async function ready(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.body?.dataset.ready !== undefined || !document.querySelector('script[src]'),
    undefined,
    { timeout: 0 },
  );
  expect(await page.locator('figure.chart:not([data-drawn="true"])').count(), `${page.url()}: charts drawn`).toBe(0);
}
