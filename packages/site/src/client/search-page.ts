/**
 * The search page: reads the index the builder split into parts (search/index-files.ts), fetching
 * only the part of each word typed and the document files of the results shown. Every word must
 * match (a name, a relation's words or a quote); the last characters of a word may be left off.
 */
import { pagePathOf, pathToUrl, statementHref } from '../paths.js';
import { decodeDocPart, decodeNumbers, type DocPart, type DocRow } from '../search/encoding.js';
import { DOCS_PER_PART, searchTerms, termPart, WEIGHT_STEPS } from '../search/terms.js';

declare global {
  interface Window {
    CLAIMGRAPH_SEARCH_PART?: (name: string, data: unknown) => void;
  }
}

/** Results shown at once; a button shows as many more. */
const SHOWN = 25;
/** What a kind of record counts for in the order of results: a name is what most searches are after. */
const KIND_BOOST = { entity: 2.5, relation: 1.5, statement: 1 };

type TermPart = Record<string, string>;

const waiting = new Map<string, (data: unknown) => void>();
const parts = new Map<string, Promise<unknown>>();

/** One file of the index, loaded once as a classic script that hands its data to CLAIMGRAPH_SEARCH_PART. */
function loadPart(folder: string, name: string): Promise<unknown> {
  let part = parts.get(name);
  if (!part) {
    part = new Promise((resolve, reject) => {
      waiting.set(name, resolve);
      const tag = document.createElement('script');
      tag.src = `${folder}${name}.js`;
      tag.onerror = () => reject(new Error(`${name}.js is missing`));
      document.head.append(tag);
    });
    parts.set(name, part);
  }
  return part;
}

window.CLAIMGRAPH_SEARCH_PART = (name, data) => {
  waiting.get(name)?.(data);
  waiting.delete(name);
};

/** The documents a word matches, with its weight there: a whole word counts twice what a word's start does. */
async function matches(folder: string, word: string, known: ReadonlySet<string>): Promise<Map<number, number>> {
  const name = termPart(word);
  // A word no term starts with has no part: no request, no match.
  const part = known.has(name) ? ((await loadPart(folder, `t-${name}`)) as TermPart) : {};
  const found = new Map<number, number>();
  for (const [term, postings] of Object.entries(part)) {
    if (term !== word && !(word.length > 1 && term.startsWith(word))) continue;
    const factor = term === word ? 1 : 0.5;
    let doc = 0;
    for (const value of decodeNumbers(postings)) {
      doc += Math.floor(value / WEIGHT_STEPS);
      const weight = (value % WEIGHT_STEPS) * factor;
      if ((found.get(doc) ?? 0) < weight) found.set(doc, weight);
    }
  }
  return found;
}

/** Document numbers matching every word, best first: the words' weights, times the record kind's boost. */
export async function searchDocs(
  folder: string,
  query: string,
  counts: { entities: number; relations: number },
  known: ReadonlySet<string>,
): Promise<number[]> {
  const words = [...new Set(searchTerms(query))];
  if (!words.length) return [];
  const each = await Promise.all(words.map((word) => matches(folder, word, known)));
  const scores = new Map<number, number>();
  for (const [doc, weight] of each[0]!) {
    let score = weight;
    for (const other of each.slice(1)) {
      const w = other.get(doc);
      if (w === undefined) {
        score = -1;
        break;
      }
      score += w;
    }
    if (score < 0) continue;
    const boost =
      doc < counts.entities
        ? KIND_BOOST.entity
        : doc < counts.entities + counts.relations
          ? KIND_BOOST.relation
          : KIND_BOOST.statement;
    scores.set(doc, score * boost);
  }
  return [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([doc]) => doc);
}

/** Each file of the document table, decoded once. */
const docParts = new Map<number, Promise<DocRow[]>>();

async function docRow(folder: string, doc: number): Promise<DocRow> {
  const file = Math.floor(doc / DOCS_PER_PART);
  let rows = docParts.get(file);
  if (!rows) docParts.set(file, (rows = loadPart(folder, `d-${file}`).then((part) => decodeDocPart(part as DocPart))));
  return (await rows)[doc % DOCS_PER_PART]!;
}

function resultItem([id, kind, title, snippet]: DocRow, statement: boolean): HTMLLIElement {
  const item = document.createElement('li');
  const kindText = document.createElement('span');
  kindText.className = 'kind';
  kindText.textContent = kind;
  const link = document.createElement('a');
  link.href = statement ? statementHref('search.html', id) : `./${pathToUrl(pagePathOf(id))}`;
  link.textContent = title;
  item.append(kindText, link);
  if (snippet) {
    const text = document.createElement('span');
    text.className = 'snippet';
    text.textContent = kind.startsWith('Statement') ? `“${snippet}”` : snippet;
    item.append(text);
  }
  return item;
}

/** How long typing pauses before the results follow it, in milliseconds. */
const TYPING_PAUSE = 250;

/**
 * Fills the results element from the page's `?q=`, then again as the words in the box change
 * (the address follows them, so the results can be shared); its data attributes say where the index is.
 */
export async function runSearch(results: HTMLElement, siteTitle: string): Promise<void> {
  const input = document.getElementById('q') as HTMLInputElement | null;
  const query = new URLSearchParams(window.location.search).get('q')?.trim() ?? '';
  if (input) input.value = query;
  let latest = 0;
  const show = (words: string) => showResults(results, siteTitle, words, () => run === latest);
  let run = ++latest;
  if (input) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let shown = query;
    const follow = () => {
      clearTimeout(timer);
      const words = input.value.trim();
      // Enter after the pause has already shown these words: nothing to do.
      if (words === shown) return;
      shown = words;
      const url = new URL(window.location.href);
      url.searchParams.set('q', words);
      window.history.replaceState(null, '', url);
      run = ++latest;
      void show(words);
    };
    input.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(follow, TYPING_PAUSE);
    });
    // Enter shows the results at once, in place: reloading the page would only fetch it again and
    // cut short the index parts the typing had started to fetch.
    input.form?.addEventListener('submit', (event) => {
      event.preventDefault();
      follow();
    });
  }
  await show(query);
}

/** The results of one query; `current()` turns false once a later query has started, and this one stops. */
async function showResults(
  results: HTMLElement,
  siteTitle: string,
  query: string,
  current: () => boolean,
): Promise<void> {
  const heading = document.createElement('p');
  results.replaceChildren(heading);
  if (!query) {
    heading.textContent = 'Type a name, a group, a place or words from a quote in the box above.';
    return;
  }
  const folder = results.dataset.index!;
  const counts = { entities: Number(results.dataset.entities), relations: Number(results.dataset.relations) };
  const known = new Set((results.dataset.parts ?? '').split(' '));
  heading.textContent = `Searching for “${query}”…`;
  let found: number[];
  try {
    found = await searchDocs(folder, query, counts, known);
  } catch (error) {
    if (current()) heading.textContent = `The search could not run (${(error as Error).message}).`;
    return;
  }
  if (!current()) return;
  heading.textContent =
    found.length === 0
      ? `Nothing matches “${query}”.`
      : `${found.length} ${found.length === 1 ? 'result' : 'results'} for “${query}”`;
  document.title = `${query} · Search · ${siteTitle}`;
  if (!found.length) return;
  const list = document.createElement('ol');
  list.className = 'results';
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'more-results';
  let shown = 0;
  const showMore = async () => {
    more.disabled = true;
    const next = found.slice(shown, shown + SHOWN);
    const rows = await Promise.all(next.map((doc) => docRow(folder, doc)));
    if (!current()) return;
    const statements = counts.entities + counts.relations;
    list.append(...rows.map((row, i) => resultItem(row, next[i]! >= statements)));
    shown += next.length;
    more.disabled = false;
    if (shown >= found.length) more.remove();
    else more.textContent = `Show ${Math.min(SHOWN, found.length - shown)} more of ${found.length - shown}`;
  };
  more.addEventListener('click', () => void showMore());
  results.append(list, more);
  await showMore();
}
