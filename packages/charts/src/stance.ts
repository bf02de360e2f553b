/**
 * `stanceChart`: who says what. One section per relation, one row per speaker, a triangle for each
 * statement coloured by stance, its date and the start of the quote; the full quote in the tooltip.
 */
import type { TopLevelSpec } from 'vega-lite';
import { frame, labelExtent, subtitleLines, type ChartBody } from './frame.js';
import { creditLine, indexClaimGraph, type ClaimGraphLike, type Defaults, type FrameOptions } from './input.js';
import { GREYS } from './palette.js';
import { rowKey, rowLabelLines, speakerRowsY, stanceChannels, stancesIn } from './rows.js';
import {
  describeSelection,
  requireRows,
  selectRelations,
  statementRows,
  tallyStances,
  type StatementRow,
  type StatementSelection,
} from './statements.js';
import { plural, quoted } from './text.js';
import { wrapText } from './text-width.js';

export interface StanceChartOptions extends StatementSelection, FrameOptions {
  /** Print each quote beside its date, on up to two lines (the tooltip always has it whole). */
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
  rowHeight: 38,
  labelWidth: 160,
  width: 440,
  title: undefined,
  subtitle: undefined,
  dataset: undefined,
  credit: undefined,
} satisfies Defaults<StanceChartOptions>;

/** Where the marks sit inside a row, from the left of the plotting area, and their sizes. */
const MARK_X = 10;
const DATE_X = 26;
const QUOTE_X = 108;
const NAME_SIZE = 12;
const NAME_PADDING = 10;
const NAME_LINE = 14;
const QUOTE_SIZE = 11.5;
const QUOTE_LINE = 14;
const HEADER_SIZE = 13;

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
  requireRows(rows, 'stanceChart', describeSelection(o));
  const sections = sectionsOf(rows, o.width);
  const stance = stanceChannels(stancesIn(rows));
  const { supports, disputes } = tallyStances(rows);
  const speakers = new Set(rows.map((r) => r.speaker)).size;

  const single = sections.length === 1 ? sections[0] : undefined;
  const entityName = o.entity !== undefined ? index.nameOf(o.entity) : undefined;
  const title =
    o.title ??
    (single ? `Who says what: ${single.phrase}` : entityName ? `Who says what about ${entityName}` : 'Who says what');
  const range = `, ${rows[0]!.dateLabel} to ${rows[rows.length - 1]!.dateLabel}`;
  const summary = `${plural(supports, 'statement')} in support and ${disputes} disputing, from ${plural(speakers, 'speaker')}${range}.`;
  const subtitle = subtitleLines(o.subtitle, [
    single ? `${capitalise(single.status)}: ${summary}` : `${plural(sections.length, 'relation')}: ${summary}`,
  ]);

  const values = withRowKeys(rows, o);
  const left = labelExtent(
    values.flatMap((v) => rowLabelLines(v.row)),
    NAME_SIZE,
    NAME_PADDING,
  );
  const y = speakerRowsY(
    { width: o.labelWidth, fontSize: NAME_SIZE, padding: NAME_PADDING },
    {
      labelBaseline: 'middle' as const,
      // A name may take two lines; a speaker's further statements on a relation get rows of their
      // own, under one name.
      labelLineHeight: NAME_LINE,
      // vega draws a two-line label down from the row's middle; lift it by half a line to centre it.
      labelOffset: { condition: { test: "indexof(datum.value, '\\n') >= 0", value: -NAME_LINE / 2 }, value: 0 },
      // Every section's labels take the same width, so the sections' plots line up.
      minExtent: left,
      maxExtent: left,
    },
  );
  const layers = [
    {
      mark: { type: 'point' as const, filled: true, size: 150, opacity: 1, stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        x: { value: MARK_X },
        ...stance,
      },
    },
    {
      mark: {
        type: 'text' as const,
        align: 'left' as const,
        baseline: 'middle' as const,
        color: GREYS.muted,
        fontSize: 11,
      },
      encoding: { x: { value: DATE_X }, text: { field: 'dateLabel' } },
    },
    // Quotes of one line sit on the row's middle; two-line quotes are lifted half a line to centre.
    ...(o.quotes
      ? ([1, 2] as const).map((lines) => ({
          transform: [{ filter: `length(datum.quoteLines) == ${lines}` }],
          mark: {
            type: 'text' as const,
            align: 'left' as const,
            baseline: 'middle' as const,
            fontSize: QUOTE_SIZE,
            fontStyle: 'italic',
            lineHeight: QUOTE_LINE,
            dy: ((1 - lines) * QUOTE_LINE) / 2,
          },
          encoding: { x: { value: QUOTE_X }, text: { field: 'quoteLines' } },
        }))
      : []),
  ];
  // One view per relation, stacked: each lists only its own speakers, under its own heading.
  const body: ChartBody = {
    vconcat: sections.map((section) => ({
      // With one relation the chart's own title names it; with several each gets a heading.
      title: single
        ? undefined
        : {
            text: section.header,
            anchor: 'start' as const,
            fontSize: HEADER_SIZE,
            fontWeight: 'bold' as const,
            subtitle: section.subheader,
            subtitleFontSize: 11.5,
            subtitleColor: GREYS.muted,
            subtitlePadding: 3,
            offset: 8,
          },
      data: { values: values.filter((v) => v.relation === section.relation) },
      width: o.width,
      height: { step: o.rowHeight },
      encoding: { y, tooltip: [...STATEMENT_TOOLTIP] },
      layer: layers,
    })),
    spacing: 22,
    resolve: { scale: { y: 'independent' } },
  };
  const description =
    `Chart of ${plural(rows.length, 'statement')} by ${plural(speakers, 'speaker')} about ` +
    `${sections.map((s) => `${s.phrase} (${s.status})`).join('; ')}. ${supports} support, ${disputes} dispute. ` +
    'Each row is a speaker; each mark is one statement with its date and quote.';
  return frame(body, {
    title,
    subtitle,
    description,
    credit: creditLine(
      index,
      rows.map((r) => r.source),
      o,
    ),
    width: o.width,
    left,
  });
}

interface Section {
  relation: string;
  phrase: string;
  status: string;
  /** The relation's phrase, wrapped to the chart's width, and its tally underneath. */
  header: string[];
  subheader: string;
}

/** Contested relations first, then by number of statements, then by phrase. */
function sectionsOf(rows: readonly StatementRow[], width: number): Section[] {
  const byRelation = new Map<string, StatementRow[]>();
  for (const row of rows) byRelation.set(row.relation, [...(byRelation.get(row.relation) ?? []), row]);
  const rank = (s: string) => (s === 'contested' ? 0 : 1);
  return [...byRelation]
    .map(([relation, list]) => {
      const { supports, disputes } = tallyStances(list);
      const { relationLabel: phrase, status } = list[0]!;
      return {
        relation,
        phrase,
        status,
        count: list.length,
        header: wrapText(phrase, width, HEADER_SIZE, 2, 'bold'),
        subheader: `${capitalise(status)}: ${supports} supporting, ${disputes} disputing`,
      };
    })
    .sort((a, b) => rank(a.status) - rank(b.status) || b.count - a.count || a.phrase.localeCompare(b.phrase))
    .map(({ count: _count, ...section }) => section);
}

/**
 * Adds the row key (the speaker's name, plus one zero-width space per earlier statement by the same
 * speaker on the relation), a rank that keeps speakers in order of their first word on it, and the
 * text lines: names and quotes are fitted here, with the renderer's font widths.
 */
function withRowKeys(rows: readonly StatementRow[], o: { width: number; labelWidth: number }) {
  const first = new Map<string, number>();
  const seen = new Map<string, number>();
  return rows.map((row, i) => {
    const key = `${row.relation} ${row.speaker}`;
    if (!first.has(key)) first.set(key, i);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return {
      ...row,
      row: rowKey(wrapText(row.speakerName, o.labelWidth, NAME_SIZE, 2).join('\n'), n),
      rank: first.get(key)! * 1000 + n,
      quoteLines: row.quote ? wrapText(quoted(row.quote), o.width - QUOTE_X, QUOTE_SIZE, 2) : [],
    };
  });
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
