/**
 * The consensus rules the SDK ships, by name. A rule's meaning never changes under the same
 * version: to change one, add a module with the next version and list both here.
 */
import { optionError } from '../errors.js';
import { eachSpeakerLatest } from './rules/each-speaker-latest.js';
import { everyStatement } from './rules/every-statement.js';
import { oneVoicePerBody } from './rules/one-voice-per-body.js';
import { plainWords } from './rules/plain-words.js';
import { ruleName, type ConsensusRule } from './types.js';

/** Every shipped rule, in the order the docs present them. */
export const CONSENSUS_RULES: readonly ConsensusRule[] = [
  everyStatement,
  eachSpeakerLatest,
  oneVoicePerBody,
  plainWords,
];

/** The rule `status` and `contested()` use unless told otherwise. */
export const STATUS_RULE = ruleName(everyStatement);

/** The rule `consensus()` uses unless told otherwise. */
export const DEFAULT_CONSENSUS_RULE = ruleName(eachSpeakerLatest);

/**
 * The rule a name means: `id@version`, or a bare `id` for its newest version. An unknown name is
 * an error listing the known ones.
 */
export function consensusRule(method: string, name: unknown): ConsensusRule {
  if (typeof name === 'string') {
    const [id, version] = name.split('@', 2) as [string, string | undefined];
    const candidates = CONSENSUS_RULES.filter((r) => r.id === id);
    const found =
      version === undefined
        ? candidates.reduce<ConsensusRule | undefined>((a, r) => (a && a.version > r.version ? a : r), undefined)
        : candidates.find((r) => String(r.version) === version);
    if (found) return found;
  }
  throw optionError(
    method,
    'rule',
    `${JSON.stringify(name)} is not a known consensus rule; use one of ${CONSENSUS_RULES.map(ruleName).join(', ')}`,
  );
}
