/**
 * `npm run bench:cli`: median wall time of common `claimgraph` calls against `node -e 0`, measured
 * in the same run (interleaved, so load on the machine hits every command alike), and files loaded.
 *
 *   node packages/cli/bench/cli.mjs [--runs N]     (build first: npx turbo run build --filter=@claimgraph/cli...)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(PACKAGE_DIR, '..', '..');
const BIN = join(PACKAGE_DIR, 'bin', 'claimgraph.js');
const DATASET = join(ROOT, 'datasets', 'afghanistan-2021');
const RELEASE = join(DATASET, 'dist');
const COUNT_HOOK = join(PACKAGE_DIR, 'bench', 'count-files.mjs');

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;

for (const [file, hint] of [
  [join(PACKAGE_DIR, 'dist', 'bin.js'), 'build the CLI: npx turbo run build --filter=@claimgraph/cli...'],
  [
    join(RELEASE, 'dataset.json'),
    'build the dataset: npx turbo run build --filter=@claimgraph/dataset-afghanistan-2021',
  ],
]) {
  if (!existsSync(file)) {
    console.error(`bench:cli: ${file} is missing; ${hint}`);
    process.exit(2);
  }
}

/** label → node arguments; the first is the baseline. */
const CASES = [
  ['node -e 0', ['-e', '0']],
  ['--version', [BIN, '--version']],
  ['--help', [BIN, '--help']],
  ['info', [BIN, 'info', RELEASE]],
  ['query contested', [BIN, 'query', 'contested']],
  ['validate', [BIN, 'validate', DATASET]],
];

function once(args, extraEnv = {}) {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', ...extraEnv },
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) {
    console.error(`bench:cli: node ${args.join(' ')} exited ${result.status}\n${result.stderr}`);
    process.exit(1);
  }
  return ms;
}

/** How many JavaScript files a call loads (ESM through a loader hook, CommonJS from require.cache). */
function filesLoaded(args) {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-bench-'));
  const log = join(dir, 'files.txt');
  try {
    once(['--no-warnings', '--import', COUNT_HOOK, ...args], { CLAIMGRAPH_BENCH_FILES: log });
    const files = new Set(
      readFileSync(log, 'utf8')
        .split('\n')
        .filter((f) => f.startsWith('file:') || f.startsWith('/'))
        .map((f) => (f.startsWith('file:') ? fileURLToPath(f) : f)),
    );
    files.delete(COUNT_HOOK);
    return files.size;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// One warm-up round (disk cache), then RUNS rounds, each running every case once in turn.
for (const [, args] of CASES) once(args);
const times = CASES.map(() => []);
for (let r = 0; r < RUNS; r++) CASES.forEach(([, args], i) => times[i].push(once(args)));

const base = median(times[0]);
console.log(`claimgraph start-up, median of ${RUNS} runs each (interleaved), node ${process.version}\n`);
console.log(`${'command'.padEnd(18)} ${'median'.padStart(9)} ${'× node -e 0'.padStart(12)} ${'files'.padStart(6)}`);
CASES.forEach(([label, args], i) => {
  const m = median(times[i]);
  const files = i === 0 ? 0 : filesLoaded(args);
  console.log(
    `${label.padEnd(18)} ${`${m.toFixed(0)} ms`.padStart(9)} ${`${(m / base).toFixed(2)}×`.padStart(12)} ${String(files).padStart(6)}`,
  );
});
