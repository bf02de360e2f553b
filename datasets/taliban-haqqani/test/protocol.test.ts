/**
 * The curation protocol of the README, checked on every record: short quotes with a selector that
 * finds them again, curators' own words marked as theirs, sources that say where and when they were read.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset, Source, Statement } from '@claimgraph/schema';

const read = <T>(file: string) => JSON.parse(readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8')) as T;
const statements = read<Statement[]>('statements.json');
const sources = read<Source[]>('sources.json');
const coverage = read<NonNullable<Dataset['coverage']>>('coverage.json');

/** The one source whose text the curators keep (afghanistan-2021's article): anchored by position there. */
const SNAPSHOT_SOURCE = 'src:washington-examiner-2021-08-taliban-haqqani';
/** Phrases that attribute words to someone: they belong outside a quote. */
const CARRIERS = ['according to', 'said that', 'says that', 'told', 'claimed that', 'reported that', 'stated that'];
const words = (text: string) => text.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? [];

describe('the curation protocol', () => {
  it('quotes at most 40 words, never a carrier of someone else’s words', () => {
    const long = statements.filter((s) => s.quote !== undefined && words(s.quote).length > 40).map((s) => s.id);
    expect(long).toEqual([]);
    const carried = statements.filter((s) => CARRIERS.some((c) => new RegExp(`\\b${c}\\b`, 'i').test(s.quote ?? '')));
    expect(carried.map((s) => s.id)).toEqual([]);
  });

  it("writes every paraphrase in the curators' own words and says so", () => {
    const unmarked = statements.filter((s) => s.paraphrase !== undefined && s.paraphraseBy !== 'curator');
    expect(unmarked.map((s) => s.id)).toEqual([]);
  });

  it('gives every statement words: a quote, or a curator’s summary', () => {
    expect(statements.filter((s) => s.quote === undefined && s.paraphrase === undefined).map((s) => s.id)).toEqual([]);
  });

  it('anchors every quote with a TextQuoteSelector that holds at most 32 characters either side', () => {
    const problems: string[] = [];
    const check = (id: string, anchor: Statement['anchor']) => {
      if (anchor?.type !== 'TextQuoteSelector') return problems.push(`${id}: no TextQuoteSelector`);
      for (const side of ['prefix', 'suffix'] as const)
        if ((anchor[side]?.length ?? 0) > 32) problems.push(`${id}: ${side} longer than 32 characters`);
    };
    for (const s of statements) {
      if (s.quote !== undefined) check(s.id, s.anchor);
      for (const a of s.appearances ?? []) if (a.anchor) check(`${s.id} in ${a.source}`, a.anchor);
    }
    expect(problems).toEqual([]);
  });

  it('resolves every date in a note that begins "Date:"', () => {
    expect(statements.filter((s) => !s.note?.startsWith('Date:')).map((s) => s.id)).toEqual([]);
  });

  it('records where each source was read, when, in which language', () => {
    const missing = sources
      .filter((s) => s.id !== SNAPSHOT_SOURCE)
      .flatMap((s) =>
        (['url', 'published', 'accessed', 'language'] as const).filter((f) => !s[f]).map((f) => `${s.id} ${f}`),
      );
    expect(missing).toEqual([]);
  });

  it('declares its coverage: the period of every statement, the searches and the gaps', () => {
    const dates = statements.map((s) => s.date).sort();
    expect(dates[0]! >= coverage.period.from).toBe(true);
    expect(dates[dates.length - 1]!.slice(0, coverage.period.to.length) <= coverage.period.to).toBe(true);
    expect(coverage.searches.every((s) => s.query !== undefined)).toBe(true);
    expect(coverage.gaps.length).toBeGreaterThanOrEqual(3);
  });
});
