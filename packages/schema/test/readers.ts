/**
 * The outside readers some tests drive (NetworkX, igraph, xmllint, LibreOffice), which .ci/run
 * installs: under CI a missing one fails a test naming it and its package; elsewhere a notice, and its tests skip.
 */
import { it } from 'vitest';

/** Whether the reader is present; when it is not, fails under CI (`process.env.CI`) or prints a notice. */
export function requireReader(reader: string, present: boolean, debianPackage: string, skipped: string): boolean {
  if (present) return true;
  const fix = `install the Debian package ${debianPackage} (.ci/run installs it)`;
  if (process.env.CI) {
    it(`${reader} is installed, as CI needs it for ${skipped}`, () => {
      throw new Error(`${reader} is missing under CI, so ${skipped} cannot run: ${fix}`);
    });
  } else {
    console.warn(`SKIPPED: ${reader} is not installed; ${skipped} skipped; ${fix}`);
  }
  return false;
}
