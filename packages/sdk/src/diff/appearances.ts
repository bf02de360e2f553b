/**
 * A statement's sources compared one by one: its own source and every appearance, each with its
 * anchor and note, so a diff says "appearance in src:Y added" rather than "the array changed".
 */
import { pushAll, type Statement } from '@claimgraph/schema';
import { sameJson } from './compare-records.js';
import type { AppearanceChange, Bump } from './types.js';

/** A statement's fields that say where it is found: compared by source, with its appearances. */
export const CITATION_PATH = /^\/(source|anchor|appearances)(\/|$)/;

/** One source that reports a statement: whether it is the statement's own, and where and how. */
interface Citation {
  /** The id the version being compared writes (before a rename, for the older version). */
  id: string;
  own: boolean;
  anchor?: unknown;
  note?: unknown;
}

/**
 * The sources that report a statement, keyed by their id in the newer version (`rename` follows a
 * redirect): the own source first, then the appearances as listed.
 */
function citations(statement: Statement, rename: (id: string) => string): Map<string, Citation> {
  const out = new Map<string, Citation>();
  out.set(rename(statement.source), { id: statement.source, own: true, anchor: statement.anchor });
  for (const appearance of statement.appearances ?? []) {
    const key = rename(appearance.source);
    // Two sources merged into one by a redirect are one citation: the first listed stands for both.
    if (!out.has(key))
      out.set(key, { id: appearance.source, own: false, anchor: appearance.anchor, note: appearance.note });
  }
  return out;
}

/**
 * How an anchor or note of one citation changed, by the field rule every record follows: given is
 * minor, corrected patch, taken away major. A note that comes or goes because the source changed
 * role (its own source has none) is part of that swap: patch.
 */
function fieldChanges(
  source: string,
  own: boolean,
  was: Citation,
  now: Citation,
  roleChanged: boolean,
): AppearanceChange[] {
  const changes: AppearanceChange[] = [];
  for (const field of ['anchor', 'note'] as const) {
    const a = was[field];
    const b = now[field];
    if (sameJson(a, b)) continue;
    const change = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    const bump: Exclude<Bump, 'none'> =
      roleChanged && field === 'note'
        ? 'patch'
        : change === 'added'
          ? 'minor'
          : change === 'removed'
            ? 'major'
            : 'patch';
    changes.push({
      source,
      own,
      change: field,
      field: {
        path: `/${field}`,
        change,
        ...(a === undefined ? {} : { before: a }),
        ...(b === undefined ? {} : { after: b }),
      },
      bump,
    });
  }
  return changes;
}

/**
 * What changed among the sources of one statement. `follow` gives the id an older source id has in
 * the newer version (a redirect's target), so a renamed source is the same appearance, not one
 * removed and one added. A new own source that replaces the old one, neither cited on the other
 * side, is a correction of the statement's `source` (patch), as it always was.
 */
export function compareAppearances(
  before: Statement,
  after: Statement,
  follow: (id: string) => string,
): AppearanceChange[] {
  const was = citations(before, follow);
  const now = citations(after, (id) => id);
  const ownBefore = follow(before.source);
  const ownAfter = after.source;
  const changes: AppearanceChange[] = [];
  const corrected = ownBefore !== ownAfter && !now.has(ownBefore) && !was.has(ownAfter);
  if (corrected) {
    changes.push({ source: ownAfter, own: true, change: 'corrected', was: before.source, bump: 'patch' });
    pushAll(changes, fieldChanges(ownAfter, true, was.get(ownBefore)!, now.get(ownAfter)!, false));
  }
  for (const [key, old] of was) {
    if (corrected && key === ownBefore) continue;
    const current = now.get(key);
    if (current === undefined) {
      changes.push({ source: old.id, own: old.own, change: 'removed', bump: 'major' });
      continue;
    }
    const roleChanged = old.own !== current.own;
    if (roleChanged)
      changes.push({
        source: key,
        own: current.own,
        change: current.own ? 'now-own' : 'now-appearance',
        bump: 'patch',
      });
    pushAll(changes, fieldChanges(key, current.own, old, current, roleChanged));
  }
  for (const [key, current] of now) {
    if (corrected && key === ownAfter) continue;
    if (!was.has(key)) changes.push({ source: key, own: current.own, change: 'added', bump: 'minor' });
  }
  return changes;
}

const FIELD_VERB = { added: 'added', changed: 'corrected', removed: 'removed' } as const;

/** One change in words, without the statement's id: `appearance in src:y added`. */
export function appearanceText(c: AppearanceChange): string {
  switch (c.change) {
    case 'added':
      return c.own ? `its own source ${c.source} added` : `appearance in ${c.source} added`;
    case 'removed':
      return c.own
        ? `its own source ${c.source} removed; it no longer cites that source`
        : `appearance in ${c.source} removed; it no longer cites that source`;
    case 'corrected':
      return `its own source corrected from ${c.was} to ${c.source}`;
    case 'now-own':
      return `${c.source} is now its own source (was an appearance)`;
    case 'now-appearance':
      return `${c.source} is now an appearance (was its own source)`;
    default: {
      const where = c.own ? `its own source ${c.source}` : `appearance in ${c.source}`;
      return `${where}: ${c.change} ${FIELD_VERB[c.field!.change]}`;
    }
  }
}
