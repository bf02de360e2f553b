/**
 * A fast yes/no answer to "would validateDataset accept this?", so that valid data (the common
 * case, and every release) is not validated twice over. Any "no" hands over to the schema's
 * validator, which stays the single source of every message; a differential test keeps the two in step.
 */
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import {
  earliestDay,
  EntitySchemas,
  isEntityType,
  latestDay,
  partialDateProblem,
  RELATION_TYPE_INFO,
  RELATION_TYPES,
  RelationSchema,
  SourceSchema,
  StatementSchema,
  textProblem,
  type Dataset,
  type EntityType,
} from '@claimgraph/schema';
import type { Store } from './store.js';

interface Checkers {
  entity: Record<string, TypeCheck<TSchema>>;
  relation: TypeCheck<TSchema>;
  statement: TypeCheck<TSchema>;
  source: TypeCheck<TSchema>;
}

let checkers: Checkers | undefined;

/** Compiles the schema's own TypeBox schemas once, on first use. */
function getCheckers(): Checkers {
  if (!checkers) {
    // The same format the schema package registers: an absolute http(s) URL.
    if (!FormatRegistry.Has('uri')) FormatRegistry.Set('uri', isAbsoluteUrl);
    const entity: Record<string, TypeCheck<TSchema>> = {};
    for (const [type, schema] of Object.entries(EntitySchemas)) entity[type] = TypeCompiler.Compile(schema as TSchema);
    checkers = {
      entity,
      relation: TypeCompiler.Compile(RelationSchema),
      statement: TypeCompiler.Compile(StatementSchema),
      source: TypeCompiler.Compile(SourceSchema),
    };
  }
  return checkers;
}

function isAbsoluteUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Dates repeat a lot (a few thousand days in a million statements): remember each verdict. */
const calendarVerdicts = new Map<string, boolean>();

function calendarOk(value: unknown): boolean {
  if (typeof value !== 'string') return true;
  let ok = calendarVerdicts.get(value);
  if (ok === undefined) {
    ok = partialDateProblem(value) === null;
    if (calendarVerdicts.size < 100_000) calendarVerdicts.set(value, ok);
  }
  return ok;
}

function textOk(value: unknown): boolean {
  return typeof value !== 'string' || value === '' || textProblem(value) === null;
}

function orderOk(start: unknown, end: unknown): boolean {
  return typeof start !== 'string' || typeof end !== 'string' || earliestDay(start) <= latestDay(end);
}

/** Whether the value is an object holding the four record lists, as validateDataset requires. */
export function hasDatasetShape(input: unknown): input is Dataset {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return false;
  const data = input as Record<string, unknown>;
  return Array.isArray(data.entities) && Array.isArray(data.relations) && Array.isArray(data.statements) && Array.isArray(data.sources);
}

type Fields = Record<string, unknown>;

/** Every record fits its schema and its own rules (dates on the calendar, clean text, id prefix…). */
export function recordsLookValid(data: Dataset): boolean {
  const check = getCheckers();
  for (const record of data.entities as unknown as Fields[]) {
    const type = record?.type;
    if (!isEntityType(type) || !check.entity[type]!.Check(record)) return false;
    if (!textOk(record.name) || !textOk(record.description) || !textOk(record.role)) return false;
    if (record.aliases !== undefined && !(record.aliases as unknown[]).every(textOk)) return false;
    if (!calendarOk(record.founded) || !calendarOk(record.date) || !calendarOk(record.end) || !calendarOk(record.published)) return false;
    const id = record.id as string;
    if (id.charCodeAt(type.length) !== 58 || !id.startsWith(type)) return false;
    if (!orderOk(record.date, record.end)) return false;
  }
  for (const record of data.relations as unknown as Fields[]) {
    if (!check.relation.Check(record)) return false;
    if (!calendarOk(record.start) || !calendarOk(record.end) || !textOk(record.note)) return false;
    if (record.source === record.target || !orderOk(record.start, record.end)) return false;
  }
  for (const record of data.statements as unknown as Fields[]) {
    if (!check.statement.Check(record)) return false;
    if (!calendarOk(record.date) || !textOk(record.quote) || !textOk(record.note)) return false;
  }
  for (const record of data.sources as unknown as Fields[]) {
    if (!check.source.Check(record)) return false;
    if (!calendarOk(record.published)) return false;
    if (!textOk(record.title) || !textOk(record.publisher) || !textOk(record.author) || !textOk(record.note)) return false;
  }
  return true;
}

/** Events and places cannot say anything. */
const SILENT: ReadonlySet<EntityType> = new Set(['event', 'place']);

/**
 * The rules across records, on an index built without problems: sorted ids (when required),
 * allowed endpoint types, speakers that can speak, known sources dated after their statements,
 * a statement for every relation, no relation recorded twice, no part-of cycle.
 */
export function crossRulesHold(store: Store, requireSorted: boolean): boolean {
  if (store.problem !== null || (requireSorted && !store.sorted)) return false;
  const { entities, relations, statements, sources, entityIndex, sourceIndex } = store;

  for (let i = 0; i < relations.length; i++) {
    const info = RELATION_TYPE_INFO[relations[i]!.type];
    if (!info.source.includes(entities[store.relSource[i]!]!.type) || !info.target.includes(entities[store.relTarget[i]!]!.type)) return false;
    if (store.supports[i]! + store.disputes[i]! === 0) return false;
  }

  for (let i = 0; i < statements.length; i++) {
    const statement = statements[i]!;
    if (SILENT.has(entities[store.stSpeaker[i]!]!.type)) return false;
    if (statement.reportedBy !== undefined) {
      const reporter = entityIndex.get(statement.reportedBy);
      if (reporter === undefined || SILENT.has(entities[reporter]!.type)) return false;
    }
    const source = sourceIndex.get(statement.source);
    if (source === undefined) return false;
    const published = sources[source]!.published;
    if (published !== undefined) {
      const date = statement.date;
      // Both to the day: plain string order; otherwise compare the possible intervals.
      if (date.length === 10 && published.length === 10 ? date > published : earliestDay(date) > latestDay(published)) return false;
    }
  }
  return noDuplicateRelations(store) && noPartOfCycle(store);
}

function sameQualifiers(a: Fields, b: Fields): boolean {
  if ((a.start ?? null) !== (b.start ?? null) || (a.end ?? null) !== (b.end ?? null)) return false;
  const x = Object.entries((a.attributes as Fields | undefined) ?? {}).sort(([p], [q]) => (p < q ? -1 : 1));
  const y = Object.entries((b.attributes as Fields | undefined) ?? {}).sort(([p], [q]) => (p < q ? -1 : 1));
  return JSON.stringify(x) === JSON.stringify(y);
}

/** Two relations of one type between the same entities (either way round when symmetric) with the same dates and attributes. */
function noDuplicateRelations(store: Store): boolean {
  const n = store.entities.length;
  const seen = new Map<number, number | number[]>();
  for (let i = 0; i < store.relations.length; i++) {
    let a = store.relSource[i]!;
    let b = store.relTarget[i]!;
    const type = store.relType[i]!;
    if (RELATION_TYPE_INFO[RELATION_TYPES[type]!].symmetric && a > b) [a, b] = [b, a];
    const key = (type * n + a) * n + b;
    const earlier = seen.get(key);
    if (earlier === undefined) {
      seen.set(key, i);
      continue;
    }
    const list = typeof earlier === 'number' ? [earlier] : earlier;
    for (const j of list) if (sameQualifiers(store.relations[i] as unknown as Fields, store.relations[j] as unknown as Fields)) return false;
    list.push(i);
    seen.set(key, list);
  }
  return true;
}

/** Depth-first search over part-of relations only, without recursion. */
function noPartOfCycle(store: Store): boolean {
  const partOf = RELATION_TYPES.indexOf('part-of');
  const n = store.entities.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < store.relations.length; i++) if (store.relType[i] === partOf) offsets[store.relSource[i]! + 1]!++;
  for (let v = 0; v < n; v++) offsets[v + 1]! += offsets[v]!;
  const targets = new Int32Array(offsets[n]!);
  const next = offsets.slice(0, n);
  for (let i = 0; i < store.relations.length; i++) if (store.relType[i] === partOf) targets[next[store.relSource[i]!]!++] = store.relTarget[i]!;

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
