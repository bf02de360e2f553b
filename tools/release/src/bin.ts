/** The `claimgraph-release` executable: `run` on the process's arguments and streams. */
import { run } from './cli.js';

process.exitCode = await run(process.argv.slice(2));
