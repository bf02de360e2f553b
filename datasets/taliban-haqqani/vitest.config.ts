import { defineConfig } from 'vitest/config';

// No test passes or fails on time (2 busy cores in CI): no per-test deadline (0); a hang is a bug CI's job limit reports.
export default defineConfig({ test: { testTimeout: 0, hookTimeout: 0 } });
