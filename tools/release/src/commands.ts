/** `claimgraph-release check`, `record` and `readme`: the release check's report, and recording built releases as published. */
import { resolve } from 'node:path';
import type { Io } from './cli.js';
import { EXIT } from '@claimgraph/release/errors';
import type { PendingRelease } from './changesets.js';
import { recordReleases, releaseCheck } from './check.js';
import { updateReadmes } from './readme.js';

export async function recordCommand(flags: { root?: string }, io: Io): Promise<number> {
  const recorded = await recordReleases(resolve(io.cwd, flags.root ?? '.'));
  for (const dir of recorded) io.stdout(`recorded ${dir}\n`);
  if (recorded.length === 0) io.stdout('every built release is already recorded\n');
  return EXIT.ok;
}

export async function checkCommand(flags: { root?: string; json?: boolean }, io: Io): Promise<number> {
  const { pending, datasets: checks } = await releaseCheck(resolve(io.cwd, flags.root ?? '.'));
  if (flags.json)
    io.stdout(`${JSON.stringify({ ok: checks.every((c) => c.ok), pending, datasets: checks }, null, 2)}\n`);
  else {
    io.stdout(pendingText(pending));
    for (const c of checks) {
      if (c.problem && c.ok) {
        io.stdout(`✔ ${c.name}: ${c.problem}\n`);
      } else if (c.ok) {
        io.stdout(`✔ ${c.name}: changes since ${c.baselineVersion} need ${c.required}; the release gives ${c.given}\n`);
      } else if (c.problem) {
        io.stderr(`✖ ${c.name}: ${c.problem}\n`);
      } else {
        const required = c.reasons.filter((r) => r.bump === c.required);
        io.stderr(
          `✖ ${c.name}: the changes since ${c.baselineVersion} need a ${c.required} release, but the pending changesets give ${c.given}.\n` +
            required
              .slice(0, 20)
              .map((r) => `    ${r.message}\n`)
              .join('') +
            (required.length > 20 ? `    … and ${required.length - 20} more\n` : '') +
            `  Add a changeset with "npx changeset" choosing ${c.required} for ${c.name}` +
            (c.reasons.some((r) => r.message.includes('without a redirect'))
              ? ', or keep removed ids working with data/redirects.json'
              : '') +
            '.\n',
        );
      }
    }
  }
  return checks.every((c) => c.ok) ? EXIT.ok : EXIT.invalid;
}

export async function readmeCommand(flags: { root?: string; check?: boolean }, io: Io): Promise<number> {
  const results = await updateReadmes(resolve(io.cwd, flags.root ?? '.'), flags.check === true);
  const stale = results.filter((r) => r.changed);
  for (const r of results) {
    if (!r.changed) io.stdout(`✔ ${r.file}: counts and version match the data\n`);
    else if (flags.check)
      io.stderr(
        `✖ ${r.file}: counts or version differ from the data; run "npm run readme" (claimgraph-release readme)\n`,
      );
    else io.stdout(`updated ${r.file}\n`);
  }
  return flags.check && stale.length > 0 ? EXIT.invalid : EXIT.ok;
}

/**
 * Every package the pending changesets would version, before anything is: `version-packages`
 * applies them all at once, so a data release with code changesets pending releases the code too.
 */
function pendingText(pending: PendingRelease[]): string {
  if (pending.length === 0) return '';
  const lines = pending.map((p) => `  ${p.name}: ${p.bump} (${p.kind}${p.viaFixed ? ', with its fixed group' : ''})\n`);
  const both = pending.some((p) => p.kind === 'code') && pending.some((p) => p.kind === 'data');
  return (
    'npm run version-packages would version every one of these (the pending changesets in .changeset/):\n' +
    lines.join('') +
    (both
      ? '  code and data would be released together; to release data alone, see "Releasing data alone" in CONTRIBUTING.md\n'
      : '')
  );
}
