/**
 * The appearances table: one row per statement and source that reports it, the statement's own
 * source first, then its appearances as listed, so a reader can join statements to every source.
 */
import type { Anchor, Statement } from '@claimgraph/schema';
import { canonicalRecords, type ExportRecords } from './records.js';

/** One row of the appearances table (the fields are `APPEARANCE_FIELDS`). */
export interface AppearanceRow {
  statement: string;
  source: string;
  /** True for the statement's own `source`, false for an appearance in another. */
  own: boolean;
  anchor?: Anchor;
  note?: string;
}

/** The rows, statements in id order; each row's keys in column order, absent values left out. */
export function* appearanceRows(records: ExportRecords): Generator<AppearanceRow> {
  for (const s of canonicalRecords<Statement>(records, 'statements')) {
    yield { statement: s.id, source: s.source, own: true, ...(s.anchor === undefined ? {} : { anchor: s.anchor }) };
    for (const a of s.appearances ?? [])
      yield {
        statement: s.id,
        source: a.source,
        own: false,
        ...(a.anchor === undefined ? {} : { anchor: a.anchor }),
        ...(a.note === undefined ? {} : { note: a.note }),
      };
  }
}

/** How many rows the table has: one per statement, and one per appearance. */
export function appearanceCount(records: ExportRecords): number {
  let count = 0;
  for (const s of records.statements) count += 1 + (Array.isArray(s.appearances) ? s.appearances.length : 0);
  return count;
}
