/**
 * The Appearances sheet: one row per (statement, other source reporting its words), and how its
 * rows go back into each statement's `appearances`, in row order.
 */
import type { Appearance, Dataset } from '@claimgraph/schema';

type AnyRecord = Record<string, unknown> & { id?: string };

/** The rows of the Appearances sheet: each appearance with the id of its statement, in statement order. */
export function appearanceRecords(data: Pick<Dataset, 'statements'>): AnyRecord[] {
  return data.statements.flatMap((s) => (s.appearances ?? []).map((a) => ({ statement: s.id, ...a })));
}

/** An appearance row as read: its fields, the cell of its statement reference, and where it is. */
export interface AppearanceRow<W = unknown> {
  record: AnyRecord;
  statementAt: string;
  where: W;
}

/**
 * Gives each statement the appearances its rows name, in row order; a row naming no statement of
 * the sheet is a problem at its statement cell. Returns where each statement's appearances were
 * read, in their order, so a problem with `/appearances/1` is shown at its row.
 */
export function attachAppearances<W>(
  statements: readonly AnyRecord[],
  rows: readonly AppearanceRow<W>[],
  problem: (at: string, message: string) => void,
): Map<string, W[]> {
  const placed = new Map<string, W[]>();
  const byId = new Map<string, AnyRecord>();
  for (const s of statements) if (typeof s.id === 'string') byId.set(s.id, s);
  for (const { record, statementAt, where } of rows) {
    const { statement, ...appearance } = record;
    if (statement === undefined) {
      problem(statementAt, 'names no statement; give the statement’s id');
      continue;
    }
    const owner = byId.get(String(statement));
    if (!owner) {
      problem(statementAt, `no statement has the id or words "${String(statement)}"`);
      continue;
    }
    owner.appearances = [...((owner.appearances as Appearance[] | undefined) ?? []), appearance];
    const id = String(statement);
    placed.set(id, [...(placed.get(id) ?? []), where]);
  }
  return placed;
}

/**
 * Fields a workbook has no column for, kept as the dataset has them: a workbook exported before a
 * field existed (an older format, or one without the Appearances sheet) neither loses nor invents
 * a value. Records are found by the id they were exported with. Returns the values kept, by field.
 */
export function keepAbsentFields(
  rows: readonly { record: AnyRecord; original?: string }[],
  fields: readonly string[],
  existing: readonly AnyRecord[],
): Map<string, number> {
  const kept = new Map<string, number>();
  if (fields.length === 0) return kept;
  const before = new Map(existing.map((r) => [r.id, r]));
  for (const { record, original } of rows) {
    const old = before.get(original ?? String(record.id));
    if (!old) continue;
    for (const field of fields)
      if (old[field] !== undefined && record[field] === undefined) {
        record[field] = structuredClone(old[field]);
        kept.set(field, (kept.get(field) ?? 0) + 1);
      }
  }
  return kept;
}
