/**
 * How the search index's files are written, shared by the builder (index-files.ts) and the search
 * page (client/search-page.ts): compact, since a large site has thousands of them, and read back
 * to exactly what was indexed (postings: codings.ts's numbers of gap × WEIGHT_STEPS + weight).
 * Nothing here may pull the schema into the page's small script.
 */
import { frontCode, frontDecode } from '../codings.js';

export { decodeNumbers, encodeNumbers } from '../codings.js';

/** A document as the result list shows it: its id (for the link), kind, title and snippet ('' for none). */
export type DocRow = [id: string, kind: string, title: string, snippet: string];

/** A statement's title is `<speaker> on <phrase>`: a file writes each phrase once, then its number. */
export interface DocInput {
  id: string;
  kind: string;
  title: string;
  /** For a statement: its speaker's name and its relation's phrase, of which its title is made. */
  on?: [speaker: string, phrase: string];
  snippet: string;
}

/**
 * A file of the document table: its kinds (`k`), and a row a document (`r`): its id front-coded,
 * its kind's number, its title (or `[speaker, phrase or the number of a phrase met before]`) and its
 * snippet unless it has none.
 */
export interface DocPart {
  k: string[];
  r: [string, number, string | [string, string | number], string?][];
}

export function encodeDocPart(docs: readonly DocInput[]): DocPart {
  const kinds = [...new Set(docs.map((d) => d.kind))];
  const ids = frontCode(docs.map((d) => d.id));
  const phrases = new Map<string, number>();
  const rows = docs.map((d, i): DocPart['r'][number] => {
    let title: DocPart['r'][number][2] = d.title;
    if (d.on) {
      const [speaker, phrase] = d.on;
      const seen = phrases.get(phrase);
      if (seen === undefined) phrases.set(phrase, phrases.size);
      title = [speaker, seen ?? phrase];
    }
    const row: DocPart['r'][number] = [ids[i]!, kinds.indexOf(d.kind), title];
    if (d.snippet) row.push(d.snippet);
    return row;
  });
  return { k: kinds, r: rows };
}

export function decodeDocPart(part: DocPart): DocRow[] {
  const ids = frontDecode(part.r.map((row) => row[0]));
  const phrases: string[] = [];
  return part.r.map(([, kind, title, snippet], i) => {
    if (typeof title !== 'string') {
      const [speaker, phrase] = title;
      if (typeof phrase === 'string') phrases.push(phrase);
      title = `${speaker} on ${typeof phrase === 'string' ? phrase : phrases[phrase]!}`;
    }
    return [ids[i]!, part.k[kind]!, title, snippet ?? ''];
  });
}
