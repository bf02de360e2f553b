/**
 * `run(argv, io)`: the whole `claimgraph` command as a function. It parses the arguments, runs the
 * command with the given streams, folder and environment, and returns the exit code: 0 success,
 * 1 invalid data, 2 usage errors. User mistakes print a message; only real bugs throw.
 */
import { CliError, EXIT } from './errors.js';
import type { CliIO, CliOutput } from './io.js';
import { VERSION } from './version.js';

export type { CliIO, CliOutput };

export interface RunIO {
  stdout: CliOutput;
  stderr: CliOutput;
  /** The folder relative paths are read from [process.cwd()]. */
  cwd?: string;
  /** Environment variables [process.env]. */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Exit codes of the library errors that are a user's to fix, by their stable `code` (the schema
 * README lists every code). Matched by code, not by class: importing the libraries here would load
 * them for `--version` too. Codes not listed are bugs and keep their stack trace.
 */
const EXIT_BY_CODE: Readonly<Record<string, number>> = {
  SCHEMA_DATASET_PATH: EXIT.usage,
};

function exitCodeOf(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && Object.hasOwn(EXIT_BY_CODE, code) ? EXIT_BY_CODE[code] : undefined;
}

/** Runs `claimgraph ...argv` (arguments after the command name) and resolves to its exit code. */
export async function run(argv: readonly string[], io: RunIO): Promise<number> {
  const resolved: CliIO = {
    stdout: io.stdout,
    stderr: io.stderr,
    cwd: io.cwd ?? process.cwd(),
    env: io.env ?? process.env,
  };
  // The one call scripts make most, answered before commander and the command table load.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    resolved.stdout.write(`${VERSION}\n`);
    return EXIT.ok;
  }
  const [{ CommanderError }, { createProgram }] = await Promise.all([import('commander'), import('./program.js')]);
  let exitCode: number = EXIT.ok;
  const program = createProgram(resolved, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are successes; anything else commander raises is a usage error.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (error instanceof CliError) {
      resolved.stderr.write(`claimgraph: ${error.message}\n`);
      return error.exitCode;
    }
    // A user's mistake that a library reported (a path that is not a dataset, a bad option…), whichever
    // command met it: one line and its exit code, never a stack trace.
    const exit = exitCodeOf(error);
    if (exit !== undefined) {
      resolved.stderr.write(`claimgraph: ${(error as Error).message}\n`);
      return exit;
    }
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      // The file system said no (ENOSPC, EACCES, EROFS…): one line; writes are all-or-nothing, so nothing was half-written.
      const text = String((error as Error).message).replace(
        /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
        (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
      resolved.stderr.write(`claimgraph: ${text}\n`);
      return EXIT.invalid;
    }
    throw error;
  }
  return exitCode;
}
