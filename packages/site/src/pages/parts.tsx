/**
 * The pieces every page is made of: the layout (header, search box, footer), the cite-this block,
 * chart placeholders with their embed snippet, statements, relation rows and pagers. Preact renders
 * them to strings: every value is escaped as text or as an attribute, never pasted into markup.
 */
import type { ComponentChildren } from 'preact';
import type { Relation, Statement } from '@claimgraph/schema';
import type { ChartRef } from '../charts.js';
import { relativeHref } from '../permalink.js';
import { embedFragment } from '../paths.js';
import { datasetPath, dateText, listPagePath, type Site, type SiteDataset } from '../model.js';
import { ruleAnchor, RULES_PATH } from '../rule-links.js';
import { STATUS_RULE } from '@claimgraph/sdk';

/** Longest `<title>` search results show whole (and html-validate's `long-title` allows). */
export const TITLE_MAX = 70;

const ESCAPED: Record<string, string> = { '"': '&quot;', '&': '&amp;', '<': '&lt;' };
/** A text's length as the page's source holds it, escaped: what html-validate counts. */
const written = (text: string) => text.replace(/["&<]/g, (c) => ESCAPED[c]!).length;

/**
 * A page's `<title>`: "{page} · {site}" when it fits in TITLE_MAX characters, else the page's own
 * title alone, else that cut at a word with an ellipsis: what the page is about matters more than
 * the site's name, which the page shows anyway.
 */
export function pageTitle(title: string, siteTitle: string): string {
  const full = `${title} · ${siteTitle}`;
  if (written(full) <= TITLE_MAX) return full;
  if (written(title) <= TITLE_MAX) return title;
  const words = title.split(' ');
  let cut = '';
  for (const word of words) {
    const longer = cut ? `${cut} ${word}` : word;
    if (written(longer) > TITLE_MAX - 1) break;
    cut = longer;
  }
  // One word longer than the limit: cut it by characters.
  if (!cut)
    for (const ch of title)
      if (written(cut + ch) <= TITLE_MAX - 1) cut += ch;
      else break;
  return `${cut.replace(/[\s,;:.·–—-]+$/, '')}…`;
}

/**
 * What the head of every page starts with: charset and viewport. Nothing more: 70,000 pages of a
 * large site each carry it (an icon link of its own would only spare a browser asking for /favicon.ico).
 */
export function HeadBasics() {
  return (
    <>
      <meta charSet="utf-8" />
      <meta name="viewport" content="width=device-width" />
    </>
  );
}

/**
 * The kinds of page a site has, marked on each page's body (`data-page`): tests walk one of each, and
 * a stylesheet may tell them apart.
 */
export type PageKind =
  | 'home'
  | 'search'
  | 'about'
  | 'downloads'
  | 'rules'
  | 'dataset'
  | 'relations'
  | 'entities'
  | 'timeline'
  | 'relation'
  | 'entity'
  | 'perspective'
  | 'statement'
  | 'source'
  | 'redirect'
  | 'embed';

/**
 * What a page with a chart loads: one small loader (assets.ts) that adds the release data, vega's
 * three builds and the script that draws, in that order, after the page is parsed.
 */
export function ChartScripts({ site, path }: { site: Site; path: string }) {
  return <script defer src={site.assetHref(path, 'load.js')} />;
}

export interface PageProps {
  site: Site;
  kind: PageKind;
  /** This page's path from the site root: links are made relative to it. */
  path: string;
  title: string;
  description?: string;
  /** Load the release data and the charts' libraries. */
  charts?: boolean;
  children: ComponentChildren;
}

/** The sections every page links; the site's name, first in the header, links the overview. */
const NAV = [
  ['relations.html', 'Relations'],
  ['entities.html', 'Entities'],
  ['timeline.html', 'Timeline'],
  ['search.html', 'Search'],
  ['downloads.html', 'Downloads'],
  ['about.html', 'About'],
] as const;

/** The lists that may have a pager, a second nav: the header's nav is then named to tell them apart. */
const PAGED: ReadonlySet<PageKind> = new Set(['relations', 'entities', 'timeline']);

/** The pages that carry the search box itself; every other page links the search page from its nav. */
const SEARCH_BOX: ReadonlySet<PageKind> = new Set(['home', 'search']);

export function Layout({ site, kind, path, title, description, charts, children }: PageProps) {
  const href = (to: string) => relativeHref(path, to);
  const version = site.meta.version ? ` ${site.meta.version}` : '';
  return (
    <html lang="en">
      <head>
        <HeadBasics />
        <title>{pageTitle(title, site.title)}</title>
        {description ? <meta name="description" content={description} /> : null}
        <link rel="stylesheet" href={site.assetHref(path, 'site.css')} />
        {charts ? <ChartScripts site={site} path={path} /> : null}
        {kind === 'search' ? <script defer src={site.assetHref(path, 'search.js')} /> : null}
      </head>
      <body data-page={kind}>
        {/* The skip link, the body's first link: the stylesheet finds it so, no class. */}
        <a href="#main">Skip to content</a>
        {/* The furniture every page repeats, kept short: 70,000 pages of a large site each carry it.
            The stylesheet lays it out by element (header, its first link the brand, nav, main, footer):
            no wrappers, no classes. */}
        <header>
          <a href={href('index.html')} aria-current={path === 'index.html' ? 'page' : undefined}>
            {site.title}
            {version ? <small>{version}</small> : null}
          </a>
          {SEARCH_BOX.has(kind) ? (
            <form role="search" action={href('search.html')}>
              <input
                id="q"
                name="q"
                type="search"
                placeholder="Names, relations, quotes"
                aria-label="Search names, relations and quotes"
                autoComplete="off"
              />
              <button type="submit">Search</button>
            </form>
          ) : null}
          {/* Named only beside a list's pager, the other nav: elsewhere it is the page's one navigation landmark. */}
          <nav aria-label={PAGED.has(kind) ? 'Sections' : undefined}>
            {NAV.map(([to, label]) => (
              <a href={href(to)} aria-current={to === path ? 'page' : undefined}>
                {label}
              </a>
            ))}
          </nav>
        </header>
        <main id="main">{children}</main>
        {/* The release's files are the nav's Downloads; its name and version head the page. */}
        <footer>
          Quotes remain their authors’, short and attributed
          {site.meta.license ? ` · data licensed ${site.meta.license}` : ''}.
        </footer>
      </body>
    </html>
  );
}

/** A site's one dataset as a citation names it: "claimgraph dataset afghanistan-2021, version 1.0.0". */
export function oneDataset(site: Site): string {
  return `claimgraph dataset ${site.meta.name}${site.meta.version ? `, version ${site.meta.version}` : ''}`;
}

/** Dataset, version, record id and URL in one line, as a reader would paste it into a story or a footnote. */
export function Cite({
  site,
  path,
  id,
  what,
  anchor,
  level = 2,
}: {
  site: Site;
  path: string;
  id?: string;
  what: string;
  /** The record's anchor on the page (a statement's), without `#`. */
  anchor?: string;
  /** The heading's level: 3 under a statement's own heading. */
  level?: 2 | 3;
}) {
  // Without a base URL the page's address is unknown: a bare `/search.html` would mislead, so none is given.
  const url = site.options.baseUrl === undefined ? undefined : `${site.absoluteUrl(path)}${anchor ? `#${anchor}` : ''}`;
  const Heading = level === 2 ? 'h2' : 'h3';
  const record = id ? `, record ${id}` : '';
  // A site of several datasets: a record cites the datasets holding it, a page about them all every one.
  const several = site.datasets.length > 0;
  const cited = several ? (id ? site.datasetsOf(id) : site.datasets) : [];
  const dataset = several
    ? `claimgraph datasets ${cited.map((d) => `${d.name}${d.version ? ` version ${d.version}` : ''}`).join(', ')}`
    : oneDataset(site);
  // "Relations in Afghanistan 2021" already names the site: no "Afghanistan 2021. Afghanistan 2021".
  const named = what.includes(site.title) ? what : `${what}. ${site.title}`;
  const link = url ? ` ${url}` : '';
  const text = `${named} (${dataset})${record}.${link}`;
  return (
    <section class="cite">
      <Heading>Cite this</Heading>
      {/* The text says dataset, version, record and URL; a site of several datasets also links them. */}
      {several ? (
        <p>
          {id ? `From ${cited.length === 1 ? 'dataset' : 'datasets'}` : 'Datasets'}:{' '}
          {cited.map((d, i) => (
            <>
              {i ? ', ' : ''}
              <DatasetLink path={path} dataset={d} />
            </>
          ))}
        </p>
      ) : null}
      {/* The citation is the block's last paragraph: the stylesheet sets it so, no class on 70,000 pages. */}
      <p>{text}</p>
    </section>
  );
}

/**
 * A chart drawn in the browser from the shared release data. The page holds the chart's reference
 * (its embed fragment, `stance=rel:…`) alone: for readers without JavaScript the stylesheet writes
 * into the empty figure that the page's lists carry the same facts, so 45,000 pages of a large site
 * do not each carry the sentence. The chart script names the chart from the data, draws it and adds its
 * "Embed this chart" box, so 30,000 relation pages do not each carry its label three times and a box
 * that is no use without the script.
 */
export function Chart({
  chart,
  embed = true,
}: {
  /** Unused since the chart script names the chart and links the embed page; kept for the pages that pass them. */
  site?: Site;
  path?: string;
  label?: string;
  chart: ChartRef;
  embed?: boolean;
}) {
  return <figure class="chart" data-chart={embedFragment(chart)} data-alone={embed ? undefined : ''}></figure>;
}

export function DateText({ date }: { date: string }) {
  // The label is written at the date's precision ("2021", "Aug 2021", "27 Aug 2021"): it says it. No
  // <time>: 35 bytes more on each of 25,000 dates of a large site, and nothing a reader sees.
  return <>{dateText(date).label}</>;
}

/** A statement's words: the quote, else the curator's labelled paraphrase (StatementMarks says when neither), and its context. */
export function StatementWords({ statement: s }: { statement: Statement }) {
  return (
    <>
      {s.quote ? (
        <blockquote>“{s.quote}”</blockquote>
      ) : s.paraphrase ? (
        <p class="paraphrase">
          <span class="label">Paraphrase:</span> {s.paraphrase}
        </p>
      ) : null}
      {s.context ? (
        <p class="context">
          <span class="label">Context:</span> {s.context}
        </p>
      ) : null}
    </>
  );
}

/** A statement's marks after its date: hedged, who reported it, and when no words were recorded. */
export function StatementMarks({ site, path, statement: s }: { site: Site; path: string; statement: Statement }) {
  return (
    <>
      {/* Italic by the stylesheet's default for <i>: no class on 20,000 statements of a large site. */}
      {s.hedged ? <i> · hedged</i> : null}
      {s.reportedBy ? (
        <span class="mark">
          {' · reported by '}
          <a href={site.recordHref(path, s.reportedBy)}>{site.nameOf(s.reportedBy)}</a>
        </span>
      ) : null}
      {/* A line's mark, not a paragraph of its own: some 30,000 statements of a large site have no words. */}
      {s.quote || s.paraphrase ? null : ' · no quote recorded'}
    </>
  );
}

/**
 * One statement on its relation's page, in its stance's list (which colours it): who, when (linked to
 * its permalink, where its sources and citation are), the words and the source it was read from.
 */
export function StatementItem({ site, path, statement: s }: { site: Site; path: string; statement: Statement }) {
  const source = site.cg.source(s.source);
  const link = (id: string) => site.recordHref(path, id);
  return (
    <li>
      {/* The speaker comes first and is bold by the stylesheet: no class or wrapper on 100,000 lines. */}
      <a href={link(s.speaker)}>{site.nameOf(s.speaker)}</a>
      {' · '}
      {/* The date as its label says it: a <time> would add 35 bytes to each of 100,000 items, and nothing a reader sees. */}
      <a href={link(s.id)}>{dateText(s.date).label}</a>
      <StatementMarks site={site} path={path} statement={s} />
      <StatementWords statement={s} />
      {/* The last paragraph of an item, styled as its foot by the stylesheet: no class on 100,000 lines. */}
      <p>
        Source: {source ? <a href={link(source.id)}>{source.title}</a> : s.source}
        {s.appearances ? ` · and ${s.appearances.length} more` : null}
      </p>
    </li>
  );
}

/**
 * A stance as a verb, coloured (and arrowed) by the stylesheet: "supports", "disputes, hedged".
 * Supporting is a line's default look; only "disputes" carries a class, as most lines support.
 */
export function StanceWord({ statement: s }: { statement: Statement }) {
  return (
    <b class={s.stance === 'disputes' ? 'disputes' : undefined}>
      {s.stance}
      {s.hedged ? ', hedged' : ''}
    </b>
  );
}

/**
 * A statement as a line of a list: its date linked to its permalink (where the words, sources and
 * citation are), then speaker, stance and relation. No words and no `<time>`: the timeline repeats
 * the line for every statement of the release, and the permalink is one click away.
 */
export function StatementLine({ site, path, statement: s }: { site: Site; path: string; statement: Statement }) {
  const link = (id: string) => site.recordHref(path, id);
  const relation = site.cg.relation(s.relation);
  return (
    <li>
      <a href={link(s.id)}>{dateText(s.date).label}</a>: <a href={link(s.speaker)}>{site.nameOf(s.speaker)}</a>{' '}
      <StanceWord statement={s} /> {relation ? <a href={link(relation.id)}>{site.phraseText(relation)}</a> : s.relation}
    </li>
  );
}

/** A share as a CSS length: `60%`, `99.5%`; one decimal at most, so a lone dissent still shows. */
const percent = (part: number, total: number) => `${Number(((100 * part) / total).toFixed(1))}%`;

/**
 * A proportional bar of supporting and disputing statements, with the numbers as its text. One
 * element: the stylesheet draws the bar before the text from `--f`, the supporting share. Most
 * relations are only supported, so 100% is the stylesheet's default and not written; no statements
 * at all is class `none`, an empty grey bar. A list repeats it on every row.
 */
export function StanceBar({ supports, disputes, row = false }: { supports: number; disputes: number; row?: boolean }) {
  const total = supports + disputes;
  // In a row of a relation list the stylesheet knows the bar by its place: no class on 90,000 rows.
  return (
    <span
      class={total ? (row ? undefined : 'bar') : 'bar none'}
      style={total && disputes ? `--f:${percent(supports, total)}` : undefined}
    >
      {supports} for, {disputes} against
    </span>
  );
}

/** A status word, coloured by its class: what a row of a list shows (RuleNote names the rule once). */
export function StatusWord({ status }: { status: string }) {
  return <span class={`status status-${status}`}>{status}</span>;
}

/** A status, or a rule's verdict, with the rule that decided it linked to its explanation. */
export function StatusBadge({ status, path, rule = STATUS_RULE }: { status: string; path: string; rule?: string }) {
  return (
    <>
      <StatusWord status={status} />{' '}
      <a class="status-rule" href={relativeHref(path, `${RULES_PATH}#${ruleAnchor(rule)}`)}>
        {rule}
      </a>
    </>
  );
}

/** Said once above a list of relation rows: the rule their statuses follow, and what the bar shows. */
export function RuleNote({ path }: { path: string }) {
  return (
    <p class="rule-note">
      Status by rule{' '}
      <a class="status-rule" href={relativeHref(path, `${RULES_PATH}#${ruleAnchor(STATUS_RULE)}`)}>
        {STATUS_RULE}
      </a>
      ; bars: statements for (blue), against (orange).
    </p>
  );
}

/**
 * A status word in a row of a list: an `<i>`, styled as a badge by the list's stylesheet. Most
 * relations are supported, the default look; only the others carry their status's class.
 */
function RowStatus({ status }: { status: string }) {
  return <i class={status === 'supported' ? undefined : `status-${status}`}>{status}</i>;
}

/** A relation as a row: its proposition linked, its status and its stance counts. */
export function RelationRow({ site, path, relation }: { site: Site; path: string; relation: Relation }) {
  const c = site.counts(relation.id);
  const p = site.phrase(relation);
  return (
    <li>
      <a href={site.recordHref(path, relation.id)}>
        {p.source} <b>{p.label}</b> {p.target}
      </a>{' '}
      <RowStatus status={c.status} /> <StanceBar supports={c.supports} disputes={c.disputes} row />
    </li>
  );
}

/** Links to the pages of a paginated list: the first, the last, and those near this one. */
export function Pager({ path, list, page, pages }: { path: string; list: string; page: number; pages: number }) {
  if (pages <= 1) return null;
  const numbers = Array.from({ length: pages }, (_, i) => i + 1).filter(
    (n) => n === 1 || n === pages || Math.abs(n - page) <= 2,
  );
  const link = (n: number, text: string, label: string) => (
    <a href={relativeHref(path, listPagePath(list, n))} aria-label={label}>
      {text}
    </a>
  );
  return (
    <nav class="pager" aria-label="Pages">
      <ul>
        {page > 1 ? <li>{link(page - 1, '← Previous', `Previous page, ${page - 1} of ${pages}`)}</li> : null}
        {numbers.map((n, i) => (
          <>
            {i > 0 && n - numbers[i - 1]! > 1 ? (
              <li class="gap" aria-hidden="true">
                …
              </li>
            ) : null}
            <li>{n === page ? <span aria-current="page">{n}</span> : link(n, String(n), `Page ${n} of ${pages}`)}</li>
          </>
        ))}
        {page < pages ? <li>{link(page + 1, 'Next →', `Next page, ${page + 1} of ${pages}`)}</li> : null}
      </ul>
    </nav>
  );
}

/** "and 12 more": said where a list is cut, so no reader mistakes a cut list for all there is. */
export function More({ shown, total, where }: { shown: number; total: number; where: string }) {
  if (total <= shown) return null;
  return (
    <p class="more">
      Showing {shown} of {total}; {where}.
    </p>
  );
}

/** Record ids as curators write them in notes (`rel:haqqani-network-affiliated-with-taliban`). */
const ID_IN_TEXT = /\b[a-z][a-z-]*:[a-z0-9]+(?:-[a-z0-9]+)*/g;

/** Text with the record ids it mentions linked to their pages (and named); the rest stays text. */
export function TextWithIds({ site, path, text }: { site: Site; path: string; text: string }) {
  const parts: ComponentChildren[] = [];
  let at = 0;
  for (const match of text.matchAll(ID_IN_TEXT)) {
    const id = match[0];
    const label = site.label(id);
    if (label === undefined) continue;
    parts.push(text.slice(at, match.index));
    parts.push(
      <a href={site.recordHref(path, id)} title={id}>
        {label}
      </a>,
    );
    at = match.index + id.length;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** "2012 to Dec 2026": a dataset's period researched, or null when it declares none. */
export function CoveragePeriod({ dataset }: { dataset: SiteDataset }) {
  const period = dataset.coverage?.period;
  if (!period) return null;
  return (
    <>
      <DateText date={period.from} /> to <DateText date={period.to} />
    </>
  );
}

/** A dataset's name linked to its page, with its version. */
export function DatasetLink({ path, dataset }: { path: string; dataset: SiteDataset }) {
  return (
    <>
      <a href={relativeHref(path, datasetPath(dataset.name))}>{dataset.title ?? dataset.name}</a>
      {dataset.version ? ` (version ${dataset.version})` : ''}
    </>
  );
}
