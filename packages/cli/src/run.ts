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
    // A path that is not a dataset, whichever command was given it: a usage error, never a stack trace.
    // (Matched by name: importing the schema package here would load it for --version too.)
    if (error instanceof Error && error.name === 'DatasetPathError') {
      resolved.stderr.write(`claimgraph: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  return exitCode;
}
