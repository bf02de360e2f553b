/**
 * one-voice-per-body@1: as each-speaker-latest@1, but a spokesperson and the body they speak
 * for are one voice.
 */
import { countVotes, halfForHedgedOrPartial } from '../count.js';
import type { ConsensusRule } from '../types.js';

export const oneVoicePerBody: ConsensusRule = {
  id: 'one-voice-per-body',
  version: 1,
  description:
    'Voices that speak for one body count as one: a spokesperson (a supported member-of relation whose role names a spokesman, spokeswoman, spokesperson or press secretary, not ended) counts as the body they speak for. ' +
    'Each voice then counts once, by its latest statement on the relation (a voice whose statements on that last date disagree is split and counts for neither side). ' +
    'Plain words weigh 1, hedged or partial words 1/2, words both hedged and partial 1/4. ' +
    'A side stands when its weights add up to 1 or more: contested when both sides stand, supported or disputed when only that side stands, unresolved when neither does.',
  decide: (input) => countVotes(input, { voices: 'body', weight: halfForHedgedOrPartial }),
};
