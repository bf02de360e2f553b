/** Terminal output helpers shared by the commands: issue lists, tables, progress, JSON. */
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

/**
 * A plain text table: columns padded to their widest cell, long cells cut with an ellipsis, except
 * in the columns named in `whole` (ids, which a user copies into the next command).
 */
export function formatTable(headers: string[], rows: string[][], maxWidth = 60, whole: readonly string[] = []): string {
  const keep = headers.map((h) => whole.includes(h));
  const cut = (s: string, i: number) => (s.length > maxWidth && !keep[i] ? `${s.slice(0, maxWidth - 1)}…` : s);
  const cells = [headers, ...rows].map((row) => row.map((c, i) => cut(c.replace(/\s+/g, ' '), i)));
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(cells[0]!), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
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
