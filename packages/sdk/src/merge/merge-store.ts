/**
 * Several datasets' stores as one: records of one id joined (or a clash reported), relations of one
 * type, ends and dates joined, every record's datasets kept. Records stay the datasets' own objects
 * unless a join changes them; the index is built from the datasets' typed arrays.
 */
import { compareIds, pushAll, RELATION_TYPE_INFO, RELATION_TYPES, wordsKey, type Redirect } from '@claimgraph/schema';
import { ClaimGraphMergeError } from '../errors.js';
import { sameQualifiers } from '../quick-check.js';
import { buildCsr, incidence, type Extras, type IdIndex, type Records, type Store } from '../store.js';
import type { DayRanges } from '../time.js';
import { groupById, sortPairs, type Groups, type MergeKind } from './groups.js';
import { judgedGroups, unitedRedirects, type Labelled } from './ids.js';
import type { Judgements } from './judgements.js';

export type { MergeKind };

/** An id that now leads to another record of the merged graph, and why. */
export interface JoinedId {
  kind: MergeKind;
  from: string;
  to: string;
  /**
   * `redirect`: another dataset's redirect; `judgement`: a `same` judgement; `relation`: same type, ends
   * and dates; `statement`: the same speaker's same words on the relation (now an appearance).
   */
  by: 'redirect' | 'judgement' | 'relation' | 'statement';
}

/** A field on which the datasets' records of one id differ without clashing: the first dataset's value is kept. */
export interface Difference {
  kind: MergeKind;
  id: string;
  field: string;
  datasets: string[];
}

/**
 * Two statements of two datasets with different ids and the same speaker, relation, stance and folded
 * words: the first (of the first dataset) is kept, the second joined into it as an appearance.
 */
export interface DuplicateStatement {
  statements: [string, string];
  datasets: [string, string];
}

/** What a merge did beyond putting records side by side. */
export interface MergeReport {
  joined: JoinedId[];
  differences: Difference[];
  duplicates: DuplicateStatement[];
}

export interface Merged {
  store: Store;
  /** Every dataset's redirects, each leading to the id its record has in the merged graph. */
  redirects: Redirect[];
  /** Ids joined into another record (by judgement, another dataset's redirect, or a relation join) → the kept id. */
  joins: Map<string, string>;
  /** Per kind, per merged position: a bit per dataset holding the record. */
  provenance: Record<MergeKind, Uint32Array>;
  report: MergeReport;
}

const SYMMETRIC = Uint8Array.from(RELATION_TYPES, (t) => (RELATION_TYPE_INFO[t].symmetric ? 1 : 0));
const KIND_NAME = { entities: 'entity', relations: 'relation', statements: 'statement', sources: 'source' } as const;
/** Fields two datasets may hold differently for one source without a clash: they are each curator's own. */
const CURATOR_FIELDS = new Set(['note', 'accessed']);

const json = (value: unknown) => JSON.stringify(value);

/** Input position → merged position, per dataset, and a bit per dataset per merged record. */
function positions(inputs: readonly Labelled[], kind: MergeKind, groups: Groups) {
  const map = inputs.map(({ store }) => new Int32Array(store[kind].length).fill(-1));
  const mask = new Uint32Array(groups.length);
  const { d, p } = groups;
  for (let i = 0; i < groups.length; i++) {
    map[d[i]!]![p[i]!] = i;
    mask[i] = 1 << d[i]!;
  }
  for (const [i, rest] of groups.more)
    for (let k = 0; k < rest.length; k += 2) {
      map[rest[k]!]![rest[k + 1]!] = i;
      mask[i]! |= 1 << rest[k]!;
    }
  return { map, mask };
}

/** Per merged relation, from its first dataset's record: its ends (merged entity positions) and type. */
function relationColumns(inputs: readonly Labelled[], groups: Groups, entityMap: readonly Int32Array[]) {
  const count = groups.length;
  const relSource = new Int32Array(count);
  const relTarget = new Int32Array(count);
  const relType = new Uint8Array(count);
  for (let r = 0; r < count; r++) {
    const d = groups.d[r]!;
    const p = groups.p[r]!;
    const { store } = inputs[d]!;
    const map = entityMap[d]!;
    relSource[r] = map[store.relSource[p]!]!;
    relTarget[r] = map[store.relTarget[p]!]!;
    relType[r] = store.relType[p]!;
  }
  return { relSource, relTarget, relType };
}

/**
 * Per merged statement, from its first dataset's record: its relation and speaker (merged
 * positions) and stance; per relation, the counts by stance and its statements.
 */
function statementIndex(
  inputs: readonly Labelled[],
  groups: Groups,
  relationMap: readonly Int32Array[],
  entityMap: readonly Int32Array[],
  relationCount: number,
) {
  const count = groups.length;
  const stRelation = new Int32Array(count);
  const stSpeaker = new Int32Array(count);
  const stDisputes = new Uint8Array(count);
  const supports = new Int32Array(relationCount);
  const disputes = new Int32Array(relationCount);
  for (let i = 0; i < count; i++) {
    const d = groups.d[i]!;
    const p = groups.p[i]!;
    const { store } = inputs[d]!;
    const r = relationMap[d]![store.stRelation[p]!]!;
    stRelation[i] = r;
    stSpeaker[i] = entityMap[d]![store.stSpeaker[p]!]!;
    const disputed = store.stDisputes[p]!;
    stDisputes[i] = disputed;
    if (disputed === 1) disputes[r]!++;
    else supports[r]!++;
  }
  const counts = new Int32Array(relationCount);
  for (let r = 0; r < relationCount; r++) counts[r] = supports[r]! + disputes[r]!;
  return {
    stRelation,
    stSpeaker,
    stDisputes,
    supports,
    disputes,
    byRelation: buildCsr(relationCount, stRelation, counts),
  };
}

/** What every step of a merge reads and adds to: the inputs, where their ids move, the report and the joins. */
interface MergeContext {
  inputs: readonly Labelled[];
  label: (d: number) => string;
  recordOf: <T>(kind: MergeKind, d: number, p: number) => T;
  redirects: Map<string, { to: string; datasets: number[] }>;
  redirected: (id: string) => string;
  thingId: (id: string) => string;
  report: MergeReport;
  joins: Map<string, string>;
  noteJoin: (kind: MergeKind, from: string, to: string) => void;
  clash: (kind: MergeKind, id: string, field: string, a: number, b: number, problem: string) => never;
  groupsOf: (kind: MergeKind, index: (store: Store) => IdIndex, finalId: (id: string) => string) => Groups;
}

/** One kind's merged groups, each input position's merged position and a bit per dataset per merged record. */
interface Placed {
  groups: Groups;
  pos: { map: Int32Array[]; mask: Uint32Array };
}

interface MergedEntities extends Placed {
  entityType: Uint8Array;
  merged: Map<number, Record<string, unknown>>;
}

interface MergedSources extends Placed {
  merged: Map<number, Record<string, unknown>>;
}

interface MergedRelations extends Placed {
  ends: { relSource: Int32Array; relTarget: Int32Array; relType: Uint8Array };
}

interface MergedStatements extends Placed {
  columns: ReturnType<typeof statementIndex>;
  rewritten: Rewriter;
  /** Kept statement → the appearances the statements joined into it add. */
  appearancesOf: Map<string, Record<string, unknown>[]>;
}

/** A statement of a dataset with its references as the merged graph names them. */
type Rewriter = (d: number, p: number, id: string) => Record<string, unknown>;

/** Merges the stores of several datasets; throws ClaimGraphMergeError on the first clash. */
export function mergeStores(inputs: readonly Labelled[], judgements?: Judgements): Merged {
  const ctx = mergeContext(inputs, judgements);
  // Each kind's records name only the kinds before it: entities and sources, then relations, then statements.
  const entities = mergeEntities(ctx);
  const sources = mergeSources(ctx);
  const relations = mergeRelations(ctx, entities);
  const statements = mergeStatements(ctx, entities, sources, relations);
  return {
    store: assembleStore(ctx, entities, sources, relations, statements),
    redirects: finalRedirects(ctx),
    joins: ctx.joins,
    provenance: {
      entities: entities.pos.mask,
      relations: relations.pos.mask,
      statements: statements.pos.mask,
      sources: sources.pos.mask,
    },
    report: ctx.report,
  };
}

/** The ids' moves (redirects, judgements) and the report, shared by every kind's step so each names joins alike. */
function mergeContext(inputs: readonly Labelled[], judgements: Judgements | undefined): MergeContext {
  const label = (d: number) => inputs[d]!.label;
  const recordOf = <T>(kind: MergeKind, d: number, p: number) => inputs[d]!.store[kind].at(p) as T;
  const redirects = unitedRedirects(inputs);
  const redirected = (id: string) => redirects.get(id)?.to ?? id;
  const judged = judgedGroups(inputs, judgements, redirected);
  const thingId = (id: string) => {
    const to = redirected(id);
    return judged.get(to) ?? to;
  };
  const report: MergeReport = { joined: [], differences: [], duplicates: [] };
  const joins = new Map<string, string>();
  const noteJoin = (kind: MergeKind, from: string, to: string) => {
    if (from === to || joins.has(from)) return;
    joins.set(from, to);
    report.joined.push({
      kind,
      from,
      to,
      by: redirects.has(from)
        ? 'redirect'
        : judged.has(from)
          ? 'judgement'
          : kind === 'statements'
            ? 'statement'
            : 'relation',
    });
  };
  const clash = (kind: MergeKind, id: string, field: string, a: number, b: number, problem: string): never => {
    throw new ClaimGraphMergeError(id, field, [label(a), label(b)], `the ${KIND_NAME[kind]} ${problem}`);
  };
  const noMoves = redirects.size === 0 && judged.size === 0;
  // Only ids a redirect or a judgement names change: entities and sources through both, the others through redirects.
  const changing = new Set([...redirects.keys(), ...judged.keys()]);
  const groupsOf = (kind: MergeKind, index: (store: Store) => IdIndex, finalId: (id: string) => string) => {
    const ids = finalId === thingId ? changing : redirects.keys();
    const { groups, moved } = groupById(inputs, kind, noMoves ? null : { ids, index, finalId });
    for (const m of moved) noteJoin(kind, m.from, m.id);
    return groups;
  };
  return { inputs, label, recordOf, redirects, redirected, thingId, report, joins, noteJoin, clash, groupsOf };
}

/** Entities: one type per id; the records several datasets hold are joined (names become aliases). */
function mergeEntities(ctx: MergeContext): MergedEntities {
  const { inputs, label, recordOf, clash, report } = ctx;
  const groups = ctx.groupsOf('entities', (store) => store.entityIndex, ctx.thingId);
  const pos = positions(inputs, 'entities', groups);
  const types = inputs.map(({ store }) => store.extras.entityType());
  const entityType = new Uint8Array(groups.length);
  for (let i = 0; i < groups.length; i++) entityType[i] = types[groups.d[i]!]![groups.p[i]!]!;
  const merged = new Map<number, Record<string, unknown>>();
  for (const i of sharedOrRenamed(groups)) {
    const members = groups.members(i);
    const [d0, p0] = [members[0]!, members[1]!];
    for (let k = 2; k < members.length; k += 2) {
      const [d, p] = [members[k]!, members[k + 1]!];
      if (types[d]![p] !== entityType[i]) {
        const a = recordOf<{ id: string; type: string }>('entities', d0, p0);
        const b = recordOf<{ id: string; type: string }>('entities', d, p);
        const as = (x: { id: string }) => (x.id === groups.id(i) ? '' : ` (as ${x.id})`);
        clash(
          'entities',
          groups.id(i),
          '/type',
          d0,
          d,
          `is ${a.type} in ${label(d0)}${as(a)}, ${b.type} in ${label(d)}${as(b)}`,
        );
      }
    }
    merged.set(
      i,
      mergeEntity(groups.id(i), members, (d, p) => recordOf('entities', d, p), label, report),
    );
  }
  return { groups, pos, entityType, merged };
}

/** Sources: the fields both datasets give must agree, but for each curator's own. */
function mergeSources(ctx: MergeContext): MergedSources {
  const { inputs, label, recordOf, clash, report } = ctx;
  const groups = ctx.groupsOf('sources', (store) => store.sourceIndex, ctx.thingId);
  const pos = positions(inputs, 'sources', groups);
  const mergedSources = new Map<number, Record<string, unknown>>();
  for (const i of sharedOrRenamed(groups)) {
    const members = groups.members(i);
    const id = groups.id(i);
    const merged: Record<string, unknown> = { ...recordOf<object>('sources', members[0]!, members[1]!), id };
    const from = new Map<string, number>(Object.keys(merged).map((f) => [f, members[0]!]));
    for (let k = 2; k < members.length; k += 2) {
      const d = members[k]!;
      for (const [field, value] of Object.entries(recordOf<object>('sources', d, members[k + 1]!))) {
        if (field === 'id') continue;
        if (!(field in merged)) {
          merged[field] = value;
          from.set(field, d);
        } else if (json(merged[field]) !== json(value)) {
          const a = from.get(field)!;
          if (!CURATOR_FIELDS.has(field))
            clash(
              'sources',
              id,
              `/${field}`,
              a,
              d,
              `has ${json(merged[field])} in ${label(a)}, ${json(value)} in ${label(d)}`,
            );
          report.differences.push({ kind: 'sources', id, field, datasets: [label(a), label(d)] });
        }
      }
    }
    mergedSources.set(i, merged);
  }
  return { groups, pos, merged: mergedSources };
}

/** Relations: one type and the same ends per id; then one relation per type, ends and dates. */
function mergeRelations(ctx: MergeContext, entities: MergedEntities): MergedRelations {
  const { inputs } = ctx;
  const groups = ctx.groupsOf('relations', (store) => store.relationIndex, ctx.redirected);
  checkRelationClashes(ctx, groups, entities);
  let ends = relationColumns(inputs, groups, entities.pos.map);
  const joined = joinSameRelations(groups, inputs, ends, entities.pos.mask, ctx.noteJoin);
  if (joined !== groups) ends = relationColumns(inputs, joined, entities.pos.map);
  return { groups: joined, pos: positions(inputs, 'relations', joined), ends };
}

/** The records of one relation id in several datasets must agree on type and ends (either way round when symmetric). */
function checkRelationClashes(ctx: MergeContext, groups: Groups, entities: MergedEntities): void {
  const { inputs, label, clash } = ctx;
  const entityMap = entities.pos.map;
  const typeOf = (d: number, p: number) => inputs[d]!.store.relType[p]!;
  const sourceEnd = (d: number, p: number) => entityMap[d]![inputs[d]!.store.relSource[p]!]!;
  const targetEnd = (d: number, p: number) => entityMap[d]![inputs[d]!.store.relTarget[p]!]!;
  const entityId = (i: number) => entities.groups.id(i);
  for (const [i, rest] of groups.more) {
    const id = groups.id(i);
    const [d0, p0] = [groups.d[i]!, groups.p[i]!];
    const [s0, t0] = [sourceEnd(d0, p0), targetEnd(d0, p0)];
    for (let k = 0; k < rest.length; k += 2) {
      const [d, p] = [rest[k]!, rest[k + 1]!];
      if (typeOf(d, p) !== typeOf(d0, p0))
        clash(
          'relations',
          id,
          '/type',
          d0,
          d,
          `is ${RELATION_TYPES[typeOf(d0, p0)]} in ${label(d0)}, ${RELATION_TYPES[typeOf(d, p)]} in ${label(d)}`,
        );
      const [s, t] = [sourceEnd(d, p), targetEnd(d, p)];
      if (SYMMETRIC[typeOf(d, p)] === 1 && s === t0 && t === s0) continue;
      if (s !== s0)
        clash(
          'relations',
          id,
          '/source',
          d0,
          d,
          `goes from ${entityId(s0)} in ${label(d0)}, from ${entityId(s)} in ${label(d)}`,
        );
      if (t !== t0)
        clash(
          'relations',
          id,
          '/target',
          d0,
          d,
          `goes to ${entityId(t0)} in ${label(d0)}, to ${entityId(t)} in ${label(d)}`,
        );
    }
  }
}

/** Statements: one id, one content; then one statement per speaker, relation, stance and words. */
function mergeStatements(
  ctx: MergeContext,
  entities: MergedEntities,
  sources: MergedSources,
  relations: MergedRelations,
): MergedStatements {
  const { inputs } = ctx;
  const relCount = relations.groups.length;
  const groups = ctx.groupsOf('statements', statementIndexOf, ctx.redirected);
  const mergedSourceId = (d: number, id: string) =>
    sources.groups.id(sources.pos.map[d]![inputs[d]!.store.sourceIndex.get(id)!]!);
  const rewritten = statementRewriter(ctx, entities, relations, mergedSourceId);
  checkStatementClashes(ctx, groups, rewritten);
  const statementColumns = (g: Groups) => statementIndex(inputs, g, relations.pos.map, entities.pos.map, relCount);
  const columns = statementColumns(groups);
  const duplicates = findDuplicates(relations.pos.mask, columns, groups, inputs);
  if (duplicates.length === 0) {
    const appearancesOf = new Map<string, Record<string, unknown>[]>();
    return { groups, pos: positions(inputs, 'statements', groups), columns, rewritten, appearancesOf };
  }
  const { kept, appearancesOf } = joinDuplicateStatements(ctx, groups, duplicates, rewritten, mergedSourceId);
  const keptColumns = statementColumns(kept);
  return { groups: kept, pos: positions(inputs, 'statements', kept), columns: keptColumns, rewritten, appearancesOf };
}

/** Builds a statement anew only when the merged graph names its id or references otherwise: most stay the dataset's. */
function statementRewriter(
  ctx: MergeContext,
  entities: MergedEntities,
  relations: MergedRelations,
  mergedSourceId: (d: number, id: string) => string,
): Rewriter {
  const { inputs, recordOf } = ctx;
  const entityMap = entities.pos.map;
  const relationMap = relations.pos.map;
  const entityId = (i: number) => entities.groups.id(i);
  return (d, p, id) => {
    const s = recordOf<Record<string, unknown>>('statements', d, p);
    const store = inputs[d]!.store;
    const relation = relations.groups.id(relationMap[d]![store.stRelation[p]!]!);
    const speaker = entityId(entityMap[d]![store.stSpeaker[p]!]!);
    const source = mergedSourceId(d, s.source as string);
    const reportedBy =
      s.reportedBy === undefined ? undefined : entityId(entityMap[d]![store.entityIndex.get(s.reportedBy as string)!]!);
    if (
      s.id === id &&
      s.relation === relation &&
      s.speaker === speaker &&
      s.source === source &&
      s.reportedBy === reportedBy
    )
      return s;
    const out: Record<string, unknown> = { ...s, id, relation, speaker, source };
    if (reportedBy !== undefined) out.reportedBy = reportedBy;
    return out;
  };
}

/** The records of one statement id in several datasets must say the same once their references are merged. */
function checkStatementClashes(ctx: MergeContext, groups: Groups, rewritten: Rewriter): void {
  const { label, clash } = ctx;
  for (const [i, rest] of groups.more) {
    const id = groups.id(i);
    const [d0, p0] = [groups.d[i]!, groups.p[i]!];
    const a = rewritten(d0, p0, id);
    for (let k = 0; k < rest.length; k += 2) {
      const d = rest[k]!;
      const b = rewritten(d, rest[k + 1]!, id);
      const field = [...new Set([...Object.keys(a), ...Object.keys(b)])].find((f) => json(a[f]) !== json(b[f]));
      if (field !== undefined)
        clash(
          'statements',
          id,
          `/${field}`,
          d0,
          d,
          `has ${json(a[field]) ?? 'no value'} in ${label(d0)}, ${json(b[field]) ?? 'no value'} in ${label(d)}`,
        );
    }
  }
}

/**
 * "One statement, two appearances": the first dataset's statement stays; the others' sources become
 * its appearances (a source the statement already names is not repeated).
 */
function joinDuplicateStatements(
  ctx: MergeContext,
  groups: Groups,
  duplicates: [number, number][],
  rewritten: Rewriter,
  mergedSourceId: (d: number, id: string) => string,
): { kept: Groups; appearancesOf: Map<string, Record<string, unknown>[]> } {
  const { label, recordOf, report } = ctx;
  const appearancesOf = new Map<string, Record<string, unknown>[]>();
  const dropped = new Uint8Array(groups.length);
  for (const [kept, other] of duplicates) {
    const [keptId, otherId] = [groups.id(kept), groups.id(other)];
    report.duplicates.push({
      statements: [keptId, otherId],
      datasets: [label(groups.d[kept]!), label(groups.d[other]!)],
    });
    const members = groups.members(kept);
    pushAll(members, groups.members(other));
    sortPairs(members);
    groups.more.set(kept, members.slice(2));
    dropped[other] = 1;
    ctx.noteJoin('statements', otherId, keptId);
    const base = rewritten(groups.d[kept]!, groups.p[kept]!, keptId);
    const list =
      appearancesOf.get(keptId) ?? ((base.appearances as Record<string, unknown>[] | undefined) ?? []).slice();
    const named = new Set([base.source as string, ...list.map((a) => a.source as string)]);
    const [d, p] = [groups.d[other]!, groups.p[other]!];
    const s = recordOf<Record<string, unknown>>('statements', d, p);
    const more = [
      { source: s.source, ...(s.anchor === undefined ? {} : { anchor: s.anchor }) },
      ...((s.appearances as Record<string, unknown>[] | undefined) ?? []),
    ];
    for (const appearance of more) {
      const source = mergedSourceId(d, appearance.source as string);
      if (named.has(source)) continue;
      named.add(source);
      list.push({ ...appearance, source });
    }
    appearancesOf.set(keptId, list);
  }
  return { kept: groups.without(dropped), appearancesOf };
}

/** The merged store: records built on first use, the index columns from the steps, the datasets' extras gathered. */
function assembleStore(
  ctx: MergeContext,
  entities: MergedEntities,
  sources: MergedSources,
  relations: MergedRelations,
  statements: MergedStatements,
): Store {
  const { inputs, joins } = ctx;
  const { relSource, relTarget, relType } = relations.ends;
  const { stRelation, stSpeaker, stDisputes, supports, disputes, byRelation } = statements.columns;
  const first = { d: statements.groups.d, p: statements.groups.p };
  const entityId = (i: number) => entities.groups.id(i);
  const relationId = (i: number) => relations.groups.id(i);
  return {
    entities: mergedRecords(entities.groups, inputs, 'entities', (i) => entities.merged.get(i)),
    sources: mergedRecords(sources.groups, inputs, 'sources', (i) => sources.merged.get(i)),
    relations: mergedRecords(relations.groups, inputs, 'relations', (i, record) => {
      const fields = record as Record<string, unknown>;
      const [id, source, target] = [relationId(i), entityId(relSource[i]!), entityId(relTarget[i]!)];
      const swapped = fields.source === target && fields.target === source && source !== target;
      if (fields.id === id && ((fields.source === source && fields.target === target) || swapped)) return undefined;
      return { ...fields, id, source: swapped ? target : source, target: swapped ? source : target };
    }),
    statements: mergedRecords(statements.groups, inputs, 'statements', (i, record) => {
      const id = statements.groups.id(i);
      const out = statements.rewritten(first.d[i]!, first.p[i]!, id);
      const appearances = statements.appearancesOf.get(id);
      if (appearances !== undefined && appearances.length > 0) return { ...out, appearances };
      return out === record ? undefined : out;
    }),
    entityIndex: mergedIndex(inputs, entities.pos.map, (s) => s.entityIndex, joins),
    relationIndex: mergedIndex(inputs, relations.pos.map, (s) => s.relationIndex, joins),
    sourceIndex: mergedIndex(inputs, sources.pos.map, (s) => s.sourceIndex, joins),
    statementIndex: mergedIndex(inputs, statements.pos.map, statementIndexOf, joins),
    relSource,
    relTarget,
    relType,
    supports,
    disputes,
    stRelation,
    stSpeaker,
    stDisputes,
    byRelation,
    byEntity: incidence(entities.groups.length, relSource, relTarget),
    sorted: true,
    problem: null,
    extras: mergedExtras(
      inputs,
      entities.entityType,
      entities.groups,
      relations.groups,
      first,
      sources.pos.map,
      entities.merged,
    ),
    ids: {
      entities: entityId,
      relations: relationId,
      statements: (i) => statements.groups.id(i),
      sources: (i) => sources.groups.id(i),
    },
  };
}

/** Every dataset's redirects (the first listing of an id wins), each leading to the id its record has now. */
function finalRedirects(ctx: MergeContext): Redirect[] {
  const { inputs, joins, redirected, thingId } = ctx;
  const out: Redirect[] = [];
  const listed = new Set<string>();
  for (const { redirects: list } of inputs)
    for (const r of list) {
      if (listed.has(r.from)) continue;
      listed.add(r.from);
      const to = r.from.startsWith('rel:')
        ? (joins.get(redirected(r.from)) ?? redirected(r.from))
        : r.from.startsWith('st:')
          ? (joins.get(redirected(r.from)) ?? redirected(r.from))
          : thingId(r.from);
      out.push({ ...r, to });
    }
  return out;
}

/** Records held by several datasets, or whose id changed: the only ones a merge builds anew. */
function sharedOrRenamed(groups: Groups): number[] {
  const shared = [...groups.more.keys()].sort((a, b) => a - b);
  return shared.concat(groups.renamed().filter((i) => !groups.more.has(i)));
}

/**
 * One entity from its datasets' records: the first dataset's record, with the fields only later
 * ones give; a different name becomes an alias (after the first record's aliases), and so do the
 * later records' aliases. A field the records give differently is kept as the first gives it and reported.
 */
function mergeEntity(
  id: string,
  members: number[],
  recordAt: (d: number, p: number) => Record<string, unknown>,
  label: (d: number) => string,
  report: MergeReport,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...recordAt(members[0]!, members[1]!), id };
  const aliases: string[] = [...((merged.aliases as string[] | undefined) ?? [])];
  const addName = (name: unknown) => {
    if (typeof name === 'string' && name !== merged.name && !aliases.includes(name)) aliases.push(name);
  };
  for (let k = 2; k < members.length; k += 2) {
    const d = members[k]!;
    const record = recordAt(d, members[k + 1]!);
    addName(record.name);
    for (const alias of (record.aliases as string[] | undefined) ?? []) addName(alias);
    for (const [field, value] of Object.entries(record)) {
      if (field === 'id' || field === 'name' || field === 'aliases') continue;
      if (!(field in merged)) merged[field] = value;
      else if (json(merged[field]) !== json(value))
        report.differences.push({ kind: 'entities', id, field, datasets: [label(members[0]!), label(d)] });
    }
  }
  if (aliases.length > 0) merged.aliases = aliases;
  return merged;
}

/**
 * Relations of one type between the same entities (either way round when symmetric) with the same
 * dates and attributes, from different datasets, become one: the one of the first dataset (then
 * the lowest id) keeps its id and gathers the others' statements.
 */
function joinSameRelations(
  groups: Groups,
  inputs: readonly Labelled[],
  ends: { relSource: Int32Array; relTarget: Int32Array; relType: Uint8Array },
  entityMask: Uint32Array,
  noteJoin: (kind: MergeKind, from: string, to: string) => void,
): Groups {
  const several = (mask: number) => (mask & (mask - 1)) !== 0;
  // The first relation of each type and ends; the later ones with the same key, only on a collision.
  const byKey = new Map<number, number>();
  const collisions = new Map<number, number[]>();
  const into = new Int32Array(groups.length).fill(-1);
  const datasetMask = (i: number) => {
    let mask = 1 << groups.d[i]!;
    const rest = groups.more.get(i);
    if (rest) for (let k = 0; k < rest.length; k += 2) mask |= 1 << rest[k]!;
    return mask;
  };
  const recordAt = (i: number) =>
    inputs[groups.d[i]!]!.store.relations.at(groups.p[i]!) as unknown as Record<string, unknown>;
  const { relSource, relTarget, relType } = ends;
  for (let i = 0; i < groups.length; i++) {
    let s = relSource[i]!;
    let t = relTarget[i]!;
    // Only relations between entities that several datasets hold can meet one of another dataset.
    if (!several(entityMask[s]!) || !several(entityMask[t]!)) continue;
    const d = groups.d[i]!;
    const type = relType[i]!;
    if (SYMMETRIC[type] === 1 && t < s) [s, t] = [t, s];
    // One number per type and ends: below 2^53 for any dataset that fits in memory.
    const key = (s * 0x200000 + t) * RELATION_TYPES.length + type;
    const earliest = byKey.get(key);
    if (earliest === undefined) {
      byKey.set(key, i);
      continue;
    }
    const earlier = [earliest, ...(collisions.get(key) ?? [])];
    for (const j of earlier) {
      // Within one dataset the validator keeps them apart: same ends and type, other dates.
      if (into[j]! >= 0 || (datasetMask(j) & datasetMask(i)) !== 0) continue;
      if (!sameQualifiers(recordAt(j), recordAt(i))) continue;
      const keepFirst = groups.d[j]! < d || (groups.d[j] === d && compareIds(groups.id(j), groups.id(i)) < 0);
      if (keepFirst) into[i] = j;
      else into[j] = i;
      break;
    }
    if (into[i]! < 0) collisions.set(key, [...(collisions.get(key) ?? []), i]);
  }
  const dropped = new Uint8Array(groups.length);
  let any = false;
  for (let i = 0; i < groups.length; i++) {
    if (into[i]! < 0) continue;
    let root = i;
    while (into[root]! >= 0) root = into[root]!;
    const members = groups.members(i);
    const kept = groups.members(root);
    pushAll(kept, members);
    sortPairs(kept);
    // The kept record's first dataset may change: its id stays.
    if (!groups.named.has(root)) groups.named.set(root, groups.id(root));
    groups.d[root] = kept[0]!;
    groups.p[root] = kept[1]!;
    groups.more.set(root, kept.slice(2));
    for (let k = 0; k < members.length; k += 2)
      noteJoin('relations', inputs[members[k]!]!.store.ids.relations(members[k + 1]!), groups.id(root));
    noteJoin('relations', groups.id(i), groups.id(root));
    dropped[i] = 1;
    any = true;
  }
  return any ? groups.without(dropped) : groups;
}

/** Records by merged position: a dataset's own record, or the merged or rewritten one (built once, then kept). */
function mergedRecords<T>(
  groups: Groups,
  inputs: readonly Labelled[],
  kind: MergeKind,
  changed: (i: number, record: unknown) => unknown,
): Records<T> {
  const cache = new Map<number, T>();
  return {
    length: groups.length,
    at(i) {
      if (!(i >= 0 && i < groups.length)) return undefined;
      const hit = cache.get(i);
      if (hit !== undefined) return hit;
      const record = inputs[groups.d[i]!]!.store[kind].at(groups.p[i]!);
      const out = changed(i, record);
      if (out === undefined) return record as T;
      cache.set(i, out as T);
      return out as T;
    },
    buildAll() {
      for (const { store } of inputs) store[kind].buildAll?.();
    },
  };
}

function statementIndexOf(store: Store): IdIndex {
  if (store.statementIndex) return store.statementIndex;
  const index = new Map<string, number>();
  for (let i = 0; i < store.statements.length; i++) index.set(store.ids.statements(i), i);
  return (store.statementIndex = index);
}

/** An id's merged position: through whichever dataset has it; a joined id through the record it joined. */
function mergedIndex(
  inputs: readonly Labelled[],
  maps: Int32Array[],
  indexOf: (store: Store) => IdIndex,
  joins: Map<string, string>,
): IdIndex {
  const get = (id: string): number | undefined => {
    for (let d = 0; d < inputs.length; d++) {
      const p = indexOf(inputs[d]!.store).get(id);
      if (p !== undefined && maps[d]![p]! >= 0) return maps[d]![p]!;
    }
    return undefined;
  };
  return { get: (id) => get(id) ?? (joins.has(id) ? get(joins.get(id)!) : undefined) };
}

function gather<A extends Int32Array | Uint8Array>(
  make: (n: number) => A,
  from: (d: number) => A,
  first: { d: Int32Array; p: Int32Array },
): A {
  const out = make(first.d.length);
  const sources = new Map<number, A>();
  for (let i = 0; i < out.length; i++) {
    const d = first.d[i]!;
    let source = sources.get(d);
    if (source === undefined) sources.set(d, (source = from(d)));
    out[i] = source[first.p[i]!]!;
  }
  return out;
}

/** The extras of the merged store, each from the first dataset holding the record, on first use. */
function mergedExtras(
  inputs: readonly Labelled[],
  entityType: Uint8Array,
  entityGroups: Groups,
  relationGroups: Groups,
  statements: { d: Int32Array; p: Int32Array },
  sourceMap: Int32Array[],
  mergedEntities: Map<number, Record<string, unknown>>,
): Extras {
  const relations = relationGroups;
  const entities = entityGroups;
  let statementSource: Int32Array | undefined;
  let statementDays: DayRanges | undefined;
  let relationDays: { start: Int32Array; end: Int32Array } | undefined;
  const extra = (d: number) => inputs[d]!.store.extras;
  return {
    entityType: () => entityType,
    names: (i) => {
      const merged = mergedEntities.get(i);
      if (merged) return [merged.name as string, ...((merged.aliases as string[] | undefined) ?? [])];
      return extra(entities.d[i]!).names(entities.p[i]!);
    },
    statementWords: (i) => extra(statements.d[i]!).statementWords(statements.p[i]!),
    statementSource: () => {
      if (!statementSource) {
        statementSource = gather(
          (n) => new Int32Array(n),
          (d) => extra(d).statementSource(),
          statements,
        );
        for (let i = 0; i < statementSource.length; i++)
          statementSource[i] = sourceMap[statements.d[i]!]![statementSource[i]!]!;
      }
      return statementSource;
    },
    statementDays: () =>
      (statementDays ??= {
        earliest: gather(
          (n) => new Int32Array(n),
          (d) => extra(d).statementDays().earliest,
          statements,
        ),
        latest: gather(
          (n) => new Int32Array(n),
          (d) => extra(d).statementDays().latest,
          statements,
        ),
        precision: gather(
          (n) => new Uint8Array(n),
          (d) => extra(d).statementDays().precision,
          statements,
        ),
      }),
    relationDays: () =>
      (relationDays ??= {
        start: gather(
          (n) => new Int32Array(n),
          (d) => extra(d).relationDays().start,
          relations,
        ),
        end: gather(
          (n) => new Int32Array(n),
          (d) => extra(d).relationDays().end,
          relations,
        ),
      }),
  };
}

/**
 * Statements of several datasets on one merged relation with the same speaker, stance and folded
 * words but different ids: one statement reported twice. Only relations held by several datasets
 * can have them. Pairs of merged positions: the statement kept (the first dataset's, then the
 * lowest id), and one to join into it.
 */
function findDuplicates(
  relationMask: Uint32Array,
  columns: { byRelation: { offsets: Int32Array; items: Int32Array }; stSpeaker: Int32Array; stDisputes: Uint8Array },
  groups: Groups,
  inputs: readonly Labelled[],
): [number, number][] {
  const { byRelation, stSpeaker, stDisputes } = columns;
  const out: [number, number][] = [];
  for (let r = 0; r < relationMask.length; r++) {
    const mask = relationMask[r]!;
    if ((mask & (mask - 1)) === 0) continue;
    // Only a speaker and stance that statements of several datasets share can be the same words
    // twice: the others' words are not read (nor their records built).
    const [from, to] = [byRelation.offsets[r]!, byRelation.offsets[r + 1]!];
    const datasets = new Map<number, number>();
    for (let k = from; k < to; k++) {
      const i = byRelation.items[k]!;
      const who = stSpeaker[i]! * 2 + stDisputes[i]!;
      datasets.set(who, (datasets.get(who) ?? 0) | (1 << groups.d[i]!));
    }
    const same = new Map<string, number[]>();
    for (let k = from; k < to; k++) {
      const i = byRelation.items[k]!;
      const several = datasets.get(stSpeaker[i]! * 2 + stDisputes[i]!)!;
      if ((several & (several - 1)) === 0) continue;
      const s = inputs[groups.d[i]!]!.store.statements.at(groups.p[i]!) as unknown as Record<string, unknown>;
      const words = (s.quote ?? s.paraphrase) as string | undefined;
      if (words === undefined) continue;
      // The schema's folding of a statement's words: the one its "one statement, two appearances" rule uses.
      const key = `${stSpeaker[i]} ${stDisputes[i]} ${wordsKey(words)}`;
      const list = same.get(key);
      if (list === undefined) same.set(key, [i]);
      else list.push(i);
    }
    for (const list of same.values()) {
      if (list.length < 2) continue;
      const kept = list.reduce((a, b) =>
        groups.d[b]! < groups.d[a]! || (groups.d[b] === groups.d[a] && b < a) ? b : a,
      );
      // One dataset never holds the same words twice (the validator's rule): the rest come from others.
      for (const i of list) if (i !== kept && groups.d[i] !== groups.d[kept]) out.push([kept, i]);
    }
  }
  return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}
