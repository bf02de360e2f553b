/**
 * every-statement@1: every statement counts once at full weight. The three-valued `status` of
 * stances(), relations(), the graph and contested() is this rule's verdict.
 */
import { countVotes } from '../count.js';
import type { ConsensusRule } from '../types.js';

export const everyStatement: ConsensusRule = {
  id: 'every-statement',
  version: 1,
  description:
    'Every statement counts once, at full weight, whoever said it and however often: hedged and partial words weigh as much as plain ones. ' +
    'Supported when every statement supports the relation, disputed when every one disputes it, contested when both stances occur. ' +
    'A relation always has a statement, so this rule is never unresolved.',
  decide: (input) => countVotes(input, { voices: 'statement', weight: () => 1 }),
};
