/**
 * Runs the built `claimgraph` command the way a user does, in a child process, and collects its
 * exit code and output. The CLI must be built first (`npx tsup`; `npm test` builds it through turbo).
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

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

if (!existsSync(join(PACKAGE_DIR, 'dist', 'bin.js'))) {
  throw new Error('packages/cli/dist/bin.js is missing: build the CLI first (cd packages/cli && npx tsup)');
}

/** `claimgraph ...args` in `cwd`, without a terminal (so no progress output) and without colour. */
export function claimgraph(args: string[], cwd: string = PACKAGE_DIR): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { cwd, encoding: 'utf8', env: { ...process.env, CI: '1', NO_COLOR: '1', FORCE_COLOR: '0' } },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        resolve({ code, stdout, stderr });
      },
    );
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
