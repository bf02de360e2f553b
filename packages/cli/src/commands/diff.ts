/** `claimgraph diff OLD NEW`: what changed between two versions of a dataset, as a changelog. */
import { loadReleaseSide, type ReleaseSide } from '@claimgraph/release';
import { diff, formatDiff } from '@claimgraph/sdk';
import { resolveDatasetArg } from '../dataset-arg.js';
import { CliError, EXIT } from '../errors.js';
import { checkIntegrity } from '../integrity.js';
import type { CliIO } from '../io.js';
import { printJson } from '../output.js';

/** One side as the user named it, checked against its datapackage.json once, then read. */
async function loadSide(io: CliIO, given: string): Promise<ReleaseSide & { label: string }> {
  const path = resolveDatasetArg(given, io.cwd);
  await checkIntegrity(io, path, given);
  const side = await loadReleaseSide(path, given);
  return { ...side, label: side.version ? `${given} (${side.version})` : given };
}

export async function diffCommand(
  io: CliIO,
  oldArg: string,
  newArg: string,
  flags: { json?: boolean; limit?: string },
): Promise<number> {
  if (flags.limit !== undefined && !/^[1-9][0-9]*$/.test(flags.limit))
    throw new CliError(`--limit must be a positive whole number, not ${JSON.stringify(flags.limit)}`);
  const before = await loadSide(io, oldArg);
  const after = await loadSide(io, newArg);
  const result = diff(before.dataset, after.dataset, {
    vocabulary: { before: before.vocabulary, after: after.vocabulary },
  });
  if (flags.json) {
    printJson(io, {
      from: { path: oldArg, name: before.name, version: before.version },
      to: { path: newArg, name: after.name, version: after.version },
      ...result,
    });
  } else {
    io.stdout.write(
      `${formatDiff(result, { from: before.label, to: after.label, limit: flags.limit ? Number(flags.limit) : undefined })}\n`,
    );
  }
  return EXIT.ok;
}
