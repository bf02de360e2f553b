/**
 * `stanceChart`: who says what. One section per relation, one row per speaker, a triangle for each
 * statement coloured by stance, its date and the start of the quote; the full quote in the tooltip.
 */
import type { TopLevelSpec } from 'vega-lite';
import { creditLine, indexClaimGraph, type ClaimGraphLike, type Defaults, type FrameOptions } from './input.js';
import { frame, subtitleLines, type ChartBody } from './frame.js';
import { GREYS, STANCE_COLORS, STANCE_KEYS, STANCE_SHAPES } from './palette.js';
import { selectRelations, statementRows, tallyStances, type StatementRow, type StatementSelection } from './statements.js';
import { plural, quoted } from './text.js';

export interface StanceChartOptions extends StatementSelection, FrameOptions {
  /** Print the start of each quote beside its date (cut to fit); the tooltip always has it whole. */
  quotes?: boolean;
  /** Height of one speaker's row, in pixels. */
  rowHeight?: number;
  /** Widest speaker name before it is cut with an ellipsis, in pixels. */
  labelWidth?: number;
}

export const STANCE_CHART_DEFAULTS = {
  relation: undefined,
  entity: undefined,
  quotes: true,
  rowHeight: 30,
  labelWidth: 170,
  width: 430,
  title: undefined,
  subtitle: undefined,
  dataset: undefined,
  credit: undefined,
} satisfies Defaults<StanceChartOptions>;

/** Where the marks sit inside a row, from the left of the plotting area. */
const MARK_X = 10;
const DATE_X = 26;
const QUOTE_X = 112;

/** The tooltip every statement mark carries: enough to cite it. */
export const STATEMENT_TOOLTIP = [
  { field: 'speakerName', title: 'Speaker' },
  { field: 'stanceKey', title: 'Stance' },
  { field: 'relationLabel', title: 'About' },
  { field: 'dateLabel', title: 'Date' },
  { field: 'quote', title: 'Quote' },
  { field: 'reportedBy', title: 'Reported by' },
  { field: 'sourceLabel', title: 'Source' },
] as const;

/** Who supports and who disputes one relation or several: the headline chart of a dispute. */
export function stanceChart(cg: ClaimGraphLike, options: StanceChartOptions = {}): TopLevelSpec {
  const o = { ...STANCE_CHART_DEFAULTS, ...options };
  const index = indexClaimGraph(cg);
  const relationIds = selectRelations(index, o, 'stanceChart', (id) => index.status(id) === 'contested');
  const rows = statementRows(index, relationIds);
  const sections = sectionOrder(rows, index.status);
  const stanceDomain = STANCE_KEYS.filter((k) => rows.some((r) => r.stanceKey === k));
  const { supports, disputes } = tallyStances(rows);
  const speakers = new Set(rows.map((r) => r.speaker)).size;

  const single = sections.length === 1 ? rows[0] : undefined;
  const entityName = o.entity !== undefined ? index.nameOf(o.entity) : undefined;
  const title =
    o.title ?? (single ? `Who says what: ${single.relationLabel}` : entityName ? `Who says what about ${entityName}` : 'Who says what');
  const range = rows.length ? `, ${rows[0]!.dateLabel} to ${rows[rows.length - 1]!.dateLabel}` : '';
  const summary = `${plural(supports, 'statement')} in support and ${disputes} disputing, from ${plural(speakers, 'speaker')}${range}.`;
  const subtitle = subtitleLines(o.subtitle, [
    single ? `${capitalise(single.status)}: ${summary}` : `${plural(sections.length, 'relation')}: ${summary}`,
  ]);

  const y = {
    field: 'row',
    type: 'nominal' as const,
    sort: { field: 'rank', op: 'min' as const, order: 'ascending' as const },
    axis: {
      title: null,
      ticks: false,
      domain: false,
      labelPadding: 10,
      labelFontSize: 12,
      labelLimit: o.labelWidth,
      // Extra statements by the same speaker get their own line, under one name.
      labelExpr: "substring(datum.value, 0, 3) == '000' ? substring(datum.value, 3) : ''",
    },
  };
  const body: ChartBody = {
    data: { values: withRowKeys(rows, sections) },
    facet: {
      row: {
        field: 'section',
        type: 'nominal',
        sort: sections.map((s) => s.label),
        title: null,
        header: {
          labelAngle: 0,
          labelOrient: 'top',
          labelAnchor: 'start',
          labelAlign: 'left',
          labelFontWeight: 'bold',
          labelLimit: o.width + o.labelWidth,
          labelPadding: 6,
        },
      },
    },
    spacing: { row: 18 },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: o.width,
      height: { step: o.rowHeight },
      layer: [
        {
          mark: { type: 'point', filled: true, size: 150, opacity: 1, stroke: 'white', strokeWidth: 0.5 },
          encoding: {
            x: { value: MARK_X },
            y,
            color: {
              field: 'stanceKey',
              type: 'nominal',
              title: 'Stance',
              scale: { domain: stanceDomain, range: stanceDomain.map((k) => STANCE_COLORS[k]) },
            },
            shape: {
              field: 'stanceKey',
              type: 'nominal',
              title: 'Stance',
              scale: { domain: stanceDomain, range: stanceDomain.map((k) => STANCE_SHAPES[k]) },
            },
            tooltip: [...STATEMENT_TOOLTIP],
          },
        },
        {
          mark: { type: 'text', align: 'left', baseline: 'middle', color: GREYS.muted, fontSize: 11 },
          encoding: { x: { value: DATE_X }, y, text: { field: 'dateLabel' }, tooltip: [...STATEMENT_TOOLTIP] },
        },
        ...(o.quotes
          ? [
              {
                mark: { type: 'text' as const, align: 'left' as const, baseline: 'middle' as const, fontStyle: 'italic', limit: o.width - QUOTE_X },
                encoding: { x: { value: QUOTE_X }, y, text: { field: 'quoteText' }, tooltip: [...STATEMENT_TOOLTIP] },
              },
            ]
          : []),
      ],
    },
  };
  const description =
    `Chart of ${plural(rows.length, 'statement')} by ${plural(speakers, 'speaker')} about ` +
    `${sections.map((s) => `${s.phrase} (${s.status})`).join('; ')}. ${supports} support, ${disputes} dispute. ` +
    'Each row is a speaker; each mark is one statement with its date and quote.';
  return frame(body, {
    title,
    subtitle,
    description,
    credit: creditLine(index, rows.map((r) => r.source), o),
    width: o.width + o.labelWidth,
  });
}

interface Section {
  relation: string;
  phrase: string;
  status: string;
  label: string;
}

/** Contested relations first, then by number of statements, then by phrase. */
function sectionOrder(rows: readonly StatementRow[], status: (id: string) => string): Section[] {
  const byRelation = new Map<string, StatementRow[]>();
  for (const row of rows) byRelation.set(row.relation, [...(byRelation.get(row.relation) ?? []), row]);
  const rank = (s: string) => (s === 'contested' ? 0 : 1);
  return [...byRelation]
    .map(([relation, list]) => {
      const { supports, disputes } = tallyStances(list);
      const st = status(relation);
      return {
        relation,
        phrase: list[0]!.relationLabel,
        status: st,
        count: list.length,
        label: `${list[0]!.relationLabel} · ${st}: ${supports} support, ${disputes} dispute`,
      };
    })
    .sort((a, b) => rank(a.status) - rank(b.status) || b.count - a.count || a.phrase.localeCompare(b.phrase))
    .map(({ relation, phrase, status: st, label }) => ({ relation, phrase, status: st, label }));
}

/**
 * Adds the row key (`000` + name for a speaker's first statement on a relation, `001` + name for
 * the second…) and a rank that keeps speakers in order of their first word on it.
 */
function withRowKeys(rows: readonly StatementRow[], sections: readonly Section[]) {
  const sectionLabel = new Map(sections.map((s) => [s.relation, s.label]));
  const first = new Map<string, number>();
  const seen = new Map<string, number>();
  return rows.map((row, i) => {
    const key = `${row.relation} ${row.speaker}`;
    if (!first.has(key)) first.set(key, i);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return {
      ...row,
      section: sectionLabel.get(row.relation)!,
      row: `${String(n).padStart(3, '0')}${row.speakerName}`,
      rank: first.get(key)! * 1000 + n,
      quoteText: quoted(row.quote),
    };
  });
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
