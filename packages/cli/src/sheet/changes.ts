/**
 * What an import would change, by record kind and id: added, changed and deleted records, shown
 * before anything is written (and all that a dry run does).
 */
import { canonicalRecord, type Dataset } from '@claimgraph/schema';
import { RECORD_SHEET_KINDS } from './columns.js';
import type { ExportKind } from '@claimgraph/sdk/export';

export interface KindChanges {
  added: string[];
  changed: string[];
  deleted: string[];
}

export type DatasetChanges = Partial<Record<ExportKind, KindChanges>>;

const recordsOf = (data: Dataset, kind: ExportKind) =>
  ((kind === 'redirects' ? (data.redirects ?? []) : data[kind]) as unknown as Record<string, unknown>[]) ?? [];

/** Records by id (redirects by `from`) in canonical JSON, to compare. */
function byId(data: Dataset, kind: ExportKind): Map<string, string> {
  const key = kind === 'redirects' ? 'from' : 'id';
  return new Map(recordsOf(data, kind).map((r) => [String(r[key]), JSON.stringify(canonicalRecord(kind, r))] as const));
}

/** The changes from `before` to `after`; a renamed id is neither added nor deleted. */
export function datasetChanges(
  before: Dataset,
  after: Dataset,
  renames: readonly { from: string; to: string }[],
): DatasetChanges {
  const renamedFrom = new Set(renames.map((r) => r.from));
  const renamedTo = new Map(renames.map((r) => [r.to, r.from]));
  const changes: DatasetChanges = {};
  for (const kind of RECORD_SHEET_KINDS) {
    const old = byId(before, kind);
    const next = byId(after, kind);
    const kindChanges: KindChanges = { added: [], changed: [], deleted: [] };
    for (const [id, json] of next) {
      const was = old.get(id) ?? (renamedTo.has(id) ? old.get(renamedTo.get(id)!) : undefined);
      if (was === undefined) kindChanges.added.push(id);
      else if (was !== json) kindChanges.changed.push(id);
    }
    for (const id of old.keys()) if (!next.has(id) && !renamedFrom.has(id)) kindChanges.deleted.push(id);
    for (const list of [kindChanges.added, kindChanges.changed, kindChanges.deleted]) list.sort();
    if (kindChanges.added.length + kindChanges.changed.length + kindChanges.deleted.length > 0)
      changes[kind] = kindChanges;
  }
  return changes;
}

export const deletedCount = (changes: DatasetChanges): number =>
  Object.values(changes).reduce((n, c) => n + c.deleted.length, 0);

/** One line per kind: `entities: 1 added, 2 changed, 3 deleted (ent:a, ent:b, ent:c)`. */
export function describeChanges(changes: DatasetChanges): string[] {
  return Object.entries(changes).map(([kind, c]) => {
    const parts = [
      c.added.length ? `${c.added.length} added` : '',
      c.changed.length ? `${c.changed.length} changed` : '',
      c.deleted.length ? `${c.deleted.length} deleted (${c.deleted.join(', ')})` : '',
    ].filter(Boolean);
    return `${kind}: ${parts.join(', ')}`;
  });
}
