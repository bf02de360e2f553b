/**
 * The shapes of consensus: what a rule is given, what it decides, and the verdict it names. A rule
 * is data plus one pure function, so that its id and version can be trusted to mean one thing.
 */
import type { Relation, Stance, Statement } from '@claimgraph/schema';

/** The verdicts a consensus rule can reach. */
export const VERDICTS = ['supported', 'disputed', 'contested', 'unresolved'] as const;

/**
 * `supported`: only the supporting side stands; `disputed`: only the disputing side; `contested`:
 * both; `unresolved`: neither (its statements were set aside or weigh too little).
 */
export type Verdict = (typeof VERDICTS)[number];

/** What a rule reads: one relation and every statement about it. */
export interface RuleInput {
  relation: Relation;
  /** The relation's statements, by date (comparePartialDates) then id. */
  statements: readonly Statement[];
  /**
   * The body a statement's speaker speaks for on its date (a spokesperson's department), or
   * undefined when the speaker speaks for themselves: see `speaksFor` in the SDK README.
   */
  bodyOf(statement: Statement): string | undefined;
}

/** One voice's part in a verdict. */
export interface Vote {
  /** The voice: the speaker's id, or the body's when the rule groups voices (or the statement's own id under every-statement). */
  voice: string;
  /** The speakers heard in this voice, by id. */
  speakers: string[];
  /** The side the voice counts for; `split` when its deciding statements disagree (it counts for neither). */
  stance: Stance | 'split';
  /** What the voice weighs on its side (0 when split). */
  weight: number;
  /** The statements that decided the vote, by date then id. */
  statements: Statement[];
}

/** The counts behind a verdict. */
export interface Tally {
  /** Total weight on each side. */
  supports: number;
  disputes: number;
  /** Voices counted on each side, and voices split between them. */
  supportingVoices: number;
  disputingVoices: number;
  splitVoices: number;
  /** The relation's statements, and how many of them decided a vote. */
  statements: number;
  counted: number;
}

/** What a rule's `decide` returns. */
export interface RuleDecision {
  verdict: Verdict;
  tally: Tally;
  /** One per voice heard, by voice id. */
  votes: Vote[];
}

/** A named, versioned consensus rule: the same id and version always decide the same way. */
export interface ConsensusRule {
  /** The rule's name, in kebab case: `each-speaker-latest`. */
  readonly id: string;
  /** Bumped whenever what the rule decides on any data changes. */
  readonly version: number;
  /** What the rule counts and how it weighs hedged and partial statements, in plain words. */
  readonly description: string;
  decide(input: RuleInput): RuleDecision;
}

/** What `cg.consensus(relation)` returns. */
export interface Consensus extends RuleDecision {
  relation: Relation;
  /** The rule that decided, with its version: `each-speaker-latest@1`. */
  rule: string;
  /** The statements that decided it (every vote's statements), by date then id. */
  decidedBy: Statement[];
}

/** `each-speaker-latest@1`: a rule's id with its version. */
export const ruleName = (rule: ConsensusRule): string => `${rule.id}@${rule.version}`;
