/**
 * What search finds: one document per entity, relation and statement, with the words it is found
 * by (the builder folds them into terms: terms.ts).
 */
import { foldKey, type Dataset } from '@claimgraph/sdk';
import { ENTITY_TYPE_INFO, RELATION_TYPE_INFO } from '@claimgraph/schema';

export interface SearchDoc {
  id: string;
  kind: string;
  title: string;
  text: string;
  /** Names and aliases with their spaces folded away, so `alqaeda` finds `al-Qaeda`. */
  keys: string;
  /** A statement's speaker's name and relation's phrase: its title, `<speaker> on <phrase>`. */
  on?: [speaker: string, phrase: string];
}

/** One document per entity, relation and statement, in the dataset's id order: entities first. */
export function searchDocuments(dataset: Dataset): SearchDoc[] {
  const names = new Map(dataset.entities.map((e) => [e.id, e.name]));
  const name = (id: string) => names.get(id) ?? id;
  const phrases = new Map(
    dataset.relations.map((r) => [r.id, `${name(r.source)} ${RELATION_TYPE_INFO[r.type].label} ${name(r.target)}`]),
  );
  return [
    ...dataset.entities.map((e) => ({
      id: e.id,
      kind: ENTITY_TYPE_INFO[e.type]?.label ?? e.type,
      title: e.name,
      text: [...(e.aliases ?? []), e.description ?? ''].join(' · '),
      keys: [e.name, ...(e.aliases ?? [])].map(foldKey).join(' '),
    })),
    ...dataset.relations.map((r) => ({
      id: r.id,
      kind: 'Relation',
      title: phrases.get(r.id)!,
      text: r.note ?? '',
      keys: '',
    })),
    ...dataset.statements.map((s) => {
      const on: [string, string] = [name(s.speaker), phrases.get(s.relation) ?? s.relation];
      return {
        id: s.id,
        kind: s.stance === 'supports' ? 'Statement, supporting' : 'Statement, disputing',
        title: `${on[0]} on ${on[1]}`,
        text: s.quote ?? '',
        keys: '',
        on,
      };
    }),
  ];
}
