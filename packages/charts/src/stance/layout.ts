/**
 * The stance chart's third stage: where everything goes, in pixels. Rows grow with their words,
 * which wrap at word boundaries for the width given; below ~480 px names move above their statements,
 * and on a wide figure each statement's context takes a column of its own beside the words.
 */
import type { StatementRow } from '../statements.js';
import { textWidth, wrapWords } from '../text-width.js';
import { tallyStances } from '../statements.js';

/** The tooltip every statement mark and line carries: enough to cite it. */
export const STATEMENT_TOOLTIP = [
  { field: 'speakerName', title: 'Speaker' },
  { field: 'stanceKey', title: 'Stance' },
  { field: 'relationLabel', title: 'About' },
  { field: 'dateLabel', title: 'Date' },
  { field: 'quote', title: 'Quote' },
  { field: 'paraphrase', title: 'Reported as' },
  { field: 'context', title: 'Context' },
  { field: 'reportedBy', title: 'Reported by' },
  { field: 'sourceLabel', title: 'Source' },
  { field: 'sources', title: 'Sources' },
] as const;

const SIZE = { header: 13, subheader: 11.5, name: 12, date: 11, words: 11.5, context: 10.5 };
const LINE = { header: 17, subheader: 15, name: 15, words: 15, context: 14 };
/** Below this inner width the names go above their statements instead of beside them. */
const COMPACT_BELOW = 480;
const MARK_X = 8;
const DATE_X = 22;
const DATE_WIDTH = 80;
const GUTTER = 14;
const ROW_PAD = 7;
const SECTION_GAP = 18;
/**
 * Widths of the words column: about 90 characters of a quote a line, and at most about 110 on a
 * figure wide enough for a context column too, so that lines stay easy to follow back.
 */
const WORDS_MAX = 600;
const WORDS_WIDE = 720;
/** The context column beside the words: from about 35 to 70 characters a line. */
const CONTEXT_MIN = 220;
const CONTEXT_MAX = 420;
const CONTEXT_GAP = 24;
/** What a statement without a quote or a paraphrase shows in their place. */
const NO_WORDS = 'no words reported by the source';
const CLOSE = textWidth('”', SIZE.words);

/** Pixels kept free at the right of the view: see layoutStance. */
const TEXT_SPARE = 2;

export interface StanceLayoutOptions {
  /** The view's width; text stays `TEXT_SPARE` pixels inside it. */
  width: number;
  labelWidth: number;
  quotes: boolean;
  maxQuoteLines: number;
}

export interface StanceText {
  kind: 'header' | 'subheader' | 'name' | 'date' | 'quote' | 'paraphrase' | 'context';
  x: number;
  y: number;
  text: string;
  /** The whole text the line belongs to (a quote, a name), for checks and tooltips. */
  full: string;
}

export interface StanceSection {
  relation: string;
  phrase: string;
  status: string;
}

export interface StanceLayout {
  width: number;
  height: number;
  sections: StanceSection[];
  texts: (StanceText & Partial<StatementRow>)[];
  marks: (StatementRow & { x: number; y: number })[];
  rules: { x: number; x2: number; y: number }[];
}

/** Where each column starts and how wide it is, in pixels. */
interface Columns {
  /** Names above their statements (a phone) rather than beside them. */
  compact: boolean;
  labelColumn: number;
  plotX: number;
  wordsX: number;
  wordsWidth: number;
  /** Where the context goes: its own column beside the words, or under them (`beside` false). */
  context: { beside: boolean; x: number; width: number };
}

/**
 * The columns for a view `width` wide. A wide figure gives its room to a context column rather than
 * to ever longer lines of words; without contexts to show, the words may take up to `WORDS_WIDE`.
 */
function columnsOf(width: number, labelWidth: number, hasContext: boolean): Columns {
  const compact = width < COMPACT_BELOW;
  const labelColumn = compact ? 0 : Math.min(labelWidth, Math.round(width * 0.3));
  const plotX = compact ? 0 : labelColumn + GUTTER;
  const wordsX = compact ? plotX + DATE_X : plotX + DATE_X + DATE_WIDTH;
  const room = width - wordsX;
  const wide = room >= WORDS_MAX + CONTEXT_GAP + CONTEXT_MIN;
  if (!wide || !hasContext) {
    const wordsWidth = Math.min(room, wide ? WORDS_WIDE : WORDS_MAX);
    return {
      compact,
      labelColumn,
      plotX,
      wordsX,
      wordsWidth,
      context: { beside: false, x: wordsX, width: wordsWidth },
    };
  }
  const contextWidth = Math.min(Math.max(room - CONTEXT_GAP - WORDS_MAX, CONTEXT_MIN), CONTEXT_MAX);
  const wordsWidth = Math.min(room - CONTEXT_GAP - contextWidth, WORDS_WIDE);
  const context = { beside: true, x: wordsX + wordsWidth + CONTEXT_GAP, width: contextWidth };
  return { compact, labelColumn, plotX, wordsX, wordsWidth, context };
}

/** Contested relations first, then by number of statements, then by phrase. */
function sectionsOf(rows: readonly StatementRow[]): { section: StanceSection; rows: StatementRow[] }[] {
  const byRelation = new Map<string, StatementRow[]>();
  for (const row of rows) byRelation.set(row.relation, [...(byRelation.get(row.relation) ?? []), row]);
  const rank = (s: string) => (s === 'contested' ? 0 : 1);
  return [...byRelation.values()]
    .map((list) => ({
      section: { relation: list[0]!.relation, phrase: list[0]!.relationLabel, status: list[0]!.status },
      rows: list,
    }))
    .sort(
      (a, b) =>
        rank(a.section.status) - rank(b.section.status) ||
        b.rows.length - a.rows.length ||
        a.section.phrase.localeCompare(b.section.phrase),
    );
}

export function layoutStance(rows: readonly StatementRow[], o: StanceLayoutOptions): StanceLayout {
  // Nothing may reach past the view, or the figure comes out wider than asked: text is laid out
  // two pixels short of it (vega rounds text bounds outwards), and rules keep their half-pixel
  // stroke inside it.
  const width = o.width - TEXT_SPARE;
  const columns = columnsOf(width, o.labelWidth, o.quotes && rows.some((r) => r.context));
  const { compact, labelColumn } = columns;
  const sections = sectionsOf(rows);
  const texts: StanceLayout['texts'] = [];
  const marks: StanceLayout['marks'] = [];
  const rules: StanceLayout['rules'] = [];
  let y = 0;
  const add: Add = (kind, x, lines, full, line, row, at = y) =>
    lines.forEach((text, i) => texts.push({ ...(row ?? {}), kind, x, y: at + i * line, text, full }));

  sections.forEach(({ section, rows: list }, s) => {
    if (s > 0) y += SECTION_GAP;
    if (sections.length > 1) {
      const header = wrapWords(section.phrase, width, SIZE.header, Infinity, 'bold').lines;
      add('header', 0, header, section.phrase, LINE.header);
      y += header.length * LINE.header;
      const { supports, disputes } = tallyStances(list);
      const sub = `${capitalise(section.status)}: ${supports} supporting, ${disputes} disputing`;
      add('subheader', 0, [sub], sub, LINE.subheader);
      y += LINE.subheader + 4;
    }
    // Speakers in the order of their first statement; each speaker's statements under their name.
    const bySpeaker = new Map<string, StatementRow[]>();
    for (const row of list) bySpeaker.set(row.speaker, [...(bySpeaker.get(row.speaker) ?? []), row]);
    [...bySpeaker.values()].forEach((said, g) => {
      if (g > 0 || sections.length > 1) rules.push({ x: 0.5, x2: o.width - 0.5, y: y + 0.5 });
      y += ROW_PAD;
      const name = said[0]!.speakerName;
      const nameLines = wrapWords(name, compact ? width : labelColumn, SIZE.name, Infinity, 'bold', false).lines;
      add('name', 0, nameLines, name, LINE.name, said[0]);
      const top = y;
      if (compact) y += nameLines.length * LINE.name + 2;
      said.forEach((row, i) => {
        if (i > 0) y += ROW_PAD;
        marks.push({ ...row, x: columns.plotX + MARK_X, y: y + LINE.words / 2 });
        y = placeStatement(row, y, columns, o, add);
      });
      if (!compact) y = Math.max(y, top + nameLines.length * LINE.name);
      y += ROW_PAD;
    });
  });
  return { width: o.width, height: Math.ceil(y), sections: sections.map((s) => s.section), texts, marks, rules };
}

/** Adds lines of one kind of text at `x`, from `at` (the current row's top by default). */
type Add = (
  kind: StanceText['kind'],
  x: number,
  lines: string[],
  full: string,
  line: number,
  row?: StatementRow,
  at?: number,
) => void;

/** One statement's date, words and context from `rowTop`; returns where the next row starts. */
function placeStatement(row: StatementRow, rowTop: number, c: Columns, o: StanceLayoutOptions, add: Add): number {
  let y = rowTop;
  add('date', c.plotX + DATE_X, [row.dateLabel], row.dateLabel, LINE.words, row, y);
  if (c.compact) y += LINE.words;
  if (o.quotes) {
    const words = wordsOf(row, c.wordsWidth, o.maxQuoteLines);
    add(words.kind, c.wordsX, words.lines, words.full, LINE.words, row, y);
    const wordsEnd = y + words.lines.length * LINE.words;
    if (row.context) {
      const context = wrapWords(row.context, c.context.width, SIZE.context).lines;
      // Beside the words, one pixel down so that the smaller type shares the first line's baseline.
      const at = c.context.beside ? y + 1 : wordsEnd;
      add('context', c.context.x, context, row.context, LINE.context, row, at);
      y = Math.max(wordsEnd, at + context.length * LINE.context);
    } else y = wordsEnd;
  }
  // An empty row (no words, or quotes hidden) still holds its mark and date.
  return Math.max(y, rowTop + LINE.words);
}

/** A statement's words in lines: its quote or paraphrase, or, with neither, a note saying so. */
function wordsOf(
  row: StatementRow,
  wordsWidth: number,
  maxLines: number,
): { kind: StanceText['kind']; lines: string[]; full: string } {
  const words = row.quote
    ? // Room kept for the closing mark a shortened quote gets after its ellipsis.
      wrapWords(`“${row.quote.trim()}”`, wordsWidth - CLOSE, SIZE.words, maxLines)
    : row.paraphrase
      ? wrapWords(row.paraphrase, wordsWidth, SIZE.words, maxLines)
      : { lines: [] as string[], shortened: false };
  // A shortened quote still closes its quotation mark.
  const lines = row.quote && words.shortened ? closeQuote(words.lines) : words.lines;
  if (lines.length) return { kind: row.quote ? 'quote' : 'paraphrase', lines, full: row.quote || row.paraphrase };
  // No words to show: say so, rather than leave a blank where a quote would be.
  return { kind: 'context', lines: [NO_WORDS], full: NO_WORDS };
}

/** The last line of a shortened quote ends "…”". */
function closeQuote(lines: string[]): string[] {
  return [...lines.slice(0, -1), `${lines[lines.length - 1]!}”`];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
