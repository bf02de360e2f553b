/**
 * The indexed form of a dataset behind a ClaimGraph: the records sorted by id, Maps from id to
 * position, and typed arrays (CSR adjacency) instead of one object or array per record.
 */
import { compareIds, RELATION_TYPES, type Dataset, type Entity, type Relation, type Source, type Statement } from '@claimgraph/schema';

/** Compressed sparse rows: the items of row `r` are `items[offsets[r] .. offsets[r + 1])`. */
export interface Csr {
  offsets: Int32Array;
  items: Int32Array;
}

export interface Store {
  /** Every list sorted by id: a record's position is its rank in id order. */
  entities: Entity[];
  relations: Relation[];
  statements: Statement[];
  sources: Source[];
  entityIndex: Map<string, number>;
  relationIndex: Map<string, number>;
  sourceIndex: Map<string, number>;
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
  /** The first broken reference or duplicate id met, or null: such data cannot be indexed. */
  problem: string | null;
}

const RELATION_TYPE_INDEX = new Map<string, number>(RELATION_TYPES.map((t, i) => [t, i]));

type Row = { id?: unknown };

function idOf(record: unknown): string {
  const id = typeof record === 'object' && record !== null ? (record as Row).id : undefined;
  return typeof id === 'string' ? id : '';
}

/** The list itself when already sorted by id (releases are), else a sorted copy. */
function sortedById<T>(records: T[]): { list: T[]; sorted: boolean } {
  let previous = '';
  for (let i = 0; i < records.length; i++) {
    const id = idOf(records[i]);
    if (i > 0 && compareIds(previous, id) > 0) {
      return { list: [...records].sort((a, b) => compareIds(idOf(a), idOf(b))), sorted: false };
    }
    previous = id;
  }
  return { list: records, sorted: true };
}

function indexById(records: unknown[], kind: string, fail: (message: string) => void): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < records.length; i++) {
    const id = idOf(records[i]);
    if (id === '') fail(`${kind} #${i} has no id`);
    else if (index.has(id)) fail(`duplicate ${kind} id ${JSON.stringify(id)}`);
    else index.set(id, i);
  }
  return index;
}

/** Builds rows from a row number per item, keeping items in their original order within a row. */
function buildCsr(rows: number, rowOf: Int32Array, counts?: Int32Array): Csr {
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

/**
 * Indexes a dataset that has the four lists. Records are not copied; broken references are noted
 * in `problem` (never thrown) so that the caller can ask the validator for the full story.
 */
export function buildStore(data: Dataset): Store {
  let problem: string | null = null;
  const fail = (message: string) => {
    problem ??= message;
  };
  const e = sortedById(data.entities);
  const r = sortedById(data.relations);
  const s = sortedById(data.statements);
  const src = sortedById(data.sources);
  const entities = e.list;
  const relations = r.list;
  const statements = s.list;
  const sources = src.list;

  const entityIndex = indexById(entities, 'entity', fail);
  const relationIndex = indexById(relations, 'relation', fail);
  const sourceIndex = indexById(sources, 'source', fail);

  const relCount = relations.length;
  const relSource = new Int32Array(relCount);
  const relTarget = new Int32Array(relCount);
  const relType = new Uint8Array(relCount);
  for (let i = 0; i < relCount; i++) {
    const relation = relations[i]!;
    const from = entityIndex.get(relation.source);
    const to = entityIndex.get(relation.target);
    const type = RELATION_TYPE_INDEX.get(relation.type);
    if (from === undefined) fail(`relation ${JSON.stringify(relation.id)} has unknown source entity ${JSON.stringify(relation.source)}`);
    if (to === undefined) fail(`relation ${JSON.stringify(relation.id)} has unknown target entity ${JSON.stringify(relation.target)}`);
    if (type === undefined) fail(`relation ${JSON.stringify(relation.id)} has unknown type ${JSON.stringify(relation.type)}`);
    relSource[i] = from ?? 0;
    relTarget[i] = to ?? 0;
    relType[i] = type ?? 0;
  }

  const stCount = statements.length;
  const stRelation = new Int32Array(stCount);
  const stSpeaker = new Int32Array(stCount);
  const stDisputes = new Uint8Array(stCount);
  const supports = new Int32Array(relCount);
  const disputes = new Int32Array(relCount);
  let previousId = '';
  for (let i = 0; i < stCount; i++) {
    const statement = statements[i]!;
    const id = idOf(statement);
    if (id === '') fail(`statement #${i} has no id`);
    else if (id === previousId) fail(`duplicate statement id ${JSON.stringify(id)}`);
    previousId = id;
    const rel = relationIndex.get(statement.relation);
    const speaker = entityIndex.get(statement.speaker);
    if (rel === undefined) {
      fail(`statement ${JSON.stringify(id)} is about unknown relation ${JSON.stringify(statement.relation)}`);
      stRelation[i] = -1;
    } else {
      stRelation[i] = rel;
      if (statement.stance === 'disputes') {
        stDisputes[i] = 1;
        disputes[rel]!++;
      } else if (statement.stance === 'supports') supports[rel]!++;
      else fail(`statement ${JSON.stringify(id)} has unknown stance ${JSON.stringify(statement.stance)}`);
    }
    if (speaker === undefined) {
      fail(`statement ${JSON.stringify(id)} has unknown speaker ${JSON.stringify(statement.speaker)}`);
      stSpeaker[i] = -1;
    } else stSpeaker[i] = speaker;
  }

  const counts = new Int32Array(relCount);
  for (let i = 0; i < relCount; i++) counts[i] = supports[i]! + disputes[i]!;
  const byRelation = buildCsr(relCount, stRelation, counts);
  const byEntity = incidence(entities.length, relSource, relTarget);

  return {
    entities,
    relations,
    statements,
    sources,
    entityIndex,
    relationIndex,
    sourceIndex,
    relSource,
    relTarget,
    relType,
    supports,
    disputes,
    stRelation,
    stSpeaker,
    stDisputes,
    byRelation,
    byEntity,
    sorted: e.sorted && r.sorted && s.sorted && src.sorted,
    problem,
  };
}

/** Relations at either end of each entity, in relation (id) order. */
function incidence(entityCount: number, relSource: Int32Array, relTarget: Int32Array): Csr {
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
