/** `claimgraph release-check [--record]`: fail when pending changesets bump a dataset less than its changes require. */
import { EXIT } from '../errors.js';
import { fsPath, type CliIO } from '../io.js';
import { printJson } from '../output.js';
import { recordReleases, releaseCheck } from '../release/check.js';

export async function releaseCheckCommand(
  io: CliIO,
  flags: { root?: string; json?: boolean; record?: boolean },
): Promise<number> {
  const root = fsPath(io, flags.root ?? '.');
  if (flags.record) {
    const recorded = await recordReleases(root);
    for (const dir of recorded) io.stdout.write(`recorded ${dir}\n`);
    if (recorded.length === 0) io.stdout.write('every built release is already recorded\n');
    return EXIT.ok;
  }
  const checks = await releaseCheck(root);
  if (flags.json) printJson(io, { ok: checks.every((c) => c.ok), datasets: checks });
  else {
    for (const c of checks) {
      if (c.problem && c.ok) {
        io.stdout.write(`✔ ${c.name}: ${c.problem}\n`);
      } else if (c.ok) {
        io.stdout.write(
          `✔ ${c.name}: changes since ${c.baselineVersion} need ${c.required}; the release gives ${c.given}\n`,
        );
      } else if (c.problem) {
        io.stderr.write(`✖ ${c.name}: ${c.problem}\n`);
      } else {
        const required = c.reasons.filter((r) => r.bump === c.required);
        io.stderr.write(
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
