#!/usr/bin/env node
// Sample output in the READMEs, written by the commands themselves so that it cannot go stale.
// A block is marked in the Markdown by the command that makes it:
//
//   <!-- sample: claimgraph info datasets/afghanistan-2021/dist | head -n 12 -->
//   ```
//   $ claimgraph info datasets/afghanistan-2021/dist
//   …its output…
//   ```
//   <!-- /sample -->
//
// and a figure inside a sentence by a command, a path into its JSON and an optional `words`:
//
//   <!-- value: claimgraph query stances rel:x --json | .supports.length | words -->eight<!-- /value -->
//
// `node scripts/readme-samples.mjs` rewrites the blocks; `--check` (part of `npm test`) fails, with
// the first difference, when a README no longer shows what its commands print.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'packages', 'cli', 'bin', 'claimgraph.js');

/** The READMEs whose samples come from commands. */
export const FILES = ['README.md', 'packages/cli/README.md'];

const SAMPLE = /<!-- sample: (.+?) -->\n[\s\S]*?<!-- \/sample -->/g;
const VALUE = /<!-- value: (.+?) -->([\s\S]*?)<!-- \/value -->/g;

/** Splits a command line into words: double quotes group words, as a shell does for these samples. */
export function words(line) {
  const out = [];
  for (const match of line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)) out.push(match[1] ?? match[2]);
  return out;
}

/** `claimgraph ARGS` run as a user runs it, from the repository root, piped (no terminal width). */
async function claimgraph(command) {
  const [program, ...args] = words(command);
  if (program !== 'claimgraph') throw new Error(`readme-samples: only claimgraph commands, not ${program}`);
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: { ...process.env, CI: '1', NO_COLOR: '1', COLUMNS: '' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    // A sample may show a failing command: its messages are the sample.
    if (typeof error.code === 'number') return `${error.stdout}${error.stderr}`;
    throw error;
  }
}

const NUMBER_WORDS = 'zero one two three four five six seven eight nine ten eleven twelve'.split(' ');

/** A block: the command line, then its output, cut to `head -n N` lines with … when longer. */
async function sample(spec) {
  const [command, ...pipes] = spec.split(' | ');
  let lines = (await claimgraph(command)).replace(/\n$/, '').split('\n');
  for (const pipe of pipes) {
    const head = /^head -n (\d+)$/.exec(pipe);
    if (!head) throw new Error(`readme-samples: unknown step "${pipe}" in "${spec}"`);
    if (lines.length > Number(head[1])) lines = [...lines.slice(0, Number(head[1])), '…'];
  }
  return `<!-- sample: ${spec} -->\n\`\`\`\n$ ${command}\n${lines.join('\n')}\n\`\`\`\n<!-- /sample -->`;
}

/** A figure: a JSON path into the command's --json output, written as a word when asked. */
async function value(spec) {
  const [command, ...pipes] = spec.split(' | ');
  let result = JSON.parse(await claimgraph(command));
  for (const pipe of pipes) {
    if (pipe === 'words') result = NUMBER_WORDS[result] ?? String(result);
    else if (/^(\.[\w-]+)+$/.test(pipe)) for (const key of pipe.slice(1).split('.')) result = result?.[key];
    else throw new Error(`readme-samples: unknown step "${pipe}" in "${spec}"`);
  }
  if (result === undefined) throw new Error(`readme-samples: "${spec}" gives nothing`);
  return `<!-- value: ${spec} -->${String(result)}<!-- /value -->`;
}

async function replaceAll(text, pattern, make) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(text.slice(last, match.index), await make(match[1]));
    last = match.index + match[0].length;
  }
  return parts.join('') + text.slice(last);
}

/** The README with every marked block and value made again by its command. */
export async function regenerate(text) {
  return replaceAll(await replaceAll(text, SAMPLE, sample), VALUE, value);
}

function firstDifference(a, b) {
  const [x, y] = [a.split('\n'), b.split('\n')];
  const i = x.findIndex((line, k) => line !== y[k]);
  const at = i < 0 ? Math.min(x.length, y.length) : i;
  return `line ${at + 1}:\n  README:   ${x[at] ?? '(end)'}\n  command:  ${y[at] ?? '(end)'}`;
}

async function main() {
  const check = process.argv.includes('--check');
  let stale = 0;
  let blocks = 0;
  for (const file of FILES) {
    const path = join(ROOT, file);
    const text = readFileSync(path, 'utf8');
    blocks += [...text.matchAll(SAMPLE)].length + [...text.matchAll(VALUE)].length;
    const fresh = await regenerate(text);
    if (fresh === text) continue;
    if (check) {
      stale++;
      process.stderr.write(`${file}: sample output is stale at ${firstDifference(text, fresh)}\n`);
    } else {
      writeFileSync(path, fresh);
      process.stdout.write(`${file}: samples written\n`);
    }
  }
  if (stale > 0) {
    process.stderr.write('run: node scripts/readme-samples.mjs (after npx turbo run build) and commit the READMEs\n');
    return 1;
  }
  process.stdout.write(
    `README samples: ${blocks} blocks in ${FILES.length} files ${check ? 'match their commands' : 'up to date'}\n`,
  );
  return 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
