/**
 * Compares two vocabularies (a release's `vocabulary.json`): terms added, removed, changed in meaning,
 * extended (accepting more than before) or only relabelled. The bump each needs is in the schema README.
 */
import { sameJson } from './compare-records.js';
import type { VocabularyDocument } from '@claimgraph/schema';
import type { VocabularyDiff } from './types.js';

/** The document `vocabularyDocument()` makes: its type lives beside that function, in `@claimgraph/schema`. */
export type { VocabularyDocument };

type Effect = 'changed' | 'extended' | 'relabelled' | null;
const RANK: Record<Exclude<Effect, null>, number> = { relabelled: 1, extended: 2, changed: 3 };

/** What one field's change does: lists that only gain entries extend (endpoints) or tighten (exclusions). */
function fieldEffect(key: string, before: unknown, after: unknown): Effect {
  if (sameJson(before, after)) return null;
  if (key === 'label' || key === 'inverseLabel') return 'relabelled';
  // Documented attribute keys are advice (any camelCase key is allowed): documenting more extends.
  if (key === 'attributes') return 'extended';
  const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : []);
  if (key === 'source' || key === 'target') {
    // Allowing more endpoint types keeps every old relation valid; allowing fewer may not.
    return list(before).every((t) => list(after).includes(t)) ? 'extended' : 'changed';
  }
  if (key === 'excludes') {
    // A new exclusion can make valid data invalid; dropping one only allows more.
    return list(after).every((t) => list(before).includes(t)) ? 'extended' : 'changed';
  }
  return 'changed';
}

export function diffVocabulary(before: VocabularyDocument, after: VocabularyDocument): VocabularyDiff {
  const result: VocabularyDiff = { added: [], removed: [], changed: [], extended: [], relabelled: [] };
  const compare = (group: string, a: Record<string, object>, b: Record<string, object>) => {
    for (const term of Object.keys(a)) {
      const name = `${group}:${term}`;
      if (!Object.hasOwn(b, term)) {
        result.removed.push(name);
        continue;
      }
      const x = a[term] as Record<string, unknown>;
      const y = b[term] as Record<string, unknown>;
      let effect: Effect = null;
      for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
        const e = fieldEffect(key, x[key], y[key]);
        if (e && (effect === null || RANK[e] > RANK[effect])) effect = e;
      }
      if (effect) result[effect].push(name);
    }
    for (const term of Object.keys(b)) if (!Object.hasOwn(a, term)) result.added.push(`${group}:${term}`);
  };
  compare('entity-type', before.entityTypes, after.entityTypes);
  compare('relation-type', before.relationTypes, after.relationTypes);
  for (const group of Object.values(result) as string[][]) group.sort();
  return result;
}
