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

function tally(values: Iterable<string>): Record<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function summarizeDataset(dataset: Dataset): DatasetSummary {
  let from: string | null = null;
  let to: string | null = null;
  // The bounds' own days, kept: comparePartialDates(date, from) < 0 is "starts earlier, or on the
  // same day with less precision", and YYYY-MM-DD days compare as strings.
  let fromDay = '';
  let toDay = '';
  for (const { date } of dataset.statements) {
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
    entityTypes: tally(dataset.entities.map((e) => e.type)),
    relationTypes: tally(dataset.relations.map((r) => r.type)),
    stances: tally(dataset.statements.map((s) => s.stance)),
    statementDates: from !== null && to !== null ? { from, to } : null,
  };
}
