/**
 * each-speaker-latest@1: each speaker's latest words on the relation count once; hedged or
 * partial words weigh half.
 */
import { countVotes, halfForHedgedOrPartial } from '../count.js';
import type { ConsensusRule } from '../types.js';

export const eachSpeakerLatest: ConsensusRule = {
  id: 'each-speaker-latest',
  version: 1,
  description:
    'Each speaker counts once, by their latest statement on the relation (all their statements on that last date; if those disagree, the speaker is split and counts for neither side). ' +
    'Plain words weigh 1, hedged or partial words 1/2, words both hedged and partial 1/4. ' +
    'A side stands when its weights add up to 1 or more: contested when both sides stand, supported or disputed when only that side stands, unresolved when neither does.',
  decide: (input) => countVotes(input, { voices: 'speaker', weight: halfForHedgedOrPartial }),
};
