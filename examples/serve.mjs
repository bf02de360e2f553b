// Serves the browser example from 127.0.0.1: the page (examples/browser/, bundled first) and the
// dataset release it loads (datasets/afghanistan-2021/dist/), and the dataset explorer site at
// /site/ (examples/out/site/, built by `npm start` or here when missing). Nothing else of the repository.
// Run: node examples/serve.mjs [port]   then open the URL it prints.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { buildBrowserExample } from './browser/build.mjs';

const root = (/** @type {string} */ path) => fileURLToPath(new URL(path, import.meta.url));
/** @type {[string, import('sirv').RequestHandler][]} */
const MOUNTS = [
  ['/examples/browser/', sirv(root('./browser/'), { dev: true })],
  ['/datasets/afghanistan-2021/dist/', sirv(root('../datasets/afghanistan-2021/dist/'), { dev: true })],
  ['/site/', sirv(root('./out/site/'), { dev: true })],
];

/** The dataset explorer site of the bundled release, as `npm start` writes it. */
export function buildSiteExample() {
  const cli = root('../packages/cli/bin/claimgraph.js');
  const args = [cli, 'site', '--dataset', root('../datasets/afghanistan-2021/dist/'), '--out', root('./out/site/')];
  const { status, stderr } = spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (status !== 0) throw new Error(`examples/serve.mjs: claimgraph site failed (exit ${status}): ${stderr}`);
}

/** Starts the server (port 0 picks a free one); resolves to its page URL and a close function. */
export async function startServer({ port = 0, build = true } = {}) {
  if (build) await buildBrowserExample();
  if (build && !existsSync(root('./out/site/index.html'))) buildSiteExample();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (path === '/site') {
      res.writeHead(302, { location: '/site/' }).end();
      return;
    }
    if (path === '/' || path === '/examples/browser') {
      res.writeHead(302, { location: '/examples/browser/' }).end();
      return;
    }
    const mount = MOUNTS.find(([prefix]) => path.startsWith(prefix));
    const notFound = () => {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}\n`);
    };
    if (!mount) return notFound();
    const [prefix, serve] = mount;
    req.url = `/${(req.url ?? '/').slice(prefix.length)}`;
    serve(req, res, notFound);
  });
  await new Promise((resolve, reject) =>
    server.once('error', reject).listen(port, '127.0.0.1', () => resolve(undefined)),
  );
  const { port: actual } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${actual}/examples/browser/`,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { url } = await startServer({ port: Number(process.argv[2] ?? 8080) });
  console.log(`serving the browser example at ${url}`);
  console.log(`and the dataset explorer site at ${new URL('/site/', url).href} (Ctrl-C to stop)`);
}
