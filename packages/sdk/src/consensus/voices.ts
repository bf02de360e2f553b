/**
 * Which body a speaker speaks for: a spokesperson and their department are one voice. Read from
 * relations already in the data, so that a curator changes the grouping by changing the data.
 */
import { type Relation, type Statement } from '@claimgraph/schema';
import { earliestKey, latestKey } from '../time.js';

/** A `member-of` role that makes the member a voice of the body. */
export const SPOKESPERSON_ROLE = /\b(spokes(man|woman|person)|press secretary)\b/i;

/** What the grouping reads: member-of relations that no statement disputes. */
export interface VoiceSource {
  relations(options: { type: 'member-of'; status: 'supported' }): Relation[];
}

/** Statement → the body its speaker speaks for on its date, or undefined. */
export type BodyOf = ((statement: Statement) => string | undefined) & {
  /** Every speaker who may be heard in one voice with this one: itself, the bodies it speaks for, their spokespeople. */
  circle(speaker: string): Set<string>;
};

/**
 * A speaker speaks for a body when the data holds a `member-of` relation from the speaker to the
 * body that every statement about it supports, whose `role` attribute names a spokesperson, that
 * has no `end` or `endedBy`, and whose `start` (if any) is certainly on or before the statement.
 * A speaker who would speak for two bodies at once speaks for neither: the data does not say which.
 */
export function bodyVoices(source: VoiceSource): BodyOf {
  const bySpeaker = new Map<string, Relation[]>();
  for (const relation of source.relations({ type: 'member-of', status: 'supported' })) {
    const role = relation.attributes?.role;
    if (typeof role !== 'string' || !SPOKESPERSON_ROLE.test(role)) continue;
    if (relation.end !== undefined || relation.endedBy !== undefined) continue;
    bySpeaker.set(relation.source, [...(bySpeaker.get(relation.source) ?? []), relation]);
  }
  const bodyOf = (statement: Statement) => {
    const relations = bySpeaker.get(statement.speaker);
    if (!relations) return undefined;
    const day = earliestKey(statement.date);
    const bodies = new Set(
      relations.filter((r) => r.start === undefined || latestKey(r.start) <= day).map((r) => r.target),
    );
    return bodies.size === 1 ? [...bodies][0] : undefined;
  };
  const spokespeople = new Map<string, string[]>();
  for (const [speaker, relations] of bySpeaker)
    for (const r of relations) spokespeople.set(r.target, [...(spokespeople.get(r.target) ?? []), speaker]);
  const circle = (speaker: string) => {
    const bodies = [speaker, ...(bySpeaker.get(speaker) ?? []).map((r) => r.target)];
    return new Set(bodies.flatMap((body) => [body, ...(spokespeople.get(body) ?? [])]));
  };
  return Object.assign(bodyOf, { circle });
}
