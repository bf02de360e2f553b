import { defineConfig } from 'vitest/config';

// The tests run the built command in child processes; under `npm test` every package typechecks and
// tests at once on two cores, so a test that starts the CLI a few times needs more than 5 s.
export default defineConfig({ test: { testTimeout: 30_000 } });
