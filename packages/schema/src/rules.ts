/**
 * Rules beyond the JSON Schema. Per-record rules see one record; cross-record rules see the whole
 * dataset (only records that passed their schema) and index it with Maps, never with plain objects,
 * so ids such as `__proto__` stay ordinary strings.
 */
import { pushAll } from './arrays.js';
import { latestDay, earliestDay, isPartialDate, PARTIAL_DATE_PATTERN, partialDateProblem } from './dates.js';
import { pointerSegment, show, type ValidationIssue } from './issues.js';
import type { CheckedKind, FieldProblem } from './schema-check.js';
import {
  RECORD_KINDS,
  type Dataset,
  type Entity,
  type RecordKind,
  type Redirect,
  type Relation,
  type Source,
  type Statement,
} from './records.js';
import { EXCLUSIONS, findExclusionConflicts, type Exclusions } from './exclusions.js';
import { nameProblem, textProblem } from './text.js';
import { findRepeatedStatements, wordsProblems } from './words.js';
import { sharedPairs } from './shared-pairs.js';
import {
  ENTITY_TYPE_INFO,
  ENTITY_TYPE_SPEAKS,
  ENTITY_TYPES,
  isEntityType,
  RELATION_TYPE_INFO,
  RELATION_TYPES,
  type EntityType,
} from './vocabulary.js';

const DATE_RE = new RegExp(PARTIAL_DATE_PATTERN);

/** Date fields of each record kind, checked against the calendar. */
export const DATE_FIELDS: Record<CheckedKind, readonly string[]> = {
  redirects: ['date'],
  entities: ['founded', 'date', 'end', 'published'],
  relations: ['start', 'end', 'endedBy'],
  statements: ['date'],
  sources: ['published', 'accessed'],
};

/** Display text that must be free of invisible control characters. */
export const TEXT_FIELDS: Record<CheckedKind, readonly string[]> = {
  redirects: ['reason'],
  entities: ['name', 'description', 'role'],
  relations: ['note'],
  statements: ['quote', 'paraphrase', 'context', 'note'],
  sources: ['title', 'publisher', 'author', 'note'],
};

/** Entity types that can say something (the vocabulary's ENTITY_TYPE_SPEAKS): events and places cannot. */
export const SPEAKER_TYPES: ReadonlySet<EntityType> = new Set(ENTITY_TYPES.filter((t) => ENTITY_TYPE_SPEAKS[t]));

/**
 * The rules of one field's value on its own (calendar dates, clean text, the name rules of an
 * entity's name and aliases, text in a relation's attributes), each problem pushed to `problems`:
 * validateDataset's per-record rules, and the column readers' check of one value.
 */
export function checkFieldRules(kind: CheckedKind, field: string, value: unknown, problems: FieldProblem[]): void {
  if (DATE_FIELDS[kind].includes(field)) checkDateField(field, value, problems);
  else if (TEXT_FIELDS[kind].includes(field)) checkTextField(kind, field, value, problems);
  else if (kind === 'entities' && field === 'aliases') checkAliases(value, problems);
  else if (kind === 'relations' && field === 'attributes') checkAttributes(value, problems);
}

/** A date field's calendar rules. */
function checkDateField(field: string, value: unknown, problems: FieldProblem[]): void {
  // Values that fail the pattern are reported by the schema check already. Almost every date is
  // valid, which isPartialDate tells from its character codes, without the regular expression.
  if (typeof value === 'string' && !isPartialDate(value) && DATE_RE.test(value)) {
    const problem = partialDateProblem(value);
    if (problem) problems.push({ path: `/${field}`, message: problem });
  }
}

/** A display text field's rules (an entity's name is held to the name rules). */
function checkTextField(kind: CheckedKind, field: string, value: unknown, problems: FieldProblem[]): void {
  if (typeof value === 'string' && value !== '') {
    const problem = kind === 'entities' && field === 'name' ? nameProblem(value) : textProblem(value);
    if (problem) problems.push({ path: `/${field}`, message: problem });
  }
}

/** An entity's aliases, each held to the name rules. */
function checkAliases(value: unknown, problems: FieldProblem[]): void {
  if (!Array.isArray(value)) return;
  // A plain loop: a hostile array may be sparse or huge, and the schema check bounds it first.
  for (let i = 0; i < value.length; i++) {
    const alias: unknown = value[i];
    if (typeof alias === 'string' && alias !== '') {
      const problem = nameProblem(alias);
      if (problem) problems.push({ path: `/aliases/${i}`, message: problem });
    }
  }
}

/** The text values of a relation's attributes. */
function checkAttributes(value: unknown, problems: FieldProblem[]): void {
  if (typeof value !== 'object' || value === null) return;
  for (const [key, text] of Object.entries(value)) {
    if (typeof text !== 'string' || text === '') continue;
    const problem = textProblem(text);
    if (problem) problems.push({ path: `/attributes/${pointerSegment(key)}`, message: problem });
  }
}

/** Rules that need only the record itself: the fields' own rules, id prefix, self-loops. */
export function checkRecordRules(kind: CheckedKind, record: unknown): FieldProblem[] {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) return [];
  const r = record as Record<string, unknown>;
  const problems: FieldProblem[] = [];

  // The field checks called directly: every record of a build comes here, and checkFieldRules
  // would first search the kind's field lists for each field.
  for (const field of DATE_FIELDS[kind]) checkDateField(field, r[field], problems);
  for (const field of TEXT_FIELDS[kind]) checkTextField(kind, field, r[field], problems);
  if (kind === 'entities') checkAliases(r.aliases, problems);
  if (kind === 'relations') checkAttributes(r.attributes, problems);
  // An unknown type is reported by the schema check; suggesting it as a prefix would only mislead.
  if (kind === 'entities' && typeof r.id === 'string' && isEntityType(r.type) && r.id.includes(':')) {
    const prefix = r.id.slice(0, r.id.indexOf(':'));
    if (prefix !== r.type)
      problems.push({
        path: '/id',
        message: `id prefix ${show(prefix)} does not match the type "${r.type}"; use ${show(`${r.type}:${r.id.slice(prefix.length + 1)}`)}`,
      });
  }
  if (kind === 'relations' && typeof r.source === 'string' && r.source === r.target) {
    problems.push({
      path: '/target',
      message: `is the same entity as the source (${show(r.source)}); a relation needs two different entities`,
    });
  }
  // No array per record for the pair of field names.
  const startField = kind === 'relations' ? 'start' : kind === 'entities' ? 'date' : null;
  const endField = 'end';
  if (startField !== null) {
    const start = r[startField];
    const end = r[endField];
    if (
      typeof start === 'string' &&
      typeof end === 'string' &&
      !partialDateProblem(start) &&
      !partialDateProblem(end) &&
      earliestDay(start) > latestDay(end)
    ) {
      problems.push({ path: `/${startField}`, message: `${show(start)} is after ${endField} ${show(end)}` });
    }
  }
  if (kind === 'relations' && typeof r.endedBy === 'string' && !partialDateProblem(r.endedBy)) {
    if (r.end !== undefined)
      problems.push({
        path: '/endedBy',
        message: `the relation has an end (${show(r.end)}); endedBy is only for a relation whose end date is unknown, so remove one of them`,
      });
    else if (typeof r.start === 'string' && !partialDateProblem(r.start) && earliestDay(r.start) > latestDay(r.endedBy))
      problems.push({ path: '/start', message: `${show(r.start)} is after endedBy ${show(r.endedBy)}` });
  }
  if (kind === 'statements') pushAll(problems, wordsProblems(r));
  return problems;
}

/** The fields of each record kind that name another record, and the kind they must name. */
export const REFERENCES: Partial<Record<CheckedKind, Readonly<Record<string, RecordKind>>>> = {
  relations: { source: 'entities', target: 'entities' },
  statements: { relation: 'relations', speaker: 'entities', source: 'sources', reportedBy: 'entities' },
};

const KIND_NOUN: Record<RecordKind, string> = {
  entities: 'an entity',
  relations: 'a relation',
  statements: 'a statement',
  sources: 'a source',
};

function wrongKind(id: string, actual: RecordKind, expected: RecordKind): string {
  return `${show(id)} is ${KIND_NOUN[actual]}, not ${KIND_NOUN[expected]}`;
}

/**
 * Every id in the dataset and the kind of record that holds it, well-formed or not, so that a
 * reference to a malformed record is not also reported as unknown.
 */
export function presentIds(input: Partial<Record<RecordKind, unknown>>): Map<string, RecordKind> {
  const present = new Map<string, RecordKind>();
  for (const kind of ['entities', 'relations', 'statements', 'sources'] as const) {
    const records = input[kind];
    if (!Array.isArray(records)) continue;
    for (const record of records) {
      const id = typeof record === 'object' && record !== null ? (record as { id?: unknown }).id : undefined;
      if (typeof id === 'string' && !present.has(id)) present.set(id, kind);
    }
  }
  return present;
}

/**
 * A reference field that names a record of another kind ("a statement about a statement") fails its
 * id pattern; say what the id really is rather than how ids are spelt.
 */
export function wrongKindProblem(
  kind: CheckedKind,
  record: unknown,
  problem: FieldProblem,
  present: ReadonlyMap<string, RecordKind>,
): FieldProblem | null {
  const field = problem.path.slice(1);
  const expected = REFERENCES[kind]?.[field];
  if (!expected || typeof record !== 'object' || record === null) return null;
  const value = (record as Record<string, unknown>)[field];
  const actual = typeof value === 'string' ? present.get(value) : undefined;
  return actual && actual !== expected
    ? { path: problem.path, message: wrongKind(value as string, actual, expected) }
    : null;
}

/**
 * Rules across records: unique ids, references, vocabulary endpoints, coverage, cycles, dates.
 * `mentionedRelations`: the relations named by statements that are not in `data` (malformed ones),
 * so that a relation whose only statement is malformed is not also reported as without statements.
 */
export function checkCrossRecordRules(
  data: Dataset,
  files: Record<RecordKind, string>,
  mentionedRelations: ReadonlySet<string> = new Set(),
  present?: ReadonlyMap<string, RecordKind>,
  exclusions: Exclusions = EXCLUSIONS,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const issue = (kind: RecordKind, id: string, path: string, message: string) =>
    issues.push({ file: files[kind], id, path, message });

  const { entities, relations, sources, kindOf } = indexIds(data, files, issue);

  // null: the record exists but failed its own checks, which already report it.
  const missing = (id: string, expected: RecordKind): string | null => {
    // Without `present`, the records are all there are: their own first kinds are the present ids.
    const actual = (present ?? EMPTY_KINDS).get(id) ?? kindOf(id);
    if (actual === expected) return null;
    return actual
      ? wrongKind(id, actual, expected)
      : `${show(id)} is not a known ${KIND_NOUN[expected].replace(/^an? /, '')}`;
  };
  const unresolved = (kind: RecordKind, id: string, path: string, ref: string, expected: RecordKind) => {
    const message = missing(ref, expected);
    if (message) issue(kind, id, path, message);
  };

  // The position of each relation's entities (-1: none), for the rules that compare relations.
  const ends = { source: new Int32Array(data.relations.length), target: new Int32Array(data.relations.length) };
  for (let r = 0; r < data.relations.length; r++) {
    const relation = data.relations[r]!;
    const info = RELATION_TYPE_INFO[relation.type];
    for (const end of RELATION_ENDS) {
      const position = entities.get(relation[end]);
      ends[end][r] = position ?? -1;
      const entity = position === undefined ? undefined : data.entities[position]!;
      if (!entity) unresolved('relations', relation.id, `/${end}`, relation[end], 'entities');
      else if (!info[end].includes(entity.type)) {
        issue(
          'relations',
          relation.id,
          `/${end}`,
          `a "${relation.type}" relation cannot have ${show(relation[end])} (${entity.type}) as its ${end}; allowed: ${info[end].join(', ')}`,
        );
      }
    }
  }

  // Each relation's position, looked up once per statement: its id is hashed and compared once here.
  const hasStatement = new Uint8Array(data.relations.length);
  // The statements that give words, with their relation and speaker by position (-1: none): only
  // those that share both with another can repeat its words.
  const wordy = new Int32Array(data.statements.length);
  const relationOf = new Int32Array(data.statements.length);
  const speakerOf = new Int32Array(data.statements.length);
  let wordyCount = 0;
  for (let s = 0; s < data.statements.length; s++) {
    const statement = data.statements[s]!;
    const relation = relations.get(statement.relation);
    if (relation === undefined) unresolved('statements', statement.id, '/relation', statement.relation, 'relations');
    else hasStatement[relation] = 1;

    const speaker = checkSpeaker(statement, 'speaker', data.entities, entities, issue, unresolved);
    if (statement.reportedBy !== undefined)
      checkSpeaker(statement, 'reportedBy', data.entities, entities, issue, unresolved);
    if (statement.quote !== undefined || statement.paraphrase !== undefined) {
      wordy[wordyCount] = s;
      relationOf[wordyCount] = relation ?? -1;
      speakerOf[wordyCount++] = speaker;
    }

    checkReporting(statement, statement.source, -1, sources, issue, unresolved);
    const appearances = statement.appearances;
    if (appearances !== undefined)
      for (let i = 0; i < appearances.length; i++)
        checkReporting(statement, appearances[i]!.source, i, sources, issue, unresolved);
  }

  const sharing = sharedPairs(
    relationOf.subarray(0, wordyCount),
    speakerOf.subarray(0, wordyCount),
    data.relations.length,
  );
  for (const { statement, first } of findRepeatedStatements(sharing.map((k) => data.statements[wordy[k]!]!))) {
    issue(
      'statements',
      statement.id,
      '',
      `one statement, two appearances: ${show(statement.id)} and ${show(first.id)} give the same words of ${show(statement.speaker)}, ${statement.stance === 'supports' ? 'supporting' : 'disputing'} ${show(statement.relation)}; keep ${show(first.id)} and list ${show(statement.source)} in its appearances (redirect ${show(statement.id)} to it)`,
    );
  }

  for (let r = 0; r < data.relations.length; r++) {
    if (hasStatement[r] === 1) continue;
    const relation = data.relations[r]!;
    // A repeated id names its last record, which the duplicate id already reports.
    if (hasStatement[relations.get(relation.id)!] !== 1 && !mentionedRelations.has(relation.id)) {
      issue(
        'relations',
        relation.id,
        '',
        'has no statement; every relation needs at least one statement that supports or disputes it',
      );
    }
  }

  for (const c of findExclusionConflicts(data.relations, data.statements, exclusions)) {
    issue(
      'statements',
      c.statement.id,
      '/relation',
      `${show(c.statement.speaker)} supports both ${show(c.relation.id)} (${c.relation.type}) and ${show(c.otherRelation.id)} (${c.otherRelation.type}, in ${show(c.other.id)}) on ${c.statement.date}; "${c.relation.type}" and "${c.otherRelation.type}" exclude each other for the same two entities, so point one statement at the other relation or dispute it`,
    );
  }

  pushAll(issues, findDuplicateRelations(data.relations, ends, data.entities.length, files.relations));
  pushAll(issues, findPartOfCycles(data.relations, files.relations));
  return issues;
}

const EMPTY_KINDS: ReadonlyMap<string, RecordKind> = new Map();

/** A relation's two entity fields, one list for every relation. */
const RELATION_ENDS = ['source', 'target'] as const;

interface IdIndex {
  /** Entities' positions by id, the last of a duplicated id kept. */
  entities: Map<string, number>;
  /** Relations' positions by id, the last of a duplicated id kept. */
  relations: Map<string, number>;
  sources: Map<string, Source>;
  /** The kind of the first record with the id, or undefined when none has it. */
  kindOf: (id: string) => RecordKind | undefined;
}

/**
 * Indexes the records by id and reports every id used before ("duplicate id"): ids are unique across
 * the whole dataset, not only within a file. Ids of one kind share a prefix no other kind has
 * (`rel:`, `st:`, `src:`, an entity type), so when every id has its own kind's prefix, as a record
 * that passed its schema does, only a list can repeat its own ids: each is checked alone, and
 * statements, which are only looked up when something is wrong, get no Map when they are sorted.
 */
function indexIds(
  data: Dataset,
  files: Record<RecordKind, string>,
  issue: (kind: RecordKind, id: string, path: string, message: string) => void,
): IdIndex {
  const prefixed = RECORD_KINDS.every((kind) => data[kind].every((record) => idKind(record.id) === kind));
  if (!prefixed) return indexMixedIds(data, files, issue);
  const duplicate = (kind: RecordKind, id: string) =>
    issue(kind, id, '/id', `duplicate id: ${show(id)} is already used earlier in ${files[kind]}`);
  /** Each record's id → value, the last of a repeated id kept, reporting it. */
  const index = <T extends { id: string }, V>(
    kind: RecordKind,
    records: readonly T[],
    value: (record: T, i: number) => V,
  ) => {
    const map = new Map<string, V>();
    for (let i = 0; i < records.length; i++) {
      const size = map.size;
      // One hash lookup per record: an id seen before leaves the size as it was.
      if (map.set(records[i]!.id, value(records[i]!, i)).size === size) duplicate(kind, records[i]!.id);
    }
    return map;
  };
  const entities = index('entities', data.entities, (_, i) => i);
  const relations = index('relations', data.relations, (_, i) => i);
  const statements = data.statements;
  let statementIds: Set<string> | undefined;
  if (!strictlyIncreasing(statements)) {
    statementIds = new Set();
    for (const { id } of statements) {
      const size = statementIds.size;
      if (statementIds.add(id).size === size) duplicate('statements', id);
    }
  }
  const sources = index('sources', data.sources, (source) => source);
  const kindOf = (id: string): RecordKind | undefined => {
    if (entities.has(id)) return 'entities';
    if (relations.has(id)) return 'relations';
    if (sources.has(id)) return 'sources';
    statementIds ??= new Set(statements.map((s) => s.id));
    return statementIds.has(id) ? 'statements' : undefined;
  };
  return { entities, relations, sources, kindOf };
}

/** Whether each record's id sorts after the one before it, which rules out a repeated id. */
function strictlyIncreasing(records: readonly { id: string }[]): boolean {
  for (let i = 1; i < records.length; i++) if (!(records[i - 1]!.id < records[i]!.id)) return false;
  return true;
}

/** indexIds for records whose ids may carry another kind's prefix (a dataset built in code): one Map of every id. */
function indexMixedIds(
  data: Dataset,
  files: Record<RecordKind, string>,
  issue: (kind: RecordKind, id: string, path: string, message: string) => void,
): IdIndex {
  // The kind of the first record with each id (a kind, not an object per record).
  const firstSeen = new Map<string, RecordKind>();
  for (const kind of RECORD_KINDS) {
    for (const record of data[kind]) {
      const earlier = firstSeen.get(record.id);
      if (earlier) {
        const where = earlier === kind ? `earlier in ${files[kind]}` : `in ${files[earlier]}`;
        issue(kind, record.id, '/id', `duplicate id: ${show(record.id)} is already used ${where}`);
      } else firstSeen.set(record.id, kind);
    }
  }
  const byId = <T extends { id: string }>(records: readonly T[]) => {
    const map = new Map<string, T>();
    for (const record of records) map.set(record.id, record);
    return map;
  };
  return {
    entities: new Map(data.entities.map(({ id }, e) => [id, e])),
    relations: new Map(data.relations.map(({ id }, r) => [id, r])),
    sources: byId(data.sources),
    kindOf: (id) => firstSeen.get(id),
  };
}

/** The path of a statement's source (-1) or of an appearance's: spelt only for a problem, as most sources are fine. */
function reportingPath(appearance: number): string {
  return appearance < 0 ? '/source' : `/appearances/${appearance}/source`;
}

/** A source that reports the statement (its own, or appearance `appearance`; -1 for its own): known, and published no earlier. */
function checkReporting(
  statement: Statement,
  id: string,
  appearance: number,
  sources: Map<string, Source>,
  issue: (kind: RecordKind, id: string, path: string, message: string) => void,
  unresolved: (kind: RecordKind, id: string, path: string, ref: string, expected: RecordKind) => void,
) {
  const source = sources.get(id);
  if (!source) unresolved('statements', statement.id, reportingPath(appearance), id, 'sources');
  else if (source.published && earliestDay(statement.date) > latestDay(source.published)) {
    issue(
      'statements',
      statement.id,
      appearance < 0 ? '/date' : reportingPath(appearance),
      `${show(statement.date)} is after its source ${show(source.id)} was published (${source.published})`,
    );
  }
}

/** Checks a statement's speaker (or reporter), and returns the entity's position, or -1 when none has its id. */
function checkSpeaker(
  statement: Statement,
  field: 'speaker' | 'reportedBy',
  entityList: readonly Entity[],
  entities: Map<string, number>,
  issue: (kind: RecordKind, id: string, path: string, message: string) => void,
  unresolved: (kind: RecordKind, id: string, path: string, ref: string, expected: RecordKind) => void,
): number {
  const id = statement[field]!;
  const position = entities.get(id);
  const entity = position === undefined ? undefined : entityList[position]!;
  if (!entity) unresolved('statements', statement.id, `/${field}`, id, 'entities');
  else if (!SPEAKER_TYPES.has(entity.type)) {
    const kind = ENTITY_TYPE_INFO[entity.type].label.toLowerCase();
    issue(
      'statements',
      statement.id,
      `/${field}`,
      `${show(id)} is ${/^[aeiou]/.test(kind) ? 'an' : 'a'} ${kind} and cannot speak; name the person, body or document that said it`,
    );
  }
  return position ?? -1;
}

const RELATION_TYPE_NUMBER = new Map<string, number>(RELATION_TYPES.map((type, i) => [type, i]));

/**
 * The same claim recorded twice splits its statements; symmetric types ignore direction. Only
 * relations that share their type and entities with another are keyed (`ends`: the positions of
 * each relation's entities, -1 for none, below `entityCount`).
 */
function findDuplicateRelations(
  relations: Relation[],
  ends: { source: Int32Array; target: Int32Array },
  entityCount: number,
  file: string,
): ValidationIssue[] {
  // Each relation under one of its entities (the lower one when symmetric), with its type and the other.
  const anchor = new Int32Array(relations.length);
  const typeAndOther = new Int32Array(relations.length);
  for (let r = 0; r < relations.length; r++) {
    const type = RELATION_TYPE_NUMBER.get(relations[r]!.type) ?? -1;
    const [source, target] = [ends.source[r]!, ends.target[r]!];
    const swap = type >= 0 && RELATION_TYPE_INFO[RELATION_TYPES[type]!].symmetric && target < source;
    anchor[r] = swap ? target : source;
    typeAndOther[r] = type < 0 || source < 0 || target < 0 ? -1 : type * entityCount + (swap ? source : target);
  }
  const issues: ValidationIssue[] = [];
  const byKey = new Map<string, string>();
  for (const r of sharedPairs(anchor, typeAndOther, entityCount)) {
    const relation = relations[r]!;
    const ends = RELATION_TYPE_INFO[relation.type].symmetric
      ? [relation.source, relation.target].sort()
      : [relation.source, relation.target];
    const attributes = relation.attributes
      ? Object.entries(relation.attributes).sort(([a], [b]) => (a < b ? -1 : 1))
      : [];
    const key = JSON.stringify([
      relation.type,
      ...ends,
      relation.start ?? null,
      relation.end ?? null,
      relation.endedBy ?? null,
      attributes,
    ]);
    const first = byKey.get(key);
    if (first) {
      issues.push({
        file,
        id: relation.id,
        path: '',
        message: `states the same relation as ${show(first)}; point its statements at ${show(first)} instead, so that agreeing and disputing statements meet`,
      });
    } else byKey.set(key, relation.id);
  }
  return issues;
}

/** A part-of cycle (A part of B part of A) cannot be true of any structure. */
function findPartOfCycles(relations: Relation[], file: string): ValidationIssue[] {
  const edges = new Map<string, Relation[]>();
  for (const r of relations) {
    if (r.type !== 'part-of') continue;
    const list = edges.get(r.source) ?? [];
    list.push(r);
    edges.set(r.source, list);
  }
  const issues: ValidationIssue[] = [];
  const state = new Map<string, 'open' | 'done'>();
  // Iterative depth-first search: a long chain must not overflow the call stack.
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 'open');
    while (stack.length > 0) {
      const frame = stack[stack.length - 1]!;
      const out = edges.get(frame.node) ?? [];
      if (frame.next >= out.length) {
        state.set(frame.node, 'done');
        stack.pop();
        continue;
      }
      const relation = out[frame.next++]!;
      const status = state.get(relation.target);
      if (status === 'open') {
        const cycleStart = stack.findIndex((f) => f.node === relation.target);
        const path = [...stack.slice(cycleStart).map((f) => f.node), relation.target];
        issues.push({ file, id: relation.id, path: '/target', message: `closes a part-of cycle: ${path.join(' → ')}` });
      } else if (status === undefined) {
        state.set(relation.target, 'open');
        stack.push({ node: relation.target, next: 0 });
      }
    }
  }
  return issues;
}

/** The kind of record an id names, read from its prefix. */
function idKind(id: string): RecordKind {
  if (id.startsWith('rel:')) return 'relations';
  if (id.startsWith('st:')) return 'statements';
  if (id.startsWith('src:')) return 'sources';
  return 'entities';
}

/**
 * Redirects keep old ids working: the old id must be gone, the new one must exist and be of the
 * same kind, and chains are collapsed so a lookup takes one step.
 */
export function checkRedirects(redirects: Redirect[], data: Dataset, file: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const current = new Set<string>();
  for (const kind of ['entities', 'relations', 'statements', 'sources'] as const)
    for (const r of data[kind]) current.add(r.id);
  const from = new Set<string>();
  for (const redirect of redirects) {
    const issue = (path: string, message: string) => issues.push({ file, id: redirect.from, path, message });
    if (from.has(redirect.from)) issue('/from', `${show(redirect.from)} is redirected twice`);
    from.add(redirect.from);
    if (current.has(redirect.from))
      issue('/from', `${show(redirect.from)} still exists; a redirect is only for an id that was removed`);
    if (redirect.from === redirect.to) issue('/to', 'points at itself');
    else if (!current.has(redirect.to)) {
      const chained = redirects.find((r) => r.from === redirect.to);
      issue(
        '/to',
        chained
          ? `${show(redirect.to)} is itself redirected to ${show(chained.to)}; point straight at ${show(chained.to)}`
          : `${show(redirect.to)} is not a record in this dataset`,
      );
    } else if (idKind(redirect.from) !== idKind(redirect.to)) {
      issue('/to', `${show(redirect.to)} is not the same kind of record as ${show(redirect.from)}`);
    }
  }
  return issues;
}
