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
  const contested = contestedRelations(relations, involved, exclusions);
  // As if every involved relation were indexed, the last of a repeated id kept: one that is not
  // contested has no conflict, so it is left out rather than stored.
  for (const r of relations) {
    if (contested.has(r)) byId.set(r.id, r);
    else if (byId.size > 0 && involved.has(r.type)) byId.delete(r.id);
  }
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

/**
 * The relations of a type that the type of another relation (or its own) between the same two
 * entities excludes: only statements about these can conflict, and most datasets have few or none,
 * so most statements need no key.
 */
function contestedRelations(
  relations: readonly Relation[],
  involved: ReadonlySet<string>,
  exclusions: Exclusions,
): Set<Relation> {
  // Relations of an involved type by their two entities, either way round.
  const byPair = new Map<string, Relation | Relation[]>();
  for (const r of relations) {
    if (!involved.has(r.type)) continue;
    const pair = r.source < r.target ? `${r.source}\n${r.target}` : `${r.target}\n${r.source}`;
    const met = byPair.get(pair);
    if (met === undefined) byPair.set(pair, r);
    else if (Array.isArray(met)) met.push(r);
    else byPair.set(pair, [met, r]);
  }
  const contested = new Set<Relation>();
  for (const met of byPair.values()) {
    const group = Array.isArray(met) ? met : [met];
    const types = new Set(group.map((r) => r.type));
    for (const r of group) for (const type of types) if (excludes(exclusions, r.type, type)) contested.add(r);
  }
  return contested;
}
