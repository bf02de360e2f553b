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
 *
 * Statements are the exception, being most of a dataset: they share pages, chosen by a hash of the
 * id (`statements/0a3f.html`, see paths.ts), each at an anchor named by its id
 * (`statements/0a3f.html#st-kirby-1`). Charts have one embed page, the chart named in its fragment.
 */
import { SitePermalinkError } from './errors.js';
import { EMBED_PATH, embedFragment, encodePart, type ChartRef } from './paths.js';

export {
  EMBED_PATH,
  encodePart,
  pathToUrl,
  relativeHref,
  statementFragment,
  statementHref,
  statementPath,
  STATEMENT_PAGES,
} from './paths.js';

/** Top-level names the site itself uses; a record prefix may not take one. */
export const RESERVED_FOLDERS = ['assets', 'embed', 'perspective', 'release', 'list', 'dataset', 'statements'] as const;

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

/** The embeddable page of a chart, from the site root: the one embed page, the chart in its fragment (`embed.html#stance=rel:x`). */
export function embedPath(chart: ChartRef): string {
  return `${EMBED_PATH}#${embedFragment(chart)}`;
}
