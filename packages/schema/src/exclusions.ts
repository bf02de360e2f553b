/**
 * Relation types that exclude each other (`excludes` in the vocabulary): one speaker cannot, on one
 * date, support both for the same two entities — "part of" and "linked but kept distinct" at once.
 */
import type { Relation, Statement } from './records.js';
import { RELATION_TYPE_INFO, RELATION_TYPES } from './vocabulary.js';

/** Relation type → the types it excludes: the `excludes` of a vocabulary. */
export type Exclusions = Readonly<Record<string, readonly string[]>>;

/** The exclusions of the current vocabulary. */
export const EXCLUSIONS: Exclusions = Object.fromEntries(
  RELATION_TYPES.map((t) => [t, RELATION_TYPE_INFO[t].excludes ?? []]),
);

/**
 * The exclusions of a published vocabulary (a release's `vocabulary.json`): a release is held to the
 * vocabulary it was built with, so one built before an exclusion existed stays valid.
 */
export function exclusionsOf(vocabulary: unknown): Exclusions {
  const types = (vocabulary as { relationTypes?: unknown } | null)?.relationTypes;
  if (typeof types !== 'object' || types === null) return {};
  const out: Record<string, readonly string[]> = {};
  for (const [type, info] of Object.entries(types)) {
    const excludes = (info as { excludes?: unknown } | null)?.excludes;
    if (Array.isArray(excludes)) out[type] = excludes.filter((t): t is string => typeof t === 'string');
  }
  return out;
}

const excludes = (table: Exclusions, a: string, b: string) =>
  (Object.hasOwn(table, a) && table[a]!.includes(b)) || (Object.hasOwn(table, b) && table[b]!.includes(a));

export interface ExclusionConflict {
  /** The later statement (in the order given), reported. */
  statement: Statement;
  relation: Relation;
  /** The earlier statement by the same speaker on the same date that it contradicts. */
  other: Statement;
  otherRelation: Relation;
}

/**
 * Every supporting statement that contradicts an earlier one by the same speaker, on the same date
 * (as written), about the same two entities in either direction. Disputes never conflict: saying
 * "separate entities, but affiliated" is one dispute of part-of and one support of affiliated-with.
 */
export function findExclusionConflicts(
  relations: readonly Relation[],
  statements: readonly Statement[],
  exclusions: Exclusions = EXCLUSIONS,
): ExclusionConflict[] {
  // Only relations of a type that takes part in some exclusion can conflict: a million statements
  // about other types need no key of their own.
  const involved = new Set<string>();
  for (const [type, excluded] of Object.entries(exclusions)) {
    if (excluded.length === 0) continue;
    involved.add(type);
    for (const other of excluded) involved.add(other);
  }
  const byId = new Map<string, Relation>();
  for (const r of relations) if (involved.has(r.type)) byId.set(r.id, r);
  const groups = new Map<string, { statement: Statement; relation: Relation }[]>();
  const conflicts: ExclusionConflict[] = [];
  if (byId.size === 0) return conflicts;
  for (const statement of statements) {
    if (statement.stance !== 'supports') continue;
    const relation = byId.get(statement.relation);
    if (!relation) continue;
    const ends =
      relation.source < relation.target ? [relation.source, relation.target] : [relation.target, relation.source];
    const key = JSON.stringify([statement.speaker, statement.date, ...ends]);
    const group = groups.get(key) ?? [];
    const earlier = group.find((g) => excludes(exclusions, g.relation.type, relation.type));
    if (earlier) conflicts.push({ statement, relation, other: earlier.statement, otherRelation: earlier.relation });
    group.push({ statement, relation });
    groups.set(key, group);
  }
  return conflicts;
}
