/**
 * Ids for records added in a sheet with the id left blank: a slug of what the record is, with the
 * type prefix the schema requires, and `-2`, `-3`… when two records would get the same id.
 */

/** Longest slug generated for any one part, cut at a hyphen so words stay whole. */
const PART_LIMIT = 48;

/** Lower-case letters, digits and single hyphens, from any text ("Sirajuddin Haqqani" → "sirajuddin-haqqani"). */
export function slugify(text: string, limit = PART_LIMIT): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= limit) return slug;
  const cut = slug.slice(0, limit + 1);
  const at = cut.lastIndexOf('-');
  return at > 0 ? cut.slice(0, at) : slug.slice(0, limit);
}

/** The slug part of an id (`person:ned-price` → `ned-price`). */
export const idSlug = (id: string): string => id.slice(id.indexOf(':') + 1);

/** Hands out ids, never one already taken. */
export class IdAllocator {
  private readonly taken: Set<string>;

  constructor(taken: Iterable<string>) {
    this.taken = new Set(taken);
  }

  /** `prefix:` and the parts' slugs joined by hyphens; `record` when nothing sluggable is left (an all-Arabic name). */
  allocate(prefix: string, parts: readonly string[]): string {
    const slug =
      parts
        .map((p) => slugify(p))
        .filter(Boolean)
        .join('-') || 'record';
    let id = `${prefix}:${slug}`;
    for (let n = 2; this.taken.has(id); n++) id = `${prefix}:${slug}-${n}`;
    this.taken.add(id);
    return id;
  }

  reserve(id: string): void {
    this.taken.add(id);
  }
}
