/**
 * The mechanical rules of the curation protocol in the README ("Curation protocol"): whose words a
 * quote holds, the article's own voice, `reportedBy`, deputies, attempts and victims, hedges, degree
 * (`partial`) and ended relations. The carrier phrases and the degree words are read from the README
 * itself, so the protocol and its test cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset, Relation, Statement } from '@claimgraph/schema';

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

/** The phrases the README lists, in backticks, between `<!-- name -->` and `<!-- /name -->`. */
function readmeList(name: string): string[] {
  const block = new RegExp(`<!-- ${name} -->([\\s\\S]*?)<!-- \\/${name} -->`).exec(README);
  if (!block) throw new Error(`README.md has no <!-- ${name} --> list`);
  return [...block[1]!.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);
}
const carriers = () => readmeList('carriers');
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const CARRIER = new RegExp(
  `\\b(${carriers().map(escape).join('|')})\\b|\\b(said|says|told)\\s+(on\\s+)?(${WEEKDAYS})\\b`,
  'i',
);
/** The article's distance from someone else's claim; only its own quotes may carry them. */
const DISTANCE = /\b(reportedly|allegedly)\b/i;
/** Words that grant a relation only to a degree (README, "When `hedged` or `partial` is true"). */
const DEGREE = new RegExp(`\\b(${readmeList('degree').map(escape).join('|')})`, 'i');
/** The speaker's own tentative wording (README, "When `hedged` or `partial` is true"). */
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

/** Words that say an event was aimed at someone; "killed" alone makes a victim, not a target. */
const TARGETED = /\b(target(ed|s)?|aimed at|attacks? on)\b/i;

/**
 * Statements filed on a relation stronger than their words (README, rules 3 and 4), each as
 * `id: rule`: a deputy as a leader, an attempt as participation, a victim as a target, degree words
 * on part-of without `partial`, and `partial` without degree words.
 */
function strongerThanWords(data: Dataset): string[] {
  const relations = new Map<string, Relation>(data.relations.map((r) => [r.id, r]));
  const problems: string[] = [];
  for (const s of data.statements) {
    const relation = relations.get(s.relation);
    if (!relation) continue;
    const said = words(s);
    const role = String(relation.attributes?.role ?? '');
    if (relation.type === 'leads' && /\bdeputy\b/i.test(`${said} ${role}`)) problems.push(`${s.id}: deputy`);
    if (relation.type === 'participates-in' && /\battempt/i.test(said)) problems.push(`${s.id}: attempt`);
    if (relation.type === 'targets' && !TARGETED.test(said)) problems.push(`${s.id}: victim`);
    if (relation.type === 'part-of' && DEGREE.test(said) && s.partial !== true) problems.push(`${s.id}: degree`);
    if (s.partial === true && !DEGREE.test(said)) problems.push(`${s.id}: partial`);
  }
  return problems.sort();
}
const problemsOf = (rule: string) => strongerThanWords(dataset).filter((p) => p.endsWith(`: ${rule}`));

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

  it('lists its degree words in the README', () => {
    expect(readmeList('degree')).toEqual(expect.arrayContaining(['commingling', 'to a considerable extent']));
  });

  it('marks partial exactly the statements whose words grant part-of only to a degree', () => {
    expect(problemsOf('partial')).toEqual([]);
    expect(problemsOf('degree')).toEqual([]);
    expect(dataset.statements.filter((s) => s.partial === true).length).toBeGreaterThan(0);
  });

  it('files no deputy as a leader, no attempt as participation and no victim as a target', () => {
    expect(problemsOf('deputy')).toEqual([]);
    expect(problemsOf('attempt')).toEqual([]);
    expect(problemsOf('victim')).toEqual([]);
  });

  it('would have caught the relations of 2.0.0 that were stronger than their words', () => {
    const old = JSON.parse(readFileSync(join(datasetDir, 'releases', '2.0.0', 'dataset.json'), 'utf8')) as Dataset;
    expect(strongerThanWords(old)).toEqual([
      'st:defense-department-drone-strike-killed-isis-k-members: victim',
      'st:jake-sullivan-integrated-with-haqqani-network: degree',
      'st:john-kirby-commingling: degree',
      'st:nyt-op-ed-deputy-leader-of-the-taliban: deputy',
      'st:reporter-deputy-leader: deputy',
      'st:state-department-website-deputy-emir: deputy',
      'st:washington-examiner-abdullah-abdullah-attempted-to-insert-himself: attempt',
      'st:washington-examiner-hamid-karzai-attempted-to-insert-himself: attempt',
      'st:washington-examiner-interlocking-ties: degree',
      'st:washington-examiner-service-members-killed: victim',
    ]);
  });

  it('explains every relation that ended at an unknown date with the words that say so', () => {
    const ended = dataset.relations.filter((r) => r.endedBy !== undefined);
    expect(ended.length).toBeGreaterThan(0);
    for (const r of ended) expect(r.note, r.id).toMatch(/^Ended by: «/);
  });
});
