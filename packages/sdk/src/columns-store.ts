/**
 * The store of a columnar release: the file's typed arrays are the index (references are already
 * positions), ids are found by binary search over the sorted id column, and a record is built only
 * when a query returns it.
 */
import {
  pushAll,
  ENTITY_TYPES,
  isPartialDate,
  RELATION_TYPES,
  type Columns,
  type ColumnView,
  type DateView,
  type EntityType,
  type EnumView,
  type RefView,
  type StringView,
  type TableView,
  type TextColumn,
} from '@claimgraph/schema';
import { buildCsr, incidence, type Extras, type IdIndex, type Records, type Store } from './store.js';
import { dayRangesFromColumns, lastDay, latestKey, type DayRanges } from './time.js';

/** Rows of one table, each built on first request and then kept, so a record is always the same object. */
class LazyRecords<T> implements Records<T> {
  readonly length: number;
  readonly #cache: (T | undefined)[];
  #allBuilt = false;
  constructor(private readonly table: TableView) {
    this.length = table.count;
    this.#cache = new Array<T | undefined>(table.count);
  }
  at(position: number): T | undefined {
    if (!(position >= 0 && position < this.length)) return undefined;
    return (this.#cache[position] ??= this.table.row(position) as T);
  }
  copyAll(entityIds?: readonly string[]): T[] {
    return this.table.rows(entityIds && { entities: entityIds }) as T[];
  }
  buildAll(): void {
    if (this.#allBuilt) return;
    const rows = this.copyAll();
    // Rows already handed out stay the ones kept: a record is always the same object.
    for (let i = 0; i < this.length; i++) this.#cache[i] ??= rows[i];
    this.#allBuilt = true;
  }
}

/** Binary search over an id column sorted in code-point order (checked when the store is built). */
export class SortedIds implements IdIndex {
  constructor(private readonly ids: TextColumn) {}
  get(id: string): number | undefined {
    if (typeof id !== 'string') return undefined;
    const { text, offsets } = this.ids;
    let lo = 0;
    let hi = offsets.length - 2;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const value = text.slice(offsets[mid], offsets[mid + 1]);
      if (value === id) return mid;
      if (value < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

const of = <K extends ColumnView['kind']>(table: TableView, name: string, kind: K) => {
  const column = table.column(name);
  return column?.kind === kind ? (column as Extract<ColumnView, { kind: K }>) : undefined;
};

/** Whether every row has the field. */
function complete(column: ColumnView | undefined): boolean {
  if (column === undefined) return false;
  if (column.kind === 'string' || column.kind === 'strings' || column.kind === 'json') return column.present === null;
  if (column.kind === 'ref') return !column.values.includes(-1);
  if (column.kind === 'enum') return !column.values.includes(255);
  if (column.kind === 'date') return !column.precision.includes(255);
  return !column.values.includes(0);
}

/** The string at a position of a text column. */
function textAt({ text, offsets }: TextColumn): (position: number) => string {
  return (i) => text.slice(offsets[i], offsets[i + 1]);
}

/** Whether the ids are strictly increasing in code-point order: sorted, and so without duplicates. */
function strictlySorted(ids: TextColumn): boolean {
  const { text, offsets } = ids;
  let previous = '';
  for (let i = 0; i + 1 < offsets.length; i++) {
    const id = text.slice(offsets[i], offsets[i + 1]);
    if (i > 0 && !(previous < id)) return false;
    previous = id;
  }
  return true;
}

/** Codes of a file's enum translated into positions in one of our vocabularies (255: not in it). */
function translate(column: EnumView, vocabulary: readonly string[]): Uint8Array {
  const map = column.terms.map((t) => {
    const i = vocabulary.indexOf(t);
    return i < 0 ? 255 : i;
  });
  const out = new Uint8Array(column.values.length);
  for (let i = 0; i < out.length; i++) out[i] = column.values[i] === 255 ? 255 : map[column.values[i]!]!;
  return out;
}

/** The columns the store reads, in the kinds a release writes them; undefined when a file holds something else. */
export interface CoreColumns {
  entityId: StringView;
  entityType: EnumView;
  name: StringView | undefined;
  aliases: ColumnView | undefined;
  relationId: StringView;
  relationType: EnumView;
  relationSource: RefView;
  relationTarget: RefView;
  statementId: StringView;
  statementRelation: RefView;
  statementSpeaker: RefView;
  statementStance: EnumView;
  statementDate: DateView;
  statementSource: RefView;
  sourceId: StringView;
}

export function coreColumns(columns: Columns): CoreColumns | undefined {
  const { entities, relations, statements, sources } = columns.tables;
  if (!entities || !relations || !statements || !sources) return undefined;
  const core = {
    entityId: of(entities, 'id', 'string'),
    entityType: of(entities, 'type', 'enum'),
    name: of(entities, 'name', 'string'),
    aliases: entities.column('aliases'),
    relationId: of(relations, 'id', 'string'),
    relationType: of(relations, 'type', 'enum'),
    relationSource: of(relations, 'source', 'ref'),
    relationTarget: of(relations, 'target', 'ref'),
    statementId: of(statements, 'id', 'string'),
    statementRelation: of(statements, 'relation', 'ref'),
    statementSpeaker: of(statements, 'speaker', 'ref'),
    statementStance: of(statements, 'stance', 'enum'),
    statementDate: of(statements, 'date', 'date'),
    statementSource: of(statements, 'source', 'ref'),
    sourceId: of(sources, 'id', 'string'),
  };
  const required: (keyof typeof core)[] = [
    'entityId',
    'entityType',
    'relationId',
    'relationType',
    'relationSource',
    'relationTarget',
    'statementId',
    'statementRelation',
    'statementSpeaker',
    'statementStance',
    'statementDate',
    'statementSource',
    'sourceId',
  ];
  for (const key of required) {
    const column = core[key];
    if (column === undefined || !complete(column)) return undefined;
  }
  // The ids a release writes are all present, and the references point at the right tables.
  if (
    core.relationSource!.table !== 'entities' ||
    core.relationTarget!.table !== 'entities' ||
    core.statementRelation!.table !== 'relations' ||
    core.statementSpeaker!.table !== 'entities' ||
    core.statementSource!.table !== 'sources'
  )
    return undefined;
  return core as CoreColumns;
}

const NO_START = -(2 ** 31);
const NO_END = 2 ** 31 - 1;

/**
 * The store of a columnar file, or undefined when the file is not in the form a release build
 * writes (a required column missing or of another kind, ids out of order or repeated): such a file
 * is read row by row instead, so that the validator can say what is wrong with it.
 */
export function storeFromColumns(columns: Columns): Store | undefined {
  const core = coreColumns(columns);
  if (!core) return undefined;
  const tables = columns.tables as Required<Columns['tables']>;
  for (const ids of [core.entityId, core.relationId, core.statementId, core.sourceId])
    if (!strictlySorted(ids.strings)) return undefined;

  const entityCount = tables.entities.count;
  const relationCount = tables.relations.count;
  const statementCount = tables.statements.count;
  let problem: string | null = null;

  const relSource = core.relationSource.values;
  const relTarget = core.relationTarget.values;
  const relType = translate(core.relationType, RELATION_TYPES);
  if (relType.includes(255)) problem ??= 'a relation has a type this version of @claimgraph/sdk does not know';
  const stance = translate(core.statementStance, ['supports', 'disputes']);
  if (stance.includes(255)) problem ??= 'a statement has a stance this version of @claimgraph/sdk does not know';
  const stRelation = core.statementRelation.values;
  const stSpeaker = core.statementSpeaker.values;
  const stDisputes = stance;
  const supports = new Int32Array(relationCount);
  const disputes = new Int32Array(relationCount);
  for (let i = 0; i < statementCount; i++) {
    if (stance[i] === 1) disputes[stRelation[i]!]!++;
    else supports[stRelation[i]!]!++;
  }
  const counts = new Int32Array(relationCount);
  for (let r = 0; r < relationCount; r++) counts[r] = supports[r]! + disputes[r]!;

  const entities = new LazyRecords<never>(tables.entities);
  const relations = new LazyRecords<never>(tables.relations);
  const entityType = translate(core.entityType, ENTITY_TYPES as readonly EntityType[]);
  if (entityType.includes(255)) problem ??= 'an entity has a type this version of @claimgraph/sdk does not know';
  const relationStart = tables.relations.column('start');
  const relationEnd = tables.relations.column('end');
  let relationDays: { start: Int32Array; end: Int32Array } | undefined;
  let statementDays: DayRanges | undefined;
  const { name, aliases } = core;
  const quote = tables.statements.column('quote');
  const paraphrase = tables.statements.column('paraphrase');
  const extras: Extras = {
    entityType: () => entityType,
    statementSource: () => core.statementSource.values,
    statementDays: () =>
      (statementDays ??= dayRangesFromColumns(core.statementDate.days, core.statementDate.precision)),
    relationDays: () => {
      if (!relationDays) {
        const ends = (column: ColumnView | undefined, none: number) => {
          const out = new Int32Array(relationCount).fill(none);
          if (column?.kind === 'date') {
            for (let r = 0; r < relationCount; r++)
              if (column.precision[r] !== 255) out[r] = lastDay(column.days[r]!, column.precision[r]!);
          } else if (column !== undefined) {
            // Only unvalidated files hold dates in another kind of column.
            for (let r = 0; r < relationCount; r++) {
              const value = column.get(r);
              if (isPartialDate(value)) out[r] = latestKey(value);
            }
          }
          return out;
        };
        const end = ends(relationEnd, NO_END);
        // Over from the last day `endedBy` can mean: it may still hold only on the days before.
        const endedBy = ends(tables.relations.column('endedBy'), NO_END);
        for (let r = 0; r < relationCount; r++) if (endedBy[r] !== NO_END) end[r] = Math.min(end[r]!, endedBy[r]! - 1);
        relationDays = { start: ends(relationStart, NO_START), end };
      }
      return relationDays;
    },
    names: (i) => {
      const list = [(name?.get(i) as string | undefined) ?? ''];
      const more = aliases?.get(i);
      if (Array.isArray(more)) pushAll(list, more as string[]);
      return list;
    },
    statementWords: (i) => (quote?.get(i) ?? paraphrase?.get(i)) as string | undefined,
  };
  return {
    entities,
    relations,
    statements: new LazyRecords<never>(tables.statements),
    sources: new LazyRecords<never>(tables.sources),
    entityIndex: new SortedIds(core.entityId.strings),
    relationIndex: new SortedIds(core.relationId.strings),
    sourceIndex: new SortedIds(core.sourceId.strings),
    statementIndex: new SortedIds(core.statementId.strings),
    relSource,
    relTarget,
    relType,
    supports,
    disputes,
    stRelation,
    stSpeaker,
    stDisputes,
    byRelation: buildCsr(relationCount, stRelation, counts),
    byEntity: incidence(entityCount, relSource, relTarget),
    sorted: true,
    problem,
    extras,
    ids: {
      entities: textAt(core.entityId.strings),
      relations: textAt(core.relationId.strings),
      statements: textAt(core.statementId.strings),
      sources: textAt(core.sourceId.strings),
    },
    idColumns: {
      entities: core.entityId.strings,
      relations: core.relationId.strings,
      statements: core.statementId.strings,
      sources: core.sourceId.strings,
    },
  };
}
