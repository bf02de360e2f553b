// The SDK benchmark: for synthetic releases of growing size, load time, memory and query latency of
// @claimgraph/sdk from the row file (dataset.json) and the columnar file (dataset.columns.bin), each
// against a baseline measured in the same run (read + JSON.parse of dataset.json). `npm run bench`
// (the root script builds first). Options:
//   --sizes 10000,100000,1000000   statements of the loads, queries and graph; entities = statements / 10,
//                                  relations = 3 × entities ('' skips)
//   --build full,no-parquet        time and peak RSS of `claimgraph build`, against read + JSON.parse of
//                                  the dataset.json it wrote ('' skips)
//   --build-sizes 100000,300000,1000000   statements of the builds ('' skips)
//   --browser 100000               load the columnar release in Chromium at this size ('' skips)
//   --merge 100000                 ClaimGraph.load of two releases of this size at once vs one by one ('' skips)
// Generated releases are cached in the OS temp folder.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COLUMNS_FILE, encodeColumns, serializeDataset } from '@claimgraph/schema';
import { syntheticDataset, syntheticPair } from '../dist/synthetic.js';
import { browserLoad, CHROMIUM } from './browser.mjs';
import { graphFloor } from './graph-floor.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const arg = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const sizes = arg('--sizes', '10000,100000,1000000').split(',').filter(Boolean).map(Number);
const builds = arg('--build', 'full,no-parquet').split(',').filter(Boolean);
const buildSizes = arg('--build-sizes', '100000,300000,1000000').split(',').filter(Boolean).map(Number);
const browserSize = Number(arg('--browser', '100000')) || 0;
const mergeSize = Number(arg('--merge', '100000')) || 0;
const SEED = 20210815;
const cache = join(tmpdir(), 'claimgraph-bench');
mkdirSync(cache, { recursive: true });

const dataset = (statements) => {
  const entities = Math.max(10, Math.round(statements / 10));
  return syntheticDataset({ entities, relations: entities * 3, statements, seed: SEED });
};

/** Writes (once, then reuses) a release folder: dataset.json, dataset.columns.bin and a datapackage.json with their sha256. */
function release(statements) {
  return writeRelease(join(cache, `s${statements}-seed${SEED}-gen2`), 'synthetic', () => dataset(statements));
}

/** Two releases that share a tenth of the first one's entities (syntheticPair), for the merge. */
function pairReleases(statements) {
  const dirs = ['a', 'b'].map((x) => join(cache, `pair-${x}-s${statements}-seed${SEED}-gen1`));
  if (dirs.every((dir) => existsSync(join(dir, 'datapackage.json')))) return dirs;
  const entities = Math.max(10, Math.round(statements / 10));
  const pair = syntheticPair({ entities, relations: entities * 3, statements, seed: SEED });
  return dirs.map((dir, i) => writeRelease(dir, `synthetic-${'ab'[i]}`, () => pair[i]));
}

function writeRelease(dir, name, make) {
  const file = join(dir, 'dataset.json');
  if (existsSync(join(dir, 'datapackage.json'))) return dir;
  const t = performance.now();
  const data = make();
  const text = serializeDataset(data);
  const columns = encodeColumns(data);
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, text);
  writeFileSync(join(dir, COLUMNS_FILE), columns);
  const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
  writeFileSync(
    join(dir, 'datapackage.json'),
    JSON.stringify({
      name,
      version: '0.0.0',
      resources: [
        { path: 'dataset.json', sha256: sha256(text) },
        { path: COLUMNS_FILE, sha256: sha256(columns) },
      ],
    }),
  );
  console.error(`  generated ${dir} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return dir;
}

/** A dataset source folder (data/*.json and package.json) of the synthetic dataset, written once and reused. */
function sourceFolder(statements) {
  const source = join(cache, `source-s${statements}-seed${SEED}-gen2`);
  if (existsSync(join(source, 'package.json'))) return source;
  const t = performance.now();
  const data = dataset(statements);
  mkdirSync(join(source, 'data'), { recursive: true });
  for (const kind of ['entities', 'relations', 'statements', 'sources'])
    writeFileSync(join(source, 'data', `${kind}.json`), `${JSON.stringify(data[kind], null, 2)}\n`);
  // package.json last: its presence says the folder is complete.
  writeFileSync(
    join(source, 'package.json'),
    JSON.stringify({
      name: '@claimgraph/dataset-synthetic',
      version: '0.0.0',
      description: 'Synthetic benchmark dataset.',
      license: 'CC0-1.0',
    }),
  );
  console.error(`  generated ${source} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return source;
}

/** One `claimgraph build` in a fresh process: wall time, CPU (user + system) and peak RSS. */
function timedBuild(cli, source, outDir, mode) {
  rmSync(outDir, { recursive: true, force: true });
  const flags = mode === 'no-parquet' ? ['--no-parquet'] : [];
  const t = performance.now();
  const child = spawnSync(
    '/usr/bin/time',
    ['-f', '%U %S %M', process.execPath, cli, 'build', source, '--out', outDir, ...flags],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  const wall = performance.now() - t;
  if (child.status !== 0) throw new Error(`claimgraph build failed:\n${child.stderr}`);
  const [user, system, kib] = child.stderr.trim().split('\n').pop().split(' ').map(Number);
  return { ms: wall, cpuMs: (user + system) * 1000, rssBytes: kib * 1024 };
}

function measure(mode, file, loads = 1) {
  const child = spawnSync(
    process.execPath,
    ['--expose-gc', '--max-old-space-size=16384', join(here, 'measure.mjs'), mode, file, String(loads)],
    { encoding: 'utf8', maxBuffer: 1 << 24 },
  );
  if (child.status !== 0) throw new Error(`${mode} on ${file} failed:\n${child.stderr}`);
  return JSON.parse(child.stdout.trim().split('\n').pop());
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Times are the best of all runs: on a shared machine the minimum is the estimate least disturbed by other work.
const best = (xs) => Math.min(...xs);
/** Query timings of several processes, each figure the fastest of them (counts are the same in all). */
const fastest = (runs) =>
  runs.reduce((a, b) =>
    Object.fromEntries(
      Object.entries(a).map(([k, v]) => [k, typeof v === 'number' ? Math.min(v, b[k]) : fastest([v, b[k]])]),
    ),
  );
const mib = (bytes) => (bytes / 2 ** 20).toFixed(0);
const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const us = (x) => (x * 1000 >= 100 ? (x * 1000).toFixed(0) : (x * 1000).toFixed(1));
const loadAverage = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(', ');
const ratio = (a, b) => `${(a / b).toFixed(a / b < 0.1 ? 4 : 2)}×`;

console.log(
  `claimgraph sdk benchmark — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${mib(totalmem())} MiB RAM, load average ${loadAverage()}\n`,
);
const rows = [];
for (const statements of sizes) {
  const dir = release(statements);
  const files = { rows: join(dir, 'dataset.json'), columns: join(dir, COLUMNS_FILE) };
  // Baseline, row and columnar loads alternate, so that a busy machine slows all three alike.
  const [processes, loads] = statements >= 1_000_000 ? [3, 1] : statements >= 100_000 ? [3, 3] : [3, 10];
  const base = [];
  const sdk = { rows: [], columns: [] };
  const queries = { rows: [], columns: [] };
  for (let i = 0; i < processes; i++) {
    base.push(measure('baseline', files.rows, loads));
    for (const which of ['rows', 'columns']) {
      sdk[which].push(measure('sdk', files[which], loads));
      queries[which].push(measure('queries', files[which]));
    }
  }
  const all = (runs, key) => runs.flatMap((r) => r[key]);
  const summary = (runs) => ({
    wall: best(all(runs, 'wallMs')),
    cpu: best(all(runs, 'cpuMs')),
    rss: median(runs.map((r) => r.maxRssBytes)),
    retained: median(runs.map((r) => r.retainedBytes)),
  });
  rows.push({
    statements,
    bytes: { rows: statSync(files.rows).size, columns: statSync(files.columns).size },
    counts: base[0].counts,
    base: { ...summary(base), read: best(all(base, 'readMs')) },
    rows: { ...summary(sdk.rows), queries: fastest(queries.rows) },
    columns: { ...summary(sdk.columns), queries: fastest(queries.columns) },
  });
  console.error(`  measured ${statements} statements`);
}

const table = (headers, lines) =>
  [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`,
    ...lines.map((l) => `| ${l.join(' | ')} |`),
  ].join('\n');
const count = (n) => n.toLocaleString('en');

const out = [];
for (const r of rows) {
  const b = r.base.wall;
  const q = (which) => r[which].queries.queries;
  const step = (label, value, show, goal) => [
    label,
    `${show(value('rows'))} = ${ratio(value('rows'), b)}`,
    `${show(value('columns'))} = ${ratio(value('columns'), b)}`,
    goal,
  ];
  const msUnit = (x) => `${ms(x)} ms`;
  out.push(
    `### ${count(r.counts.entities)} entities / ${count(r.counts.relations)} relations / ${count(r.counts.statements)} statements — dataset.json ${mib(r.bytes.rows)} MiB, ${COLUMNS_FILE} ${mib(r.bytes.columns)} MiB`,
    '',
    table(
      ['step', 'row file (dataset.json)', `columnar file (${COLUMNS_FILE})`, 'goal, × baseline'],
      [
        ['read + `JSON.parse` of `dataset.json` (baseline)', `${ms(b)} ms`, `${ms(b)} ms`, '—'],
        step(
          '`ClaimGraph.load` (validated, integrity-checked, indexed)',
          (w) => r[w].wall,
          msUnit,
          'rows ≤ 1.2×, columns ≤ 1.0×',
        ),
        step('first `cg.graph` (graphology) on top of that', (w) => r[w].queries.graphMs, msUnit, '≤ 0.25×'),
        [
          '`search` first call / next',
          `${ms(q('rows').search.first)} / ${ms(q('rows').search.median)} ms = ${ratio(q('rows').search.first, b)} / ${ratio(q('rows').search.median, b)}`,
          `${ms(q('columns').search.first)} / ${ms(q('columns').search.median)} ms = ${ratio(q('columns').search.first, b)} / ${ratio(q('columns').search.median, b)}`,
          '≤ 0.015× / ≤ 0.001×',
        ],
        step('`asOf(date)` (first / another date)', (w) => q(w).asOf, msUnit, '≤ 0.03×').map((cell, i) =>
          i === 1 || i === 2 ? `${cell} (next ${ms(q(i === 1 ? 'rows' : 'columns').asOfNext)} ms)` : cell,
        ),
        step('`path` p99', (w) => q(w).path.p99, msUnit, '≤ 0.002×'),
        [
          'heap kept vs parsed rows',
          `${mib(r.rows.retained)} / ${mib(r.base.retained)} MiB = ${ratio(r.rows.retained, r.base.retained)}`,
          `${mib(r.columns.retained)} / ${mib(r.base.retained)} MiB = ${ratio(r.columns.retained, r.base.retained)}`,
          '≤ 1.0×',
        ],
        [
          'peak RSS vs read + `JSON.parse`',
          `${mib(r.rows.rss)} / ${mib(r.base.rss)} MiB = ${ratio(r.rows.rss, r.base.rss)}`,
          `${mib(r.columns.rss)} / ${mib(r.base.rss)} MiB = ${ratio(r.columns.rss, r.base.rss)}`,
          '—',
        ],
        ['CPU of the load vs the baseline', ratio(r.rows.cpu, r.base.cpu), ratio(r.columns.cpu, r.base.cpu), '—'],
      ],
    ),
    '',
  );
}
out.push(
  'Queries (medians of 1000 random stances() and neighbors(), 300 random path() pairs; naive = a scan of the parsed arrays):',
  '',
  table(
    [
      'statements',
      'file',
      'stances (naive)',
      'neighbors (naive)',
      'contested first / next',
      'path median / p99',
      'path, directed: false',
    ],
    rows.flatMap((r) =>
      ['rows', 'columns'].map((which) => {
        const q = r[which].queries.queries;
        return [
          count(r.statements),
          which,
          `${us(q.stances.median)} µs (${ms(q.stances.naive)} ms)`,
          `${us(q.neighbors.median)} µs (${ms(q.neighbors.naive)} ms)`,
          `${ms(q.contested.first)} / ${ms(q.contested.median)} ms`,
          `${ms(q.path.median)} / ${ms(q.path.p99)} ms (${q.path.found}/${q.path.pairs})`,
          `${ms(q.pathUndirected.median)} / ${ms(q.pathUndirected.p99)} ms`,
        ];
      }),
    ),
  ),
  '',
);
if (rows.length > 0) console.log(out.join('\n'));

// What graphology itself costs for the largest graph: the floor under `cg.graph`. Modes interleave
// round by round; the goal's figure is the median of the rounds' cg / graphology-alone ratios.
const largest = Math.max(...sizes);
const floorRounds = 5;
const floor = sizes.length > 0 ? graphFloor(release(largest), floorRounds) : undefined;
const baseline = rows.find((r) => r.statements === largest)?.base.wall;
if (floor) {
  const times = (m) =>
    `${ms(floor[m].median.wall)} / ${ms(floor[m].best.wall)} ms (${ms(floor[m].median.cpu)} / ${ms(floor[m].best.cpu)} ms)`;
  const against = (m) =>
    `${ratio(floor[m].median.wall, floor.bare.median.wall)} (${ratio(floor[m].median.cpu, floor.bare.median.cpu)})`;
  const perRound = floor.ratio.rounds.map((r) => `${r.wall.toFixed(2)}× (${r.cpu.toFixed(2)}×)`).join(', ');
  const loads = floor.rounds.map((r) => r.load.toFixed(1)).join(', ');
  console.log(
    [
      `The graph at ${count(largest)} statements: ${floorRounds} rounds of one fresh process per mode, modes interleaved (load average at each round ${loads}; now ${loadAverage()}):`,
      '',
      table(
        ['graph', 'time, median / best (CPU)', '× baseline', '× graphology alone (CPU)', 'goal'],
        [
          [
            '`cg.graph` right after `ClaimGraph.load` (columnar file)',
            times('cg'),
            ratio(floor.cg.median.wall, baseline),
            `**${floor.ratio.median.wall.toFixed(2)}× (${floor.ratio.median.cpu.toFixed(2)}×)**, median of the rounds' ratios`,
            '≤ 1.1×',
          ],
          [
            'graphology alone: the same nodes and edges, empty attributes',
            times('bare'),
            ratio(floor.bare.median.wall, baseline),
            '1.00×',
            '—',
          ],
          [
            "graphology given copies of `cg.graph`'s attribute objects (values made before the timing)",
            times('copies'),
            ratio(floor.copies.median.wall, baseline),
            against('copies'),
            '—',
          ],
          [
            'graphology alone: as many edges between random entities',
            times('random'),
            ratio(floor.random.median.wall, baseline),
            against('random'),
            '—',
          ],
        ],
      ),
      '',
      `\`cg.graph\` / graphology alone in each round, wall (CPU): ${perRound}. Rows other than \`cg.graph\`: ratio of the medians.`,
      '',
    ].join('\n'),
  );
}

// claimgraph build at each build size: wall time, CPU and peak RSS of the CLI process, against read +
// JSON.parse of the dataset.json that same build wrote, in fresh processes alternating with the builds.
const buildResults = [];
if (builds.length > 0 && buildSizes.length > 0) {
  const cli = join(here, '../../cli/dist/bin.js');
  if (!existsSync(cli)) throw new Error(`build the CLI first (npx turbo run build --filter=@claimgraph/cli): ${cli}`);
  for (const statements of buildSizes) {
    const source = sourceFolder(statements);
    const runs = statements >= 1_000_000 ? 1 : 2;
    const modes = Object.fromEntries(builds.map((mode) => [mode, []]));
    const base = [];
    for (let i = 0; i < runs; i++) {
      for (const mode of builds) {
        const outDir = join(cache, `build-s${statements}-${mode}`);
        modes[mode].push(timedBuild(cli, source, outDir, mode));
        // The baseline reads the row file the build just wrote (the same bytes in every mode).
        base.push(measure('baseline', join(outDir, 'dataset.json'), 1));
      }
    }
    const wall = best(base.flatMap((r) => r.wallMs));
    const cpu = best(base.flatMap((r) => r.cpuMs));
    const rss = median(base.map((r) => r.maxRssBytes));
    for (const mode of builds) {
      const list = modes[mode];
      buildResults.push({
        statements,
        mode,
        runs,
        ms: best(list.map((b) => b.ms)),
        cpuMs: best(list.map((b) => b.cpuMs)),
        rssBytes: median(list.map((b) => b.rssBytes)),
        base: { ms: wall, cpuMs: cpu, rssBytes: rss },
      });
    }
    console.error(`  built ${statements} statements (${builds.join(', ')})`);
  }
  console.log(
    [
      `\`claimgraph build\` (best time, median peak RSS of ${buildSizes.some((n) => n < 1_000_000) ? '2 runs below 1,000,000 statements, 1 run at or above' : '1 run'}), each against read + \`JSON.parse\` of the \`dataset.json\` it wrote (fresh processes, same run):`,
      '',
      table(
        ['statements', 'build', 'time', '× read + parse', 'CPU × read + parse', 'peak RSS', '× read + parse', 'goal'],
        buildResults.map((b) => [
          count(b.statements),
          b.mode === 'full' ? 'full (with Parquet)' : '`--no-parquet`',
          `${(b.ms / 1000).toFixed(2)} s (${ms(b.base.ms)} ms)`,
          ratio(b.ms, b.base.ms),
          ratio(b.cpuMs, b.base.cpuMs),
          `${mib(b.rssBytes)} MiB (${mib(b.base.rssBytes)} MiB)`,
          ratio(b.rssBytes, b.base.rssBytes),
          '≤ 4× time, ≤ 1.5× RSS',
        ]),
      ),
      '',
    ].join('\n'),
  );
}

// Two releases at once: ClaimGraph.load([a, b]) against loading each alone, in the same run.
let merge;
if (mergeSize > 0) {
  const [a, b] = pairReleases(mergeSize).map((dir) => join(dir, COLUMNS_FILE));
  const runs = { a: [], b: [], both: [] };
  const loads = mergeSize >= 1_000_000 ? 1 : 3;
  for (let i = 0; i < 3; i++) {
    runs.a.push(measure('sdk', a, loads));
    runs.b.push(measure('sdk', b, loads));
    runs.both.push(measure('merge', `${a},${b}`, loads));
  }
  const wall = (list) => best(list.flatMap((r) => r.wallMs));
  // CPU time of the same loads: what other work on a shared machine disturbs least.
  const cpu = (list) => best(list.flatMap((r) => r.cpuMs));
  merge = {
    statements: mergeSize,
    a: wall(runs.a),
    b: wall(runs.b),
    both: wall(runs.both),
    cpu: { a: cpu(runs.a), b: cpu(runs.b), both: cpu(runs.both) },
  };
  console.error(`  measured the merge of two ${mergeSize} statement releases`);
  console.log(
    [
      `Two releases of ${count(mergeSize)} statements each (syntheticPair: a tenth of the entities shared), columnar files, best of 3 processes × ${loads} loads:`,
      '',
      table(
        ['step', 'time', '× the two loaded one by one', 'CPU', '× (CPU)', 'goal'],
        [
          ['`ClaimGraph.load(a)`', `${ms(merge.a)} ms`, '—', `${ms(merge.cpu.a)} ms`, '—', '—'],
          ['`ClaimGraph.load(b)`', `${ms(merge.b)} ms`, '—', `${ms(merge.cpu.b)} ms`, '—', '—'],
          [
            '`ClaimGraph.load([a, b])` (both, merged)',
            `${ms(merge.both)} ms`,
            ratio(merge.both, merge.a + merge.b),
            `${ms(merge.cpu.both)} ms`,
            ratio(merge.cpu.both, merge.cpu.a + merge.cpu.b),
            '≤ 1.2×',
          ],
        ],
      ),
      '',
    ].join('\n'),
  );
}

let browser;
if (browserSize > 0 && !existsSync(CHROMIUM)) {
  console.log(`Chromium: skipped, none at ${CHROMIUM} (set CHROMIUM, or apt-get install chromium).\n`);
} else if (browserSize > 0) {
  browser = await browserLoad(release(browserSize));
  console.log(
    [
      `Chromium (headless), ${count(browserSize)} statements served from localhost; best of ${browser.runs} page loads:`,
      '',
      table(
        ['step', 'time', '× baseline'],
        [
          ['fetch + `JSON.parse` of `dataset.json` (baseline)', `${ms(browser.baselineMs)} ms`, '—'],
          [
            '`ClaimGraph.load` of the release folder (columnar file)',
            `${ms(browser.columnsMs)} ms`,
            ratio(browser.columnsMs, browser.baselineMs),
          ],
          [
            '`ClaimGraph.load` with `{ columns: false }` (row file)',
            `${ms(browser.rowsMs)} ms`,
            ratio(browser.rowsMs, browser.baselineMs),
          ],
        ],
      ),
      '',
    ].join('\n'),
  );
}
writeFileSync(
  join(cache, 'results.json'),
  JSON.stringify({ rows, floor, builds: buildResults, browser, merge }, null, 2),
);
