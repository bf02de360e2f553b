/**
 * Finding the few records that may repeat another by numbers (positions of the records they name)
 * rather than by a string key per record: a rule that must compare records (the same relation
 * twice, the same words twice) then builds its keys for those few only.
 */

/** Groups up to this size are searched pair by pair rather than sorted. */
const SMALL_GROUP = 8;

/**
 * The positions, in ascending order, of the items whose pair of numbers (`first[i]`, `second[i]`)
 * another item has too, and of every item with a negative number (unknown, so it cannot be ruled
 * out). `first` holds numbers below `firstCount`. Linear but for sorting items that share `first`.
 */
export function sharedPairs(first: Int32Array, second: Int32Array, firstCount: number): number[] {
  const n = first.length;
  const shared: number[] = [];
  // Items grouped by `first` (a counting sort, which keeps their order).
  const offsets = new Int32Array(firstCount + 1);
  for (let i = 0; i < n; i++) {
    if (first[i]! >= 0 && second[i]! >= 0) offsets[first[i]! + 1]!++;
    else shared.push(i);
  }
  for (let v = 0; v < firstCount; v++) offsets[v + 1]! += offsets[v]!;
  const items = new Int32Array(offsets[firstCount]!);
  const next = offsets.slice(0, firstCount);
  for (let i = 0; i < n; i++) if (first[i]! >= 0 && second[i]! >= 0) items[next[first[i]!]!++] = i;

  for (let v = 0; v < firstCount; v++) {
    const from = offsets[v]!;
    const to = offsets[v + 1]!;
    if (to - from < 2) continue;
    if (to - from <= SMALL_GROUP) {
      // Most groups are a few items: compared pairwise, without a view and a sort for each.
      for (let j = from; j < to; j++) {
        const value = second[items[j]!]!;
        for (let k = from; k < to; k++) {
          if (k !== j && second[items[k]!] === value) {
            shared.push(items[j]!);
            break;
          }
        }
      }
      continue;
    }
    const group = items.subarray(from, to);
    group.sort((a, b) => second[a]! - second[b]!);
    let run = 0;
    for (let k = 1; k <= group.length; k++) {
      if (k < group.length && second[group[k]!] === second[group[run]!]) continue;
      if (k - run > 1) for (let j = run; j < k; j++) shared.push(group[j]!);
      run = k;
    }
  }
  return shared.sort((a, b) => a - b);
}
