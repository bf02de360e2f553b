/**
 * Relation types that exclude each other (`excludes` in the vocabulary): one speaker cannot, on one
 * date, support both for the same two entities — "part of" and "linked but kept distinct" at once.
 */
import type { Relation, Statement } from './records.js';
import { typesExclude } from './vocabulary.js';

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
): ExclusionConflict[] {
  const byId = new Map<string, Relation>(relations.map((r) => [r.id, r]));
  const groups = new Map<string, { statement: Statement; relation: Relation }[]>();
  const conflicts: ExclusionConflict[] = [];
  for (const statement of statements) {
    if (statement.stance !== 'supports') continue;
    const relation = byId.get(statement.relation);
    if (!relation) continue;
    const ends =
      relation.source < relation.target ? [relation.source, relation.target] : [relation.target, relation.source];
    const key = JSON.stringify([statement.speaker, statement.date, ...ends]);
    const group = groups.get(key) ?? [];
    const earlier = group.find((g) => typesExclude(g.relation.type, relation.type));
    if (earlier) conflicts.push({ statement, relation, other: earlier.statement, otherRelation: earlier.relation });
    group.push({ statement, relation });
    groups.set(key, group);
  }
  return conflicts;
}
