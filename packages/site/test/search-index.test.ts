import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteInput } from '../src/index.js';
import { searchIndex, type SearchIndex } from '../src/search/index-files.js';
import { DOCS_PER_PART, searchTerms, termPart, WEIGHT_STEPS } from '../src/search/terms.js';
import { bundledInput } from './fixtures.js';

/** A part's data, read back as the page's script would: the argument of CLAIMGRAPH_SEARCH_PART. */
function partData(index: SearchIndex, name: string): unknown {
  const text = index.files.get(`${index.folder}${name}.js`);
  if (text === undefined) return undefined;
  let data: unknown;
  new Function('CLAIMGRAPH_SEARCH_PART', text)((_: string, d: unknown) => (data = d));
  return data;
}

/** A term's documents and field weights, decoded as the search page decodes them. */
function postings(index: SearchIndex, term: string): Map<number, number> {
  const part = (partData(index, `t-${termPart(term)}`) ?? {}) as Record<string, string>;
  const out = new Map<number, number>();
  let doc = 0;
  for (const entry of (part[term] ?? '').split(',').filter(Boolean)) {
    const value = parseInt(entry, 36);
    doc += Math.floor(value / WEIGHT_STEPS);
    out.set(doc, value % WEIGHT_STEPS);
  }
  return out;
}

describe('search index in parts', () => {
  let input: SiteInput;
  let index: SearchIndex;
  beforeAll(async () => {
    input = await bundledInput();
    index = searchIndex(input.dataset);
  });

  it('files every word of every name under its first two characters, weighted as a title, short ones more', () => {
    const { entities } = input.dataset;
    for (let doc = 0; doc < entities.length; doc++)
      for (const term of searchTerms(entities[doc]!.name)) {
        const words = searchTerms(entities[doc]!.name).length;
        expect(postings(index, term).get(doc), term).toBe(words === 1 ? 5 : words === 2 ? 4 : 3);
      }
  });

  it('finds a statement by the words of its quote, and its row names it and its kind', () => {
    const { entities, relations, statements } = input.dataset;
    const quoted = statements.findIndex((s) => s.quote);
    const doc = entities.length + relations.length + quoted;
    for (const term of searchTerms(statements[quoted]!.quote!)) expect(postings(index, term).has(doc), term).toBe(true);
    const rows = partData(index, `d-${Math.floor(doc / DOCS_PER_PART)}`) as string[][];
    expect(rows[doc % DOCS_PER_PART]![0]).toBe(statements[quoted]!.id);
    expect(rows[doc % DOCS_PER_PART]![1]).toMatch(/^Statement, (supporting|disputing)$/);
  });

  it('cuts terms into parts a search fetches one at a time, and names the folder by its contents', () => {
    const terms = [...index.files.keys()].filter((p) => p.includes('/t-'));
    expect(terms.length).toBeGreaterThan(20);
    expect(termPart('haqqani')).toBe('ha');
    expect(termPart('حقاني')).toBe('_62d_642');
    expect(termPart('x')).toBe('x');
    expect(index.folder).toMatch(/^assets\/search-[0-9a-f]{10}\/$/);
    const again = searchIndex(input.dataset);
    expect(again.folder).toBe(index.folder);
    const changed = searchIndex({ ...input.dataset, entities: input.dataset.entities.slice(1) });
    expect(changed.folder).not.toBe(index.folder);
  });
});
