/** `claimgraph-release check`, `record` and `readme`: the release check's report, and recording built releases as published. */
import { resolve } from 'node:path';
import type { Io } from './cli.js';
import { EXIT } from '@claimgraph/release/errors';
import { recordReleases, releaseCheck } from './check.js';
import { updateReadmes } from './readme.js';

export async function recordCommand(flags: { root?: string }, io: Io): Promise<number> {
  const recorded = await recordReleases(resolve(io.cwd, flags.root ?? '.'));
  for (const dir of recorded) io.stdout(`recorded ${dir}\n`);
  if (recorded.length === 0) io.stdout('every built release is already recorded\n');
  return EXIT.ok;
}

export async function checkCommand(flags: { root?: string; json?: boolean }, io: Io): Promise<number> {
  const checks = await releaseCheck(resolve(io.cwd, flags.root ?? '.'));
  if (flags.json) io.stdout(`${JSON.stringify({ ok: checks.every((c) => c.ok), datasets: checks }, null, 2)}\n`);
  else {
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
