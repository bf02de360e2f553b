/**
 * The counting every shipped rule shares: statements grouped into voices, each voice's latest
 * words kept, weighed, and the two sides compared. Rules differ only in the options they pass.
 */
import type { Statement } from '@claimgraph/schema';
import { maxOf } from '@claimgraph/schema/internal';
import type { RuleDecision, RuleInput, Tally, Verdict, Vote } from './types.js';

export interface CountOptions {
  /** Who a voice is: each statement alone, each speaker, or each body (a spokesperson counts as their department). */
  voices: 'statement' | 'speaker' | 'body';
  /** What a statement weighs; 0 sets it aside before anything else. */
  weight(statement: Statement): number;
}

/** Whether the speaker grants the relation only in part or to a degree (`partial: true`). */
export const isPartial = (statement: Statement): boolean => statement.partial === true;

/** Whether the speaker's words are tentative (`hedged: true`). */
export const isHedged = (statement: Statement): boolean => statement.hedged === true;

/** A side stands when its weights add up to this: one voice in plain words, or two hedged ones. */
export const STANDS = 1;

/** The verdict from the weight on each side. */
export function verdictOf(supports: number, disputes: number): Verdict {
  const s = supports >= STANDS;
  const d = disputes >= STANDS;
  return s ? (d ? 'contested' : 'supported') : d ? 'disputed' : 'unresolved';
}

/** Counts the relation's statements into votes and a verdict. */
export function countVotes(input: RuleInput, options: CountOptions): RuleDecision {
  const byVoice = new Map<string, Statement[]>();
  for (const statement of input.statements) {
    if (!(options.weight(statement) > 0)) continue;
    const voice =
      options.voices === 'statement'
        ? statement.id
        : options.voices === 'body'
          ? (input.bodyOf(statement) ?? statement.speaker)
          : statement.speaker;
    const list = byVoice.get(voice);
    if (list) list.push(statement);
    else byVoice.set(voice, [statement]);
  }
  const votes: Vote[] = [];
  for (const [voice, statements] of byVoice) {
    // Statements come by date: the voice's latest words are those on the last date it spoke.
    const last = statements[statements.length - 1]!.date;
    const deciding = statements.filter((s) => s.date === last);
    const stances = new Set(deciding.map((s) => s.stance));
    const split = stances.size > 1;
    votes.push({
      voice,
      speakers: [...new Set(statements.map((s) => s.speaker))].sort(),
      stance: split ? 'split' : deciding[0]!.stance,
      weight: split ? 0 : maxOf(deciding.map((s) => options.weight(s))),
      statements: deciding,
    });
  }
  votes.sort((a, b) => (a.voice < b.voice ? -1 : a.voice > b.voice ? 1 : 0));
  const tally: Tally = {
    supports: 0,
    disputes: 0,
    supportingVoices: 0,
    disputingVoices: 0,
    splitVoices: 0,
    statements: input.statements.length,
    counted: 0,
  };
  for (const vote of votes) {
    tally.counted += vote.statements.length;
    if (vote.stance === 'split') tally.splitVoices++;
    else if (vote.stance === 'supports') {
      tally.supports += vote.weight;
      tally.supportingVoices++;
    } else {
      tally.disputes += vote.weight;
      tally.disputingVoices++;
    }
  }
  return { verdict: verdictOf(tally.supports, tally.disputes), tally, votes };
}

/** Plain words weigh 1, hedged or partial words ½, words both hedged and partial ¼. */
export function halfForHedgedOrPartial(statement: Statement): number {
  return (isHedged(statement) ? 0.5 : 1) * (isPartial(statement) ? 0.5 : 1);
}

/** Plain words weigh 1; hedged or partial words are set aside. */
export function plainWordsOnly(statement: Statement): number {
  return isHedged(statement) || isPartial(statement) ? 0 : 1;
}
