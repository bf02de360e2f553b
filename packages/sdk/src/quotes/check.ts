/**
 * Checks a dataset's words against text snapshots of its sources: every statement's `quote` and
 * source-worded `paraphrase` (in its source and in each appearance's), and every «…» excerpt in a
 * record's `note`, must be a verbatim substring. Sources without a snapshot are counted as unchecked.
 */
import type { Dataset } from '@claimgraph/schema';
import { locateQuote, type QuoteMatch } from './locate.js';

/** Article excerpts inside curator notes are set in guillemets: «…». */
const NOTE_EXCERPT = /«([^»]+)»/gu;

export type CheckedField = 'quote' | 'paraphrase' | 'note';

export interface QuoteCheck {
  /** The record holding the words. */
  record: string;
  field: CheckedField;
  /** The words checked (for a note, the «…» excerpt). */
  text: string;
  /** The source whose snapshot was searched; for notes of records without a source, every snapshot. */
  source?: string;
  /** `no-snapshot` when the source has no text to check against. */
  match: QuoteMatch | { status: 'no-snapshot' };
}

export interface QuoteReport {
  checks: QuoteCheck[];
  verbatim: number;
  nearMisses: number;
  missing: number;
  /** Words whose source has no snapshot: not checked. */
  unchecked: number;
}

/**
 * Checks every quote, paraphrase and note excerpt of `dataset` against `snapshots`, the text of each
 * source by source id. A statement's words are searched in its own source; a note of another record
 * in every snapshot.
 */
export function checkQuotes(
  dataset: Pick<Dataset, 'entities' | 'relations' | 'statements' | 'sources'>,
  snapshots: ReadonlyMap<string, string>,
): QuoteReport {
  const checks: QuoteCheck[] = [];
  const inSource = (record: string, field: CheckedField, text: string, source: string) => {
    const snapshot = snapshots.get(source);
    checks.push({
      record,
      field,
      text,
      source,
      match: snapshot === undefined ? { status: 'no-snapshot' } : locateQuote(snapshot, text),
    });
  };
  const inAny = (record: string, field: CheckedField, text: string) => {
    let best: QuoteCheck | undefined;
    for (const [source, snapshot] of snapshots) {
      const match = locateQuote(snapshot, text);
      if (!best || rank(match) < rank(best.match)) best = { record, field, text, source, match };
      if (match.status === 'verbatim') break;
    }
    checks.push(best ?? { record, field, text, match: { status: 'no-snapshot' } });
  };

  for (const s of dataset.statements) {
    // A curator's paraphrase is the curator's words: no source prints it.
    const field = s.quote !== undefined ? 'quote' : s.paraphraseBy !== 'curator' ? 'paraphrase' : undefined;
    const words = s.quote ?? s.paraphrase;
    if (field && words !== undefined) {
      inSource(s.id, field, words, s.source);
      // Another source may print the words its own way: its anchor's exact says how, when it has one.
      for (const a of s.appearances ?? [])
        inSource(s.id, field, a.anchor?.type === 'TextQuoteSelector' ? a.anchor.exact : words, a.source);
    }
    for (const excerpt of excerpts(s.note)) inSource(s.id, 'note', excerpt, s.source);
  }
  // A source's note quotes that source; other records' notes may quote any of them.
  for (const source of dataset.sources)
    for (const excerpt of excerpts(source.note)) inSource(source.id, 'note', excerpt, source.id);
  for (const record of [...dataset.entities, ...dataset.relations]) {
    for (const excerpt of excerpts((record as { note?: string }).note)) inAny(record.id, 'note', excerpt);
  }

  const count = (status: string) => checks.filter((c) => c.match.status === status).length;
  return {
    checks,
    verbatim: count('verbatim'),
    nearMisses: count('near-miss'),
    missing: count('missing'),
    unchecked: count('no-snapshot'),
  };
}

function rank(match: QuoteCheck['match']): number {
  return ['verbatim', 'near-miss', 'missing', 'no-snapshot'].indexOf(match.status);
}

function excerpts(note: string | undefined): string[] {
  return note === undefined ? [] : [...note.matchAll(NOTE_EXCERPT)].map((m) => m[1]!);
}

/** The file name of a source's text snapshot: its id without the `src:` prefix, plus `.txt`. */
export function snapshotFileName(sourceId: string): string {
  return `${sourceId.replace(/^src:/u, '')}.txt`;
}
