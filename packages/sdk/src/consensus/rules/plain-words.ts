/**
 * plain-words@1: only plain words count: hedged and partial statements are set aside, then each
 * voice (a spokesperson with their body) counts once by its latest remaining statement.
 */
import { countVotes, plainWordsOnly } from '../count.js';
import type { ConsensusRule } from '../types.js';

export const plainWords: ConsensusRule = {
  id: 'plain-words',
  version: 1,
  description:
    'Only plain words count: hedged and partial statements are set aside before anything else. ' +
    'Voices are grouped as in one-voice-per-body@1 (a spokesperson counts as their body), and each voice counts once, at weight 1, by its latest remaining statement (split, and counted for neither side, when those disagree). ' +
    'Contested when both sides have a voice, supported or disputed when only that side does, unresolved when no plain words remain.',
  decide: (input) => countVotes(input, { voices: 'body', weight: plainWordsOnly }),
};
