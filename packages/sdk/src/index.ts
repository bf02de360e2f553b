/**
 * @claimgraph/sdk — load a claimgraph dataset and query it as a graphology graph: who is connected
 * to whom, who says so, who disputes it, and since when. Runs in Node and in browsers.
 */
export {
  ClaimGraph,
  type FromDataOptions,
  type Stances,
  type ConsensusOptions,
  type ContestedOptions,
  type MergeOptions,
  type LoadManyOptions,
  type DatasetInfo,
} from './claim-graph.js';
export type { MergeReport, JoinedId, Difference, DuplicateStatement } from './merge/merge-store.js';
export {
  readJudgements,
  JUDGEMENTS_VERSION,
  type Judgement,
  type JudgementsFile,
  type Judgements,
} from './merge/judgements.js';
export type { SameCandidate, SuggestSameOptions } from './merge/suggest.js';
// Consensus under named, versioned rules, and positions over time.
export { CONSENSUS_RULES, DEFAULT_CONSENSUS_RULE, STATUS_RULE, consensusRule } from './consensus/registry.js';
export {
  VERDICTS,
  ruleName,
  type Verdict,
  type Vote,
  type Tally,
  type RuleInput,
  type RuleDecision,
  type ConsensusRule,
  type Consensus,
} from './consensus/types.js';
export { SPOKESPERSON_ROLE } from './consensus/voices.js';
export type { Position, PositionChange, PositionsOptions, Voices } from './positions.js';
export type { LoadOptions } from './load.js';
export type {
  EntitiesOptions,
  SearchOptions,
  RelationsOptions,
  StatementsOptions,
  NeighborsOptions,
  PathOptions,
  OneOrMany,
} from './options.js';
export type { Direction } from './traverse.js';
export { STATUSES, relationStatus, type Status } from './status.js';
// Name folding, as search() uses it: for indexes of your own (a browser search box) that must match the same way.
export { foldWords, foldKey } from './search.js';
export type { EntityAttributes, RelationAttributes, ClaimGraphGraph } from './graph.js';
export {
  ClaimGraphError,
  ClaimGraphValidationError,
  ClaimGraphLoadError,
  ClaimGraphIntegrityError,
  ClaimGraphMergeError,
  ClaimGraphOptionError,
  ClaimGraphWriteError,
  UnknownIdError,
  type RecordKindName,
} from './errors.js';
export type { Dataset, Entity, Relation, Statement, Source } from '@claimgraph/schema';

// Dataset diffs and the data semver policy: what changed between two releases.
export * from './diff/index.js';
