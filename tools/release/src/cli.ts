/**
 * The `claimgraph-release` command as a function: `run(argv, io)` parses the arguments, runs the
 * command and returns the exit code, writing only to `io`, so tests call it in-process.
 */
import { Command, CommanderError, Option } from 'commander';
import { checkCommand, readmeCommand, recordCommand } from './commands.js';
import { CommandError, EXIT } from '@claimgraph/release/errors';

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** The folder relative paths and the default `--root` are resolved against. */
  cwd: string;
}

export const processIo = (): Io => ({
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
});

export async function run(argv: string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('claimgraph-release')
    .description(
      "This repository's release tooling: data semver checks and recorded releases (private, never published).",
    )
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  const root = new Option('--root <dir>', 'repository root (default: current folder)');

  program
    .command('check')
    .description(
      'fail when pending changesets bump a dataset less than its changes since its last recorded release require (data semver)',
    )
    .addOption(root)
    .option('--json', 'print machine-readable JSON')
    .action(async (flags: { root?: string; json?: boolean }) => {
      exitCode = await checkCommand(flags, io);
    });

  program
    .command('record')
    .description("keep each dataset's built release (dist/) in releases/<version>/ as published, every file it lists")
    .addOption(root)
    .action(async (flags: { root?: string }) => {
      exitCode = await recordCommand(flags, io);
    });

  program
    .command('readme')
    .description(
      'rewrite the generated blocks of each dataset README (counts, citation version) from its data and package.json',
    )
    .addOption(root)
    .option('--check', 'do not write: fail when a README differs from what its data gives')
    .action(async (flags: { root?: string; check?: boolean }) => {
      exitCode = await readmeCommand(flags, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof CommandError) {
      io.stderr(`claimgraph-release: ${error.message}\n`);
      return error.exitCode;
    }
    // The file system said no (a full disk): the message names the file and that it was left as it was.
    const code = (error as NodeJS.ErrnoException | null)?.code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      io.stderr(`claimgraph-release: ${(error as Error).message}\n`);
      return EXIT.invalid;
    }
    throw error;
  }
  return exitCode;
}
