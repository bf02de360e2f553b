// Site build benchmark: the bundled release, then seeded synthetic datasets (10,000 and 100,000
// statements by default: one entity per ten statements), each built and written to a temporary
// folder in a process of its own, so that its peak memory is its own. For each: wall-clock and CPU
// time (a busy machine shows wall time well above CPU time), peak RSS, files, bytes (and the disk
// they take in 4 kB blocks), and what Chromium fetches, cache empty, to open a statement's page and
// to run a first search. Not a test: figures, no limits.
// Run after the build: npm run bench --workspace @claimgraph/site [-- --statements 10000,100000]
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hasChromium, launchChromium } from '../../../test-support/chromium.mjs';

const BUNDLED = fileURLToPath(new URL('../../../datasets/afghanistan-2021/dist/', import.meta.url));
const option = (name) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};

async function listFiles(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) out.push(join(entry.parentPath ?? entry.path, entry.name));
  return out;
}

/** Bytes Chromium receives opening each URL with an empty cache: the page and all it loads. */
async function fetchedBytes(root, paths) {
  if (!hasChromium()) return paths.map(() => undefined);
  const { default: sirv } = await import('sirv');
  const serve = sirv(root, { dev: true });
  const server = createServer((req, res) => serve(req, res, () => void res.writeHead(404).end()));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launchChromium();
  const out = [];
  try {
    for (const path of paths) {
      const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
      const page = await context.newPage();
      let bytes = 0;
      let requests = 0;
      page.on('requestfinished', async (request) => {
        const response = await request.response();
        const body = await response?.body().catch(() => undefined);
        bytes += body?.length ?? 0;
        requests++;
      });
      await page.goto(base + path);
      await page.waitForFunction(
        () => document.body?.dataset.ready !== undefined || !document.querySelector('script[src]'),
        undefined,
        { timeout: 0 },
      );
      await page.waitForLoadState('networkidle');
      out.push({ bytes, requests });
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}

/** One size, in this process: prints one line of JSON for the parent. */
async function child(statements) {
  const { syntheticDataset } = await import('@claimgraph/sdk/synthetic');
  const { buildSite, loadSiteInput, recordPath, writeSite } = await import('@claimgraph/site');
  const root = await mkdtemp(join(tmpdir(), 'claimgraph-site-bench-'));
  try {
    const cpu = process.cpuUsage();
    const start = performance.now();
    let input;
    if (statements === 0) {
      const loaded = await loadSiteInput(BUNDLED);
      if (!loaded.ok) throw new Error('the bundled release is invalid');
      input = loaded.input;
    } else {
      const dataset = syntheticDataset({ entities: Math.max(10, Math.round(statements / 10)), statements, seed: 1 });
      input = { dataset, meta: { name: 'synthetic', title: 'Synthetic', version: '0.0.0' } };
    }
    const loadMs = performance.now() - start;
    let t = performance.now();
    let files = buildSite(input);
    const buildMs = performance.now() - t;
    t = performance.now();
    const site = join(root, 'site');
    await writeSite(site, files);
    const writeMs = performance.now() - t;
    const wallMs = performance.now() - start;
    const { user, system } = process.cpuUsage(cpu);
    files = undefined;
    const maxRssMb = process.resourceUsage().maxRSS / 1024;
    let bytes = 0;
    let blocks = 0;
    const written = await listFiles(site);
    for (const file of written) {
      const { size } = await stat(file);
      bytes += size;
      blocks += Math.ceil(size / 4096);
    }
    // A first search for a word of a name, as someone types it: its first four letters.
    const { dataset } = input;
    const word = dataset.entities[Math.floor(dataset.entities.length / 2)].name.split(' ')[0].slice(0, 4);
    const statement = dataset.statements[Math.floor(dataset.statements.length / 2)].id;
    const [search, page] = await fetchedBytes(site, [
      `search.html?q=${encodeURIComponent(word)}`,
      recordPath(statement).replace(/%/g, '%25'),
    ]);
    const counts = [dataset.statements.length, dataset.relations.length, dataset.entities.length];
    const result = { counts, loadMs, buildMs, writeMs, wallMs, cpuMs: (user + system) / 1000, maxRssMb };
    Object.assign(result, { files: written.length, bytes, disk: blocks * 4096, word, search, page });
    console.log(JSON.stringify(result));
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes) => `${(bytes / 1048576).toFixed(1)} MB`;
const kb = (fetched) =>
  fetched ? `${(fetched.bytes / 1024).toFixed(1)} kB in ${fetched.requests} requests` : 'no Chromium';

if (option('child') !== undefined) {
  await child(Number(option('child')));
} else {
  const sizes = (option('statements') ?? '10000,100000').split(',').map(Number);
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  for (const size of [0, ...sizes]) {
    const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(size)], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const r = JSON.parse(out.trim().split('\n').pop());
    const [st, rel, ent] = r.counts;
    const label = size === 0 ? 'bundled afghanistan-2021' : `synthetic ${size}`;
    console.log(
      `${label.padEnd(25)} ${String(st).padStart(6)} st ${String(rel).padStart(5)} rel ${String(ent).padStart(5)} ent | ` +
        `wall ${s(r.wallMs)} (load ${s(r.loadMs)}, build ${s(r.buildMs)}, write ${s(r.writeMs)}; CPU ${s(r.cpuMs)}), ` +
        `peak RSS ${r.maxRssMb.toFixed(0)} MB | ${r.files} files, ${mb(r.bytes)} (${mb(r.disk)} on disk) | ` +
        `first search "${r.word}": ${kb(r.search)}; a statement page: ${kb(r.page)}`,
    );
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}
