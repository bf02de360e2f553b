// When to move from the in-memory SDK to DuckDB over Parquet: for synthetic releases of growing
// size, the SDK's load time, heap and query time against DuckDB's query time and memory over the
// release's Parquet files — each side in a fresh process, in the same run. Not a test.
// Run `node bench/export-scale.mjs` after a build (needs @duckdb/node-api, a devDependency of the CLI).
// Options: --sizes 10000,100000,1000000 (statements; entities = statements / 10, relations = 3 × entities)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const SEED = 20210815;
const mib = (bytes) => (bytes / 2 ** 20).toFixed(0);
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 1 ? x.toFixed(1) : x.toFixed(2));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const REPEATS = 5;

/** The analyst's questions, asked of both: contested relations, the most quoted speakers, statements per year. */
const SQL = {
  contested: `SELECT relation FROM statements GROUP BY relation
    HAVING count(*) FILTER (WHERE stance = 'supports') > 0 AND count(*) FILTER (WHERE stance = 'disputes') > 0`,
  topSpeakers: `SELECT s.speaker, e.name, count(*) AS n FROM statements s JOIN entities e ON e.id = s.speaker
    GROUP BY s.speaker, e.name ORDER BY n DESC, s.speaker LIMIT 10`,
  // The year partition (folders year=YYYY), which is the year of date_start for every precision.
  perYear: `SELECT year, count(*) AS n FROM statements GROUP BY year ORDER BY year`,
};

async function time(fn) {
  const t = performance.now();
  const value = await fn();
  return [performance.now() - t, value];
}

const mode = arg('--mode', undefined);
if (mode === 'sdk') {
  // Load the release's dataset.json into a ClaimGraph, then ask the same three questions in JS.
  const { ClaimGraph } = await import('../dist/index.js');
  const file = arg('--file');
  gc();
  const before = process.memoryUsage().heapUsed;
  const [loadMs, cg] = await time(() => ClaimGraph.load(file, { integrity: false }));
  gc();
  const retained = process.memoryUsage().heapUsed - before;
  const queries = { contested: [], topSpeakers: [], perYear: [] };
  for (let i = 0; i < REPEATS; i++) {
    queries.contested.push((await time(() => cg.contested()))[0]);
    queries.topSpeakers.push(
      (
        await time(() => {
          const counts = new Map();
          for (const s of cg.statements()) counts.set(s.speaker, (counts.get(s.speaker) ?? 0) + 1);
          return [...counts]
            .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
            .slice(0, 10)
            .map(([id, n]) => [id, cg.entity(id).name, n]);
        })
      )[0],
    );
    queries.perYear.push(
      (
        await time(() => {
          const counts = new Map();
          for (const s of cg.statements()) counts.set(s.date.slice(0, 4), (counts.get(s.date.slice(0, 4)) ?? 0) + 1);
          return counts;
        })
      )[0],
    );
  }
  console.log(JSON.stringify({ loadMs, retained, maxRss: process.resourceUsage().maxRSS * 1024, queries }));
} else if (mode === 'duckdb') {
  // Open DuckDB in memory, put views over the Parquet files, and ask the same questions in SQL.
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const dir = arg('--dir');
  const [openMs, connection] = await time(async () => {
    const c = await (await DuckDBInstance.create(':memory:')).connect();
    // Each table is a folder (statements split by year), read with its Hive partitions.
    for (const view of ['entities', 'relations', 'statements', 'sources'])
      await c.run(
        `CREATE VIEW ${view} AS SELECT * FROM read_parquet('${join(dir, view, '**', '*.parquet')}', hive_partitioning = true)`,
      );
    return c;
  });
  const queries = {};
  const counts = {};
  for (const [name, sql] of Object.entries(SQL)) {
    queries[name] = [];
    for (let i = 0; i < REPEATS; i++) {
      const [t, reader] = await time(() => connection.runAndReadAll(sql));
      queries[name].push(t);
      counts[name] = reader.currentRowCount;
    }
  }
  console.log(JSON.stringify({ openMs, queries, counts, maxRss: process.resourceUsage().maxRSS * 1024 }));
} else {
  const sizes = arg('--sizes', '10000,100000,1000000').split(',').map(Number);
  const { syntheticDataset } = await import('../dist/synthetic.js');
  const { releaseFiles } = await import('../dist/export/index.js');
  const { serializeDataset } = await import('@claimgraph/schema');
  const here = fileURLToPath(import.meta.url);
  const child = (m, extra) => {
    const result = spawnSync(
      process.execPath,
      ['--expose-gc', '--max-old-space-size=16384', here, '--mode', m, ...extra],
      { encoding: 'utf8', maxBuffer: 1 << 24 },
    );
    if (result.status !== 0) throw new Error(`${m} failed:\n${result.stderr}`);
    return JSON.parse(result.stdout.trim().split('\n').pop());
  };
  const rows = [];
  for (const statements of sizes) {
    const dir = join(tmpdir(), 'claimgraph-export-bench', `s${statements}-seed${SEED}`);
    const file = join(dir, 'dataset.json');
    let parquetMs = null;
    if (!existsSync(join(dir, 'parquet', 'statements'))) {
      mkdirSync(dir, { recursive: true });
      const data = syntheticDataset({
        entities: statements / 10,
        relations: (statements / 10) * 3,
        statements,
        seed: SEED,
      });
      writeFileSync(file, serializeDataset(data));
      const t = performance.now();
      for (const f of await releaseFiles(data))
        if (f.path.startsWith('parquet/')) {
          mkdirSync(dirname(join(dir, f.path)), { recursive: true });
          writeFileSync(join(dir, f.path), f.content);
        }
      parquetMs = performance.now() - t;
      console.error(`  wrote ${dir} (Parquet in ${(parquetMs / 1000).toFixed(1)} s)`);
    }
    const parquetBytes = ['entities', 'relations', 'statements', 'sources']
      .flatMap((k) =>
        readdirSync(join(dir, 'parquet', k), { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('.parquet'))
          .map((f) => join(dir, 'parquet', k, f)),
      )
      .reduce((sum, f) => sum + statSync(f).size, 0);
    const sdk = child('sdk', ['--file', file]);
    const duck = child('duckdb', ['--dir', join(dir, 'parquet')]);
    rows.push({ statements, jsonBytes: statSync(file).size, parquetBytes, parquetMs, sdk, duck });
    console.error(`  measured ${statements} statements`);
  }
  console.log(
    `claimgraph SDK vs DuckDB over Parquet — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${mib(totalmem())} MiB RAM\n`,
  );
  console.log(
    '| statements | dataset.json | Parquet (4 tables) | Parquet write | SDK load | SDK heap | SDK peak RSS | DuckDB open + views | DuckDB peak RSS |',
  );
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(
      `| ${r.statements} | ${mib(r.jsonBytes)} MiB | ${mib(r.parquetBytes)} MiB | ${r.parquetMs === null ? '(cached)' : `${ms(r.parquetMs)} ms`} | ${ms(r.sdk.loadMs)} ms | ${mib(r.sdk.retained)} MiB | ${mib(r.sdk.maxRss)} MiB | ${ms(r.duck.openMs)} ms | ${mib(r.duck.maxRss)} MiB |`,
    );
  }
  console.log(
    `\nQueries (median of ${REPEATS}; SDK in memory after load / DuckDB over Parquet, cold file cache not forced)\n`,
  );
  console.log('| statements | contested relations | top 10 speakers (join) | statements per year |');
  console.log('| ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    const cell = (name) => `${ms(median(r.sdk.queries[name]))} / ${ms(median(r.duck.queries[name]))} ms`;
    console.log(`| ${r.statements} | ${cell('contested')} | ${cell('topSpeakers')} | ${cell('perYear')} |`);
  }
  writeFileSync(join(tmpdir(), 'claimgraph-export-bench', 'results.json'), JSON.stringify(rows, null, 2));
}
