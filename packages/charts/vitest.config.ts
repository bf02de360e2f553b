import { defineConfig } from 'vitest/config';

// Rendering loads vega and resvg; under `npm test` every package's tests run at once, so allow time.
export default defineConfig({ test: { testTimeout: 30_000 } });
