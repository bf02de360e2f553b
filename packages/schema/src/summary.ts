/** Counts and date range of a dataset: what `claimgraph info` prints and `datapackage.json` records. */
import { earliestDay, latestDay } from './dates.js';
import type { Dataset } from './records.js';

export interface DatasetSummary {
  counts: { entities: number; relations: number; statements: number; sources: number };
  entityTypes: Record<string, number>;
  relationTypes: Record<string, number>;
  stances: Record<string, number>;
  /** Earliest and latest statement dates, as written (with their precision), or null when empty. */
  statementDates: { from: string; to: string } | null;
}

/**
 * How many records have each value of `field`, in sorted order. An index loop reading the field:
 * a build runs this once, mostly before it is optimized, where a list of the values made first
 * and iterated costs several times more.
 */
function tally<T>(records: readonly T[], field: keyof T): Record<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    const value = records[i]![field] as string;
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function summarizeDataset(dataset: Dataset): DatasetSummary {
  let from: string | null = null;
  let to: string | null = null;
  // The bounds' own days, kept: comparePartialDates(date, from) < 0 is "starts earlier, or on the
  // same day with less precision", and YYYY-MM-DD days compare as strings.
  let fromDay = '';
  let toDay = '';
  // Each date once: a date seen before can move neither bound (of equals, the first is kept), and
  // many statements share a date. An index loop, as in `tally`.
  const seen = new Set<string>();
  const statements = dataset.statements;
  for (let i = 0; i < statements.length; i++) {
    const date = statements[i]!.date;
    if (seen.has(date)) continue;
    seen.add(date);
    const start = earliestDay(date);
    if (from === null || start < fromDay || (start === fromDay && date.length < from.length)) {
      from = date;
      fromDay = start;
    }
    const end = latestDay(date);
    if (to === null || end > toDay) {
      to = date;
      toDay = end;
    }
  }
  return {
    counts: {
      entities: dataset.entities.length,
      relations: dataset.relations.length,
      statements: dataset.statements.length,
      sources: dataset.sources.length,
    },
    entityTypes: tally(dataset.entities, 'type'),
    relationTypes: tally(dataset.relations, 'type'),
    stances: tally(dataset.statements, 'stance'),
    statementDates: from !== null && to !== null ? { from, to } : null,
  };
}
