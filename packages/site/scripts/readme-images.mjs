// Screenshots for the READMEs: the bundled dataset's site in Chromium, home and a relation page at
// a laptop's width and a relation page at a phone's. Run after the build:
// npm run docs:images --workspace @claimgraph/site   (writes packages/site/docs/*.png)
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { buildSite, loadSiteInput, writeSite } from '@claimgraph/site';
import { launchChromium } from '../../../test-support/chromium.mjs';

const DOCS = fileURLToPath(new URL('../docs/', import.meta.url));
const RELEASE = fileURLToPath(new URL('../../../datasets/afghanistan-2021/dist/', import.meta.url));
const SHOTS = [
  { file: 'home.png', path: 'index.html', width: 1024, height: 860 },
  { file: 'relation.png', path: 'rel/haqqani-network-part-of-taliban.html', width: 1024, height: 1180 },
  { file: 'relation-phone.png', path: 'rel/haqqani-network-part-of-taliban.html', width: 375, height: 760 },
];

const loaded = await loadSiteInput(RELEASE);
if (!loaded.ok) throw new Error('the bundled release is invalid');
const dir = join(await mkdtemp(join(tmpdir(), 'claimgraph-site-docs-')), 'site');
await writeSite(dir, buildSite(loaded.input));
const serve = sirv(dir, { dev: true });
const server = createServer((req, res) => serve(req, res, () => void res.writeHead(404).end()));
await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
const base = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}/`;
const browser = await launchChromium();
for (const { file, path, width, height } of SHOTS) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(base + path);
  await page.waitForSelector('body[data-ready]');
  await page.screenshot({ path: join(DOCS, file) });
  console.log(`wrote docs/${file}`);
  await page.close();
}
await browser.close();
server.close();
