// Declarations of chromium.mjs, for the TypeScript tests and the JSDoc-checked examples.
import type { Browser } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`, which .ci/run does), or the executable CHROMIUM_PATH names. */
export declare const CHROMIUM_PATH: string;
/** The flags of every launch: headless, no sandbox, no GPU, no traffic of Chromium's own. */
export declare const CHROMIUM_FLAGS: readonly string[];
/** Whether there is a file at CHROMIUM_PATH. */
export declare function hasChromium(): boolean;
/** True where the browser tests of `what` may be skipped (no Chromium, not in CI), after a `SKIPPED:` line saying so. */
export declare function skipWithoutChromium(what: string): boolean;
/** playwright-core's launch options for this Chromium; throws an error saying what to do when it is missing. */
export declare function chromiumLaunchOptions(): { executablePath: string; args: string[] };
/** Launches this Chromium through playwright-core, with CHROMIUM_FLAGS. */
export declare function launchChromium(): Promise<Browser>;
