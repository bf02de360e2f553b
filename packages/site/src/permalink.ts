/**
 * Permalinks: where each record's page lives in a site, derived from its id alone so that links
 * stay stable across releases. `person:ned-price` → `person/ned-price.html`, `rel:x` → `rel/x.html`.
 *
 * The mapping: the id is cut at its first colon into a prefix and a name. Each part keeps ASCII
 * letters, digits, `-` and `_` as they are; every other character (a `.`, a space, a slash, any
 * non-ASCII letter) is written as `%XX`, one per UTF-8 byte, upper-case hex. That is the file name
 * on disk, pure ASCII, so every file system and host stores it alike; in a link the `%` itself is
 * written `%25`, so a host decodes the link back to that file name. The prefix always becomes a
 * folder and links are always relative (`./person/…`, `../person/…`): it is never read as a URL
 * scheme, and no id can reach outside its folder.
 */
import { SitePermalinkError } from './errors.js';

/** Top-level names the site itself uses; a record prefix may not take one. */
export const RESERVED_FOLDERS = ['assets', 'embed', 'perspective', 'release', 'list', 'dataset'] as const;

const KEEP = /^[A-Za-z0-9_-]$/;

/** Percent-encodes every character but ASCII letters, digits, `-` and `_`. */
export function encodePart(part: string): string {
  let out = '';
  for (const ch of part) {
    if (KEEP.test(ch)) out += ch;
    else for (const byte of new TextEncoder().encode(ch)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/** The page of a record, relative to the site root: `person:ned-price` → `person/ned-price.html`. */
export function recordPath(id: string): string {
  const colon = id.indexOf(':');
  if (colon <= 0 || colon === id.length - 1) {
    throw new SitePermalinkError(id, `"${id}" is not a record id (prefix, colon, name)`);
  }
  const prefix = encodePart(id.slice(0, colon));
  if ((RESERVED_FOLDERS as readonly string[]).includes(prefix)) {
    throw new SitePermalinkError(id, `"${id}": the prefix "${prefix}" is a folder the site reserves`);
  }
  return `${prefix}/${encodePart(id.slice(colon + 1))}.html`;
}

/** A speaker's perspective page: `perspective/person/ned-price.html`. */
export function perspectivePath(id: string): string {
  return `perspective/${recordPath(id)}`;
}

/** The embeddable chart page for a page: `embed/rel/x.html`, `embed/perspective/person/y.html`. */
export function embedPath(pagePath: string): string {
  return `embed/${pagePath}`;
}

/** The URL of a file path: its `%` written `%25`, so a host decodes it back to the file name. */
export function pathToUrl(path: string): string {
  return path.replace(/%/g, '%25');
}

/** A relative link from one page to another, both given relative to the site root. */
export function relativeHref(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return `${depth === 0 ? './' : '../'.repeat(depth)}${pathToUrl(to)}`;
}
