/**
 * The search page: MiniSearch over entities (names, aliases, descriptions), relations (the
 * proposition in words) and statements (quotes, speakers), tokenised with the SDK's foldWords so
 * that case, accents, punctuation and Arabic-script keyboard variants never stand in the way.
 */
import MiniSearch from 'minisearch';
import { foldKey, foldWords, type Dataset } from '@claimgraph/sdk';
import { ENTITY_TYPE_INFO, RELATION_TYPE_INFO } from '@claimgraph/schema';
import { pathToUrl, recordPath } from '../permalink.js';
import type { SiteMeta } from '../model.js';

export interface SearchDoc {
  id: string;
  kind: string;
  title: string;
  text: string;
  /** Names and aliases with their spaces folded away, so `alqaeda` finds `al-Qaeda`. */
  keys: string;
}

/** One document per entity, relation and statement, in the dataset's id order. */
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
    ...dataset.statements.map((s) => ({
      id: s.id,
      kind: s.stance === 'supports' ? 'Statement, supporting' : 'Statement, disputing',
      title: `${name(s.speaker)} on ${phrases.get(s.relation) ?? s.relation}`,
      text: s.quote ?? '',
      keys: '',
    })),
  ];
}

const tokenize = (text: string) => foldWords(text).split(' ').filter(Boolean);

export function searchIndex(docs: SearchDoc[]): MiniSearch<SearchDoc> {
  const index = new MiniSearch<SearchDoc>({
    fields: ['title', 'text', 'keys'],
    tokenize,
    processTerm: (term) => term || null,
    searchOptions: {
      boost: { title: 3, keys: 2 },
      prefix: true,
      fuzzy: (term) => (term.length > 4 ? 0.2 : 0),
      combineWith: 'AND',
      // A name is what most searches are after: entities first, then propositions, then quotes.
      boostDocument: (id) => (String(id).startsWith('st:') ? 1 : String(id).startsWith('rel:') ? 1.5 : 2.5),
    },
  });
  index.addAll(docs);
  return index;
}

/** Fills the results element from the page's `?q=`. */
export function runSearch(results: HTMLElement, release: { meta: SiteMeta; dataset: Dataset }): void {
  const query = new URLSearchParams(window.location.search).get('q')?.trim() ?? '';
  const input = document.getElementById('q') as HTMLInputElement | null;
  if (input) input.value = query;
  const heading = document.createElement('p');
  results.replaceChildren(heading);
  if (!query) {
    heading.textContent = 'Type a name, a group, a place or words from a quote in the box above.';
    return;
  }
  const docs = searchDocuments(release.dataset);
  const byId = new Map(docs.map((d) => [d.id, d]));
  const found = searchIndex(docs).search(query).slice(0, 100);
  heading.textContent =
    found.length === 0
      ? `Nothing matches “${query}”.`
      : `${found.length === 100 ? 'The first 100' : found.length} ${found.length === 1 ? 'result' : 'results'} for “${query}”`;
  if (!found.length) return;
  const list = document.createElement('ol');
  list.className = 'results';
  for (const hit of found) {
    const doc = byId.get(String(hit.id))!;
    const item = document.createElement('li');
    const kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = doc.kind;
    const link = document.createElement('a');
    link.href = `./${pathToUrl(recordPath(doc.id))}`;
    link.textContent = doc.title;
    item.append(kind, link);
    if (doc.text) {
      const snippet = document.createElement('span');
      snippet.className = 'snippet';
      snippet.textContent = doc.kind.startsWith('Statement') ? `“${doc.text}”` : doc.text;
      item.append(snippet);
    }
    list.append(item);
  }
  results.append(list);
  document.title = `${query} · Search · ${release.meta.title ?? release.meta.name}`;
}
