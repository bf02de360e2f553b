import { describe, expect, it } from 'vitest';
import { checkQuotes, codePointOffset, locateQuote, snapshotFileName } from '../src/quotes/index.js';

const TEXT =
  'The Pentagon said the groups were “commingling” – and  the State Department disagreed… Officials said so.';

describe('locateQuote', () => {
  it('finds a verbatim quote and gives offsets that slice it back out', () => {
    const match = locateQuote(TEXT, 'the groups were');
    expect(match).toMatchObject({ status: 'verbatim' });
    if (match.status !== 'verbatim') throw new Error('unreachable');
    expect(TEXT.slice(match.start, match.end)).toBe('the groups were');
  });

  it('reports straight quotes where the source has curly ones as a near miss naming the marks', () => {
    const match = locateQuote(TEXT, 'were "commingling"');
    expect(match.status).toBe('near-miss');
    if (match.status !== 'near-miss') throw new Error('unreachable');
    expect(match.span).toBe('were “commingling”');
    expect(match.differences.map((d) => d.kind)).toEqual(['quote-mark']);
    expect(match.differences[0]!.message).toBe('quotation mark: the quote has "\\"" where the source has "“"');
  });

  it('reports dashes, doubled spaces and the ellipsis character as typographic differences', () => {
    const match = locateQuote(TEXT, '- and the State Department disagreed...');
    expect(match.status).toBe('near-miss');
    if (match.status !== 'near-miss') throw new Error('unreachable');
    expect(match.differences.map((d) => d.kind).sort()).toEqual(['dash', 'ellipsis', 'whitespace']);
  });

  it('reports a one-letter change as a changed word, with the closest span of the source', () => {
    const match = locateQuote(TEXT, 'the State Departmant disagreed');
    expect(match.status).toBe('near-miss');
    if (match.status !== 'near-miss') throw new Error('unreachable');
    expect(match.span).toBe('the State Department disagreed');
    expect(match.differences).toEqual([
      {
        kind: 'word',
        quote: 'Departmant',
        source: 'Department',
        message: 'changed word: the quote has "Departmant" where the source has "Department" (one letter)',
      },
    ]);
  });

  it('reports a missing word', () => {
    const match = locateQuote(TEXT, 'The Pentagon said groups were');
    expect(match.status).toBe('near-miss');
    if (match.status !== 'near-miss') throw new Error('unreachable');
    expect(match.differences.map((d) => d.message)).toEqual(['missing word: the source has "the" here']);
  });

  it('calls words the source does not hold missing', () => {
    expect(locateQuote(TEXT, 'an entirely different sentence about nothing')).toEqual({ status: 'missing' });
    expect(locateQuote(TEXT, '')).toEqual({ status: 'missing' });
  });
});

describe('checkQuotes', () => {
  const dataset = {
    entities: [{ id: 'person:a', type: 'person', name: 'A', note: 'The article says «Officials said so».' }],
    relations: [],
    sources: [
      { id: 'src:article', title: 't', publisher: 'p' },
      { id: 'src:other', title: 't', publisher: 'p' },
    ],
    statements: [
      {
        id: 'st:1',
        relation: 'rel:x',
        speaker: 'person:a',
        stance: 'supports',
        date: '2021',
        source: 'src:article',
        quote: 'commingling',
      },
      {
        id: 'st:2',
        relation: 'rel:x',
        speaker: 'person:a',
        stance: 'supports',
        date: '2021',
        source: 'src:article',
        quote: 'comingling',
        note: 'From «the State Departmant disagreed».',
      },
      {
        id: 'st:3',
        relation: 'rel:x',
        speaker: 'person:a',
        stance: 'supports',
        date: '2021',
        source: 'src:other',
        quote: 'anything',
      },
    ],
  } as never;

  it('checks quotes in their own source and note excerpts, counting each outcome', () => {
    const report = checkQuotes(dataset, new Map([['src:article', TEXT]]));
    expect(report.checks.map((c) => `${c.record} ${c.field} ${c.match.status}`)).toEqual([
      'st:1 quote verbatim',
      'st:2 quote near-miss',
      'st:2 note near-miss',
      'st:3 quote no-snapshot',
      'person:a note verbatim',
    ]);
    expect(report).toMatchObject({ verbatim: 2, nearMisses: 2, missing: 0, unchecked: 1 });
  });

  it("checks the words in every appearance's source too, and never a curator's paraphrase", () => {
    const statements = [
      {
        id: 'st:1',
        relation: 'rel:x',
        speaker: 'person:a',
        stance: 'supports',
        date: '2021',
        source: 'src:article',
        quote: 'commingling',
        appearances: [
          { source: 'src:other', anchor: { type: 'TextQuoteSelector', exact: 'Commingling' } },
          { source: 'src:unread' },
        ],
      },
      {
        id: 'st:2',
        relation: 'rel:x',
        speaker: 'person:a',
        stance: 'supports',
        date: '2021',
        source: 'src:article',
        paraphrase: 'the groups overlap, he said',
        paraphraseBy: 'curator',
      },
    ];
    const report = checkQuotes(
      { entities: [], relations: [], sources: [], statements } as never,
      new Map([
        ['src:article', TEXT],
        ['src:other', 'Commingling, he said'],
      ]),
    );
    expect(report.checks.map((c) => `${c.record} ${c.source} ${c.match.status}`)).toEqual([
      'st:1 src:article verbatim',
      'st:1 src:other verbatim',
      'st:1 src:unread no-snapshot',
    ]);
  });

  it('names snapshot files by source id without the type prefix', () => {
    expect(snapshotFileName('src:washington-examiner-2021-08-taliban-haqqani')).toBe(
      'washington-examiner-2021-08-taliban-haqqani.txt',
    );
  });
});

describe('codePointOffset', () => {
  it('counts a surrogate pair as one character, as a TextPositionSelector does', () => {
    expect(codePointOffset('a😀b', 3)).toBe(2);
    expect(codePointOffset('abc', 2)).toBe(2);
  });
});
