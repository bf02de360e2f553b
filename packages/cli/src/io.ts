/**
 * Where a command reads and writes: its output streams, working folder and environment. `bin` passes
 * the process's own; tests pass strings in memory, so the CLI runs in-process without touching globals.
 */
import { isAbsolute, relative, resolve } from 'node:path';

/** What the CLI writes to: process.stdout, or anything with `write`. */
export interface CliOutput {
  write(text: string): unknown;
  /** A terminal: progress is shown on stderr only then. */
  isTTY?: boolean;
  /** The terminal's width; tables fit it. */
  columns?: number;
}

export interface CliIO {
  stdout: CliOutput;
  stderr: CliOutput;
  /** The folder relative paths are read from [process.cwd()]; the CLI never changes the process's own. */
  cwd: string;
  /** Environment variables read by the CLI (CI, COLUMNS) [process.env]. */
  env: Readonly<Record<string, string | undefined>>;
}

/** A path the user gave, made absolute against the command's working folder (for the file system). */
export function fsPath(io: CliIO, path: string): string {
  return resolve(io.cwd, path);
}

/**
 * An absolute path as a user reads it: relative to the working folder when inside it, else absolute;
 * with `given`, the path the user typed it from, relative exactly when that was.
 */
export function shownPath(io: CliIO, path: string, given?: string): string {
  if (given !== undefined && isAbsolute(given)) return path;
  const inside = relative(io.cwd, resolve(io.cwd, path));
  if (inside === '') return '.';
  if (given !== undefined) return inside;
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside;
}

/** A library message naming an absolute path, with the path written the way the user gave it. */
export function asGiven(message: string, absolute: string, given: string): string {
  return absolute === given ? message : message.split(absolute).join(given);
}
