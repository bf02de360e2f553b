/** The bump each package gets from the pending changesets in `.changeset/`. */
import readChangesets from '@changesets/read';
import type { Bump } from '@claimgraph/sdk';
import { maxBump } from '@claimgraph/sdk';

export async function pendingBumps(root: string): Promise<Map<string, Bump>> {
  const bumps = new Map<string, Bump>();
  const changesets = await readChangesets(root);
  for (const changeset of changesets) {
    for (const release of changeset.releases) {
      const type = release.type as Bump;
      bumps.set(release.name, maxBump(bumps.get(release.name) ?? 'none', type));
    }
  }
  return bumps;
}
