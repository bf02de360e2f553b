// Chromium for the repository's browser tests, benchmarks and screenshot scripts: where it is, the
// flags every launch uses, and one clear error when it is missing. Plain JavaScript beside its
// declarations (chromium.d.mts), so TypeScript tests, .mjs tests and scripts import it with no build.
import { existsSync } from 'node:fs';

/** Debian's Chromium (`apt-get install chromium`, which .ci/run does), or the executable CHROMIUM_PATH names. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * The flags of every launch: headless; no sandbox, which needs user namespaces a container or a
 * root CI job does not give; no GPU; and no traffic of Chromium's own (background fetches,
 * component updates), so that the requests a test sees are its page's alone.
 */
export const CHROMIUM_FLAGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
]);

/** Whether there is a file at CHROMIUM_PATH. */
export const hasChromium = () => existsSync(CHROMIUM_PATH);

/**
 * True where the browser tests of `what` may be skipped: no Chromium, and not in CI (.ci/run
 * installs it, so CI never skips: a missing Chromium fails there with launchChromium's error).
 * Says so in a `SKIPPED:` line, which `npm test` lists in its summary.
 */
export function skipWithoutChromium(what) {
  if (hasChromium() || process.env.CI) return false;
  console.warn(`SKIPPED: ${what} need Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH); .ci/run installs it`);
  return true;
}

/** playwright-core's launch options for this Chromium; throws an error saying what to do when it is missing. */
export function chromiumLaunchOptions() {
  if (!hasChromium())
    throw new Error(
      `test-support/chromium: no Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium, as .ci/run does) or set CHROMIUM_PATH to a Chromium executable`,
    );
  return { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_FLAGS] };
}

/** Launches this Chromium through playwright-core, with CHROMIUM_FLAGS. */
export async function launchChromium() {
  const options = chromiumLaunchOptions();
  const { chromium } = await import('playwright-core');
  return chromium.launch(options);
}
