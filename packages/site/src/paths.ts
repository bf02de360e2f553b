/**
 * The site's paths that both the builder and the pages' scripts compute: plain functions with no
 * import, so the search page's script stays a few kB. permalink.ts adds the checks a build needs.
 */

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

/** A record's page for an id known to be valid: `person:ned-price` → `person/ned-price.html`. */
export function pagePathOf(id: string): string {
  const colon = id.indexOf(':');
  return `${encodePart(id.slice(0, colon))}/${encodePart(id.slice(colon + 1))}.html`;
}

/**
 * How many pages statements are spread over. Fixed for good: a statement's page is a function of
 * its id and this number alone, so it never moves when statements are added. 16,384 keeps a page
 * small on a phone across the sizes the site is built for: about 6 statements a page at 100,000
 * (a few kB over the page's own furniture), about 61 at a million (near 100 kB of HTML, some 1,500
 * elements); a site of a few hundred statements gets about one page per statement.
 */
export const STATEMENT_PAGES = 16384;

/** The folder of the statement pages. */
export const STATEMENTS_FOLDER = 'statements';

/** FNV-1a (32-bit) over the id's UTF-8 bytes: tiny, stable, and spreads ids evenly enough. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** The page a statement is on: `statements/` and four hex digits, `statements/0a3f.html`. */
export function statementPath(id: string): string {
  return `${STATEMENTS_FOLDER}/${(fnv1a(id) % STATEMENT_PAGES).toString(16).padStart(4, '0')}.html`;
}

/**
 * The statement's anchor on its page, the id of its article (and the URL fragment, without `#`):
 * `st:kirby-1` → `st-kirby-1`. Statement ids are `st:` and a slug, so this stays one-to-one, and
 * it is a plain HTML id (a letter first; letters, digits and hyphens) that any tool accepts.
 */
export function statementFragment(id: string): string {
  return id.replace(':', '-');
}

/** An id in a URL fragment: percent-encoded where a URL needs it, its colon kept. */
const idInFragment = (id: string) => encodeURIComponent(id).replace(/%3A/g, ':');

/** The URL of a file path: its `%` written `%25`, so a host decodes it back to the file name. */
export function pathToUrl(path: string): string {
  return path.replace(/%/g, '%25');
}

/** A relative link from one page to another, both given relative to the site root. */
export function relativeHref(from: string, to: string): string {
  const depth = from.split('/').length - 1;
  return `${depth === 0 ? './' : '../'.repeat(depth)}${pathToUrl(to)}`;
}

/** A link from page `from` to a statement on its page: `../statements/0a3f.html#st-kirby-1`. */
export function statementHref(from: string, id: string): string {
  return `${relativeHref(from, statementPath(id))}#${statementFragment(id)}`;
}

/** The one page that shows any chart alone, for an iframe: which chart is in its fragment. */
export const EMBED_PATH = 'embed.html';

/** Which chart to draw: the browser script turns it into a spec with @claimgraph/charts. */
export interface ChartRef {
  kind: 'stance' | 'timeline' | 'network' | 'perspective';
  relation?: string | string[];
  entity?: string;
  speaker?: string;
}

const KINDS: readonly ChartRef['kind'][] = ['stance', 'timeline', 'network', 'perspective'];

/** The embed page's fragment for a chart: `stance=rel:x`, `network=person:y`, `timeline=rel:a,rel:b`. */
export function embedFragment(chart: ChartRef): string {
  const ids = chart.kind === 'network' ? chart.entity : chart.kind === 'perspective' ? chart.speaker : chart.relation;
  const list = ids === undefined ? [] : Array.isArray(ids) ? ids : [ids];
  return `${chart.kind}=${list.map(idInFragment).join(',')}`;
}

/** The chart an embed page's fragment names (embedFragment read back), or undefined. */
export function chartOfFragment(fragment: string): ChartRef | undefined {
  const eq = fragment.indexOf('=');
  const kind = fragment.slice(0, eq) as ChartRef['kind'];
  if (eq < 0 || !KINDS.includes(kind)) return undefined;
  let ids: string[];
  try {
    ids = fragment
      .slice(eq + 1)
      .split(',')
      .filter(Boolean)
      .map((id) => decodeURIComponent(id));
  } catch {
    return undefined;
  }
  if (kind === 'timeline') return { kind, relation: ids };
  if (ids.length !== 1) return undefined;
  if (kind === 'stance') return { kind, relation: ids[0] };
  return kind === 'network' ? { kind, entity: ids[0] } : { kind, speaker: ids[0] };
}

/** The page a chart belongs to, from the site root: the relation's, the entity's, the perspective, the timeline. */
export function chartPagePath(chart: ChartRef): string {
  if (chart.kind === 'stance') return pagePathOf(chart.relation as string);
  if (chart.kind === 'network') return pagePathOf(chart.entity!);
  if (chart.kind === 'perspective') return `perspective/${pagePathOf(chart.speaker!)}`;
  return 'timeline.html';
}

/** What a chart shows, in words (its accessible name and caption), from the names it is about. */
export function chartLabel(chart: ChartRef, name: string): string {
  switch (chart.kind) {
    case 'stance':
      return `Who says what: ${name}`;
    case 'network':
      return `${name} and everyone tied to it`;
    case 'perspective':
      return `The network as ${name} describes it`;
    case 'timeline': {
      const n = Array.isArray(chart.relation) ? chart.relation.length : 1;
      return `When it was said: the ${n === 1 ? 'most discussed contested relation' : `${n} most discussed contested relations`}`;
    }
  }
}
