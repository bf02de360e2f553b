import { defineConfig } from 'vitest/config';

// `npm test` runs with --coverage: the text report lands in CI output, and under 90% of src/ lines fails the run.
export default defineConfig({
  test: {
    // No test passes or fails on time (2 busy cores in CI): no per-test deadline (0); a hang is a bug CI's job limit reports.
    testTimeout: 0,
    hookTimeout: 0,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      exclude: ['src/**/*.d.ts'],
      reporter: ['text'],
      thresholds: { lines: 90 },
    },
  },
});
