// The main job behind `npm start`: validate, build and summarise the bundled dataset, then run
// every example script in this folder (each writes its outputs to examples/out/).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dataset = join(here, '..', 'datasets', 'afghanistan-2021');
const cli = join(here, '..', 'packages', 'cli', 'bin', 'claimgraph.js');

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const { status } = spawnSync(command, args, { stdio: 'inherit', cwd: here });
  if (status !== 0) {
    console.error(`✖ ${label} failed (exit ${status})`);
    process.exit(status ?? 1);
  }
}

run('validate the bundled dataset', process.execPath, [cli, 'validate', dataset]);
run('build its release', process.execPath, [cli, 'build', dataset]);
run('summarise the release', process.execPath, [cli, 'info', join(dataset, 'dist')]);

const examples = readdirSync(here)
  .filter((f) => /^\d\d-.*\.(mjs|js)$/.test(f))
  .sort();
for (const example of examples) run(`example ${example}`, process.execPath, [join(here, example)]);
console.log(`\n✔ done${examples.length ? `: outputs in ${join('examples', 'out')}/` : ''}`);
