/**
 * diff(a, b): what changed between two versions of a dataset, record by record, which claims changed
 * status, and the semver bump the data policy requires (major: an id removed without a redirect, a
 * field removed, a statement moved to another relation, speaker or stance, a relation given another
 * type or end, a vocabulary term removed or changed in meaning, a statement no longer cited in a
 * source; minor: records, fields, terms or appearances added; patch: values corrected, a statement's
 * own source and an appearance swapped).
 */
import { RECORD_KINDS, type Dataset, type RecordKind, type Redirect, type Statement } from '@claimgraph/schema';
import { appearanceText, CITATION_PATH, compareAppearances } from './appearances.js';
import { compareRecords, sameJson } from './compare-records.js';
import { diffVocabulary, type VocabularyDocument } from './vocabulary.js';
import type {
  Bump,
  BumpReason,
  DatasetDiff,
  RecordChange,
  RecordsDiff,
  RelationStatus,
  StatusChange,
} from './types.js';

export interface DiffOptions {
  /** The vocabularies each version was published with (a release's `vocabulary.json`). */
  vocabulary?: { before?: VocabularyDocument; after?: VocabularyDocument };
}

/** A dataset, or anything that gives one back (a ClaimGraph). */
export type DiffInput = Dataset | { toJSON(): Dataset };

const BUMP_RANK: Record<Bump, number> = { none: 0, patch: 1, minor: 2, major: 3 };

/** The larger of two bumps. */
export function maxBump(a: Bump, b: Bump): Bump {
  return BUMP_RANK[a] >= BUMP_RANK[b] ? a : b;
}

/** Whether `given` is at least `required` (`minor` covers `patch`). */
export function bumpCovers(given: Bump, required: Bump): boolean {
  return BUMP_RANK[given] >= BUMP_RANK[required];
}

const KIND_SINGULAR: Record<RecordKind, string> = {
  entities: 'entity',
  relations: 'relation',
  statements: 'statement',
  sources: 'source',
};

type ClaimMessage = (id: string, before: unknown, after: unknown) => string;

/**
 * The fields that say which claim a record is: a statement's relation, speaker and stance; a
 * relation's type and ends. Changing one is not a correction of a value: the id now names another
 * claim, and anyone who cited it (a chart, an article, a count of supports) silently cites something
 * else. That breaks users as a removed id does, so it is major, like removing the record without a
 * redirect; adding a new record instead would be minor.
 */
const CLAIM_FIELDS: Partial<Record<RecordKind, Record<string, ClaimMessage>>> = {
  statements: {
    '/relation': (id, a, b) =>
      `statement ${id} moved from relation ${String(a)} to ${String(b)}; the id now names another claim`,
    '/speaker': (id, a, b) =>
      `statement ${id}: speaker changed from ${String(a)} to ${String(b)}; the id now names another claim`,
    '/stance': (id, a, b) =>
      `statement ${id}: stance changed from ${String(a)} to ${String(b)}; the id now names another claim`,
  },
  relations: {
    '/type': (id, a, b) =>
      `relation ${id}: type changed from ${String(a)} to ${String(b)}; the id now names another proposition`,
    '/source': (id, a, b) =>
      `relation ${id}: source changed from ${String(a)} to ${String(b)}; the id now names another proposition`,
    '/target': (id, a, b) =>
      `relation ${id}: target changed from ${String(a)} to ${String(b)}; the id now names another proposition`,
  },
};

function toDataset(input: DiffInput): Dataset {
  return 'toJSON' in input && typeof input.toJSON === 'function' ? input.toJSON() : (input as Dataset);
}

export function diff(a: DiffInput, b: DiffInput, options: DiffOptions = {}): DatasetDiff {
  const before = toDataset(a);
  const after = toDataset(b);
  const reasons: BumpReason[] = [];
  const redirectsAfter = new Map((after.redirects ?? []).map((r) => [r.from, r]));

  /** A reference that now names the record its old target was renamed to: the same claim. */
  const follows = (was: unknown, now: unknown) => typeof was === 'string' && redirectsAfter.get(was)?.to === now;
  /** The id an old source id has now: its redirect's target, or itself. */
  const renamed = (id: string) => redirectsAfter.get(id)?.to ?? id;

  const records = {} as Pick<DatasetDiff, RecordKind>;
  for (const kind of RECORD_KINDS) {
    const result = diffRecords<{ id: string }>(before[kind], after[kind], redirectsAfter);
    (records as Record<RecordKind, RecordsDiff<unknown>>)[kind] = result;
    const noun = KIND_SINGULAR[kind];
    for (const record of result.removed) {
      reasons.push({ bump: 'major', id: record.id, message: `${noun} ${record.id} removed without a redirect` });
    }
    const oldById = new Map(before[kind].map((record) => [record.id, record as Record<string, unknown>]));
    const newById = new Map(after[kind].map((record) => [record.id, record as Record<string, unknown>]));
    for (const r of result.redirected) {
      const fields = CLAIM_FIELDS[kind] ?? {};
      const differs = Object.keys(fields).filter((path) => {
        const key = path.slice(1);
        const was = oldById.get(r.from)?.[key];
        return !sameJson(was, newById.get(r.to)?.[key]) && !follows(was, newById.get(r.to)?.[key]);
      });
      if (differs.length > 0)
        reasons.push({
          bump: 'major',
          id: r.from,
          message: `${noun} ${r.from} redirected to ${r.to}, which names another claim (${differs.map((p) => p.slice(1)).join(', ')} ${differs.length === 1 ? 'differs' : 'differ'}): the old id still resolves, but not to what it named`,
        });
      else
        reasons.push({ bump: 'minor', id: r.from, message: `${noun} ${r.from} renamed to ${r.to}, with a redirect` });
    }
    for (const record of result.added) {
      if (!result.redirected.some((r) => r.to === record.id))
        reasons.push({ bump: 'minor', id: record.id, message: `${noun} ${record.id} added` });
    }
    // Where a statement is found is compared source by source (appearances.ts), not as one array.
    if (kind === 'statements')
      result.changed = withAppearances(result.changed as unknown as RecordChange<Statement>[], renamed) as never;
    for (const change of result.changed) {
      for (const a of (change as RecordChange<unknown>).appearances ?? [])
        reasons.push({ bump: a.bump, id: change.id, message: `statement ${change.id}: ${appearanceText(a)}` });
      for (const field of change.fields) {
        if (kind === 'statements' && CITATION_PATH.test(field.path)) continue;
        const claim = CLAIM_FIELDS[kind]?.[field.path];
        if (claim && field.change === 'changed' && !follows(field.before, field.after)) {
          reasons.push({ bump: 'major', id: change.id, message: claim(change.id, field.before, field.after) });
          continue;
        }
        const bump = field.change === 'removed' ? 'major' : field.change === 'added' ? 'minor' : 'patch';
        const verb = field.change === 'removed' ? 'removed' : field.change === 'added' ? 'added' : 'corrected';
        reasons.push({ bump, id: change.id, message: `${noun} ${change.id}: field ${field.path} ${verb}` });
      }
    }
  }

  const redirects = diffRedirects(before.redirects ?? [], after.redirects ?? []);
  for (const r of redirects.removed) {
    if (!redirectsAfter.has(r.from))
      reasons.push({
        bump: 'major',
        id: r.from,
        message: `redirect from ${r.from} removed; the old id no longer resolves`,
      });
  }

  const vocabulary =
    options.vocabulary?.before && options.vocabulary.after
      ? diffVocabulary(options.vocabulary.before, options.vocabulary.after)
      : null;
  if (vocabulary) {
    for (const term of vocabulary.removed)
      reasons.push({ bump: 'major', id: term, message: `vocabulary term ${term} removed` });
    for (const term of vocabulary.changed)
      reasons.push({ bump: 'major', id: term, message: `vocabulary term ${term} changed meaning` });
    for (const term of vocabulary.added)
      reasons.push({ bump: 'minor', id: term, message: `vocabulary term ${term} added` });
    for (const term of vocabulary.extended)
      reasons.push({ bump: 'minor', id: term, message: `vocabulary term ${term} extended (accepts more)` });
    for (const term of vocabulary.relabelled)
      reasons.push({ bump: 'patch', id: term, message: `vocabulary term ${term} relabelled` });
  }

  const suggestedBump = reasons.reduce<Bump>((bump, r) => maxBump(bump, r.bump), 'none');
  reasons.sort((x, y) => BUMP_RANK[y.bump] - BUMP_RANK[x.bump]);
  return { ...records, redirects, vocabulary, statusChanges: statusChanges(before, after), suggestedBump, reasons };
}

function diffRecords<T extends { id: string }>(
  before: T[],
  after: T[],
  redirects: Map<string, Redirect>,
): RecordsDiff<T> {
  const old = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  const result: RecordsDiff<T> = { added: [], removed: [], changed: [], redirected: [] };
  for (const [id, record] of old) {
    const current = now.get(id);
    if (current === undefined) {
      const redirect = redirects.get(id);
      if (redirect && now.has(redirect.to))
        result.redirected.push({ from: id, to: redirect.to, reason: redirect.reason });
      else result.removed.push(record);
    } else if (!sameJson(record, current)) {
      // A statement's appearances are compared by source (`appearances` on the change), never as one array.
      const fields = compareRecords(record, current).filter((f) => f.path !== '/appearances');
      result.changed.push({ id, before: record, after: current, fields });
    }
  }
  for (const [id, record] of now) if (!old.has(id)) result.added.push(record);
  const byId = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  result.added.sort(byId);
  result.removed.sort(byId);
  result.changed.sort(byId);
  result.redirected.sort((x, y) => (x.from < y.from ? -1 : x.from > y.from ? 1 : 0));
  return result;
}

/**
 * Statement changes with what changed among their sources; a change left with nothing to say (the
 * appearances only listed in another order) is no change.
 */
function withAppearances(
  changes: RecordChange<Statement>[],
  renamed: (id: string) => string,
): RecordChange<Statement>[] {
  const out: RecordChange<Statement>[] = [];
  for (const change of changes) {
    const appearances = compareAppearances(change.before, change.after, renamed);
    if (appearances.length > 0) out.push({ ...change, appearances });
    else if (change.fields.length > 0) out.push(change);
  }
  return out;
}

function diffRedirects(before: Redirect[], after: Redirect[]): { added: Redirect[]; removed: Redirect[] } {
  const key = (r: Redirect) => `${r.from}\u0000${r.to}`;
  const old = new Set(before.map(key));
  const now = new Set(after.map(key));
  return { added: after.filter((r) => !old.has(key(r))), removed: before.filter((r) => !now.has(key(r))) };
}

/** The status of every relation, from its statements. */
export function relationStatuses(dataset: Dataset): Map<string, { supports: number; disputes: number }> {
  const counts = new Map<string, { supports: number; disputes: number }>();
  for (const relation of dataset.relations) counts.set(relation.id, { supports: 0, disputes: 0 });
  for (const statement of dataset.statements as Statement[]) {
    const c = counts.get(statement.relation);
    if (c) c[statement.stance]++;
  }
  return counts;
}

function statusOf(c: { supports: number; disputes: number } | undefined): RelationStatus | 'absent' {
  if (!c) return 'absent';
  if (c.supports > 0 && c.disputes > 0) return 'contested';
  return c.disputes > 0 ? 'disputed' : 'supported';
}

function statusChanges(before: Dataset, after: Dataset): StatusChange[] {
  const old = relationStatuses(before);
  const now = relationStatuses(after);
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort();
  const changes: StatusChange[] = [];
  for (const relation of ids) {
    const a = statusOf(old.get(relation));
    const b = statusOf(now.get(relation));
    // A relation simply added or removed is reported with the records; here only claims that shifted.
    if (a === b || a === 'absent' || b === 'absent') continue;
    const lostSupport = (old.get(relation)?.supports ?? 0) > 0 && (now.get(relation)?.supports ?? 0) === 0;
    changes.push({ relation, before: a, after: b, lostSupport });
  }
  return changes;
}
