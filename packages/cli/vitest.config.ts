import { defineConfig } from 'vitest/config';

// No test passes or fails on time: most run the CLI in-process (test/run-cli.ts), but a 10 MB string,
// DuckDB or a child process can take many seconds on a busy machine, so there is no per-test
// deadline at all (0). A hang is a bug that CI's job time limit reports.
export default defineConfig({ test: { testTimeout: 0, hookTimeout: 0 } });
