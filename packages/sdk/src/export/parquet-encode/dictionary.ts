/**
 * Whether a column chunk is dictionary-encoded, by hyparquet-writer's rule: a sample of 1,000
 * values spread over the chunk rules out columns of mostly distinct values (ids, free text) at
 * once; otherwise the dictionary is built and kept when it and its indexes take at most half the
 * bytes of the plain values. Sizes are counted in UTF-16 units, as that rule does: cheap, and
 * close enough to decide.
 */

export interface Dictionary {
  /** The distinct values, in order of first appearance (so the same data gives the same bytes). */
  entries: (string | number)[];
  /** Each value's entry (a view of a reused buffer: valid until the next chunk). */
  indexes: Int32Array;
}

const SAMPLE = 1000;
/** A sample whose distinct values are more than this share of its bytes is written plain. */
const SAMPLE_DISTINCT_SHARE = 0.9;

/** A value's plain size: a string's 4-byte length and its UTF-16 length, or its UTF-8 bytes (JSON, as hyparquet-writer counts its encoded bytes); an INT32's 4 bytes. */
const plainSize = (value: string | number, utf8: boolean): number =>
  typeof value === 'string' ? 4 + (utf8 ? utf8Length(value) : value.length) : 4;

function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2; // a pair: 2 units, 4 bytes
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/**
 * The chunk's dictionary, or null to write it plain. `values` are the non-null values; the sample
 * is spread over all `slots` (nulls included, counting nothing), where `definition` (when given)
 * says which slots hold a value (`full`).
 */
export function dictionaryOf(
  values: readonly unknown[],
  count: number,
  utf8: boolean,
  slots: number,
  definition: Uint8Array | null,
  full: number,
  indexBuffer: (count: number) => Int32Array,
): Dictionary | null {
  if (count === 0 || !sampleRepeats(values, utf8, slots, definition, full)) return null;
  return builtDictionary(values, count, utf8, indexBuffer(count));
}

// The sample and the build are functions of their own, each little more than its loop: a small
// function is optimised after fewer calls, which is what a build's one cold run pays for.

/** Whether the sample's distinct values take at most SAMPLE_DISTINCT_SHARE of its bytes. */
function sampleRepeats(
  values: readonly unknown[],
  utf8: boolean,
  slots: number,
  definition: Uint8Array | null,
  full: number,
): boolean {
  const sampled = Math.min(slots, SAMPLE);
  const seen = new Set<string | number>();
  let distinctBytes = 0;
  let sampleBytes = 0;
  let slot = 0;
  let value = 0; // the index of the value at `slot` or after it
  for (let i = 0; i < sampled; i++) {
    const at = sampled === 1 ? 0 : Math.floor((i * (slots - 1)) / (sampled - 1));
    if (definition) {
      for (; slot < at; slot++) if (definition[slot] === full) value++;
      if (definition[at] !== full) continue;
    } else value = at;
    const sample = values[value] as string | number;
    const size = plainSize(sample, utf8);
    sampleBytes += size;
    if (!seen.has(sample)) {
      seen.add(sample);
      distinctBytes += size;
    }
  }
  return sampleBytes > 0 && distinctBytes <= SAMPLE_DISTINCT_SHARE * sampleBytes;
}

/** The dictionary of the first `count` values, or null when it and its indexes would not halve their plain size. */
function builtDictionary(
  values: readonly unknown[],
  count: number,
  utf8: boolean,
  indexes: Int32Array,
): Dictionary | null {
  const index = new Map<string | number, number>();
  const entries: (string | number)[] = [];
  let entryBytes = 0;
  let totalBytes = 0;
  // A value equal to the one before it (sorted ids make runs of types, relations, stances) takes its entry with no lookup.
  let previous: unknown = undefined;
  let previousAt = -1;
  let previousSize = 0;
  for (let i = 0; i < count; i++) {
    const value = values[i] as string | number;
    if (value === previous) {
      totalBytes += previousSize;
      indexes[i] = previousAt;
      continue;
    }
    const size = plainSize(value, utf8);
    totalBytes += size;
    let at = index.get(value);
    if (at === undefined) {
      at = entries.length;
      index.set(value, at);
      entries.push(value);
      entryBytes += size;
    }
    indexes[i] = at;
    previous = value;
    previousAt = at;
    previousSize = size;
  }
  // Whole bytes (rounded up) by integer arithmetic: a float here made the optimised code bail out.
  const indexBytes = (count * bitWidth(entries.length - 1) + 7) >>> 3;
  return 2 * (entryBytes + indexBytes) <= totalBytes ? { entries, indexes } : null;
}

/** Bits for the numbers 0 to `max`. */
export function bitWidth(max: number): number {
  return max <= 0 ? 0 : 32 - Math.clz32(max);
}
