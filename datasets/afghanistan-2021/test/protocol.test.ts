/**
 * The mechanical rules of the curation protocol in the README ("Curation protocol"): whose words a
 * quote holds, the article's own voice, `reportedBy`, hedges and ended relations. The carrier
 * phrases are read from the README itself, so the protocol and its test cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset, Statement } from '@claimgraph/schema';

const datasetDir = fileURLToPath(new URL('..', import.meta.url));
const readData = (kind: string) => JSON.parse(readFileSync(join(datasetDir, 'data', `${kind}.json`), 'utf8'));
const dataset: Dataset = {
  entities: readData('entities'),
  relations: readData('relations'),
  statements: readData('statements'),
  sources: readData('sources'),
};
const README = readFileSync(join(datasetDir, 'README.md'), 'utf8');
const ARTICLE_VOICE = 'media-outlet:washington-examiner';
const WEEKDAYS = 'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday';

/** The carrier phrases the README lists between `<!-- carriers -->` and `<!-- /carriers -->`. */
function carriers(): string[] {
  const block = /<!-- carriers -->([\s\S]*?)<!-- \/carriers -->/.exec(README);
  if (!block) throw new Error('README.md has no <!-- carriers --> list');
  return [...block[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CARRIER = new RegExp(
  `\\b(${carriers().map(escape).join('|')})\\b|\\b(said|says|told)\\s+(on\\s+)?(${WEEKDAYS})\\b`,
  'i',
);
/** The article's distance from someone else's claim; only its own quotes may carry them. */
const DISTANCE = /\b(reportedly|allegedly)\b/i;
/** The speaker's own tentative wording (README, "When `hedged` is true"). */
const HEDGE = /\b(may|might|seems?|likely|can|unclear|no evidence|hadn't seen evidence)\b/i;

/** Where the article is, as the dataset test finds it; these rules that read it skip loudly without it. */
const repoDir = fileURLToPath(new URL('../../..', import.meta.url));
const articlePath = (
  process.env.CLAIMGRAPH_SOURCES
    ? [resolve(process.env.CLAIMGRAPH_SOURCES)]
    : repoDir
        .split(sep)
        .map((_, i, parts) => join(parts.slice(0, parts.length - i).join(sep) || sep, '..', 'shared', 'sources'))
)
  .map((dir) => join(dir, 'washington-examiner-2021-08-taliban-haqqani.txt'))
  .find((path) => existsSync(path));
const requireSources = Boolean(process.env.CI) || process.env.CLAIMGRAPH_REQUIRE_SOURCES === '1';

/**
 * The words the article prints, inside the same quotation marks, before `quote`: a carrier there
 * ("the Taliban again affirmed that …", "has suggested that …") makes the quoted words the carrier's.
 */
function openingOfQuotation(article: string, quote: string): string[] {
  const openings: string[] = [];
  for (let at = article.indexOf(quote); at !== -1; at = article.indexOf(quote, at + 1)) {
    const line = article.slice(article.lastIndexOf('\n', at) + 1, at);
    const straight = [...line].filter((c) => c === '"').length;
    const curlyOpen = line.lastIndexOf('“');
    const opener = straight % 2 === 1 ? line.lastIndexOf('"') : curlyOpen > line.lastIndexOf('”') ? curlyOpen : -1;
    if (opener !== -1) openings.push(line.slice(opener + 1));
  }
  return openings;
}

/** Statements whose quote holds words that are not the speaker's, by the mechanical rules. */
function carrierProblems(data: Dataset, article?: string): string[] {
  const problems: string[] = [];
  for (const s of data.statements) {
    if (s.quote === undefined) continue;
    if (CARRIER.test(s.quote)) problems.push(`${s.id}: carrier in quote`);
    if (s.speaker !== ARTICLE_VOICE && DISTANCE.test(s.quote)) problems.push(`${s.id}: article's distance word`);
    if (article && openingOfQuotation(article, s.quote).some((before) => CARRIER.test(before)))
      problems.push(`${s.id}: inside a quotation a carrier opens`);
  }
  return problems;
}

const words = (s: Statement) => s.quote ?? s.paraphrase ?? '';

describe('the curation protocol', () => {
  it('lists its carrier phrases in the README', () => {
    expect(carriers()).toEqual(expect.arrayContaining(['according to', 'said that', 'have reported', 'affirmed that']));
  });

  it('keeps carriers and the article’s distance words out of every quote', () => {
    expect(carrierProblems(dataset)).toEqual([]);
  });

  it('quotes no words that a carrier opens inside the article’s quotation marks', (context) => {
    if (!articlePath) {
      if (requireSources) throw new Error('the source article was not found; CI must check out shared/sources');
      return context.skip('SKIPPED LOUDLY: the source article was not found (set CLAIMGRAPH_SOURCES)');
    }
    expect(carrierProblems(dataset, readFileSync(articlePath, 'utf8'))).toEqual([]);
  });

  it('would have caught the carrier words of 1.1.0', (context) => {
    if (!articlePath) return context.skip('SKIPPED LOUDLY: the source article was not found (set CLAIMGRAPH_SOURCES)');
    const old = JSON.parse(readFileSync(join(datasetDir, 'releases', '1.1.0', 'dataset.json'), 'utf8')) as Dataset;
    const flagged = new Set(
      carrierProblems(old, readFileSync(articlePath, 'utf8')).map((p) => p.split(':')[0] + ':' + p.split(':')[1]),
    );
    expect([...flagged].sort()).toEqual([
      'st:member-state-deniable-joint-venture-attacks',
      'st:member-states-report-collaboration',
      'st:member-states-strongly-deny-collaboration',
      'st:taliban-haqqanis-an-integral-part',
      'st:washington-examiner-president-joe-biden',
      'st:washington-examiner-state-department-website',
    ]);
  });

  it('dates the article’s own statements to its publication, never through a reportedBy', () => {
    const published = dataset.sources[0]!.published;
    for (const s of dataset.statements.filter((x) => x.speaker === ARTICLE_VOICE)) {
      expect(s.date, s.id).toBe(published);
      expect(s.reportedBy, s.id).toBeUndefined();
    }
  });

  it('uses reportedBy only for an account between the speaker and the article', () => {
    for (const s of dataset.statements) {
      if (s.reportedBy === undefined) continue;
      expect(s.reportedBy, s.id).not.toBe(s.speaker);
      expect(s.reportedBy, s.id).not.toBe(ARTICLE_VOICE);
    }
  });

  it('marks hedged only statements whose words hedge', () => {
    for (const s of dataset.statements.filter((x) => x.hedged === true)) {
      const own = s.speaker === ARTICLE_VOICE ? /\breportedly\b|\bseems\b/i.test(words(s)) : false;
      expect(own || HEDGE.test(words(s)), `${s.id}: ${words(s)}`).toBe(true);
    }
  });

  it('explains every relation that ended at an unknown date with the words that say so', () => {
    const ended = dataset.relations.filter((r) => r.endedBy !== undefined);
    expect(ended.length).toBeGreaterThan(0);
    for (const r of ended) expect(r.note, r.id).toMatch(/^Ended by: «/);
  });
});
