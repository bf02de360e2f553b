// A small tmpfs for the disk-full and read-only cases of the writers' tests: only root can mount
// one, so elsewhere the case says loudly that it was not tested (`npm test` lists the line).
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/**
 * Makes `dir` and mounts a tmpfs there with mount's `options` (`size=64k`, `size=64k,ro`); true
 * when mounted, else false after a SKIPPED LOUDLY line naming `what` (`the disk-full case`).
 */
export function mountTmpfs(dir, options, what) {
  mkdirSync(dir, { recursive: true });
  try {
    if (process.getuid?.() !== 0) throw new Error('not root');
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    console.warn(`SKIPPED LOUDLY: ${what} needs root and mount -t tmpfs; it was not tested here`);
    return false;
  }
}

/** Unmounts what mountTmpfs mounted. */
export function unmountTmpfs(dir) {
  execFileSync('umount', [dir]);
}
