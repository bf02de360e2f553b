/**
 * The stance chart's last stage: the laid-out separators, marks and lines of text as one Vega-Lite
 * view in pixels, with the title, subtitle and the description that holds every quote whole.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatDateRange } from '../dates.js';
import { frame, subtitleLines, type ChartBody } from '../frame.js';
import { creditLine, type ChartIndex } from '../input.js';
import { GREYS } from '../palette.js';
import { stanceChannels, stancesIn } from '../rows.js';
import { tallyStances, type StatementRow } from '../statements.js';
import { plural } from '../text.js';
import { STATEMENT_TOOLTIP, type StanceLayout } from './layout.js';
import type { StanceOptions } from './options.js';

export function stanceSpec(
  index: ChartIndex,
  o: StanceOptions,
  rows: readonly StatementRow[],
  layout: StanceLayout,
): TopLevelSpec {
  const { supports, disputes } = tallyStances(rows);
  const speakers = new Set(rows.map((r) => r.speaker)).size;
  const single = layout.sections.length === 1 ? layout.sections[0] : undefined;
  const entityName = o.entity !== undefined ? index.labelOf(o.entity) : undefined;
  const title =
    o.title ??
    (single ? `Who says what: ${single.phrase}` : entityName ? `Who says what about ${entityName}` : 'Who says what');
  const range = formatDateRange(rows[0]!.date, rows[rows.length - 1]!.date);
  const summary = `${plural(supports, 'statement')} in support and ${disputes} disputing, from ${plural(speakers, 'speaker')}, ${range}.`;
  const subtitle = subtitleLines(o.subtitle, [
    single ? `${capitalise(single.status)}: ${summary}` : `${plural(layout.sections.length, 'relation')}: ${summary}`,
  ]);
  return frame(body(layout, rows), {
    title,
    subtitle,
    description: describe(index, rows, layout),
    credit: creditLine(
      index,
      rows.map((r) => r.source),
      o,
    ),
    width: layout.width,
    titleLines: o.titleLines,
  });
}

/** One view in pixels: separators, statement marks, and every line of text as its own datum. */
function body(layout: StanceLayout, rows: readonly StatementRow[]): ChartBody {
  const pixels = { type: 'quantitative' as const, scale: null, axis: null };
  const stance = stanceChannels(stancesIn(rows));
  const text = (kind: string, mark: Record<string, unknown>) => ({
    transform: [{ filter: `datum.kind == '${kind}'` }],
    mark: { type: 'text' as const, align: 'left' as const, baseline: 'top' as const, ...mark },
    encoding: {
      x: { field: 'x', ...pixels },
      y: { field: 'y', ...pixels },
      text: { field: 'text' },
      tooltip: [...STATEMENT_TOOLTIP],
    },
  });
  const kinds = new Set<string>(layout.texts.map((t) => t.kind));
  const styles: Record<string, Record<string, unknown>> = {
    header: { fontSize: 13, fontWeight: 'bold', color: '#111111' },
    subheader: { fontSize: 11.5, color: GREYS.muted },
    name: { fontSize: 12, fontWeight: 'bold', color: '#222222' },
    date: { fontSize: 11, color: GREYS.muted },
    quote: { fontSize: 11.5, fontStyle: 'italic', color: '#222222' },
    paraphrase: { fontSize: 11.5, color: '#222222' },
    context: { fontSize: 10.5, color: GREYS.muted },
  };
  return {
    width: layout.width,
    height: layout.height,
    layer: [
      ...(layout.rules.length
        ? [
            {
              data: { values: layout.rules },
              mark: { type: 'rule' as const, color: GREYS.faint, strokeWidth: 1 },
              encoding: { x: { field: 'x', ...pixels }, x2: { field: 'x2' }, y: { field: 'y', ...pixels } },
            },
          ]
        : []),
      {
        data: { values: layout.marks },
        mark: { type: 'point' as const, filled: true, size: 150, opacity: 1, stroke: 'white', strokeWidth: 0.5 },
        encoding: {
          x: { field: 'x', ...pixels },
          y: { field: 'y', ...pixels },
          ...stance,
          tooltip: [...STATEMENT_TOOLTIP],
        },
      },
      {
        data: { values: layout.texts },
        layer: Object.entries(styles)
          .filter(([kind]) => kinds.has(kind))
          .map(([kind, style]) => text(kind, style)),
      },
    ],
  };
}

/** The chart in words, with every quote whole: what a screen reader reads. */
function describe(index: ChartIndex, rows: readonly StatementRow[], layout: StanceLayout): string {
  const speakers = new Set(rows.map((r) => r.speaker)).size;
  const { supports, disputes } = tallyStances(rows);
  const parts = layout.sections.map((section) => {
    const said = rows
      .filter((r) => r.relation === section.relation)
      .map((r) => {
        const words = r.quote ? `: “${r.quote}”` : r.paraphrase ? `, reported as: ${r.paraphrase}` : '';
        const context = r.context ? ` (${r.context})` : '';
        return `${r.speakerName} ${r.stanceKey} on ${r.dateLabel}${words}${context}`;
      });
    return `${section.phrase} (${section.status}): ${said.join('; ')}.`;
  });
  const shared = [...new Set(rows.map((r) => r.speaker))].filter((id) => index.sharesName(id));
  const apart = shared.length
    ? ` Speakers who share a name are numbered: ${shared
        .map((id) => `${index.labelOf(id)} is ${index.entities.get(id)?.description ?? id}`)
        .join('; ')}.`
    : '';
  return (
    `Chart of ${plural(rows.length, 'statement')} by ${plural(speakers, 'speaker')}: ${supports} support, ${disputes} dispute. ` +
    `Each group of rows is a speaker; each mark is one statement with its date and words. ${parts.join(' ')}${apart}`
  );
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
