/**
 * What the pending changesets in `.changeset/` will release: the bump each package gets, with the
 * `fixed` groups of `.changeset/config.json` applied as `changeset version` applies them (every
 * package of a group gets the group's largest bump), so a data release that would also version
 * the code packages says so before anything is versioned.
 */
import readChangesets from '@changesets/read';
import type { Bump } from '@claimgraph/sdk';
import { maxBump } from '@claimgraph/sdk';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The bump each package gets from the pending changesets, as written in them. */
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

/** A package `npm run version-packages` would version now. */
export interface PendingRelease {
  name: string;
  bump: Bump;
  /** `data` for a dataset package, `code` for the others. */
  kind: 'code' | 'data';
  /** Versioned only because another package of its `fixed` group has a changeset. */
  viaFixed?: boolean;
}

/** The `fixed` groups of `.changeset/config.json` (none when it has none). */
async function fixedGroups(root: string): Promise<string[][]> {
  const text = await readFile(join(root, '.changeset', 'config.json'), 'utf8').catch(() => '{}');
  const fixed = (JSON.parse(text) as { fixed?: unknown }).fixed;
  return Array.isArray(fixed) ? fixed.filter((g): g is string[] => Array.isArray(g)) : [];
}

/** Every package the pending changesets release, code first, then data, each by name. */
export async function pendingReleases(
  root: string,
  pending: ReadonlyMap<string, Bump>,
  datasets: ReadonlySet<string>,
): Promise<PendingRelease[]> {
  const bumps = new Map([...pending].filter(([, bump]) => bump !== 'none'));
  const viaFixed = new Set<string>();
  for (const group of await fixedGroups(root)) {
    const bump = group.reduce<Bump>((b, name) => maxBump(b, bumps.get(name) ?? 'none'), 'none');
    if (bump === 'none') continue;
    for (const name of group) {
      if (!bumps.has(name)) viaFixed.add(name);
      bumps.set(name, bump);
    }
  }
  const releases = [...bumps].map(([name, bump]): PendingRelease => ({
    name,
    bump,
    kind: datasets.has(name) ? 'data' : 'code',
    ...(viaFixed.has(name) ? { viaFixed: true } : {}),
  }));
  return releases.sort((a, b) => (a.kind === b.kind ? (a.name < b.name ? -1 : 1) : a.kind === 'code' ? -1 : 1));
}
