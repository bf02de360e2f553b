// Site build benchmark: the bundled release and a seeded synthetic dataset of 10,000 statements
// (1,000 entities, ~3,000 relations), each built in memory and written to a temporary folder.
// Prints the wall-clock time of each step, the CPU time (a busy machine shows wall time well above
// it), the number of files and the size. Not a test: figures, no limits.
// Run after the build: npm run bench --workspace @claimgraph/site [-- --statements 10000]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticDataset } from '@claimgraph/sdk/synthetic';
import { buildSite, loadSiteInput, writeSite } from '@claimgraph/site';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const statements = arg('statements', 10_000);
const BUNDLED = fileURLToPath(new URL('../../../datasets/afghanistan-2021/dist/', import.meta.url));

async function measure(label, load) {
  const root = await mkdtemp(join(tmpdir(), 'claimgraph-site-bench-'));
  try {
    const cpu = process.cpuUsage();
    let t = performance.now();
    const input = await load();
    const loadMs = performance.now() - t;
    t = performance.now();
    const files = buildSite(input);
    const buildMs = performance.now() - t;
    t = performance.now();
    const { bytes } = await writeSite(join(root, 'site'), files);
    const writeMs = performance.now() - t;
    const { user, system } = process.cpuUsage(cpu);
    const pages = [...files.keys()].filter((p) => p.endsWith('.html')).length;
    const { entities, relations } = input.dataset;
    console.log(
      `${label.padEnd(34)} ${String(input.dataset.statements.length).padStart(6)} st ${String(relations.length).padStart(5)} rel ${String(entities.length).padStart(5)} ent | ` +
        `load ${(loadMs / 1000).toFixed(1)} s, build ${(buildMs / 1000).toFixed(1)} s, write ${(writeMs / 1000).toFixed(1)} s, ` +
        `total ${((loadMs + buildMs + writeMs) / 1000).toFixed(1)} s (CPU ${((user + system) / 1e6).toFixed(1)} s) | ${files.size} files (${pages} pages), ${(bytes / 1048576).toFixed(1)} MB`,
    );
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

await measure('bundled afghanistan-2021', async () => {
  const loaded = await loadSiteInput(BUNDLED);
  if (!loaded.ok) throw new Error('the bundled release is invalid');
  return loaded.input;
});
await measure(`synthetic, ${statements} statements`, async () => ({
  dataset: syntheticDataset({ entities: Math.max(10, Math.round(statements / 10)), statements, seed: 1 }),
  meta: { name: 'synthetic', title: 'Synthetic', version: '0.0.0' },
}));
