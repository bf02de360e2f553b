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
  const relations = new Map<Position, Relation[]>();
  for (const statement of statements) {
    const relation = relationOf(statement);
    const { source, target } = relation;
    const voice = voiceOf(statement);
    // Ids hold no newline, so these keys sort as (voice, first end, second end) do.
    const key = source < target ? `${voice}\n${source}\n${target}` : `${voice}\n${target}\n${source}`;
    const group = groups.get(key);
    if (group) {
      group.statements.push(statement);
      relations.get(group)!.push(relation);
    } else {
      const pair: [string, string] = source < target ? [source, target] : [target, source];
      const position: Position = { voice, speakers: [statement.speaker], pair, statements: [statement], changes: [] };
      groups.set(key, position);
      relations.set(position, [relation]);
    }
  }
  // Dates are parsed once per distinct date: positions run over every statement of a dataset.
  const days = new Map<string, [number, number]>();
  const dayRange = (date: string) => {
    let range = days.get(date);
    if (!range) days.set(date, (range = [earliestKey(date), latestKey(date)]));
    return range;
  };
  const keys = [...groups.keys()].sort();
  const positions = new Array<Position>(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const position = (positions[i] = groups.get(keys[i]!)!);
    // Most positions hold one statement: nothing to change from.
    if (position.statements.length === 1) continue;
    position.speakers = [...new Set(position.statements.map((s) => s.speaker))].sort();
    position.changes = changesOf(position, relations.get(position)!, dayRange);
  }
  return positions;
}

/** Statements of one date (next to each other in date order), with their claims. */
interface Moment {
  statements: Statement[];
  claims: Set<string>;
  types: Set<string>;
  earliest: number;
  latest: number;
}

/**
 * The changes in one position. Each date's statements form a moment; a moment's previous one is
 * the latest (in date order) that certainly ends before it begins. Moments begin in order, so a
 * moment that ends before one begins ends before every later one: walking the moments by their
 * end finds each previous moment in O(n log n), however many dates overlap.
 */
function changesOf(
  position: Position,
  relations: readonly Relation[],
  dayRange: (date: string) => [number, number],
): PositionChange[] {
  const moments: Moment[] = [];
  const claims = position.statements.map((s, i) => claimOf(s, relations[i]!));
  for (const [i, statement] of position.statements.entries()) {
    const last = moments[moments.length - 1];
    const { claim, type } = claims[i]!;
    if (last && last.statements[0]!.date === statement.date) {
      last.statements.push(statement);
      last.claims.add(claim);
      last.types.add(type);
    } else {
      const [earliest, latest] = dayRange(statement.date);
      moments.push({ statements: [statement], claims: new Set([claim]), types: new Set([type]), earliest, latest });
    }
  }
  const byEnd = moments.map((_, i) => i).sort((a, b) => moments[a]!.latest - moments[b]!.latest);
  const changes: PositionChange[] = [];
  let ended = 0;
  let previous = -1;
  let index = 0;
  for (const moment of moments) {
    while (ended < byEnd.length && moments[byEnd[ended]!]!.latest < moment.earliest)
      previous = Math.max(previous, byEnd[ended++]!);
    const first = index;
    index += moment.statements.length;
    if (previous < 0) continue;
    const before = moments[previous]!;
    for (const [k, to] of moment.statements.entries()) {
      const { claim, type } = claims[first + k]!;
      if (before.claims.has(claim)) continue;
      const changed: PositionChange['changed'] = before.types.has(type)
        ? ['stance']
        : before.statements.some((s) => s.stance === to.stance)
          ? ['relation']
          : ['stance', 'relation'];
      changes.push({ voice: position.voice, pair: position.pair, from: before.statements, to, changed });
    }
  }
  return changes;
}

/** The voice a statement is heard in. */
export function voiceFunction(voices: Voices, bodyOf: BodyOf): (statement: Statement) => string {
  return voices === 'body' ? (s) => bodyOf(s) ?? s.speaker : (s) => s.speaker;
}
