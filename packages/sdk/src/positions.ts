/**
 * Positions over time: for each speaker (or each body's voice) and each pair of entities, the
 * dated sequence of what they said about it across relation types, and where that changed.
 */
import { RELATION_TYPE_INFO, type Relation, type Statement } from '@claimgraph/schema';
import type { BodyOf } from './consensus/voices.js';
import { earliestKey, latestKey } from './time.js';

/** Who a position belongs to: each speaker, or each body (a spokesperson counts as their department). */
export type Voices = 'speaker' | 'body';

export interface PositionsOptions {
  /** Only this speaker's positions; with `voices: 'body'`, the voice this speaker is heard in [any]. */
  speaker?: string;
  /** Only positions on this relation's pair of entities, across relation types [any]. */
  relation?: string;
  /** Only positions on pairs with this entity at one end [any]. */
  entity?: string;
  /** `'speaker'`: each speaker alone; `'body'`: a spokesperson and the body they speak for are one voice, as one-voice-per-body@1 groups them ['speaker']. */
  voices?: Voices;
}

export const POSITIONS_DEFAULTS: PositionsOptions & { voices: Voices } = {
  speaker: undefined,
  relation: undefined,
  entity: undefined,
  voices: 'speaker',
};

/** A later statement whose stance or relation type differs from the voice's previous position. */
export interface PositionChange {
  /** The speaker's id, or the body's with `voices: 'body'`. */
  voice: string;
  /** The two entities, by id. */
  pair: [string, string];
  /** The previous position: the voice's statements on its last date certainly before `to`. */
  from: Statement[];
  /** The statement that changed it. */
  to: Statement;
  /** What changed: the stance on the same relation type, the relation type, or both. */
  changed: ('stance' | 'relation')[];
}

/** What one voice said about one pair of entities, in order. */
export interface Position {
  voice: string;
  /** The speakers heard in this voice, by id. */
  speakers: string[];
  pair: [string, string];
  /** The statements, by date (comparePartialDates) then id. */
  statements: Statement[];
  /** The changes, in order. */
  changes: PositionChange[];
}

/** The same claim: stance, relation type, and direction unless the type is symmetric. */
function claimOf(statement: Statement, relation: Relation): { claim: string; type: string } {
  const type = RELATION_TYPE_INFO[relation.type].symmetric ? relation.type : `${relation.type} ${relation.source}`;
  return { claim: `${statement.stance} ${type}`, type };
}

/**
 * Positions from `statements` (already by date then id). A change needs a statement certainly
 * later than the previous one: statements whose dates may fall on the same day (`2021-08` and
 * `2021-08-28`) are never a change from each other.
 */
export function positionsOf(
  statements: readonly Statement[],
  relationOf: (statement: Statement) => Relation,
  voiceOf: (statement: Statement) => string,
): Position[] {
  const groups = new Map<string, Position>();
  for (const statement of statements) {
    const relation = relationOf(statement);
    const pair = [relation.source, relation.target].sort() as [string, string];
    const voice = voiceOf(statement);
    const key = `${voice}\n${pair[0]}\n${pair[1]}`;
    const group = groups.get(key);
    if (group) group.statements.push(statement);
    else groups.set(key, { voice, speakers: [], pair, statements: [statement], changes: [] });
  }
  const positions = [...groups.values()];
  for (const position of positions) {
    position.speakers = [...new Set(position.statements.map((s) => s.speaker))].sort();
    const list = position.statements;
    for (let j = 1; j < list.length; j++) {
      const to = list[j]!;
      const start = earliestKey(to.date);
      // The previous position: every statement on the last date that certainly ends before this one.
      let k = j - 1;
      while (k >= 0 && latestKey(list[k]!.date) >= start) k--;
      if (k < 0) continue;
      const lastDate = list[k]!.date;
      const from = list.slice(0, k + 1).filter((s) => s.date === lastDate);
      const mine = claimOf(to, relationOf(to));
      const before = from.map((s) => claimOf(s, relationOf(s)));
      if (before.some((b) => b.claim === mine.claim)) continue;
      const sameType = before.some((b) => b.type === mine.type);
      const changed: PositionChange['changed'] = sameType
        ? ['stance']
        : from.some((s) => s.stance === to.stance)
          ? ['relation']
          : ['stance', 'relation'];
      position.changes.push({ voice: position.voice, pair: position.pair, from, to, changed });
    }
  }
  return positions.sort(
    (a, b) => compare(a.voice, b.voice) || compare(a.pair[0], b.pair[0]) || compare(a.pair[1], b.pair[1]),
  );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The voice a statement is heard in. */
export function voiceFunction(voices: Voices, bodyOf: BodyOf): (statement: Statement) => string {
  return voices === 'body' ? (s) => bodyOf(s) ?? s.speaker : (s) => s.speaker;
}
