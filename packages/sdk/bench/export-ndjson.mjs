// NDJSON export in bounded memory: peak RSS and heap while exporting a synthetic dataset (1M
// statements by default), streamed to disk, against building the whole text first — each in a
// fresh process, in the same run. Not a test: run `node bench/export-ndjson.mjs` after a build.
// Options: --statements 1000000   (entities = statements / 10, relations = 3 × entities)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const statements = Number(arg('--statements', '1000000'));
const mode = arg('--mode', undefined);
const SEED = 20210815;
/** Heap allowed beyond the dataset itself in the capped run. */
const HEADROOM_MIB = 48;
const mib = (bytes) => (bytes / 2 ** 20).toFixed(0);

if (mode === undefined) {
  // Parent: one child per mode, so each peak belongs to that mode alone.
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-export-bench-'));
  const spawn = (m, heapMiB) =>
    spawnSync(
      process.execPath,
      [
        '--expose-gc',
        `--max-old-space-size=${heapMiB}`,
        fileURLToPath(import.meta.url),
        '--mode',
        m,
        '--statements',
        String(statements),
        '--out',
        join(dir, `${m}.ndjson`),
      ],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 24,
      },
    );
  const run = (m, heapMiB = 16384) => {
    const result = spawn(m, heapMiB);
    if (result.status !== 0) throw new Error(`${m} failed:\n${result.stderr}`);
    return JSON.parse(result.stdout.trim().split('\n').pop());
  };
  try {
    const stream = run('stream');
    const whole = run('string');
    console.log(
      `claimgraph NDJSON export — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${mib(totalmem())} MiB RAM`,
    );
    console.log(
      `dataset: ${stream.records.entities} entities, ${stream.records.relations} relations, ${stream.records.statements} statements, ${stream.records.sources} sources; file ${mib(stream.bytes)} MiB\n`,
    );
    console.log(
      '| mode | time | throughput | dataset heap (before) | peak heap during export | heap added by the export | peak RSS during export |',
    );
    console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const r of [stream, whole]) {
      console.log(
        `| ${r.mode === 'stream' ? 'exportDataset(data, "ndjson", { out }) (streamed)' : 'whole text, then writeFile (baseline)'} | ${(r.ms / 1000).toFixed(2)} s | ${Math.round(r.recordsPerSecond / 1000)}k records/s, ${r.mibPerSecond.toFixed(0)} MiB/s | ${mib(r.heapBefore)} MiB | ${mib(r.peakHeap)} MiB | ${mib(r.peakHeap - r.heapBefore)} MiB | ${mib(r.peakRss)} MiB |`,
      );
    }
    console.log(
      `\nheap added by the export, streamed / whole text: ${((stream.peakHeap - stream.heapBefore) / (whole.peakHeap - whole.heapBefore)).toFixed(3)}×`,
    );
    // Peak heap counts garbage not yet collected; a cap on the heap shows what the export really keeps.
    const cap = Math.ceil(stream.heapBefore / 2 ** 20) + HEADROOM_MIB;
    const capped = spawn('stream', cap);
    const cappedWhole = spawn('string', cap);
    const outcome = (r) =>
      r.status === 0
        ? `completes (${(JSON.parse(r.stdout.trim().split('\n').pop()).ms / 1000).toFixed(1)} s)`
        : 'runs out of memory';
    console.log(
      `with the heap capped at the dataset + ${HEADROOM_MIB} MiB (--max-old-space-size=${cap}): streamed export ${outcome(capped)}; whole text ${outcome(cappedWhole)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
} else {
  // Child: generate, settle, then export while sampling memory.
  const { syntheticDataset } = await import('../dist/synthetic.js');
  const { exportDataset } = await import('../dist/export/index.js');
  const out = arg('--out');
  const data = syntheticDataset({
    entities: statements / 10,
    relations: (statements / 10) * 3,
    statements,
    seed: SEED,
  });
  gc();
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  let peakHeap = heapBefore;
  let peakRss = process.memoryUsage().rss;
  const sample = () => {
    const m = process.memoryUsage();
    peakHeap = Math.max(peakHeap, m.heapUsed);
    peakRss = Math.max(peakRss, m.rss);
  };
  const timer = setInterval(sample, 10);
  const start = performance.now();
  let records;
  if (mode === 'stream') {
    records = (await exportDataset(data, 'ndjson', { out })).records;
  } else {
    // What a naive exporter does: every line in memory, then one string, then one write.
    const result = await exportDataset(data, 'ndjson');
    sample();
    writeFileSync(out, result.files[0].content);
    records = result.records;
  }
  sample();
  const ms = performance.now() - start;
  clearInterval(timer);
  const bytes = statSync(out).size;
  const count = records.entities + records.relations + records.statements + records.sources;
  console.log(
    JSON.stringify({
      mode,
      ms,
      bytes,
      records,
      heapBefore,
      peakHeap,
      peakRss,
      recordsPerSecond: count / (ms / 1000),
      mibPerSecond: bytes / 2 ** 20 / (ms / 1000),
    }),
  );
}
