/**
 * 404.html, which static hosts (GitHub Pages, Netlify, Cloudflare Pages) serve for a missing file:
 * a statement's old permalink (`st/kirby-1.html`, one page per statement before 0.4) is sent on to
 * the statement on its page of statements; any other missing page says so.
 */
import type { Site } from '../model.js';
import { STATEMENT_PAGES, STATEMENTS_FOLDER } from '../paths.js';
import { HeadBasics, pageTitle } from './parts.js';

export const NOT_FOUND_PATH = '404.html';

/**
 * The script that maps an old statement permalink to its new one: the same FNV-1a hash and page
 * count as paths.ts's statementPath (a test runs it against that function). `prefixes` are the
 * statement ids' prefixes, so a missing entity or source page is not taken for a statement.
 */
export function oldPermalinkScript(prefixes: readonly string[]): string {
  const list = JSON.stringify([...prefixes].sort()).replace(/</g, '\\u003c');
  return `(function () {
  var prefixes = ${list};
  var m = /^(.*\\/)([^\\/]+)\\/([^\\/]+)\\.html$/.exec(location.pathname);
  if (!m) return;
  var dec = function (t) { try { return decodeURIComponent(t); } catch (e) { return t; } };
  var prefix = dec(dec(m[2]));
  if (prefixes.indexOf(prefix) < 0) return;
  var id = prefix + ':' + dec(dec(m[3]));
  var bytes = new TextEncoder().encode(id);
  var h = 0x811c9dc5;
  for (var i = 0; i < bytes.length; i++) { h ^= bytes[i]; h = Math.imul(h, 0x01000193) >>> 0; }
  var page = (h % ${STATEMENT_PAGES}).toString(16);
  while (page.length < 4) page = '0' + page;
  location.replace(m[1] + '${STATEMENTS_FOLDER}/' + page + '.html#' + id.replace(':', '-'));
})();
`;
}

export function NotFoundPage({ site, prefixes }: { site: Site; prefixes: readonly string[] }) {
  return (
    <html lang="en">
      <head>
        <HeadBasics />
        <title>{pageTitle('Page not found', site.title)}</title>
        <meta name="robots" content="noindex" />
        {prefixes.length ? <script dangerouslySetInnerHTML={{ __html: oldPermalinkScript(prefixes) }} /> : null}
      </head>
      <body data-page="not-found">
        <main id="main">
          <h1>Page not found</h1>
          <p>
            Nothing is published at this address. A link to a statement from an earlier version of this site leads on to
            the statement by itself, when JavaScript runs.
          </p>
          <p>
            <a href={site.absoluteUrl('index.html')}>{site.title}: the overview</a>
          </p>
        </main>
      </body>
    </html>
  );
}
