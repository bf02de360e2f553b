/**
 * The store of a view (asOf, perspective): the parent's entities and sources with a subset of its
 * relations and statements, gathered from the parent's arrays; no record is touched or copied.
 */
import { buildCsr, incidence, type Extras, type Records, type Store } from './store.js';
import type { DayRanges } from './time.js';

// One function per array type keeps each loop monomorphic: a generic one is several times slower
// over a million statements.
function gatherInt32(source: Int32Array, positions: Int32Array): Int32Array {
  const out = new Int32Array(positions.length);
  for (let k = 0; k < positions.length; k++) out[k] = source[positions[k]!]!;
  return out;
}

function gatherUint8(source: Uint8Array, positions: Int32Array): Uint8Array {
  const out = new Uint8Array(positions.length);
  for (let k = 0; k < positions.length; k++) out[k] = source[positions[k]!]!;
  return out;
}

function subset<T>(records: Records<T>, positions: Int32Array): Records<T> {
  return {
    length: positions.length,
    at: (k) => (k >= 0 && k < positions.length ? records.at(positions[k]!) : undefined),
  };
}

/** A store over the relations and statements at `relations` and `statements` (ascending parent positions). */
export function subStore(parent: Store, relations: Int32Array, statements: Int32Array): Store {
  const remap = new Int32Array(parent.relations.length).fill(-1);
  for (let k = 0; k < relations.length; k++) remap[relations[k]!] = k;
  const relSource = gatherInt32(parent.relSource, relations);
  const relTarget = gatherInt32(parent.relTarget, relations);
  const relType = gatherUint8(parent.relType, relations);
  const stSpeaker = gatherInt32(parent.stSpeaker, statements);
  const stDisputes = gatherUint8(parent.stDisputes, statements);
  const stRelation = new Int32Array(statements.length);
  const supports = new Int32Array(relations.length);
  const disputes = new Int32Array(relations.length);
  for (let k = 0; k < statements.length; k++) {
    const r = remap[parent.stRelation[statements[k]!]!]!;
    stRelation[k] = r;
    if (r < 0) continue;
    if (stDisputes[k] === 1) disputes[r]!++;
    else supports[r]!++;
  }
  const counts = new Int32Array(relations.length);
  for (let r = 0; r < relations.length; r++) counts[r] = supports[r]! + disputes[r]!;

  let statementSource: Int32Array | undefined;
  let statementDays: DayRanges | undefined;
  let relationDays: { start: Int32Array; end: Int32Array } | undefined;
  const extras: Extras = {
    entityType: () => parent.extras.entityType(),
    names: (i) => parent.extras.names(i),
    statementWords: (k) => parent.extras.statementWords(statements[k]!),
    statementSource: () => (statementSource ??= gatherInt32(parent.extras.statementSource(), statements)),
    statementDays: () => {
      if (!statementDays) {
        const days = parent.extras.statementDays();
        statementDays = {
          earliest: gatherInt32(days.earliest, statements),
          latest: gatherInt32(days.latest, statements),
          precision: gatherUint8(days.precision, statements),
        };
      }
      return statementDays;
    },
    relationDays: () => {
      if (!relationDays) {
        const days = parent.extras.relationDays();
        relationDays = { start: gatherInt32(days.start, relations), end: gatherInt32(days.end, relations) };
      }
      return relationDays;
    },
  };
  return {
    entities: parent.entities,
    sources: parent.sources,
    entityIndex: parent.entityIndex,
    sourceIndex: parent.sourceIndex,
    relations: subset(parent.relations, relations),
    statements: subset(parent.statements, statements),
    statementIndex: parent.statementIndex && {
      get(id) {
        const p = parent.statementIndex!.get(id);
        if (p === undefined) return undefined;
        // Positions are ascending: find the parent's position among the view's.
        let lo = 0;
        let hi = statements.length - 1;
        while (lo <= hi) {
          const mid = (lo + hi) >>> 1;
          if (statements[mid] === p) return mid;
          if (statements[mid]! < p) lo = mid + 1;
          else hi = mid - 1;
        }
        return undefined;
      },
    },
    relationIndex: {
      get(id) {
        const p = parent.relationIndex.get(id);
        const k = p === undefined ? -1 : remap[p]!;
        return k < 0 ? undefined : k;
      },
    },
    relSource,
    relTarget,
    relType,
    supports,
    disputes,
    stRelation,
    stSpeaker,
    stDisputes,
    byRelation: buildCsr(relations.length, stRelation, counts),
    byEntity: incidence(parent.entities.length, relSource, relTarget),
    sorted: parent.sorted,
    problem: null,
    extras,
    ids: {
      entities: parent.ids.entities,
      sources: parent.ids.sources,
      relations: (k) => parent.ids.relations(relations[k]!),
      statements: (k) => parent.ids.statements(statements[k]!),
    },
  };
}
