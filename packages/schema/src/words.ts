/**
 * The rules on a statement's words and where they are found: a quote or a paraphrase (not both),
 * whose paraphrase it is, anchors that fit the words, and appearances in other sources. Per record:
 * the cross-record side (sources that exist, one statement per speaker's words) is in `rules.ts`.
 */
import { pushAll } from './arrays.js';
import { fold, wordsKey } from './fold.js';
import { show } from './issues.js';
import type { FieldProblem } from './schema-check.js';
import type { Statement } from './records.js';
import { fragmentProblem, textProblem } from './text.js';

type Fields = Record<string, unknown>;

const has = (r: Fields, field: string) => typeof r[field] === 'string' && r[field] !== '';

/** The words an anchor must find: the quote, or a paraphrase in the source's own words. */
function anchoredWords(r: Fields): { field: 'quote' | 'paraphrase'; words: string } | undefined {
  if (has(r, 'quote')) return { field: 'quote', words: r.quote as string };
  if (has(r, 'paraphrase') && r.paraphraseBy !== 'curator')
    return { field: 'paraphrase', words: r.paraphrase as string };
  return undefined;
}

// An elision in a quote ("…", "...", "[the Taliban]") joins words that stand apart in the source.
const ELISION = /\.\.\.|\[[^\]]*\]/g;
const HAS_ELISION = /\.\.\.|\u2026|\[[^\]]*\]/;

/** Text folded for comparing words: NFC, the typographic fold, lower case. */
const folded = (text: string) => fold(text.normalize('NFC')).text.toLowerCase();

/**
 * Whether a TextQuoteSelector's `exact` holds the words: the same words (`wordsKey`: typography,
 * case and the punctuation at either end aside), or, for words with elisions, each elided-apart part
 * found in `exact` in order.
 */
export function exactHoldsWords(exact: string, words: string): boolean {
  const parts = folded(words)
    .split(ELISION)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length <= 1 && !HAS_ELISION.test(words.normalize('NFC'))) return wordsKey(exact) === wordsKey(words);
  const source = folded(exact);
  let from = 0;
  for (const part of parts) {
    const at = source.indexOf(part, from);
    if (at === -1) return false;
    from = at + part.length;
  }
  return parts.length > 0;
}

const WORD = /[\p{L}\p{N}]+/gu;

/**
 * Whether an appearance's `exact` prints the same utterance as the statement's words: the same
 * words, a part of them, or another outlet's transcription of them. At least half of the distinct
 * words of the shorter of the two stand in the other: a shortened quote passes, other words do not.
 */
export function sameUtterance(exact: string, words: string): boolean {
  const a = new Set(folded(exact).match(WORD) ?? []);
  const b = new Set(folded(words).match(WORD) ?? []);
  const [shorter, longer] = a.size <= b.size ? [a, b] : [b, a];
  // Words of no letters or digits ("!", "…") can only be the same characters.
  if (shorter.size === 0) {
    const bare = (text: string) => folded(text).replace(/["'\s]/g, '');
    return bare(exact) === bare(words);
  }
  let shared = 0;
  for (const word of shorter) if (longer.has(word)) shared++;
  return shared * 2 >= shorter.size;
}

/** Problems of one anchor (of the statement, or of one of its appearances) against the statement's words. */
function anchorProblems(r: Fields, anchor: unknown, path: string, own = true): FieldProblem[] {
  if (typeof anchor !== 'object' || anchor === null) return [];
  const a = anchor as Fields;
  const target = anchoredWords(r);
  if (target === undefined)
    return [
      {
        path,
        message:
          has(r, 'paraphrase') && r.paraphraseBy === 'curator'
            ? "places words in a source, but the paraphrase is the curator's own words, which no source prints; remove the anchor"
            : 'places a quote in its source, but the statement has no quote or paraphrase',
      },
    ];
  if (a.type === 'TextPositionSelector' && typeof a.start === 'number' && typeof a.end === 'number') {
    const length = [...target.words].length;
    if (a.end - a.start !== length)
      return [
        {
          path,
          message: `spans ${a.end - a.start} characters (${a.start}–${a.end}) but the ${target.field} has ${length}; run claimgraph quotes --anchor again`,
        },
      ];
  }
  if (a.type === 'TextQuoteSelector' && typeof a.exact === 'string') {
    const problems: FieldProblem[] = [];
    const exactProblem = textProblem(a.exact);
    if (exactProblem) problems.push({ path: `${path}/exact`, message: exactProblem });
    for (const side of ['prefix', 'suffix'] as const) {
      const value = a[side];
      const problem = typeof value === 'string' ? fragmentProblem(value) : null;
      if (problem) problems.push({ path: `${path}/${side}`, message: problem });
    }
    if (!exactProblem && own && !exactHoldsWords(a.exact, target.words))
      problems.push({
        path: `${path}/exact`,
        message: `${show(a.exact, 60)} is not the ${target.field} ${show(target.words, 60)}; exact holds the words as the source prints them (an elided quote's parts, in order)`,
      });
    if (!exactProblem && !own && !sameUtterance(a.exact, target.words))
      problems.push({
        path: `${path}/exact`,
        message: `${show(a.exact, 60)} shares too few words with the ${target.field} ${show(target.words, 60)} to print the same words; another outlet may shorten or transcribe them, not say something else (that is another statement)`,
      });
    return problems;
  }
  return [];
}

/** A statement's words: a quote or a paraphrase, whose paraphrase it is, anchors that fit, appearances. */
export function wordsProblems(r: Fields): FieldProblem[] {
  if (has(r, 'quote') && has(r, 'paraphrase'))
    return [
      {
        path: '/paraphrase',
        message:
          "a statement has either a quote (the speaker's own words) or a paraphrase (the source reporting them), not both; keep the one the source prints",
      },
    ];
  const problems: FieldProblem[] = [];
  if (r.paraphraseBy !== undefined && !has(r, 'paraphrase'))
    problems.push({
      path: '/paraphraseBy',
      message: 'says whose paraphrase it is, but the statement has no paraphrase; add one, or remove paraphraseBy',
    });
  if (r.anchor !== undefined) pushAll(problems, anchorProblems(r, r.anchor, '/anchor'));
  if (has(r, 'context') && !has(r, 'quote') && !has(r, 'paraphrase'))
    problems.push({
      path: '/context',
      message:
        'says what the quote refers to, but the statement has no quote or paraphrase; add one, or remove context',
    });
  if (Array.isArray(r.appearances)) pushAll(problems, appearanceProblems(r, r.appearances as unknown[]));
  return problems;
}

/** Each appearance: another source than the statement's and the other appearances', its anchor fitting the words. */
function appearanceProblems(r: Fields, appearances: unknown[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Map<string, number>();
  appearances.forEach((item, i) => {
    if (typeof item !== 'object' || item === null) return;
    const appearance = item as Fields;
    const path = `/appearances/${i}`;
    const source = appearance.source;
    if (typeof source === 'string') {
      if (source === r.source)
        problems.push({
          path: `${path}/source`,
          message: `${show(source)} is the statement's own source; appearances list the other sources that report it`,
        });
      else if (seen.has(source))
        problems.push({
          path: `${path}/source`,
          message: `${show(source)} is already appearance ${seen.get(source)}; list each source once`,
        });
      else seen.set(source, i);
    }
    if (typeof appearance.note === 'string') {
      const problem = textProblem(appearance.note);
      if (problem) problems.push({ path: `${path}/note`, message: problem });
    }
    pushAll(problems, anchorProblems(r, appearance.anchor, `${path}/anchor`, false));
  });
  return problems;
}

/** The words that make a statement the same statement as another: speaker, relation, stance and folded words. */
export function statementIdentity(
  statement: Pick<Statement, 'speaker' | 'relation' | 'stance' | 'quote' | 'paraphrase'>,
): string | undefined {
  const words = statement.quote ?? statement.paraphrase;
  if (words === undefined) return undefined;
  return JSON.stringify([statement.speaker, statement.relation, statement.stance, wordsKey(words)]);
}

export interface RepeatedStatement {
  statement: Statement;
  first: Statement;
}

/**
 * Statements that repeat an earlier one's speaker, relation, stance and words: two reports of the
 * same words are one statement with two appearances, never two statements. The same answer as
 * keying every statement by `statementIdentity`, but the words are folded only for statements that
 * share a relation and speaker with another, which few do: folding every statement's words cost
 * a release build as much as parsing them.
 */
export function findRepeatedStatements(statements: readonly Statement[]): RepeatedStatement[] {
  // Per relation, per speaker: the one statement seen so far, or, once a second one comes, the
  // statements by stance and folded words (the first of each kept).
  const byRelation = new Map<string, Map<string, Statement | Map<string, Statement>>>();
  const repeated: RepeatedStatement[] = [];
  const wordsOf = (s: Statement) => `${s.stance}\n${wordsKey((s.quote ?? s.paraphrase)!)}`;
  for (const statement of statements) {
    if (statement.quote === undefined && statement.paraphrase === undefined) continue;
    let bySpeaker = byRelation.get(statement.relation);
    if (!bySpeaker)
      byRelation.set(statement.relation, (bySpeaker = new Map<string, Statement | Map<string, Statement>>()));
    let group = bySpeaker.get(statement.speaker);
    if (group === undefined) {
      bySpeaker.set(statement.speaker, statement);
      continue;
    }
    if (!(group instanceof Map)) {
      group = new Map([[wordsOf(group), group]]);
      bySpeaker.set(statement.speaker, group);
    }
    const key = wordsOf(statement);
    const first = group.get(key);
    if (first) repeated.push({ statement, first });
    else group.set(key, statement);
  }
  return repeated;
}
