/**
 * Field-by-field comparison of two versions of one record. Records are compared by value, so key
 * order and file formatting never count as changes.
 */
import { pushAll } from '@claimgraph/schema';
import type { FieldChange } from './types.js';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const segment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** Deep equality for JSON values, independent of object key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameJson(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
  }
  return false;
}

/**
 * The fields that differ between two versions of a record. Nested objects (`attributes`) are
 * compared key by key so a changelog can say which attribute changed; arrays compare whole.
 */
export function compareRecords(before: object, after: object, prefix = ''): FieldChange[] {
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  const changes: FieldChange[] = [];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const key of keys) {
    const path = `${prefix}/${segment(key)}`;
    const had = Object.hasOwn(a, key) && a[key] !== undefined;
    const has = Object.hasOwn(b, key) && b[key] !== undefined;
    if (had && !has) changes.push({ path, change: 'removed', before: a[key] });
    else if (!had && has) changes.push({ path, change: 'added', after: b[key] });
    else if (had && has && !sameJson(a[key], b[key])) {
      if (isPlainObject(a[key]) && isPlainObject(b[key]))
        pushAll(changes, compareRecords(a[key] as object, b[key] as object, path));
      else changes.push({ path, change: 'changed', before: a[key], after: b[key] });
    }
  }
  return changes;
}
