#!/usr/bin/env node
// Runs `npm test` or `npm start` as a person reads it: one line per step with its wall time, the
// build and test noise kept in a log file (shown for a failing step, or all of it with --verbose),
// and a summary at the end: each step's time, the load average, and every check that was skipped.
// Usage: node scripts/run-steps.mjs test|test:fast|start [--verbose]
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg, cpus } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LOG_DIR = join(ROOT, 'node_modules', '.cache', 'claimgraph');

// Full logs go to the log file (and replay from turbo's cache), so a skipped check's warning is seen.
const TURBO = ['npx', 'turbo'];
const LOGS = '--output-logs=full';
const FAST_EXCLUDES = [
  '--',
  '--exclude',
  '**/fuzz.test.*',
  '--exclude',
  '**/*.fuzz.test.*',
  '--exclude',
  '**/browser.test.*',
  '--exclude',
  '**/*.browser.test.*',
  '--coverage.enabled=false',
];

/** The steps of each script: a label, the command, and `show` for a step whose own output is the summary a person reads. */
export const PLANS = {
  test: [
    ['build, typecheck and test every package, check API reports', [...TURBO, 'run', 'typecheck', 'test', 'api', LOGS]],
    ['lint', ['npm', 'run', 'lint', '--silent']],
    ['release check', ['npx', 'claimgraph-release', 'check']],
    ['dataset README figures', ['npx', 'claimgraph-release', 'readme', '--check']],
    ['README sample output', ['node', 'scripts/readme-samples.mjs', '--check']],
    ['packed packages and their consumers', ['node', 'scripts/check-packages.mjs']],
  ],
  'test:fast': [
    ['build and typecheck', [...TURBO, 'run', 'typecheck', LOGS]],
    ['tests without fuzz and browser tests', [...TURBO, 'run', 'test', LOGS, ...FAST_EXCLUDES]],
  ],
  // The code packages only: the examples validate and build the dataset themselves, once.
  start: [
    ['build the packages', [...TURBO, 'run', 'build', LOGS, '--filter=./packages/*']],
    [
      'validate and build the dataset, run the examples',
      ['npm', 'run', 'start', '--silent', '--workspace', 'examples'],
      { show: true },
    ],
  ],
};

/** Lines of a log that say a check was skipped, and why: tests print them with these words. */
const SKIPPED = /^.*\bSKIPP(?:ING|ED)\b.*$/gm;

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

function runStep(command, stream) {
  return new Promise((done) => {
    const child = spawn(command[0], command.slice(1), {
      cwd: ROOT,
      env: { ...process.env, FORCE_COLOR: stream ? process.env.FORCE_COLOR : '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const chunks = [];
    const keep = (chunk) => {
      chunks.push(chunk);
      if (stream) process.stdout.write(chunk);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('close', (code) => done({ code: code ?? 1, output: Buffer.concat(chunks).toString('utf8') }));
  });
}

async function main() {
  const [name, ...flags] = process.argv.slice(2);
  const plan = PLANS[name];
  if (!plan) {
    process.stderr.write(`run-steps: unknown script ${name}; one of ${Object.keys(PLANS).join(', ')}\n`);
    return 2;
  }
  const verbose = flags.includes('--verbose') || process.env.CLAIMGRAPH_VERBOSE === '1';
  mkdirSync(LOG_DIR, { recursive: true });
  const log = join(LOG_DIR, `${name.replace(/:/g, '-')}.log`);
  const started = Date.now();
  const results = [];
  const skipped = new Set();
  let failed;
  let text = '';
  for (const [i, [label, command, options]] of plan.entries()) {
    const stream = verbose || Boolean(options?.show);
    process.stdout.write(`[${i + 1}/${plan.length}] ${label}…${stream ? '\n' : ''}`);
    const t0 = Date.now();
    const { code, output } = await runStep(command, stream);
    const ms = Date.now() - t0;
    text += `\n===== ${label}: ${command.join(' ')} (exit ${code}, ${seconds(ms)})\n${output}`;
    for (const match of output.matchAll(SKIPPED))
      skipped.add(
        match[0]
          .replace(/^[^\s]+:(test|typecheck|build): /, '')
          .replace(/^[\s⚠]+/, '')
          .trim(),
      );
    results.push({ label, ms, code });
    process.stdout.write(
      `${stream ? `[${i + 1}/${plan.length}] ${label}` : ''} ${code === 0 ? 'ok' : 'FAILED'} (${seconds(ms)})\n`,
    );
    if (code !== 0) {
      failed = { label, output };
      break;
    }
  }
  writeFileSync(log, text);
  const [one, five] = loadavg();
  const lines = [
    '',
    `${name}: ${failed ? `FAILED at "${failed.label}"` : 'passed'} in ${seconds(Date.now() - started)} on ${cpus().length} cores, load average ${one.toFixed(1)} (1 min), ${five.toFixed(1)} (5 min)`,
    ...results.map((r) => `  ${seconds(r.ms).padStart(8)}  ${r.label}${r.code === 0 ? '' : ' (failed)'}`),
    `  full output: ${relative(ROOT, log)}${verbose ? '' : ' (or run with --verbose)'}`,
  ];
  if (skipped.size > 0)
    lines.push(
      `skipped (${skipped.size}):`,
      ...[...skipped].map((s) => `  - ${s}`),
      '  the verbatim-quote checks need the source snapshots: see "Source snapshots" in README.md',
    );
  else if (name.startsWith('test')) lines.push('skipped: nothing');
  if (failed && !verbose && !plan.find(([label]) => label === failed.label)?.[2]?.show) {
    const tail = failed.output.trimEnd().split('\n').slice(-60);
    process.stdout.write(`\n--- last ${tail.length} lines of "${failed.label}" ---\n${tail.join('\n')}\n`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
