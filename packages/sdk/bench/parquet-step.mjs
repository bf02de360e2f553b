// The Parquet step of `claimgraph build` alone (`checkedReleaseParquetFiles(dataset)` of
// `@claimgraph/sdk/internal`, as the release build calls it: `releaseFiles(dataset, { parquet: true })`
// without checking again what the build has checked), in a fresh process: CPU, wall time and the
// peak RSS it adds over the parsed dataset, and a sha256 over every Parquet file (same data, same
// bytes). A build's profile spreads this step over other work; here it is timed alone, to compare
// writers or settings.
// Usage: node --expose-gc bench/parquet-step.mjs RELEASE/dataset.json [--out DIR] [--runs N]
// (--out writes the files, to read them with DuckDB or hyparquet; later runs show the step once
// the JIT is warm, the first is what a build pays). Prints one JSON line.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { checkedReleaseParquetFiles } from '../dist/internal.js';

const args = process.argv.slice(2);
const file = args[0];
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const out = arg('--out', '');
const runs = Number(arg('--runs', '1'));
if (typeof gc !== 'function') throw new Error('run with --expose-gc');

const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const maxRss = () => process.resourceUsage().maxRSS * 1024;

const dataset = JSON.parse(readFileSync(file, 'utf8'));
gc();
gc();
const rssBefore = process.memoryUsage().rss;
const peakBefore = maxRss();
const results = [];
let files;
for (let i = 0; i < runs; i++) {
  files = null;
  gc();
  const c = cpu();
  const t = performance.now();
  files = await checkedReleaseParquetFiles(dataset);
  results.push({ ms: performance.now() - t, cpuMs: cpu() - c });
}
const hash = createHash('sha256');
let bytes = 0;
for (const f of files) {
  hash.update(f.path).update(f.content);
  bytes += f.content.byteLength;
  if (out) {
    mkdirSync(dirname(join(out, f.path)), { recursive: true });
    writeFileSync(join(out, f.path), f.content);
  }
}
console.log(
  JSON.stringify({
    files: files.length,
    bytes,
    sha256: hash.digest('hex').slice(0, 16),
    runs: results.map((r) => ({ ms: Math.round(r.ms), cpuMs: Math.round(r.cpuMs) })),
    rssBeforeMiB: Math.round(rssBefore / 2 ** 20),
    peakBeforeMiB: Math.round(peakBefore / 2 ** 20),
    peakAfterMiB: Math.round(maxRss() / 2 ** 20),
    load: loadavg()[0].toFixed(1),
  }),
);
