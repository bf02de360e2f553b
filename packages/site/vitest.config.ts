import { defineConfig } from 'vitest/config';

// Browser tests launch Chromium; under `npm test` every package's tests run at once, so allow time.
export default defineConfig({ test: { testTimeout: 60_000, hookTimeout: 120_000 } });
