/**
 * Several datasets' stores as one: records of one id joined (or a clash reported), relations of one
 * type, ends and dates joined, every record's datasets kept. Records stay the datasets' own objects
 * unless a join changes them; the index is built from the datasets' typed arrays.
 */
import { compareIds, pushAll, RELATION_TYPE_INFO, RELATION_TYPES, type Redirect } from '@claimgraph/schema';
import { ClaimGraphMergeError } from '../errors.js';
import { sameQualifiers } from '../quick-check.js';
import { foldWords } from '../search.js';
import { buildCsr, incidence, type Extras, type IdIndex, type Records, type Store } from '../store.js';
import type { DayRanges } from '../time.js';
import { judgedGroups, unitedRedirects, type Labelled } from './ids.js';
import type { Judgements } from './judgements.js';

export type MergeKind = 'entities' | 'relations' | 'statements' | 'sources';

/** An id that now leads to another record of the merged graph, and why. */
export interface JoinedId {
  kind: MergeKind;
  from: string;
  to: string;
  /** `redirect`: another dataset's redirect; `judgement`: a `same` judgement; `relation`: same type, ends and dates. */
  by: 'redirect' | 'judgement' | 'relation';
}

/** A field on which the datasets' records of one id differ without clashing: the first dataset's value is kept. */
export interface Difference {
  kind: MergeKind;
  id: string;
  field: string;
  datasets: string[];
}

/** Two statements of two datasets with different ids and the same speaker, relation, stance and folded words. */
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

/** Where each merged record comes from: the dataset and position of each copy, first dataset first. */
interface Group {
  id: string;
  members: number[]; // pairs: dataset, position
}

const SYMMETRIC = Uint8Array.from(RELATION_TYPES, (t) => (RELATION_TYPE_INFO[t].symmetric ? 1 : 0));
const KIND_NAME = { entities: 'entity', relations: 'relation', statements: 'statement', sources: 'source' } as const;
/** Fields two datasets may hold differently for one source without a clash: they are each curator's own. */
const CURATOR_FIELDS = new Set(['note', 'accessed']);

const json = (value: unknown) => JSON.stringify(value);

/**
 * Records of every dataset grouped by the id they end up under, in id order: the datasets' sorted
 * id lists merged in one pass, records whose id changes sorted in afterwards.
 */
function groupById(inputs: readonly Labelled[], kind: MergeKind, finalId: (id: string) => string): Group[] {
  const streams: { ids: string[]; d: number[]; p: number[] }[] = [];
  const moved: { id: string; d: number; p: number }[] = [];
  inputs.forEach(({ store }, d) => {
    const idAt = store.ids[kind];
    const n = store[kind].length;
    const stream = { ids: [] as string[], d: [] as number[], p: [] as number[] };
    for (let p = 0; p < n; p++) {
      const id = idAt(p);
      const to = finalId(id);
      if (to === id) {
        stream.ids.push(id);
        stream.d.push(d);
        stream.p.push(p);
      } else moved.push({ id: to, d, p });
    }
    streams.push(stream);
  });
  moved.sort((a, b) => compareIds(a.id, b.id) || a.d - b.d);
  streams.push({ ids: moved.map((m) => m.id), d: moved.map((m) => m.d), p: moved.map((m) => m.p) });
  const heads = new Array<number>(streams.length).fill(0);
  const groups: Group[] = [];
  for (;;) {
    let least: string | undefined;
    for (let s = 0; s < streams.length; s++) {
      const id = streams[s]!.ids[heads[s]!];
      if (id !== undefined && (least === undefined || id < least)) least = id;
    }
    if (least === undefined) break;
    const members: number[] = [];
    for (let s = 0; s < streams.length; s++) {
      const stream = streams[s]!;
      while (stream.ids[heads[s]!] === least) {
        members.push(stream.d[heads[s]!]!, stream.p[heads[s]!]!);
        heads[s]!++;
      }
    }
    if (members.length > 2) sortPairs(members);
    groups.push({ id: least, members });
  }
  return groups;
}

/** Sorts dataset/position pairs by dataset. */
function sortPairs(members: number[]): void {
  const pairs: [number, number][] = [];
  for (let k = 0; k < members.length; k += 2) pairs.push([members[k]!, members[k + 1]!]);
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  pairs.forEach(([d, p], k) => {
    members[2 * k] = d;
    members[2 * k + 1] = p;
  });
}

/** Input position → merged position, per dataset, and a bit per dataset per merged record. */
function positions(inputs: readonly Labelled[], kind: MergeKind, groups: Group[]) {
  const map = inputs.map(({ store }) => new Int32Array(store[kind].length).fill(-1));
  const mask = new Uint32Array(groups.length);
  groups.forEach((g, i) => {
    for (let k = 0; k < g.members.length; k += 2) {
      map[g.members[k]!]![g.members[k + 1]!] = i;
      mask[i]! |= 1 << g.members[k]!;
    }
  });
  return { map, mask };
}

/** Merges the stores of several datasets; throws ClaimGraphMergeError on the first clash. */
export function mergeStores(inputs: readonly Labelled[], judgements?: Judgements): Merged {
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
      by: redirects.has(from) ? 'redirect' : judged.has(from) ? 'judgement' : 'relation',
    });
  };
  const clash = (kind: MergeKind, id: string, field: string, a: number, b: number, problem: string): never => {
    throw new ClaimGraphMergeError(id, field, [label(a), label(b)], `the ${KIND_NAME[kind]} ${problem}`);
  };
  const groupsOf = (kind: MergeKind, finalId: (id: string) => string) => {
    const groups = groupById(inputs, kind, finalId);
    for (const g of groups)
      for (let k = 0; k < g.members.length; k += 2) {
        const id = inputs[g.members[k]!]!.store.ids[kind](g.members[k + 1]!);
        noteJoin(kind, id, g.id);
      }
    return groups;
  };

  // Entities: one type per id.
  const entityGroups = groupsOf('entities', thingId);
  const entityPos = positions(inputs, 'entities', entityGroups);
  const types = inputs.map(({ store }) => store.extras.entityType());
  const entityType = new Uint8Array(entityGroups.length);
  const mergedEntities = new Map<number, Record<string, unknown>>();
  entityGroups.forEach((g, i) => {
    const [d0, p0] = [g.members[0]!, g.members[1]!];
    entityType[i] = types[d0]![p0]!;
    for (let k = 2; k < g.members.length; k += 2) {
      const [d, p] = [g.members[k]!, g.members[k + 1]!];
      if (types[d]![p] !== entityType[i]) {
        const a = recordOf<{ id: string; type: string }>('entities', d0, p0);
        const b = recordOf<{ id: string; type: string }>('entities', d, p);
        clash(
          'entities',
          g.id,
          '/type',
          d0,
          d,
          `is ${a.type} in ${label(d0)}${a.id === g.id ? '' : ` (as ${a.id})`}, ${b.type} in ${label(d)}${b.id === g.id ? '' : ` (as ${b.id})`}`,
        );
      }
    }
    if (g.members.length > 2 || inputs[d0]!.store.ids.entities(p0) !== g.id)
      mergedEntities.set(
        i,
        mergeEntity(g, (d, p) => recordOf('entities', d, p), label, report),
      );
  });

  // Sources: the fields both datasets give must agree, but for each curator's own.
  const sourceGroups = groupsOf('sources', thingId);
  const sourcePos = positions(inputs, 'sources', sourceGroups);
  const mergedSources = new Map<number, Record<string, unknown>>();
  sourceGroups.forEach((g, i) => {
    if (g.members.length === 2 && inputs[g.members[0]!]!.store.ids.sources(g.members[1]!) === g.id) return;
    const merged: Record<string, unknown> = { ...recordOf<object>('sources', g.members[0]!, g.members[1]!), id: g.id };
    const from = new Map<string, number>(Object.keys(merged).map((f) => [f, g.members[0]!]));
    for (let k = 2; k < g.members.length; k += 2) {
      const d = g.members[k]!;
      for (const [field, value] of Object.entries(recordOf<object>('sources', d, g.members[k + 1]!))) {
        if (field === 'id') continue;
        if (!(field in merged)) {
          merged[field] = value;
          from.set(field, d);
        } else if (json(merged[field]) !== json(value)) {
          if (!CURATOR_FIELDS.has(field))
            clash(
              'sources',
              g.id,
              `/${field}`,
              from.get(field)!,
              d,
              `has ${json(merged[field])} in ${label(from.get(field)!)}, ${json(value)} in ${label(d)}`,
            );
          report.differences.push({ kind: 'sources', id: g.id, field, datasets: [label(from.get(field)!), label(d)] });
        }
      }
    }
    mergedSources.set(i, merged);
  });

  // Relations: one type and the same ends per id; then one relation per type, ends and dates.
  let relationGroups = groupsOf('relations', redirected);
  const typeOf = (d: number, p: number) => inputs[d]!.store.relType[p]!;
  const ends = (d: number, p: number): [number, number] => [
    entityPos.map[d]![inputs[d]!.store.relSource[p]!]!,
    entityPos.map[d]![inputs[d]!.store.relTarget[p]!]!,
  ];
  const entityIds = entityGroups.map((g) => g.id);
  for (const g of relationGroups) {
    const [d0, p0] = [g.members[0]!, g.members[1]!];
    const [s0, t0] = ends(d0, p0);
    for (let k = 2; k < g.members.length; k += 2) {
      const [d, p] = [g.members[k]!, g.members[k + 1]!];
      if (typeOf(d, p) !== typeOf(d0, p0))
        clash(
          'relations',
          g.id,
          '/type',
          d0,
          d,
          `is ${RELATION_TYPES[typeOf(d0, p0)]} in ${label(d0)}, ${RELATION_TYPES[typeOf(d, p)]} in ${label(d)}`,
        );
      const [s, t] = ends(d, p);
      const swapped = SYMMETRIC[typeOf(d, p)] === 1 && s === t0 && t === s0;
      if (swapped) continue;
      if (s !== s0)
        clash(
          'relations',
          g.id,
          '/source',
          d0,
          d,
          `goes from ${entityIds[s0]} in ${label(d0)}, from ${entityIds[s]} in ${label(d)}`,
        );
      if (t !== t0)
        clash(
          'relations',
          g.id,
          '/target',
          d0,
          d,
          `goes to ${entityIds[t0]} in ${label(d0)}, to ${entityIds[t]} in ${label(d)}`,
        );
    }
  }
  relationGroups = joinSameRelations(relationGroups, inputs, typeOf, ends, noteJoin);
  const relationPos = positions(inputs, 'relations', relationGroups);
  const relCount = relationGroups.length;
  const relSource = new Int32Array(relCount);
  const relTarget = new Int32Array(relCount);
  const relType = new Uint8Array(relCount);
  relationGroups.forEach((g, r) => {
    [relSource[r], relTarget[r]] = ends(g.members[0]!, g.members[1]!);
    relType[r] = typeOf(g.members[0]!, g.members[1]!);
  });
  const relationIds = relationGroups.map((g) => g.id);
  const sourceIds = sourceGroups.map((g) => g.id);

  // Statements: one id, one content.
  const statementGroups = groupsOf('statements', redirected);
  const statementPos = positions(inputs, 'statements', statementGroups);
  const count = statementGroups.length;
  const stRelation = new Int32Array(count);
  const stSpeaker = new Int32Array(count);
  const stDisputes = new Uint8Array(count);
  const supports = new Int32Array(relCount);
  const disputes = new Int32Array(relCount);
  const first = { d: new Int32Array(count), p: new Int32Array(count) };
  /** A statement with its references as the merged graph names them. */
  const rewritten = (d: number, p: number, id: string) => {
    const s = recordOf<Record<string, unknown>>('statements', d, p);
    const store = inputs[d]!.store;
    const relation = relationIds[relationPos.map[d]![store.stRelation[p]!]!]!;
    const speaker = entityIds[entityPos.map[d]![store.stSpeaker[p]!]!]!;
    const source = sourceIds[sourcePos.map[d]![store.sourceIndex.get(s.source as string)!]!]!;
    const reportedBy =
      s.reportedBy === undefined
        ? undefined
        : entityIds[entityPos.map[d]![store.entityIndex.get(s.reportedBy as string)!]!];
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
  statementGroups.forEach((g, i) => {
    const [d0, p0] = [g.members[0]!, g.members[1]!];
    const store = inputs[d0]!.store;
    first.d[i] = d0;
    first.p[i] = p0;
    const r = relationPos.map[d0]![store.stRelation[p0]!]!;
    stRelation[i] = r;
    stSpeaker[i] = entityPos.map[d0]![store.stSpeaker[p0]!]!;
    stDisputes[i] = store.stDisputes[p0]!;
    if (stDisputes[i] === 1) disputes[r]!++;
    else supports[r]!++;
    if (g.members.length === 2) return;
    const a = rewritten(d0, p0, g.id);
    for (let k = 2; k < g.members.length; k += 2) {
      const d = g.members[k]!;
      const b = rewritten(d, g.members[k + 1]!, g.id);
      const field = [...new Set([...Object.keys(a), ...Object.keys(b)])].find((f) => json(a[f]) !== json(b[f]));
      if (field !== undefined)
        clash(
          'statements',
          g.id,
          `/${field}`,
          d0,
          d,
          `has ${json(a[field]) ?? 'no value'} in ${label(d0)}, ${json(b[field]) ?? 'no value'} in ${label(d)}`,
        );
    }
  });
  const counts = new Int32Array(relCount);
  for (let r = 0; r < relCount; r++) counts[r] = supports[r]! + disputes[r]!;
  const byRelation = buildCsr(relCount, stRelation, counts);
  findDuplicates(relationGroups, byRelation, relationPos.mask, stSpeaker, stDisputes, first, inputs, report);

  const store: Store = {
    entities: mergedRecords(entityGroups, inputs, 'entities', (i) => mergedEntities.get(i)),
    sources: mergedRecords(sourceGroups, inputs, 'sources', (i) => mergedSources.get(i)),
    relations: mergedRecords(relationGroups, inputs, 'relations', (i, record) => {
      const fields = record as Record<string, unknown>;
      const [id, source, target] = [relationIds[i]!, entityIds[relSource[i]!]!, entityIds[relTarget[i]!]!];
      const swapped = fields.source === target && fields.target === source && source !== target;
      if (fields.id === id && ((fields.source === source && fields.target === target) || swapped)) return undefined;
      return { ...fields, id, source: swapped ? target : source, target: swapped ? source : target };
    }),
    statements: mergedRecords(statementGroups, inputs, 'statements', (i, record) => {
      const out = rewritten(first.d[i]!, first.p[i]!, statementGroups[i]!.id);
      return out === record ? undefined : out;
    }),
    entityIndex: mergedIndex(inputs, entityPos.map, (s) => s.entityIndex, joins),
    relationIndex: mergedIndex(inputs, relationPos.map, (s) => s.relationIndex, joins),
    sourceIndex: mergedIndex(inputs, sourcePos.map, (s) => s.sourceIndex, joins),
    statementIndex: mergedIndex(inputs, statementPos.map, statementIndexOf, joins),
    relSource,
    relTarget,
    relType,
    supports,
    disputes,
    stRelation,
    stSpeaker,
    stDisputes,
    byRelation,
    byEntity: incidence(entityGroups.length, relSource, relTarget),
    sorted: true,
    problem: null,
    extras: mergedExtras(inputs, entityType, entityGroups, relationGroups, first, sourcePos.map, mergedEntities),
    ids: {
      entities: (i) => entityIds[i]!,
      relations: (i) => relationIds[i]!,
      statements: (i) => statementGroups[i]!.id,
      sources: (i) => sourceIds[i]!,
    },
  };
  const finalRedirects: Redirect[] = [];
  for (const { redirects: list } of inputs)
    for (const r of list) {
      const kind = r.from.startsWith('rel:') ? 'relations' : r.from.startsWith('st:') ? 'statements' : null;
      const to =
        kind === 'relations'
          ? (joins.get(redirected(r.from)) ?? redirected(r.from))
          : kind
            ? redirected(r.from)
            : thingId(r.from);
      if (!finalRedirects.some((x) => x.from === r.from)) finalRedirects.push({ ...r, to });
    }
  return {
    store,
    redirects: finalRedirects,
    joins,
    provenance: {
      entities: entityPos.mask,
      relations: relationPos.mask,
      statements: statementPos.mask,
      sources: sourcePos.mask,
    },
    report,
  };
}

/**
 * One entity from its datasets' records: the first dataset's record, with the fields only later
 * ones give; a different name becomes an alias (after the first record's aliases), and so do the
 * later records' aliases. A field the records give differently is kept as the first gives it and reported.
 */
function mergeEntity(
  g: Group,
  recordAt: (d: number, p: number) => Record<string, unknown>,
  label: (d: number) => string,
  report: MergeReport,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...recordAt(g.members[0]!, g.members[1]!), id: g.id };
  const aliases: string[] = [...((merged.aliases as string[] | undefined) ?? [])];
  const addName = (name: unknown) => {
    if (typeof name === 'string' && name !== merged.name && !aliases.includes(name)) aliases.push(name);
  };
  for (let k = 2; k < g.members.length; k += 2) {
    const d = g.members[k]!;
    const record = recordAt(d, g.members[k + 1]!);
    addName(record.name);
    for (const alias of (record.aliases as string[] | undefined) ?? []) addName(alias);
    for (const [field, value] of Object.entries(record)) {
      if (field === 'id' || field === 'name' || field === 'aliases') continue;
      if (!(field in merged)) merged[field] = value;
      else if (json(merged[field]) !== json(value))
        report.differences.push({ kind: 'entities', id: g.id, field, datasets: [label(g.members[0]!), label(d)] });
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
  groups: Group[],
  inputs: readonly Labelled[],
  typeOf: (d: number, p: number) => number,
  ends: (d: number, p: number) => [number, number],
  noteJoin: (kind: MergeKind, from: string, to: string) => void,
): Group[] {
  const byKey = new Map<number, number[]>();
  let joined = false;
  const into = new Int32Array(groups.length).fill(-1);
  groups.forEach((g, i) => {
    const [d, p] = [g.members[0]!, g.members[1]!];
    const type = typeOf(d, p);
    let [s, t] = ends(d, p);
    if (SYMMETRIC[type] === 1 && t < s) [s, t] = [t, s];
    // One number per type and ends: below 2^53 for any dataset that fits in memory.
    const key = (s * 0x200000 + t) * RELATION_TYPES.length + type;
    const earlier = byKey.get(key);
    if (earlier === undefined) {
      byKey.set(key, [i]);
      return;
    }
    const record = inputs[d]!.store.relations.at(p) as unknown as Record<string, unknown>;
    for (const j of earlier) {
      const h = groups[j]!;
      if (into[j]! >= 0) continue;
      // Within one dataset the validator keeps them apart: same ends and type, other dates.
      if (datasetsOf(h).some((x) => datasetsOf(g).includes(x))) continue;
      const other = inputs[h.members[0]!]!.store.relations.at(h.members[1]!) as unknown as Record<string, unknown>;
      if (!sameQualifiers(other, record)) continue;
      const [keep, drop] = h.members[0]! < d || (h.members[0] === d && compareIds(h.id, g.id) < 0) ? [j, i] : [i, j];
      into[drop] = keep;
      joined = true;
      break;
    }
    if (into[i]! < 0) earlier.push(i);
  });
  if (!joined) return groups;
  const out: Group[] = [];
  groups.forEach((g, i) => {
    let root = i;
    while (into[root]! >= 0) root = into[root]!;
    if (root !== i) {
      const kept = groups[root]!;
      pushAll(kept.members, g.members);
      sortPairs(kept.members);
      for (let k = 0; k < g.members.length; k += 2)
        noteJoin('relations', inputs[g.members[k]!]!.store.ids.relations(g.members[k + 1]!), kept.id);
      noteJoin('relations', g.id, kept.id);
    }
  });
  groups.forEach((g, i) => into[i]! < 0 && out.push(g));
  return out;
}

const datasetsOf = (g: Group) => g.members.filter((_, k) => k % 2 === 0);

/** Records by merged position: a dataset's own record, or the merged or rewritten one (built once, then kept). */
function mergedRecords<T>(
  groups: Group[],
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
      const g = groups[i]!;
      const record = inputs[g.members[0]!]!.store[kind].at(g.members[1]!);
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
  entityGroups: Group[],
  relationGroups: Group[],
  statements: { d: Int32Array; p: Int32Array },
  sourceMap: Int32Array[],
  mergedEntities: Map<number, Record<string, unknown>>,
): Extras {
  const firsts = (groups: Group[]) => ({
    d: Int32Array.from(groups, (g) => g.members[0]!),
    p: Int32Array.from(groups, (g) => g.members[1]!),
  });
  const relations = firsts(relationGroups);
  const entities = firsts(entityGroups);
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
 * Statements of two datasets on one merged relation with the same speaker, stance and folded words
 * but different ids: one statement reported twice. Only relations held by several datasets can have them.
 */
function findDuplicates(
  relationGroups: Group[],
  byRelation: { offsets: Int32Array; items: Int32Array },
  relationMask: Uint32Array,
  stSpeaker: Int32Array,
  stDisputes: Uint8Array,
  first: { d: Int32Array; p: Int32Array },
  inputs: readonly Labelled[],
  report: MergeReport,
): void {
  for (let r = 0; r < relationGroups.length; r++) {
    const mask = relationMask[r]!;
    if ((mask & (mask - 1)) === 0) continue;
    const seen = new Map<string, number>();
    for (let k = byRelation.offsets[r]!; k < byRelation.offsets[r + 1]!; k++) {
      const i = byRelation.items[k]!;
      const s = inputs[first.d[i]!]!.store.statements.at(first.p[i]!) as unknown as Record<string, unknown>;
      const words = (s.quote ?? s.paraphrase) as string | undefined;
      if (words === undefined) continue;
      const key = `${stSpeaker[i]} ${stDisputes[i]} ${foldWords(words)}`;
      const earlier = seen.get(key);
      if (earlier === undefined) seen.set(key, i);
      else if (first.d[earlier] !== first.d[i])
        report.duplicates.push({
          statements: [inputs[first.d[earlier]!]!.store.ids.statements(first.p[earlier]!), s.id as string],
          datasets: [inputs[first.d[earlier]!]!.label, inputs[first.d[i]!]!.label],
        });
    }
  }
}
