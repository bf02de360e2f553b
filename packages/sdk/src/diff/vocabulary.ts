/** Compares two vocabularies (a release's `vocabulary.json`): terms added, removed, changed in meaning. */
import { sameJson } from './compare-records.js';
import type { VocabularyDiff } from './types.js';

export interface VocabularyDocument {
  entityTypes: Record<string, { label: string; description: string }>;
  relationTypes: Record<
    string,
    {
      label: string;
      inverseLabel?: string;
      description: string;
      symmetric?: boolean;
      source?: readonly string[];
      target?: readonly string[];
    }
  >;
  stances?: readonly string[];
}

export function diffVocabulary(before: VocabularyDocument, after: VocabularyDocument): VocabularyDiff {
  const result: VocabularyDiff = { added: [], removed: [], changed: [], relabelled: [] };
  const compare = (group: string, a: Record<string, object>, b: Record<string, object>) => {
    for (const term of Object.keys(a)) {
      const name = `${group}:${term}`;
      if (!Object.hasOwn(b, term)) {
        result.removed.push(name);
        continue;
      }
      const { label: la, inverseLabel: ia, ...meaningA } = a[term] as { label?: string; inverseLabel?: string };
      const { label: lb, inverseLabel: ib, ...meaningB } = b[term] as { label?: string; inverseLabel?: string };
      if (!sameJson(meaningA, meaningB)) result.changed.push(name);
      else if (la !== lb || ia !== ib) result.relabelled.push(name);
    }
    for (const term of Object.keys(b)) if (!Object.hasOwn(a, term)) result.added.push(`${group}:${term}`);
  };
  compare('entity-type', before.entityTypes, after.entityTypes);
  compare('relation-type', before.relationTypes, after.relationTypes);
  for (const group of Object.values(result)) group.sort();
  return result;
}
