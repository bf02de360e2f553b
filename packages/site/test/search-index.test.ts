import { beforeAll, describe, expect, it } from 'vitest';
import type { SiteInput } from '../src/index.js';
import { searchIndex, type SearchIndex } from '../src/search/index-files.js';
import { searchDocuments } from '../src/search/documents.js';
import { decodeDocPart, decodeNumbers, encodeDocPart, encodeNumbers, type DocPart } from '../src/search/encoding.js';
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
  for (const value of decodeNumbers(part[term] ?? '')) {
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
    const rows = decodeDocPart(partData(index, `d-${Math.floor(doc / DOCS_PER_PART)}`) as DocPart);
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

  it('reads back every document row as the result list shows it', () => {
    const docs = searchDocuments(input.dataset);
    const rows = docs.flatMap((_, doc) =>
      doc % DOCS_PER_PART ? [] : decodeDocPart(partData(index, `d-${doc / DOCS_PER_PART}`) as DocPart),
    );
    expect(rows.map((r) => [r[0], r[1], r[2]])).toEqual(docs.map((d) => [d.id, d.kind, d.title]));
    expect(rows.filter((r) => r[3]).length).toBeGreaterThan(50);
  });
});

describe('the index files’ encoding', () => {
  it('writes numbers without separators, runs of one number once, and reads them back', () => {
    const numbers = [0, 1, 31, 32, 1023, 1024, 9, 9, 9, 9, 9, 5, 5, 123456789, 11, 11, 11];
    expect(decodeNumbers(encodeNumbers(numbers))).toEqual(numbers);
    expect(encodeNumbers([11, 11, 11, 11, 11])).toBe('r.k');
    expect(encodeNumbers([])).toBe('');
  });

  it('writes a statement’s phrase once a file, and a row without a snippet shorter', () => {
    const part = encodeDocPart([
      { id: 'st:a1', kind: 'Statement, supporting', title: 'A on B — x — C', on: ['A', 'B — x — C'], snippet: 'q' },
      { id: 'st:a2', kind: 'Statement, disputing', title: 'D on B — x — C', on: ['D', 'B — x — C'], snippet: '' },
      { id: 'st:b', kind: 'Statement, supporting', title: 'A on E', on: ['A', 'E'], snippet: '' },
    ]);
    expect(part).toEqual({
      k: ['Statement, supporting', 'Statement, disputing'],
      r: [
        ['0st:a1', 0, ['A', 'B — x — C'], 'q'],
        ['42', 1, ['D', 0]],
        ['3b', 0, ['A', 'E']],
      ],
    });
    expect(decodeDocPart(part)).toEqual([
      ['st:a1', 'Statement, supporting', 'A on B — x — C', 'q'],
      ['st:a2', 'Statement, disputing', 'D on B — x — C', ''],
      ['st:b', 'Statement, supporting', 'A on E', ''],
    ]);
  });
});
