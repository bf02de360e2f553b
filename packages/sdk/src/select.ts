/**
 * Selections over a store shared by queries and views: which relations pass a type, status and
 * date filter, and which relations and statements make up an asOf() or perspective() view.
 */
import { RELATION_TYPES, type PartialDate, type RelationType } from '@claimgraph/schema';
import { relationTypes, statuses, type OneOrMany } from './options.js';
import { relationStatus, type Status } from './status.js';
import type { Csr, Store } from './store.js';
import { dateOption, latestKey } from './time.js';
import { EVERY_RELATION, type RelationFilter } from './traverse.js';

/** The items of one CSR row. */
export function rows(csr: Csr, row: number): Int32Array {
  return csr.items.subarray(csr.offsets[row]!, csr.offsets[row + 1]!);
}

export interface RelationCriteria {
  type?: OneOrMany<RelationType>;
  status?: OneOrMany<Status>;
  asOf?: PartialDate;
}

/** Whether relation `r` holds on the day numbered `day`: started by then (when it has a start), not ended before. */
function holds(store: Store, r: number, day: number): boolean {
  const { start, end } = store.extras.relationDays();
  return start[r]! <= day && end[r]! >= day;
}

/**
 * The filter shared by relations(), neighbors() and path(): type, then date (holding then, and
 * said by then), then status, counted from the statements made by then when a date is given.
 */
export function relationFilter(store: Store, method: string, criteria: RelationCriteria): RelationFilter {
  const types = relationTypes(method, criteria.type);
  const wanted = statuses(method, criteria.status);
  const asOf = criteria.asOf === undefined ? undefined : dateOption(method, 'asOf', criteria.asOf);
  if (types === null && wanted === null && asOf === undefined) return EVERY_RELATION;
  const typeOk = types === null ? null : Uint8Array.from(RELATION_TYPES, (t) => (types.has(t) ? 1 : 0));
  const day = asOf === undefined ? 0 : latestKey(asOf);
  const latest = asOf === undefined ? null : store.extras.statementDays().latest;
  return (r) => {
    if (typeOk !== null && typeOk[store.relType[r]!] !== 1) return false;
    let supports = store.supports[r]!;
    let disputes = store.disputes[r]!;
    if (asOf !== undefined) {
      if (!holds(store, r, day)) return false;
      supports = 0;
      disputes = 0;
      for (const i of rows(store.byRelation, r)) {
        if (latest![i]! > day) continue;
        if (store.stDisputes[i] === 1) disputes++;
        else supports++;
      }
      if (supports + disputes === 0) return false;
    }
    return wanted === null || wanted.has(relationStatus(supports, disputes));
  };
}

/** Positions of the relations and statements a view keeps, ascending. */
export interface Selection {
  relations: Int32Array;
  statements: Int32Array;
}

/** What had been said by `date`, about the relations holding then that still have a statement. */
export function selectAsOf(store: Store, date: PartialDate): Selection {
  const day = latestKey(date);
  const latest = store.extras.statementDays().latest;
  const { start, end } = store.extras.relationDays();
  const relationCount = store.relations.length;
  const kept = new Uint8Array(relationCount);
  let keptRelations = 0;
  const { offsets, items } = store.byRelation;
  for (let r = 0; r < relationCount; r++) {
    if (start[r]! > day || end[r]! < day) continue;
    for (let k = offsets[r]!; k < offsets[r + 1]!; k++) {
      if (latest[items[k]!]! <= day) {
        kept[r] = 1;
        keptRelations++;
        break;
      }
    }
  }
  const stRelation = store.stRelation;
  const statementCount = store.statements.length;
  const relations = new Int32Array(keptRelations);
  for (let r = 0, k = 0; r < relationCount; r++) if (kept[r] === 1) relations[k++] = r;
  // One pass over the statements, into room for all of them, then a copy of the part used.
  const chosen = new Int32Array(statementCount);
  let keptStatements = 0;
  for (let i = 0; i < statementCount; i++)
    if (latest[i]! <= day && kept[stRelation[i]!] === 1) chosen[keptStatements++] = i;
  const statements = chosen.slice(0, keptStatements);
  return { relations, statements };
}

/** One speaker's statements (`positions`, in id order) and the relations they are about. */
export function selectPerspective(store: Store, positions: Int32Array): Selection {
  const kept = new Uint8Array(store.relations.length);
  for (const i of positions) kept[store.stRelation[i]!] = 1;
  const relations: number[] = [];
  for (let r = 0; r < kept.length; r++) if (kept[r] === 1) relations.push(r);
  return { relations: Int32Array.from(relations), statements: Int32Array.from(positions) };
}
