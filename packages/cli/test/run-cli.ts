/**
 * Runs `claimgraph` for the tests. `claimgraph(args, cwd)` calls the CLI in-process through
 * `run(argv, io)` (src/run.ts), with output collected in memory: fast, and independent of how busy
 * the machine is. `claimgraphProcess(args, cwd)` runs the built command in a child process, the way a
 * user does, for what only a real process shows (exit status, signals, EPIPE, start-up); build the
 * CLI first for those (`npx tsup`; `npm test` builds it through turbo).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { run } from '../src/run.js';

export const PACKAGE_DIR = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(PACKAGE_DIR, 'bin', 'claimgraph.js');
export const FIXTURES = join(PACKAGE_DIR, 'test', 'fixtures');
export const VALID = join(FIXTURES, 'valid');
export const MALFORMED = join(FIXTURES, 'malformed');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment every run gets: no terminal, so no progress output, and no colour. */
const ENV = { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' };

/** A stream stand-in that keeps what is written. */
function collector(columns?: number) {
  const chunks: string[] = [];
  return { write: (text: string) => chunks.push(text), columns, text: () => chunks.join('') };
}

/**
 * `claimgraph ...args` in `cwd`, in-process, as if piped (no terminal, no colour). `columns` is the
 * terminal width tables fit (default: none, as when output is piped). A crash (an error `run` does not
 * handle) comes back as a child process would show it: its stack on stderr and exit code 1.
 */
export async function claimgraph(
  args: string[],
  cwd: string = PACKAGE_DIR,
  options: { columns?: number; env?: Record<string, string | undefined> } = {},
): Promise<CliRun> {
  const stdout = collector(options.columns);
  const stderr = collector();
  let code: number;
  try {
    code = await run(args, { stdout, stderr, cwd, env: { ...ENV, ...options.env } });
  } catch (error) {
    stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    code = 1;
  }
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** `claimgraph ...args` in `cwd`, in a child process running the built command. */
export function claimgraphProcess(args: string[], cwd: string = PACKAGE_DIR): Promise<CliRun> {
  if (!existsSync(join(PACKAGE_DIR, 'dist', 'bin.js'))) {
    throw new Error('packages/cli/dist/bin.js is missing: build the CLI first (cd packages/cli && npx tsup)');
  }
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: ENV }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** The lines of an output, without the final newline. */
export const lines = (text: string): string[] => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));

/** What only an unexpected crash prints: a stack frame, or Node's "Error:"/"TypeError:" header. */
export function crashIn(text: string): string | null {
  if (/\n\s+at /.test(text)) return 'a stack trace';
  if (/(^|\n)\w*Error:/.test(text)) return 'a Node error';
  return null;
}

/** A scratch copy of a fixture folder. */
export function copyFixture(from: string, prefix = 'claimgraph-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Every file under `dir`, as relative path → bytes, in a stable order. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}
