// Loads a release in headless Chromium, served from localhost: fetch + JSON.parse of dataset.json
// (the baseline), ClaimGraph.load of the folder (the columnar file) and with { columns: false }.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CHROMIUM_PATH, launchChromium } from '../../../test-support/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const CHROMIUM = CHROMIUM_PATH;

export async function browserLoad(releaseDir, runs = 3) {
  const bundle = await build({
    entryPoints: [join(here, '../dist/index.js')],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  const page = `<!doctype html><meta charset="utf-8"><script type="module">import * as sdk from './sdk.js'; window.sdk = sdk;</script>`;
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://localhost').pathname;
    const headers = { 'cache-control': 'no-store' };
    if (path === '/' || path === '/index.html')
      return response.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(page);
    if (path === '/sdk.js')
      return response.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(bundle.outputFiles[0].text);
    if (path.startsWith('/release/')) {
      try {
        const body = await readFile(join(releaseDir, normalize(path.slice('/release/'.length))));
        const type = path.endsWith('.json') ? 'application/json' : 'application/octet-stream';
        return response.writeHead(200, { ...headers, 'content-type': type }).end(body);
      } catch {
        /* fall through to 404 */
      }
    }
    response.writeHead(404).end();
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://localhost:${server.address().port}`;
  const browser = await launchChromium();
  const times = { baseline: [], columns: [], rows: [] };
  try {
    for (let i = 0; i < runs; i++) {
      for (const mode of ['baseline', 'columns', 'rows']) {
        const tab = await browser.newPage();
        await tab.goto(`${origin}/index.html`);
        await tab.waitForFunction(() => window.sdk !== undefined);
        const ms = await tab.evaluate(async (mode) => {
          const url = `${location.origin}/release/`;
          const t = performance.now();
          if (mode === 'baseline') {
            const response = await fetch(`${url}dataset.json`);
            const data = JSON.parse(await response.text());
            if (!Array.isArray(data.statements)) throw new Error('no statements');
          } else {
            const cg = await window.sdk.ClaimGraph.load(url, mode === 'rows' ? { columns: false } : undefined);
            const elapsed = performance.now() - t;
            if (cg.contested().length === 0) throw new Error('nothing loaded');
            return elapsed;
          }
          return performance.now() - t;
        }, mode);
        times[mode].push(ms);
        await tab.close();
      }
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
  const best = (xs) => Math.min(...xs);
  return { runs, baselineMs: best(times.baseline), columnsMs: best(times.columns), rowsMs: best(times.rows) };
}
