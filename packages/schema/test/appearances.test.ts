import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exactHoldsWords,
  findRepeatedStatements,
  fold,
  outsideCoverage,
  sameUtterance,
  statementIdentity,
  validateDataset,
  wordsKey,
  type Coverage,
  type Statement,
} from '../src/index.js';
import { baseDataset, problemsAfter, problemsOf, record, type Loose } from './fixture.js';

const STATEMENTS = 'data/statements.json';
const kirby = (d: Loose) => record(d.statements, 'st:kirby-1');
const reprint = { id: 'src:reprint', title: 'Reprinted', publisher: 'Yahoo News', published: '2021-09-01' };

describe('appearances', () => {
  it('accepts a statement reported by several sources, each with its own anchor and note', () => {
    const problems = problemsAfter((d) => {
      d.sources.push(reprint);
      kirby(d).appearances = [
        {
          source: 'src:reprint',
          anchor: { type: 'TextQuoteSelector', exact: 'There is a great deal of commingling', prefix: '“' },
          note: 'A verbatim reprint.',
        },
      ];
    });
    expect(problems).toEqual([]);
  });

  it('names an appearance whose source is unknown, the statement’s own, or listed twice', () => {
    expect(problemsAfter((d) => (kirby(d).appearances = [{ source: 'src:nowhere' }]))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/appearances/0/source',
        message: '"src:nowhere" is not a known source',
      },
    ]);
    expect(problemsAfter((d) => (kirby(d).appearances = [{ source: 'src:article' }]))[0]).toMatchObject({
      id: 'st:kirby-1',
      path: '/appearances/0/source',
      message: expect.stringContaining("is the statement's own source") as string,
    });
    const twice = problemsAfter((d) => {
      d.sources.push(reprint);
      kirby(d).appearances = [{ source: 'src:reprint' }, { source: 'src:reprint' }];
    });
    expect(twice).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/appearances/1/source',
        message: '"src:reprint" is already appearance 0; list each source once',
      },
    ]);
  });

  it("accepts an appearance's shortened or re-transcribed words, not other words", () => {
    const appearing = (exact: string) =>
      problemsAfter((d) => {
        d.sources.push(reprint);
        kirby(d).appearances = [
          { source: 'src:reprint', anchor: { type: 'TextQuoteSelector', exact, suffix: '\n\nMore' } },
        ];
      });
    expect(appearing('a great deal of commingling,')).toEqual([]);
    expect(appearing('There is a great amount of commingling')).toEqual([]);
    expect(sameUtterance('“!”', '!')).toBe(true);
    expect(sameUtterance('?', '!')).toBe(false);
    expect(appearing('The Taliban deny any link')[0]).toMatchObject({
      path: '/appearances/0/anchor/exact',
      message: expect.stringContaining('shares too few words') as string,
    });
  });

  it('refuses an appearance in a source published before the words were said', () => {
    const problems = problemsAfter((d) => {
      d.sources.push({ ...reprint, published: '2021-08-01' });
      kirby(d).appearances = [{ source: 'src:reprint' }];
    });
    expect(problems).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/appearances/0/source',
        message: '"2021-08-27" is after its source "src:reprint" was published (2021-08-01)',
      },
    ]);
  });

  it('calls two statements of the same words one statement with two appearances, naming both', () => {
    const problems = problemsAfter((d) => {
      d.sources.push(reprint);
      // Another outlet's typography and capitalisation: the same words after the one folding.
      d.statements.push({
        ...kirby(d),
        id: 'st:zz-kirby-2',
        quote: '“there is a great deal of commingling.”',
        source: 'src:reprint',
      });
    });
    expect(problems).toEqual([
      {
        file: STATEMENTS,
        id: 'st:zz-kirby-2',
        path: '',
        message:
          'one statement, two appearances: "st:zz-kirby-2" and "st:kirby-1" give the same words of "person:john-kirby", supporting "rel:taliban-cooperates-with-haqqani"; keep "st:kirby-1" and list "src:reprint" in its appearances (redirect "st:zz-kirby-2" to it)',
      },
    ]);
  });

  it('keeps statements apart when the speaker, relation, stance or words differ', () => {
    for (const change of [
      { speaker: 'person:ned-price' },
      { stance: 'disputes' },
      { relation: 'rel:haqqani-part-of-taliban' },
      { quote: 'There is a great deal of commingling here' },
    ]) {
      const problems = problemsAfter((d) => d.statements.push({ ...kirby(d), id: 'st:zz-kirby-2', ...change }));
      expect(problems, JSON.stringify(change)).toEqual([]);
    }
  });
  it('findRepeatedStatements() pairs each repeat with the first statement of the same identity', () => {
    // The reference: every statement keyed by its full identity, first one kept.
    const reference = (statements: Statement[]) => {
      const seen = new Map<string, Statement>();
      const out: { statement: Statement; first: Statement }[] = [];
      for (const statement of statements) {
        const key = statementIdentity(statement);
        if (key === undefined) continue;
        const first = seen.get(key);
        if (first) out.push({ statement, first });
        else seen.set(key, statement);
      }
      return out;
    };
    const statement = fc.record({
      speaker: fc.constantFrom('person:a', 'person:b'),
      relation: fc.constantFrom('rel:x', 'rel:y'),
      stance: fc.constantFrom('supports' as const, 'disputes' as const),
      words: fc.option(fc.constantFrom('Yes.', 'yes', '“Yes”', 'No', 'no way', 'e\u0301t\u00e9'), { nil: undefined }),
      quoted: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(statement, { maxLength: 12 }), (drawn) => {
        const statements = drawn.map(
          ({ words, quoted, ...rest }, i) =>
            ({
              id: `st:${i}`,
              ...rest,
              ...(words === undefined ? {} : quoted ? { quote: words } : { paraphrase: words }),
            }) as Statement,
        );
        expect(findRepeatedStatements(statements)).toEqual(reference(statements));
      }),
    );
  });
});

describe('anchors', () => {
  const anchored = (anchor: unknown, words: Record<string, unknown> = {}) =>
    problemsAfter((d) => Object.assign(kirby(d), words, { anchor }));

  it('accepts a TextQuoteSelector whose exact is the quote, typography aside', () => {
    expect(anchored({ type: 'TextQuoteSelector', exact: 'There is a great deal of commingling' })).toEqual([]);
    expect(anchored({ type: 'TextQuoteSelector', exact: 'it’s — so', suffix: ' and' }, { quote: "it's - so" })).toEqual(
      [],
    );
  });

  it('refuses a TextQuoteSelector that holds other words, naming the field', () => {
    expect(anchored({ type: 'TextQuoteSelector', exact: 'There is some commingling' })).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/anchor/exact',
        message:
          '"There is some commingling" is not the quote "There is a great deal of commingling"; exact holds the words as the source prints them (an elided quote\'s parts, in order)',
      },
    ]);
  });

  it('finds the parts of an elided quote in order', () => {
    expect(
      exactHoldsWords('We know that there is a certain matter of commingling here.', 'We know … commingling'),
    ).toBe(true);
    expect(
      exactHoldsWords('We know that there is a certain matter of commingling here.', 'We know... commingling'),
    ).toBe(true);
    expect(exactHoldsWords('commingling, we know', 'We know … commingling')).toBe(false);
    expect(exactHoldsWords('The Haqqanis are [part of] us', 'The Haqqanis are [part of] us')).toBe(true);
    // Case and the punctuation at the ends aside, a whole quote must be the exact words.
    expect(exactHoldsWords('No, it does not,', 'No, it does not.')).toBe(true);
    expect(exactHoldsWords('No, it does not', 'no, it does')).toBe(false);
  });

  it('refuses control characters in a prefix, but not the spaces a fragment begins with', () => {
    expect(
      anchored({ type: 'TextQuoteSelector', exact: 'There is a great deal of commingling', prefix: ' said: ' }),
    ).toEqual([]);
    expect(
      anchored({ type: 'TextQuoteSelector', exact: 'There is a great deal of commingling', prefix: 'a\u202eb' }),
    ).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/anchor/prefix',
        message: 'contains the invisible control character U+202E at position 1; remove it',
      },
    ]);
  });

  it('keeps the position anchor, with its length rule', () => {
    const snapshot = 'a'.repeat(64);
    expect(anchored({ type: 'TextPositionSelector', start: 10, end: 46, snapshot })).toEqual([]);
    expect(anchored({ type: 'TextPositionSelector', start: 10, end: 12, snapshot })[0]).toMatchObject({
      path: '/anchor',
      message: expect.stringContaining('spans 2 characters') as string,
    });
  });
});

describe('paraphraseBy', () => {
  it("accepts a curator's paraphrase, and refuses an anchor on it", () => {
    const curator = { quote: undefined, paraphrase: 'said the groups overlap', paraphraseBy: 'curator' };
    expect(problemsAfter((d) => Object.assign(kirby(d), curator))).toEqual([]);
    expect(
      problemsAfter((d) =>
        Object.assign(kirby(d), curator, { anchor: { type: 'TextQuoteSelector', exact: 'said the groups overlap' } }),
      )[0],
    ).toMatchObject({ path: '/anchor', message: expect.stringContaining("the curator's own words") as string });
  });

  it('needs a paraphrase', () => {
    expect(problemsAfter((d) => (kirby(d).paraphraseBy = 'source'))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/paraphraseBy',
        message: 'says whose paraphrase it is, but the statement has no paraphrase; add one, or remove paraphraseBy',
      },
    ]);
  });
});

describe('sources and coverage', () => {
  const coverage = (): Coverage => ({
    period: { from: '2012', to: '2026-12' },
    languages: ['en'],
    searches: [{ where: 'public news pages', query: 'Anas Haqqani interview', date: '2026-12-06' }],
    gaps: ['No Pashto sources.'],
  });

  it('accepts a source read on a date, in a language', () => {
    expect(problemsAfter((d) => Object.assign(d.sources[0]!, { accessed: '2026-12-06', language: 'en' }))).toEqual([]);
    expect(problemsAfter((d) => Object.assign(d.sources[0]!, { accessed: '2026-02-30' }))[0]).toMatchObject({
      id: 'src:article',
      path: '/accessed',
    });
  });

  it('accepts a dataset that declares its coverage, and names each broken field in data/coverage.json', () => {
    expect(validateDataset({ ...baseDataset(), coverage: coverage() }).errors).toEqual([]);
    const backwards = { ...coverage(), period: { from: '2026', to: '2012' } };
    expect(problemsOf({ ...baseDataset(), coverage: backwards })).toEqual([
      {
        file: 'data/coverage.json',
        id: null,
        path: '/period/from',
        message: '"2026" is after the end of the period, "2012"',
      },
    ]);
    const { searches: _, ...noSearches } = coverage();
    expect(problemsOf({ ...baseDataset(), coverage: noSearches })).toEqual([
      { file: 'data/coverage.json', id: null, path: '/searches', message: 'is required' },
    ]);
    expect(
      problemsOf({ ...baseDataset(), coverage: { ...coverage(), searches: [{ where: 'x', date: '2026-13' }] } })[0],
    ).toMatchObject({ file: 'data/coverage.json', path: '/searches/0/date' });
  });

  it('tells a date outside the period', () => {
    expect(outsideCoverage(coverage(), '2011-12-31')).toBe(true);
    expect(outsideCoverage(coverage(), '2012')).toBe(false);
    expect(outsideCoverage(coverage(), '2026-12-31')).toBe(false);
    expect(outsideCoverage(coverage(), '2027')).toBe(true);
    expect(outsideCoverage(undefined, '1900')).toBe(false);
  });
});

describe('wordsKey', () => {
  it('folds typography, case, white space and the punctuation at the ends, nothing else', () => {
    expect(wordsKey('“The Taliban — and  the Haqqanis…”')).toBe(wordsKey('the Taliban - and the Haqqanis...'));
    expect(wordsKey('Cafe\u0301')).toBe(wordsKey('Café'));
    expect(wordsKey('separate entities')).not.toBe(wordsKey('distinct entities'));
    expect(wordsKey('not separate')).not.toBe(wordsKey('separate'));
  });

  it('is the typographic fold of the NFC form, lower-cased, its ends dropped, on any text', () => {
    // Characters the fold treats apart, mixed with any text, so that every branch of the key meets them.
    const special = fc.constantFrom(
      ...'\u2018\u2019\u201A\u201B\u2032\u201C\u201D\u201E\u201F\u2033\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2026',
      ...' \t\n\u00a0\u2003\u3000\ufeff',
      'e\u0301',
      '\u0130',
      '.',
      '"',
      '[',
    );
    const mixed = fc.array(fc.oneof(special, fc.string({ unit: 'binary' }), fc.string()), { maxLength: 8 });
    const ascii = fc.array(fc.constantFrom('a', 'B', '.', ' ', '  ', '\t', '\n', '\r', '\x0b', '\x7f'), {
      maxLength: 8,
    });
    const text = fc.oneof(mixed, ascii);
    const byFold = (t: string) =>
      fold(t.normalize('NFC'))
        .text.toLowerCase()
        .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
    fc.assert(
      fc.property(text, (parts) => {
        const t = parts.join('');
        expect(wordsKey(t)).toBe(byFold(t));
      }),
      { numRuns: 400 },
    );
  });
});
