/**
 * The search index as static files a phone fetches a little of: the terms split by their first two
 * characters (one file each), and the document table in files of DOCS_PER_PART, all in a folder
 * named by the hash of its contents. A search fetches the part of each word typed and the document
 * files of the results it shows, never the whole index.
 */
import { createHash } from 'node:crypto';
import type { Dataset } from '@claimgraph/schema';
import { searchDocuments } from './documents.js';
import { encodeDocPart, encodeNumbers } from './encoding.js';
import { DOCS_PER_PART, FIELD_WEIGHT, searchTerms, SNIPPET_MAX, termPart, WEIGHT_STEPS } from './terms.js';

export interface SearchIndex {
  /** The folder, relative to the site root, ending with `/`: `assets/search-1a2b3c4d5e/`. */
  folder: string;
  /** Its files, by path relative to the site root. */
  files: Map<string, string>;
  /** The term parts written (`ha`, `_62d_642`), in order: the page asks for no other. */
  parts: string[];
  /** How many documents are entities, and relations (they follow the entities; statements come last). */
  entities: number;
  relations: number;
}

/** Each part is a classic script (a page opened from a folder may not fetch() JSON, but may load a script). */
const script = (name: string, data: unknown) =>
  `CLAIMGRAPH_SEARCH_PART(${JSON.stringify(name)},${JSON.stringify(data)});\n`;

/** A term's documents, ascending, as one string: each the gap from the one before, times 8, plus the weight (encoding.ts). */
function encodePostings(postings: Map<number, number>): string {
  let last = 0;
  const out: number[] = [];
  for (const doc of [...postings.keys()].sort((a, b) => a - b)) {
    out.push((doc - last) * WEIGHT_STEPS + postings.get(doc)!);
    last = doc;
  }
  return encodeNumbers(out);
}

const snippet = (text: string) => {
  if (text.length <= SNIPPET_MAX) return text;
  const cut = text.slice(0, SNIPPET_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > SNIPPET_MAX / 2 ? cut.slice(0, space) : cut}…`;
};

export function searchIndex(dataset: Dataset): SearchIndex {
  const docs = searchDocuments(dataset);
  const terms = new Map<string, Map<number, number>>();
  for (const field of ['title', 'keys', 'text'] as const) {
    for (let doc = 0; doc < docs.length; doc++) {
      const words = searchTerms(docs[doc]![field]);
      // A short title is what a search for its words most likely wants: `Taliban` above `Pakistani Taliban`.
      const weight = field === 'title' ? FIELD_WEIGHT.title + Math.max(0, 3 - words.length) : FIELD_WEIGHT[field];
      for (const term of words) {
        let postings = terms.get(term);
        if (!postings) terms.set(term, (postings = new Map<number, number>()));
        if ((postings.get(doc) ?? 0) < weight) postings.set(doc, weight);
      }
    }
  }
  const parts = new Map<string, [string, string][]>();
  for (const term of [...terms.keys()].sort()) {
    const part = termPart(term);
    const list = parts.get(part) ?? [];
    list.push([term, encodePostings(terms.get(term)!)]);
    parts.set(part, list);
  }
  const contents = new Map<string, string>();
  for (const [part, list] of [...parts].sort(([a], [b]) => (a < b ? -1 : 1)))
    contents.set(`t-${part}.js`, script(`t-${part}`, Object.fromEntries(list)));
  for (let start = 0; start < docs.length; start += DOCS_PER_PART) {
    const name = `d-${start / DOCS_PER_PART}`;
    const rows = docs.slice(start, start + DOCS_PER_PART).map((d) => ({ ...d, snippet: snippet(d.text) }));
    contents.set(`${name}.js`, script(name, encodeDocPart(rows)));
  }
  const hash = createHash('sha256');
  for (const [name, text] of contents) hash.update(`${name}\n${text}\n`);
  const folder = `assets/search-${hash.digest('hex').slice(0, 10)}/`;
  const files = new Map([...contents].map(([name, text]) => [`${folder}${name}`, text]));
  const written = [...parts.keys()].sort();
  return { folder, files, parts: written, entities: dataset.entities.length, relations: dataset.relations.length };
}
