/**
 * A fast yes/no answer to "would validateDataset accept this?", run on the index once it is built,
 * one record kind at a time, so valid data (every release) is not walked by the validator. Any "no"
 * hands over to the schema's validator, the single source of every message; a differential test
 * keeps the two in step. (Checking each record inside the index's own loops was measured slower:
 * see the SDK README, Performance.)
 */
import {
  earliestDay,
  ENTITY_TYPE_SPEAKS,
  ENTITY_TYPES,
  findExclusionConflicts,
  isEntityType,
  latestDay,
  nameProblem,
  RELATION_TYPE_INFO,
  RELATION_TYPES,
  textProblem,
  validateCoverage,
  wordsKey,
  wordsProblems,
  type Dataset,
  type Entity,
  type Source,
  type Statement,
} from '@claimgraph/schema';
// Compiled ahead of time from the schema's TypeBox schemas by its quickCheckModule (npm run build).
// Each also holds the record's partial dates to the calendar.
import { ENTITY_CHECKS, RELATION_CHECK, SOURCE_CHECK, STATEMENT_CHECK } from './generated/quick-checks.js';
import type { Records, Store } from './store.js';

type Fields = Record<string, unknown>;

function textOk(value: unknown): boolean {
  return typeof value !== 'string' || value === '' || textProblem(value) === null;
}

/** A name or an alias: the text rules, no invisible characters, NFC (the validator's nameProblem). */
function nameOk(value: unknown): boolean {
  return typeof value !== 'string' || value === '' || nameProblem(value) === null;
}

/** The validator checks the string values of a relation's attributes as display text too. */
function attributesOk(attributes: unknown): boolean {
  if (attributes === undefined) return true;
  for (const key in attributes as Fields) if (!textOk((attributes as Fields)[key])) return false;
  return true;
}

function orderOk(start: unknown, end: unknown): boolean {
  return typeof start !== 'string' || typeof end !== 'string' || earliestDay(start) <= latestDay(end);
}

const ENTITY_TYPE_INDEX = new Map<string, number>(ENTITY_TYPES.map((t, i) => [t, i]));
/** 1 where an entity type can speak (the vocabulary's ENTITY_TYPE_SPEAKS), by index in ENTITY_TYPES. */
export const CAN_SPEAK = Uint8Array.from(ENTITY_TYPES, (t) => (ENTITY_TYPE_SPEAKS[t] ? 1 : 0));
/** 1 where a relation type allows an entity type at its source (target), by [relation type][entity type]. */
export const ALLOWED_SOURCE = RELATION_TYPES.map((r) =>
  Uint8Array.from(ENTITY_TYPES, (t) => (RELATION_TYPE_INFO[r].source.includes(t) ? 1 : 0)),
);
export const ALLOWED_TARGET = RELATION_TYPES.map((r) =>
  Uint8Array.from(ENTITY_TYPES, (t) => (RELATION_TYPE_INFO[r].target.includes(t) ? 1 : 0)),
);

/** Whether the value is an object holding the four record lists, as validateDataset requires. */
export function hasDatasetShape(input: unknown): input is Dataset {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const data = input as Record<string, unknown>;
  return (
    Array.isArray(data.entities) &&
    Array.isArray(data.relations) &&
    Array.isArray(data.statements) &&
    Array.isArray(data.sources)
  );
}

const RECORD_LISTS = new Set<string>(['entities', 'relations', 'statements', 'sources']);

/**
 * Whether the dataset holds the four record lists, and a valid coverage declaration if any, and
 * nothing else: any other key (redirects, a typo, `__proto__`) is for the validator.
 */
export function hasOnlyRecordLists(input: Dataset): boolean {
  for (const key of Object.keys(input)) {
    if (key === 'coverage' && validateCoverage(input.coverage).length === 0) continue;
    if (!RECORD_LISTS.has(key)) return false;
  }
  return true;
}

/**
 * Whether every record fits its schema and its own rules (dates on the calendar, clean text, id
 * prefix…) and the rules that need only its references (endpoint types, speakers that can speak,
 * known sources dated after their statements). Runs on an index built without problems, one kind at a time.
 */
export function recordsLookValid(store: Store): boolean {
  const { entityIndex, sourceIndex } = store;
  // Row stores hold the parsed lists themselves.
  const [entities, relations, statements, sources] = [
    store.entities as unknown as Entity[],
    store.relations as unknown as Fields[],
    store.statements as unknown as Fields[],
    store.sources as unknown as Source[],
  ];
  // Entity types as small numbers: the rules below then read a 100 kB array, not a record each.
  const entityType = new Uint8Array(entities.length);

  for (const record of entities as unknown as Fields[]) {
    const type = record.type;
    if (!isEntityType(type) || !ENTITY_CHECKS[type]!(record)) return false;
    if (!nameOk(record.name) || !textOk(record.description) || !textOk(record.role)) return false;
    if (record.aliases !== undefined && !(record.aliases as unknown[]).every(nameOk)) return false;
    const id = record.id as string;
    if (id.charCodeAt(type.length) !== 58 || !id.startsWith(type) || !orderOk(record.date, record.end)) return false;
  }
  for (let i = 0; i < entities.length; i++) entityType[i] = ENTITY_TYPE_INDEX.get(entities[i]!.type)!;

  for (const record of sources as unknown as Fields[]) {
    if (!SOURCE_CHECK(record)) return false;
    if (!textOk(record.title) || !textOk(record.publisher) || !textOk(record.author) || !textOk(record.note))
      return false;
  }
  // The last day each source can have been published on (undefined when undated): computed once per
  // source, not read from a source record for every statement.
  const lastDays = sources.map((s) => (s.published === undefined ? undefined : latestDay(s.published)));

  for (let i = 0; i < relations.length; i++) {
    const record = relations[i] as unknown as Fields;
    if (!RELATION_CHECK(record) || !textOk(record.note) || !attributesOk(record.attributes)) return false;
    if (record.source === record.target || !orderOk(record.start, record.end)) return false;
    if (record.endedBy !== undefined && (record.end !== undefined || !orderOk(record.start, record.endedBy)))
      return false;
    const type = store.relType[i]!;
    if (
      ALLOWED_SOURCE[type]![entityType[store.relSource[i]!]!] !== 1 ||
      ALLOWED_TARGET[type]![entityType[store.relTarget[i]!]!] !== 1
    )
      return false;
  }

  for (let i = 0; i < statements.length; i++) {
    const record = statements[i] as unknown as Fields;
    if (!STATEMENT_CHECK(record) || !textOk(record.quote) || !textOk(record.note)) return false;
    if (!textOk(record.paraphrase) || !textOk(record.context)) return false;
    // A quote or a paraphrase, not both; context only with one of them (the validator's words rule).
    if (record.paraphrase !== undefined && record.quote !== undefined) return false;
    if (record.context !== undefined && record.quote === undefined && record.paraphrase === undefined) return false;
    // Anchors, appearances and whose paraphrase: rare enough to hand to the validator's own words rule.
    if (hasWordsExtras(record) && wordsProblems(record).length > 0) return false;
    if (CAN_SPEAK[entityType[store.stSpeaker[i]!]!] !== 1) return false;
    const statement = record as unknown as Statement;
    if (statement.reportedBy !== undefined) {
      const reporter = entityIndex.get(statement.reportedBy);
      if (reporter === undefined || CAN_SPEAK[entityType[reporter]!] !== 1) return false;
    }
    if (!reportedInTime(statement.date, statement.source, sourceIndex, lastDays)) return false;
    if (statement.appearances !== undefined)
      for (const appearance of statement.appearances)
        if (!reportedInTime(statement.date, appearance.source, sourceIndex, lastDays)) return false;
  }
  return true;
}

/** Whether a statement carries any of the fields whose rules only the validator's words rule checks. */
export function hasWordsExtras(record: Fields): boolean {
  return record.anchor !== undefined || record.appearances !== undefined || record.paraphraseBy !== undefined;
}

/** Whether the source is known and was not published before the statement's date. */
function reportedInTime(
  date: string,
  sourceId: string,
  sourceIndex: Store['sourceIndex'],
  lastDays: readonly (string | undefined)[],
): boolean {
  const source = sourceIndex.get(sourceId);
  if (source === undefined) return false;
  const lastDay = lastDays[source];
  return lastDay === undefined || startsByDay(date, lastDay);
}

/**
 * Whether the first day a partial date can mean is on or before `day` (a full `YYYY-MM-DD`):
 * `earliestDay(date) <= day`, without building the string. The date as written compares the same
 * way, since what earliestDay appends (`-01`, `-01-01`) sorts at or before the same place in any day.
 */
export function startsByDay(date: string, day: string): boolean {
  return date <= day;
}

/**
 * The rules over the whole dataset, on an index whose records all passed their checks: sorted ids
 * (when required), a statement for every relation, no relation recorded twice, no part-of cycle, no
 * speaker supporting two relation types that exclude each other for one pair on one date.
 */
export function datasetRulesHold(store: Store, requireSorted: boolean): boolean {
  if (requireSorted && !store.sorted) return false;
  for (let r = 0; r < store.relations.length; r++) if (store.supports[r]! + store.disputes[r]! === 0) return false;
  return (
    noDuplicateRelations(store) &&
    noRepeatedStatements(store) &&
    noPartOfCycle(store) &&
    // As validateDataset by default: exclusions are a rule of sources; releases were checked when built.
    (!requireSorted || findExclusionConflicts(everyRecord(store.relations), everyRecord(store.statements)).length === 0)
  );
}

/** Every record of a list, in position order. */
function everyRecord<T>(records: Records<T>): T[] {
  return Array.from({ length: records.length }, (_, i) => records.at(i)!);
}

export function sameQualifiers(a: Fields, b: Fields): boolean {
  if ((a.start ?? null) !== (b.start ?? null) || (a.end ?? null) !== (b.end ?? null)) return false;
  if ((a.endedBy ?? null) !== (b.endedBy ?? null)) return false;
  const x = Object.entries((a.attributes as Fields | undefined) ?? {}).sort(([p], [q]) => (p < q ? -1 : 1));
  const y = Object.entries((b.attributes as Fields | undefined) ?? {}).sort(([p], [q]) => (p < q ? -1 : 1));
  return JSON.stringify(x) === JSON.stringify(y);
}

const SYMMETRIC = Uint8Array.from(RELATION_TYPES, (t) => (RELATION_TYPE_INFO[t].symmetric ? 1 : 0));

/**
 * Two relations of one type between the same entities (either way round when symmetric) with the
 * same dates and attributes. Each relation is filed under one end (its source, or its lower end
 * when symmetric), so only relations filed under the same entity need comparing.
 */
function noDuplicateRelations(store: Store): boolean {
  const { offsets, items } = store.byEntity;
  const { relSource, relTarget, relType } = store;
  const other = (r: number) =>
    SYMMETRIC[relType[r]!] === 1 && relTarget[r]! < relSource[r]! ? relSource[r]! : relTarget[r]!;
  const anchor = (r: number) =>
    SYMMETRIC[relType[r]!] === 1 && relTarget[r]! < relSource[r]! ? relTarget[r]! : relSource[r]!;
  const n = store.entities.length;
  const filed: number[] = [];
  for (let v = 0; v < n; v++) {
    filed.length = 0;
    for (let k = offsets[v]!; k < offsets[v + 1]!; k++) if (anchor(items[k]!) === v) filed.push(items[k]!);
    if (filed.length < 2) continue;
    // Same type and same other end sort next to each other.
    filed.sort((a, b) => relType[a]! - relType[b]! || other(a) - other(b));
    for (let k = 1; k < filed.length; k++) {
      const b = filed[k]!;
      for (let j = k - 1; j >= 0; j--) {
        const a = filed[j]!;
        if (relType[a] !== relType[b] || other(a) !== other(b)) break;
        if (sameQualifiers(store.relations.at(a) as unknown as Fields, store.relations.at(b) as unknown as Fields))
          return false;
      }
    }
  }
  return true;
}

/**
 * No two statements give the same words of one speaker on one relation with one stance (the
 * validator's "one statement, two appearances", keyed by the schema's `wordsKey`). Statements are
 * grouped by relation already; a pass over typed arrays finds the statements that share a speaker
 * and stance within their relation, and only their words are read (without building their
 * records) and keyed: about one statement in ten in a large dataset.
 */
function noRepeatedStatements(store: Store): boolean {
  const { offsets, items } = store.byRelation;
  const { stSpeaker, stDisputes } = store;
  // Per voice (speaker × 2 + disputes): the relation it was last met in (+ 1), and where.
  const metIn = new Int32Array(store.entities.length * 2);
  const metAt = new Int32Array(store.entities.length * 2);
  const shared: number[] = [];
  const keys = new Set<string>();
  for (let r = 0; r < store.relations.length; r++) {
    const from = offsets[r]!;
    const to = offsets[r + 1]!;
    if (to - from < 2) continue;
    shared.length = 0;
    for (let k = from; k < to; k++) {
      const s = items[k]!;
      const voice = stSpeaker[s]! * 2 + stDisputes[s]!;
      if (metIn[voice] !== r + 1) {
        metIn[voice] = r + 1;
        metAt[voice] = s;
      } else {
        // The first statement of the voice is keyed once: its slot then holds -1.
        if (metAt[voice] !== -1) shared.push(metAt[voice]!);
        metAt[voice] = -1;
        shared.push(s);
      }
    }
    if (shared.length === 0) continue;
    keys.clear();
    for (const s of shared) {
      const words = store.extras.statementWords(s);
      if (words === undefined) continue;
      const key = `${stSpeaker[s]! * 2 + stDisputes[s]!} ${wordsKey(words)}`;
      if (keys.has(key)) return false;
      keys.add(key);
    }
  }
  return true;
}

/** Depth-first search over part-of relations only, without recursion. */
export function noPartOfCycle(store: Store): boolean {
  const partOf = RELATION_TYPES.indexOf('part-of');
  const n = store.entities.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < store.relations.length; i++) if (store.relType[i] === partOf) offsets[store.relSource[i]! + 1]!++;
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const targets = new Int32Array(offsets[n]!);
  const next = offsets.slice(0, n);
  for (let i = 0; i < store.relations.length; i++)
    if (store.relType[i] === partOf) targets[next[store.relSource[i]!]!++] = store.relTarget[i]!;

  const state = new Uint8Array(n); // 0 unseen, 1 on the current path, 2 done
  const stack = new Int32Array(n);
  const cursor = new Int32Array(n);
  for (let start = 0; start < n; start++) {
    if (state[start] !== 0 || offsets[start] === offsets[start + 1]) continue;
    let depth = 0;
    stack[0] = start;
    cursor[start] = offsets[start]!;
    state[start] = 1;
    while (depth >= 0) {
      const v = stack[depth]!;
      if (cursor[v]! >= offsets[v + 1]!) {
        state[v] = 2;
        depth--;
        continue;
      }
      const w = targets[cursor[v]!++]!;
      if (state[w] === 1) return false;
      if (state[w] === 0) {
        state[w] = 1;
        cursor[w] = offsets[w]!;
        stack[++depth] = w;
      }
    }
  }
  return true;
}
