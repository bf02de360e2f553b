/**
 * The timeline chart's last stage: the laid-out marks as Vega-Lite layers on a time axis, one row
 * per speaker, with the totals column, and the title, subtitle and description.
 */
import type { TopLevelSpec } from 'vega-lite';
import { CHANGE_FONT, LABEL_GAP, type ChangePoint } from '../changes.js';
import { formatDateRange, tickFormat } from '../dates.js';
import { frame, legendColumns, subtitleLines, type ChartBody } from '../frame.js';
import { creditLine, type ChartIndex } from '../input.js';
import { COUNT_FONT_SIZE } from '../lanes.js';
import { GREYS } from '../palette.js';
import { speakerRowsY, stanceChannels, stancesIn } from '../rows.js';
import { tallyStances } from '../statements.js';
import { plural } from '../text.js';
import { NAME_PADDING, NAME_SIZE, TOTAL_COLUMN, type TimelineLayout, type TimelineValue } from './layout.js';
import type { TimelineOptions } from './options.js';
import type { TimelineSelection } from './select.js';

/** The line that joins a change of position, darker than any stance. */
const CHANGE_COLOR = '#222222';

type Stance = ReturnType<typeof stanceChannels>;

export function timelineSpec(
  index: ChartIndex,
  o: TimelineOptions,
  selection: TimelineSelection,
  layout: TimelineLayout,
): TopLevelSpec {
  return frame(timelineBody(o, selection, layout), {
    ...timelineWords(index, o, selection, layout),
    credit: creditLine(
      index,
      selection.rows.map((r) => r.source),
      o,
    ),
    width: layout.plotWidth + TOTAL_COLUMN,
    titleLines: o.titleLines,
    left: layout.left,
  });
}

function timelineBody(o: TimelineOptions, { rows }: TimelineSelection, layout: TimelineLayout): ChartBody {
  const { plotWidth, domain, values, changed, totals } = layout;
  const stance = stanceChannels(stancesIn(rows));
  const y = speakerRowsY({ width: layout.labelWidth, fontSize: NAME_SIZE, padding: NAME_PADDING });
  const tooltip = [
    { field: 'speakerName', title: o.voices === 'body' ? 'Voice' : 'Speaker' },
    ...(o.voices === 'body' ? [{ field: 'saidBy', title: 'Said by' }] : []),
    { field: 'stanceKey', title: 'Stance' },
    { field: 'dateLabel', title: 'Date' },
    { field: 'count', title: 'Statements' },
    { field: 'relationLabel', title: 'About' },
    { field: 'quote', title: 'Quote' },
    { field: 'paraphrase', title: 'Reported as' },
    { field: 'context', title: 'Context' },
    { field: 'sourceLabel', title: 'Source' },
    { field: 'sources', title: 'Sources' },
  ];
  const time = { field: 'at', type: 'temporal' as const };
  return {
    width: plotWidth,
    height: { step: o.rowHeight },
    encoding: { y },
    // Only layers with data: an empty layer leaves vega an empty extent to warn about.
    layer: [
      {
        data: { values },
        encoding: {
          x: {
            ...time,
            title: null,
            // A window given by `from`/`to` clips the marks: ranges are cut at its edges.
            scale: { type: 'utc', ...domain },
            axis: {
              grid: true,
              tickCount: 6,
              labelFlush: true,
              labelOverlap: true,
              format: tickFormat(domain.domainMax - domain.domainMin),
            },
          },
          color: {
            ...stance.color,
            // Full strength in the legend, whatever the lighter range lines use.
            legend: { columns: legendColumns(stance.color.scale.domain, plotWidth + TOTAL_COLUMN), symbolOpacity: 1 },
          },
          tooltip,
        },
        layer: markLayers(values, stance, plotWidth),
      },
      ...(changed.length ? [changeLayer(changed, domain)] : []),
      ...totalLayers(totals, plotWidth),
    ],
  };
}

/** Row shading, month and year ranges, day points, and the counts after marks that stand for several. */
function markLayers(values: readonly TimelineValue[], stance: Stance, plotWidth: number) {
  return [
    {
      transform: [{ filter: 'datum.shade == 1' }],
      mark: { type: 'rect' as const, color: '#f3f3f3', opacity: 0.7 },
      encoding: { x: { value: 0 }, x2: { value: plotWidth }, color: { value: '#f3f3f3' }, tooltip: null },
    },
    ...(values.some((v) => v.precision !== 'day')
      ? [
          {
            // Month- and year-precision dates: a thin line across every day they can mean and a
            // hollow mark in its middle, lighter than the solid marks of exact days.
            transform: [{ filter: "datum.precision != 'day'" }],
            mark: { type: 'rule' as const, strokeWidth: 1.5, opacity: 0.55, clip: true },
            encoding: { x: { field: 'from', type: 'temporal' as const }, x2: { field: 'until' } },
          },
          {
            transform: [{ filter: "datum.precision != 'day'" }],
            mark: {
              type: 'point' as const,
              filled: false,
              size: 70,
              strokeWidth: 1.5,
              opacity: 1,
              fill: 'white',
              clip: true,
            },
            encoding: { shape: stance.shape },
          },
        ]
      : []),
    ...(values.some((v) => v.precision === 'day')
      ? [
          {
            transform: [{ filter: "datum.precision == 'day'" }],
            mark: {
              type: 'point' as const,
              filled: true,
              size: 120,
              opacity: 1,
              stroke: 'white',
              strokeWidth: 0.5,
              clip: true,
            },
            encoding: { shape: stance.shape },
          },
        ]
      : []),
    ...countLayers(values),
  ];
}

/** "×3" after a mark that stands for several statements; before the range's end when there is no room after it. */
const countLayers = (values: readonly TimelineValue[]) =>
  [false, true]
    .filter((cut) => values.some((v) => v.count > 1 && v.cut === cut))
    .map((cut) => ({
      transform: [{ filter: `datum.count > 1 && datum.cut == ${cut}` }],
      mark: {
        type: 'text' as const,
        align: cut ? ('right' as const) : ('left' as const),
        baseline: 'middle' as const,
        dx: cut ? -4 : 8,
        dy: cut ? -7 : 0,
        fontSize: COUNT_FONT_SIZE,
        clip: true,
      },
      encoding: {
        x: { field: 'after', type: 'temporal' as const },
        text: { field: 'countLabel' },
        color: { value: GREYS.text },
      },
    }));

/** A change of position: a dark line joining the speaker's two marks, labelled with what changed. */
const changeLayer = (changed: readonly ChangePoint[], domain: TimelineLayout['domain']) => ({
  data: { values: changed },
  encoding: {
    x: { field: 'at', type: 'temporal' as const, scale: { type: 'utc' as const, ...domain } },
    tooltip: [
      { field: 'speakerName', title: 'Changed position' },
      { field: 'label', title: 'From → to' },
      { field: 'dateLabel', title: 'When' },
    ],
  },
  layer: [
    {
      mark: { type: 'line' as const, color: CHANGE_COLOR, strokeWidth: 2, clip: true },
      encoding: { detail: { field: 'change', type: 'nominal' as const }, order: { field: 'end' } },
    },
    // The label, where it covers nothing: before the earlier mark, or after the later one.
    ...(['left', 'right'] as const)
      .filter((side) => changed.some((p) => p.end === 1 && p.shown && p.side === side))
      .map((side) => ({
        transform: [{ filter: `datum.end == 1 && datum.shown != '' && datum.side == '${side}'` }],
        mark: {
          type: 'text' as const,
          align: side === 'left' ? ('right' as const) : ('left' as const),
          baseline: 'middle' as const,
          dx: side === 'left' ? -LABEL_GAP : LABEL_GAP,
          fontSize: CHANGE_FONT.size,
          fontWeight: CHANGE_FONT.weight,
          color: CHANGE_COLOR,
        },
        encoding: { x: { field: 'labelAt', type: 'temporal' as const }, text: { field: 'shown' } },
      })),
  ],
});

/** Each speaker's total, in a column right of the plot, so a dominant speaker reads as such. */
const totalLayers = (totals: TimelineLayout['totals'], plotWidth: number) => [
  {
    data: { values: totals },
    mark: {
      type: 'text' as const,
      align: 'right' as const,
      baseline: 'middle' as const,
      fontSize: 11,
      color: GREYS.text,
    },
    encoding: {
      x: { value: plotWidth + TOTAL_COLUMN - 4 },
      text: { field: 'total' },
      tooltip: null,
    },
  },
  {
    data: { values: [{ heading: 'Total' }] },
    mark: {
      type: 'text' as const,
      align: 'right' as const,
      baseline: 'bottom' as const,
      fontSize: 10.5,
      color: GREYS.muted,
    },
    encoding: { x: { value: plotWidth + TOTAL_COLUMN - 4 }, y: { value: -4 }, text: { field: 'heading' } },
  },
];

/** Title, subtitle and the description a screen reader reads. */
function timelineWords(
  index: ChartIndex,
  o: TimelineOptions,
  { relationIds, rows }: TimelineSelection,
  { speakers, changed }: TimelineLayout,
) {
  const partial = rows.filter((r) => r.precision !== 'day').length;
  const { supports, disputes } = tallyStances(rows);
  const entityName = o.entity !== undefined ? index.labelOf(o.entity) : undefined;
  const about =
    relationIds.length === 1 ? (rows[0]?.relationLabel ?? index.relations.get(relationIds[0]!)!.id) : entityName;
  const title = o.title ?? (about ? `When they said it: ${about}` : 'When they said it');
  const span = formatDateRange(rows[0]!.date, rows[rows.length - 1]!.date);
  const voices = plural(speakers.size, o.voices === 'body' ? 'voice' : 'speaker');
  const subtitle = subtitleLines(o.subtitle, [
    `${plural(rows.length, 'statement')} by ${voices}, ${span}: ${supports} in support, ${disputes} disputing.`,
    ...(partial
      ? ['A hollow mark on a thin line: a statement dated only to its month or year, across the days it may mean.']
      : []),
    ...(changed.length
      ? [
          `A dark line joins a change of position, labelled with what changed${o.voices === 'body' ? '; a spokesperson is shown in the row of the body they speak for' : ''}.`,
        ]
      : []),
  ]);
  const shared = [...speakers.keys()].filter((id) => index.sharesName(id));
  const description =
    `Timeline of ${plural(rows.length, 'statement')} by ${voices}${about ? ` about ${about}` : ''}, ${span}. ` +
    `Solid marks are statements dated to the day; hollow marks on a thin line are statements dated only to a month or a year (${partial}). ` +
    `Statements per speaker: ${[...speakers.entries()].map(([id, s]) => `${index.labelOf(id)} ${s.total}`).join(', ')}.` +
    (shared.length
      ? ` Speakers who share a name are numbered: ${shared.map((id) => `${index.labelOf(id)} is ${index.entities.get(id)?.description ?? id}`).join('; ')}.`
      : '') +
    (changed.length
      ? ` Changes of position: ${changed
          .filter((p) => p.end === 1)
          .map((p) => `${p.speakerName}, ${p.dateLabel}: ${p.label}`)
          .join('; ')}.`
      : '');
  return { title, subtitle, description };
}
