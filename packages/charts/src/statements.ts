/**
 * Statements as chart rows: one flat record per statement with the names, phrases, labels and
 * date interval the stance and timeline charts encode, and the selection both charts share.
 */
import { comparePartialDates, type Statement } from '@claimgraph/schema';
import { dateSpan, formatPartialDate } from './dates.js';
import { requireId, type ChartIndex } from './input.js';
import type { Status } from '@claimgraph/sdk';
import { stanceKey, type StanceKey } from './palette.js';
import { EmptyChartError } from './options.js';
import { relationPhrase } from './text.js';

export interface StatementRow {
  id: string;
  relation: string;
  relationLabel: string;
  status: Status;
  speaker: string;
  speakerName: string;
  speakerType: string;
  stance: Statement['stance'];
  hedged: boolean;
  stanceKey: StanceKey;
  date: string;
  dateLabel: string;
  precision: 'year' | 'month' | 'day';
  start: number;
  end: number;
  mid: number;
  /** The quote, or '' when the statement has none. */
  quote: string;
  /** The source's paraphrase of what was said, or ''. */
  paraphrase: string;
  /** What the quote or paraphrase answers or refers to, or ''. */
  context: string;
  /** The source id, and how the tooltip cites it. */
  source: string;
  sourceLabel: string;
  /**
   * "reported by 3 sources" when other sources report the same words (its own counted), else ''.
   * A statement is one row however many outlets carry it: charts count statements, never appearances.
   */
  sources: string;
  reportedBy: string;
}

export interface StatementSelection {
  /** One relation id or several. */
  relation?: string | string[] | undefined;
  /** An entity id: the relations it takes part in. */
  entity?: string | undefined;
}

/**
 * The relations a chart is about: the ones named, else the entity's, else `fallback` of them all.
 * Relation ids are checked, so a typo fails loudly rather than drawing an empty chart.
 */
export function selectRelations(
  index: ChartIndex,
  selection: StatementSelection,
  helper: string,
  fallback: (relationId: string) => boolean,
): string[] {
  const { relation, entity } = selection;
  if (relation !== undefined) {
    const ids = Array.isArray(relation) ? relation : [relation];
    for (const id of ids) requireId(index.relations, id, { helper, option: 'relation', kind: 'a relation' });
    return ids;
  }
  if (entity !== undefined) {
    requireId(index.entities, entity, { helper, option: 'entity', kind: 'an entity' });
    return index.data.relations.filter((r) => r.source === entity || r.target === entity).map((r) => r.id);
  }
  const all = index.data.relations.map((r) => r.id);
  const preferred = all.filter(fallback);
  return preferred.length ? preferred : all;
}

/** Rows for the statements about the given relations, ordered by date then id. */
export function statementRows(index: ChartIndex, relationIds: readonly string[]): StatementRow[] {
  const wanted = new Set(relationIds);
  const phrases = new Map<string, string>();
  const phrase = (id: string) => {
    if (!phrases.has(id)) phrases.set(id, relationPhrase(index.relations.get(id)!, index.nameOf));
    return phrases.get(id)!;
  };
  return index.data.statements
    .filter((s) => wanted.has(s.relation))
    .sort((a, b) => comparePartialDates(a.date, b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((s) => {
      const span = dateSpan(s.date);
      const source = index.sources.get(s.source);
      return {
        id: s.id,
        relation: s.relation,
        relationLabel: phrase(s.relation),
        status: index.status(s.relation),
        speaker: s.speaker,
        speakerName: index.labelOf(s.speaker),
        speakerType: index.entities.get(s.speaker)?.type ?? '',
        stance: s.stance,
        hedged: s.hedged === true,
        stanceKey: stanceKey(s.stance, s.hedged),
        date: s.date,
        dateLabel: formatPartialDate(s.date),
        precision: span.precision,
        start: span.start,
        end: span.end,
        mid: span.mid,
        quote: s.quote ?? '',
        paraphrase: s.paraphrase ?? '',
        context: s.context ?? '',
        source: s.source,
        sourceLabel: source ? `${source.publisher}: ${source.title}` : s.source,
        sources: reportedBySources(s),
        reportedBy: s.reportedBy ? index.labelOf(s.reportedBy) : '',
      };
    });
}

/** The entities rows name: each row's speaker (or voice), the statement's speaker and who reported it. */
export function rowEntities(index: ChartIndex, rows: readonly Pick<StatementRow, 'id' | 'speaker'>[]): string[] {
  const statements = new Map(index.data.statements.map((s) => [s.id, s]));
  return rows.flatMap((row) => {
    const s = statements.get(row.id);
    return [row.speaker, ...(s ? [s.speaker, ...(s.reportedBy ? [s.reportedBy] : [])] : [])];
  });
}

/** "reported by N sources", N counting the statement's own source, when it has appearances; else ''. */
export function reportedBySources(statement: Pick<Statement, 'appearances'>): string {
  const n = statement.appearances?.length ?? 0;
  return n === 0 ? '' : `reported by ${n + 1} sources`;
}

/**
 * Rows whose date, at its precision, may fall inside the window: `2021-08` is kept from
 * `2021-08-15`, since some of its days are on or after it. Either end may be open.
 */
export function inWindow(rows: readonly StatementRow[], from?: string, to?: string): StatementRow[] {
  const start = from ? dateSpan(from).start : -Infinity;
  const end = to ? dateSpan(to).end : Infinity;
  return rows.filter((r) => r.end > start && r.start < end);
}

/** Counts of supporting and disputing statements among rows. */
export function tallyStances(rows: readonly StatementRow[]): { supports: number; disputes: number } {
  let supports = 0;
  for (const row of rows) if (row.stance === 'supports') supports++;
  return { supports, disputes: rows.length - supports };
}

/** A chart of nothing helps no one: say what selected nothing instead. */
export function requireRows<T>(rows: readonly T[], helper: string, selection: string): void {
  if (rows.length === 0) throw new EmptyChartError(helper, selection);
}

/** The selection in words, for messages. */
export function describeSelection(selection: StatementSelection & { from?: string; to?: string }): string {
  const parts = [
    selection.relation !== undefined ? `relation ${[selection.relation].flat().join(', ')}` : '',
    selection.entity !== undefined ? `entity ${selection.entity}` : '',
    selection.from !== undefined ? `from ${selection.from}` : '',
    selection.to !== undefined ? `to ${selection.to}` : '',
  ].filter(Boolean);
  return parts.length ? parts.join(', ') : 'the whole dataset';
}
