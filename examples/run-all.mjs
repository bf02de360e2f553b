// The main job behind `npm start`: validate, build and summarise the bundled dataset, then run
// every example script in this folder in order (each writes its outputs to examples/out/), and
// build the dataset explorer site into examples/out/site/.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dataset = join(here, '..', 'datasets', 'afghanistan-2021');
const cli = join(here, '..', 'packages', 'cli', 'bin', 'claimgraph.js');

/**
 * @param {string} label
 * @param {string} command
 * @param {string[]} args
 */
function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const { status } = spawnSync(command, args, { stdio: 'inherit', cwd: here });
  if (status !== 0) {
    console.error(`✖ ${label} failed (exit ${status})`);
    process.exit(status ?? 1);
  }
  return Date.now() - started;
}

run('validate the bundled dataset', process.execPath, [cli, 'validate', dataset]);
run('build its release', process.execPath, [cli, 'build', dataset]);
run('summarise the release', process.execPath, [cli, 'info', join(dataset, 'dist')]);

const examples = readdirSync(here)
  .filter((f) => /^\d\d-.*\.(mjs|js)$/.test(f))
  .sort();
const timings = examples.map(
  (example) => /** @type {const} */ ([example, run(`example ${example}`, process.execPath, [join(here, example)])]),
);
const site = join(here, 'out', 'site');
timings.push([
  'site (claimgraph site)',
  run('build the dataset explorer site', process.execPath, [
    cli,
    'site',
    '--dataset',
    join(dataset, 'dist'),
    '--out',
    site,
  ]),
]);
console.log(`\n✔ done${examples.length ? `: outputs in ${join('examples', 'out')}/` : ''}`);
for (const [example, ms] of timings) console.log(`  ${example.padEnd(28)} ${(ms / 1000).toFixed(1)} s`);
if (examples.length)
  console.log('\n  The same charts in a browser: npm run serve --workspace examples, then open the URL it prints.');
console.log(
  `  The dataset explorer: open ${pathToFileURL(join(site, 'index.html')).href}\n` +
    '  (or npm run serve --workspace examples, which serves it at /site/ beside the browser example).',
);
