/** Vitest global setup: regenerate src/generated/quick-checks.js, so tests never run stale or missing compiled checks. */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, [fileURLToPath(new URL('scripts/generate-quick-checks.mjs', import.meta.url))], {
    stdio: 'inherit',
  });
}
