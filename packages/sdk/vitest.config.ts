import { defineConfig } from 'vitest/config';

// `npm test` runs with --coverage: the text report lands in CI output, and under 90% of src/ lines fails the run.
export default defineConfig({
  test: {
    // src/generated/quick-checks.js is compiled from the schema at build; make it here too.
    globalSetup: ['./vitest.setup-generate.ts'],
    // Under `npm test` every package's tests run at once on two cores; the fuzz runs need the time.
    testTimeout: 60_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.d.ts'],
      reporter: ['text'],
      thresholds: { lines: 90 },
    },
  },
});
