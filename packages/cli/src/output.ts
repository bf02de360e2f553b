/** Terminal output helpers shared by the commands: issue lists, progress, JSON (tables: table.ts). */
import { formatIssue, type ValidationIssue } from '@claimgraph/schema';
import type { CliIO } from './io.js';

export function printJson(io: CliIO, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Issues as `--json` prints them: file, id, path, message, and line and column for JSON syntax errors. */
export function issuesJson(issues: ValidationIssue[]): object[] {
  return issues.map(({ file, id, path, message, line, column }) => ({
    file,
    id,
    path,
    message,
    ...(line !== undefined ? { line, column } : {}),
  }));
}

/** Prints issues one per line, prefixed by the dataset folder so paths are clickable. */
export function printIssues(io: CliIO, issues: ValidationIssue[], base: string): void {
  for (const issue of issues) io.stderr.write(`${joinPath(base, formatIssue(issue))}\n`);
}

function joinPath(base: string, line: string): string {
  if (base === '.' || base === '') return line;
  return `${base.replace(/\/+$/, '')}/${line}`;
}

/** Progress on a terminal; silent when output is piped or in CI. */
export function createProgress(io: CliIO, label: string): { step: (text: string) => void; done: () => void } {
  const tty = Boolean(io.stderr.isTTY) && !io.env.CI;
  const start = Date.now();
  let shown = false;
  return {
    step(text) {
      if (!tty) return;
      shown = true;
      io.stderr.write(`\r\x1b[K${label}: ${text}… (${((Date.now() - start) / 1000).toFixed(1)}s)`);
    },
    done() {
      if (tty && shown) io.stderr.write('\r\x1b[K');
    },
  };
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
