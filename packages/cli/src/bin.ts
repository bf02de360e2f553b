/**
 * The `claimgraph` executable: runs `run` with the process's own streams, folder and environment
 * and sets the exit code. Everything else lives in run.ts and the command table (program.ts).
 */
import { run } from './run.js';

// Piping into `head` closes stdout early: that is the reader being done, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
});
