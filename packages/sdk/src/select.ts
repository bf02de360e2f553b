/**
 * Selections over a store shared by queries and views: which relations pass a type, status and
 * date filter, and which relations and statements make up an asOf() or perspective() view.
 */
import type { PartialDate, Relation, RelationType, Statement } from '@claimgraph/schema';
import { relationTypes, statuses, type OneOrMany } from './options.js';
import { relationStatus, type Status } from './status.js';
import type { Csr, Store } from './store.js';
import { dateOption, holdsAt, latestKey, type StatementDates } from './time.js';
import type { RelationFilter } from './traverse.js';

/** The items of one CSR row. */
export function rows(csr: Csr, row: number): Int32Array {
  return csr.items.subarray(csr.offsets[row]!, csr.offsets[row + 1]!);
}

export interface RelationCriteria {
  type?: OneOrMany<RelationType>;
  status?: OneOrMany<Status>;
  asOf?: PartialDate;
}

/**
 * The filter shared by relations(), neighbors() and path(): type, then date (holding then, and
 * said by then), then status, counted from the statements made by then when a date is given.
 */
export function relationFilter(
  store: Store,
  dates: () => StatementDates,
  method: string,
  criteria: RelationCriteria,
): RelationFilter {
  const types = relationTypes(method, criteria.type);
  const wanted = statuses(method, criteria.status);
  const asOf = criteria.asOf === undefined ? undefined : dateOption(method, 'asOf', criteria.asOf);
  if (types === null && wanted === null && asOf === undefined) return () => true;
  const day = asOf === undefined ? 0 : latestKey(asOf);
  const latest = asOf === undefined ? null : dates().latest;
  return (r) => {
    const relation = store.relations[r]!;
    if (types !== null && !types.has(relation.type)) return false;
    let supports = store.supports[r]!;
    let disputes = store.disputes[r]!;
    if (asOf !== undefined) {
      if (!holdsAt(relation, asOf)) return false;
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

export interface Selection {
  relations: Relation[];
  statements: Statement[];
}

/** What had been said by `date`, about the relations holding then that still have a statement. */
export function selectAsOf(store: Store, dates: StatementDates, date: PartialDate): Selection {
  const day = latestKey(date);
  const latest = dates.latest;
  const relations: Relation[] = [];
  const statements: Statement[] = [];
  const kept = new Uint8Array(store.relations.length);
  for (let r = 0; r < store.relations.length; r++) {
    const relation = store.relations[r]!;
    if (!holdsAt(relation, date)) continue;
    for (const i of rows(store.byRelation, r)) {
      if (latest[i]! <= day) {
        kept[r] = 1;
        relations.push(relation);
        break;
      }
    }
  }
  for (let i = 0; i < store.statements.length; i++)
    if (latest[i]! <= day && kept[store.stRelation[i]!] === 1) statements.push(store.statements[i]!);
  return { relations, statements };
}

/** One speaker's statements (`positions`, in id order) and the relations they are about. */
export function selectPerspective(store: Store, positions: Int32Array): Selection {
  const kept = new Uint8Array(store.relations.length);
  const statements: Statement[] = [];
  for (const i of positions) {
    kept[store.stRelation[i]!] = 1;
    statements.push(store.statements[i]!);
  }
  return { relations: store.relations.filter((_, r) => kept[r] === 1), statements };
}
