/**
 * Array helpers for lists of any length. `target.push(...items)` and `Math.max(...values)` pass
 * every item as an argument and overflow the stack past about 125,000 items; these loop instead.
 */

/** Appends every item of `items` to `target`; returns `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `-Infinity` for none (as `Math.max()`). */
export function maxOf(values: Iterable<number>): number {
  let max = -Infinity;
  for (const value of values) if (value > max || Number.isNaN(value)) max = value;
  return max;
}

/** The smallest of `values`, or `Infinity` for none (as `Math.min()`). */
export function minOf(values: Iterable<number>): number {
  let min = Infinity;
  for (const value of values) if (value < min || Number.isNaN(value)) min = value;
  return min;
}
