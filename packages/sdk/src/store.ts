/**
 * The indexed form of a dataset behind a ClaimGraph: the records sorted by id, tables from id to
 * position (IdTable), and typed arrays (CSR adjacency) instead of one object or array per record.
 */
import {
  compareIds,
  ENTITY_TYPES,
  RELATION_TYPES,
  type Dataset,
  type Entity,
  type Relation,
  type Source,
  type Statement,
} from '@claimgraph/schema';
import { IdTable } from './id-table.js';
import { dayRanges, latestKey, type DayRanges } from './time.js';

/** Compressed sparse rows: the items of row `r` are `items[offsets[r] .. offsets[r + 1])`. */
export interface Csr {
  offsets: Int32Array;
  items: Int32Array;
}

/** Records by position: a plain array, or rows of the columnar file built when first asked for. */
export interface Records<T> {
  readonly length: number;
  at(position: number): T | undefined;
  /** New objects with every record's fields, built without the kept records (columnar rows); references to entities take their ids from `entityIds` when given. */
  copyAll?(entityIds?: readonly string[]): T[];
  /** Builds every record not built yet, at once: for queries about to return most of them (columnar rows). */
  buildAll?(): void;
}

/** Ids sorted by id: value `i` is `text.slice(offsets[i], offsets[i + 1])`. */
export interface IdColumn {
  readonly text: string;
  readonly offsets: ArrayLike<number>;
}

/** Position of a record by id. */
export interface IdIndex {
  get(id: string): number | undefined;
}

/** Columns some queries need, read from the columnar file or worked out from the rows on first use. */
export interface Extras {
  /** Per entity: index in ENTITY_TYPES. */
  entityType(): Uint8Array;
  /** Per statement: position of its source. */
  statementSource(): Int32Array;
  /** Per statement: first and last possible day of its date. */
  statementDays(): DayRanges;
  /** Per relation: last possible day of its start (-2^31 when it has none), and the last day it may still hold (its end, or the day before `endedBy`; 2^31 - 1 when neither). */
  relationDays(): { start: Int32Array; end: Int32Array };
  /** The name and aliases of an entity. */
  names: (position: number) => string[];
  /** A statement's words (its quote, else its paraphrase), read without building the record (columnar rows). */
  statementWords: (position: number) => string | undefined;
}

export interface Store {
  /** Every list sorted by id: a record's position is its rank in id order. */
  entities: Records<Entity>;
  relations: Records<Relation>;
  statements: Records<Statement>;
  sources: Records<Source>;
  entityIndex: IdIndex;
  relationIndex: IdIndex;
  sourceIndex: IdIndex;
  /** Statements by id, when the store has them without building a Map (columnar files); else built on first use. */
  statementIndex?: IdIndex;
  /** Per relation: endpoint positions, type (index in RELATION_TYPES), statement counts by stance. */
  relSource: Int32Array;
  relTarget: Int32Array;
  relType: Uint8Array;
  supports: Int32Array;
  disputes: Int32Array;
  /** Per statement: relation and speaker positions, 1 when it disputes. */
  stRelation: Int32Array;
  stSpeaker: Int32Array;
  stDisputes: Uint8Array;
  /** Statements of each relation, and relations at either end of each entity, in id order. */
  byRelation: Csr;
  byEntity: Csr;
  /** Whether every list came sorted by id (source folders must be). */
  sorted: boolean;
  /** The id of the record at a position, read without building the record (columnar rows). */
  ids: StoreIds;
  /** The id columns of a columnar file, sorted: a merge compares ids in them without a string per id. */
  idColumns?: Record<keyof StoreIds, IdColumn>;
  /** The first broken reference, duplicate id or malformed record met, or null: such data cannot be indexed. */
  problem: string | null;
  extras: Extras;
}

/** Per record kind: the id at a position. */
export type StoreIds = Record<'entities' | 'relations' | 'statements' | 'sources', (position: number) => string>;

const NO_START = -(2 ** 31);
const NO_END = 2 ** 31 - 1;
const ENTITY_TYPE_CODE = new Map<string, number>(ENTITY_TYPES.map((t, i) => [t, i]));

/** Extras worked out from row records, each on first use. */
export function rowExtras(
  entities: Records<Entity>,
  relations: Records<Relation>,
  statements: Records<Statement>,
  sourceIndex: IdIndex,
): Extras {
  let entityType: Uint8Array | undefined;
  let statementSource: Int32Array | undefined;
  let statementDays: DayRanges | undefined;
  let relationDays: { start: Int32Array; end: Int32Array } | undefined;
  return {
    entityType: () =>
      (entityType ??= Uint8Array.from(
        { length: entities.length },
        (_, i) => ENTITY_TYPE_CODE.get(entities.at(i)!.type) ?? 255,
      )),
    statementSource: () =>
      (statementSource ??= Int32Array.from(
        { length: statements.length },
        (_, i) => sourceIndex.get(statements.at(i)!.source) ?? -1,
      )),
    statementDays: () => (statementDays ??= dayRanges(statements.length, (i) => statements.at(i)!.date)),
    relationDays: () => {
      if (!relationDays) {
        const start = new Int32Array(relations.length).fill(NO_START);
        const end = new Int32Array(relations.length).fill(NO_END);
        for (let r = 0; r < relations.length; r++) {
          const relation = relations.at(r)!;
          if (relation.start !== undefined) start[r] = latestKey(relation.start);
          if (relation.end !== undefined) end[r] = latestKey(relation.end);
          // Over from the last day `endedBy` can mean: it may still hold only on the days before.
          if (relation.endedBy !== undefined) end[r] = Math.min(end[r]!, latestKey(relation.endedBy) - 1);
        }
        relationDays = { start, end };
      }
      return relationDays;
    },
    names: (i) => {
      const entity = entities.at(i)!;
      return [entity.name, ...(entity.aliases ?? [])];
    },
    statementWords: (i) => {
      const statement = statements.at(i)!;
      return statement.quote ?? statement.paraphrase;
    },
  };
}

const RELATION_TYPE_INDEX = new Map<string, number>(RELATION_TYPES.map((t, i) => [t, i]));

type Fields = Record<string, unknown>;

function isRecord(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function idOf(record: unknown): string {
  const id = isRecord(record) ? record.id : undefined;
  return typeof id === 'string' ? id : '';
}

/** A copy of the list sorted by id. */
function sortById<T>(records: T[]): T[] {
  return [...records].sort((a, b) => compareIds(idOf(a), idOf(b)));
}

/** Notes the first problem met, and whether every list came sorted by id. */
class Findings {
  problem: string | null = null;
  sorted = true;

  fail(message: string): void {
    this.problem ??= message;
  }

  /** Ids out of order mean the index must be built again from sorted copies. */
  follows(previous: string, id: string): void {
    if (this.sorted && compareIds(previous, id) > 0) this.sorted = false;
  }
}

/** Maps ids to positions. */
function indexRecords(records: unknown[], kind: 'entity' | 'source', findings: Findings): IdTable {
  const index = new IdTable(records.length);
  let previous = '';
  for (let i = 0; i < records.length; i++) {
    const record = records[i];
    const id = idOf(record);
    findings.follows(previous, id);
    previous = id;
    if (id === '') findings.fail(`${kind} #${i} has no id`);
    else if (!index.add(id, i)) findings.fail(`duplicate ${kind} id ${JSON.stringify(id)}`);
  }
  return index;
}

interface RelationIndex {
  relationIndex: IdTable;
  relSource: Int32Array;
  relTarget: Int32Array;
  relType: Uint8Array;
}

function indexRelations(relations: unknown[], entityIndex: IdIndex, findings: Findings): RelationIndex {
  const count = relations.length;
  const relationIndex = new IdTable(count);
  const relSource = new Int32Array(count);
  const relTarget = new Int32Array(count);
  const relType = new Uint8Array(count);
  let previous = '';
  for (let i = 0; i < count; i++) {
    const relation = relations[i];
    const id = idOf(relation);
    findings.follows(previous, id);
    previous = id;
    if (id === '') findings.fail(`relation #${i} has no id`);
    else if (!relationIndex.add(id, i)) findings.fail(`duplicate relation id ${JSON.stringify(id)}`);
    if (!isRecord(relation)) continue;
    const from = entityIndex.get(relation.source as string);
    const to = entityIndex.get(relation.target as string);
    const type = RELATION_TYPE_INDEX.get(relation.type as string);
    if (from === undefined)
      findings.fail(`relation ${JSON.stringify(id)} has unknown source entity ${JSON.stringify(relation.source)}`);
    else relSource[i] = from;
    if (to === undefined)
      findings.fail(`relation ${JSON.stringify(id)} has unknown target entity ${JSON.stringify(relation.target)}`);
    else relTarget[i] = to;
    if (type === undefined)
      findings.fail(`relation ${JSON.stringify(id)} has unknown type ${JSON.stringify(relation.type)}`);
    else relType[i] = type;
  }
  return { relationIndex, relSource, relTarget, relType };
}

interface StatementIndex {
  stRelation: Int32Array;
  stSpeaker: Int32Array;
  stDisputes: Uint8Array;
  supports: Int32Array;
  disputes: Int32Array;
}

function indexStatements(
  statements: unknown[],
  relationCount: number,
  relationIndex: IdIndex,
  entityIndex: IdIndex,
  findings: Findings,
): StatementIndex {
  const count = statements.length;
  const stRelation = new Int32Array(count).fill(-1);
  const stSpeaker = new Int32Array(count).fill(-1);
  const stDisputes = new Uint8Array(count);
  const supports = new Int32Array(relationCount);
  const disputes = new Int32Array(relationCount);
  let previousId = '';
  // Statements about one relation often come together (two thirds of them in the synthetic
  // releases, a twentieth in the bundled datasets): the last relation found is tried first.
  let lastRelationId: unknown;
  let lastRelation: number | undefined;
  for (let i = 0; i < count; i++) {
    const statement = statements[i];
    const id = idOf(statement);
    // In id order a duplicate comes right after its first; out of order, the index is built again sorted.
    if (id === '' || id === previousId)
      findings.fail(id === '' ? `statement #${i} has no id` : `duplicate statement id ${JSON.stringify(id)}`);
    findings.follows(previousId, id);
    previousId = id;
    if (!isRecord(statement)) continue;
    const relationId = statement.relation;
    if (relationId !== lastRelationId) {
      lastRelationId = relationId;
      lastRelation = relationIndex.get(relationId as string);
    }
    const rel = lastRelation;
    const speaker = entityIndex.get(statement.speaker as string);
    if (rel === undefined)
      findings.fail(`statement ${JSON.stringify(id)} is about unknown relation ${JSON.stringify(statement.relation)}`);
    else if (statement.stance === 'disputes') {
      stRelation[i] = rel;
      stDisputes[i] = 1;
      disputes[rel]!++;
    } else if (statement.stance === 'supports') {
      stRelation[i] = rel;
      supports[rel]!++;
    } else findings.fail(`statement ${JSON.stringify(id)} has unknown stance ${JSON.stringify(statement.stance)}`);
    if (speaker === undefined)
      findings.fail(`statement ${JSON.stringify(id)} has unknown speaker ${JSON.stringify(statement.speaker)}`);
    else stSpeaker[i] = speaker;
  }
  return { stRelation, stSpeaker, stDisputes, supports, disputes };
}

/**
 * Indexes a dataset that has the four lists. Records are not copied. Nothing here throws on bad
 * data: broken references are noted so that the caller can ask the validator for the full story.
 * (`sorted` is false only on the second pass, over sorted copies of lists that came out of order.)
 */
export function buildStore(data: Dataset, sorted = true): Store {
  const findings = new Findings();
  const { entities, relations, statements, sources } = data;
  const entityIndex = indexRecords(entities, 'entity', findings);
  const sourceIndex = indexRecords(sources, 'source', findings);
  const rel = indexRelations(relations, entityIndex, findings);
  const st = indexStatements(statements, relations.length, rel.relationIndex, entityIndex, findings);
  // Releases come sorted, so this is one pass; other lists are indexed again from sorted copies.
  if (!findings.sorted) {
    return buildStore(
      {
        entities: sortById(entities),
        relations: sortById(relations),
        statements: sortById(statements),
        sources: sortById(sources),
      },
      false,
    );
  }

  const counts = new Int32Array(relations.length);
  for (let i = 0; i < relations.length; i++) counts[i] = st.supports[i]! + st.disputes[i]!;
  const ok = findings.problem === null;
  return {
    entities,
    relations,
    statements,
    sources,
    entityIndex,
    sourceIndex,
    ...rel,
    ...st,
    byRelation: buildCsr(relations.length, st.stRelation, counts),
    byEntity: ok
      ? incidence(entities.length, rel.relSource, rel.relTarget)
      : { offsets: new Int32Array(entities.length + 1), items: new Int32Array(0) },
    sorted,
    problem: findings.problem,
    extras: rowExtras(entities, relations, statements, sourceIndex),
    ids: {
      entities: (i) => idOf(entities[i]),
      relations: (i) => idOf(relations[i]),
      statements: (i) => idOf(statements[i]),
      sources: (i) => idOf(sources[i]),
    },
  };
}

/** Builds rows from a row number per item (-1: none), keeping items in their original order within a row. */
export function buildCsr(rows: number, rowOf: Int32Array, counts?: Int32Array): Csr {
  const offsets = new Int32Array(rows + 1);
  if (counts) offsets.set(counts, 1);
  else for (let i = 0; i < rowOf.length; i++) if (rowOf[i]! >= 0) offsets[rowOf[i]! + 1]!++;
  for (let r = 0; r < rows; r++) offsets[r + 1]! += offsets[r]!;
  const items = new Int32Array(offsets[rows]!);
  const next = offsets.slice(0, rows);
  for (let i = 0; i < rowOf.length; i++) {
    const r = rowOf[i]!;
    if (r >= 0) items[next[r]!++] = i;
  }
  return { offsets, items };
}

/** Relations at either end of each entity, in relation (id) order. */
export function incidence(entityCount: number, relSource: Int32Array, relTarget: Int32Array): Csr {
  const offsets = new Int32Array(entityCount + 1);
  for (let i = 0; i < relSource.length; i++) {
    offsets[relSource[i]! + 1]!++;
    if (relTarget[i] !== relSource[i]) offsets[relTarget[i]! + 1]!++;
  }
  for (let v = 0; v < entityCount; v++) offsets[v + 1]! += offsets[v]!;
  const items = new Int32Array(offsets[entityCount]!);
  const next = offsets.slice(0, entityCount);
  for (let i = 0; i < relSource.length; i++) {
    items[next[relSource[i]!]!++] = i;
    if (relTarget[i] !== relSource[i]) items[next[relTarget[i]!]!++] = i;
  }
  return { offsets, items };
}

/** Statements of each speaker, in id order: built on first use (perspective, speaker filters). */
export function speakerRows(store: Store): Csr {
  return buildCsr(store.entities.length, store.stSpeaker);
}
