/** The small record pages: one statement (to cite one quote), one source, and redirects for old ids. */
import type { Source, Statement } from '@claimgraph/schema';
import { recordPath, statementFragment } from '../permalink.js';
import { byDate, dateText, type Site } from '../model.js';
import { appearingIn } from '../appearances.js';
import {
  Cite,
  DateText,
  HeadBasics,
  Layout,
  More,
  oneDataset,
  pageTitle,
  StatementMarks,
  StatementLine,
  StatementWords,
  TextWithIds,
} from './parts.js';
import { AppearanceList, ReadingFacts } from './provenance.js';

/** What a statement's page is titled: "Ned Price disputes Haqqani network — part of — Taliban". */
function statementTitle(site: Site, statement: Statement): { title: string } {
  const relation = site.cg.relation(statement.relation);
  const phrase = relation ? site.phraseText(relation) : statement.relation;
  return { title: `${site.nameOf(statement.speaker)} ${statement.stance} ${phrase}` };
}

/**
 * One page of statements (`statements/0a3f.html`): every statement whose id hashes to it, each an
 * article named by the statement's id, so `…/0a3f.html#st-kirby-1` is the permalink of `st:kirby-1`. A page of one
 * statement reads as that statement's page; a page of several gives each its own heading.
 */
export function StatementsPage({ site, path, statements }: { site: Site; path: string; statements: Statement[] }) {
  const one = statements.length === 1;
  const title = one ? statementTitle(site, statements[0]!).title : `${statements.length} statements`;
  return (
    <Layout site={site} kind="statement" path={path} title={title}>
      {one ? null : (
        <>
          <h1>{title}</h1>
        </>
      )}
      {statements.map((statement) => (
        <StatementEntry site={site} path={path} statement={statement} alone={one} />
      ))}
      {one ? null : <HowToCite site={site} path={path} example={statements[0]!} />}
    </Layout>
  );
}

/**
 * One statement on its page, in full: who says what about which relation in the heading (which says
 * the stance), its date and marks, the words, every source that reports it. Alone, the page's
 * statement, with its citation; one of several, under a heading of its own, with its record id
 * linked to its permalink (the page's "How to cite" says how to cite it).
 */
function StatementEntry({
  site,
  path,
  statement,
  alone,
}: {
  site: Site;
  path: string;
  statement: Statement;
  alone: boolean;
}) {
  const { title } = statementTitle(site, statement);
  const relation = site.cg.relation(statement.relation);
  const Heading = alone ? 'h1' : 'h2';
  const level = alone ? 2 : 3;
  const fragment = statementFragment(statement.id);
  const link = (id: string) => site.recordHref(path, id);
  // A page holds some six statements and a site 100,000: the entry is as short as its content allows.
  return (
    // Most statements support: only "disputes" is a class, for the stylesheet's colour (the heading says either).
    <article class={statement.stance === 'disputes' ? 'disputes' : undefined} id={fragment}>
      {alone ? <p class="kicker">Statement</p> : null}
      <Heading>
        <a href={link(statement.speaker)}>{site.nameOf(statement.speaker)}</a> {statement.stance}:{' '}
        {relation ? <a href={link(relation.id)}>{site.phraseText(relation)}</a> : statement.relation}
      </Heading>
      {/* The heading's next paragraph: the stylesheet marks it with the stance, no class needed. */}
      <p>
        {/* The date as its label says it: a <time> would add 35 bytes to each of 100,000 statements. */}
        {dateText(statement.date).label}
        <StatementMarks site={site} path={path} statement={statement} />
        {/* The record id, what a citation names, is the statement's permalink too. */}
        {alone ? null : (
          <>
            {' · '}
            <a href={`#${fragment}`}>{statement.id}</a>
          </>
        )}
      </p>
      <StatementWords statement={statement} />
      <AppearanceList site={site} path={path} statement={statement} level={level} />
      {statement.note ? (
        <p class="note">
          <span class="label">Curator’s note:</span> <TextWithIds site={site} path={path} text={statement.note} />
        </p>
      ) : null}
      {/* Alone, a section with its title; one of several on a site of several datasets, one naming its datasets. */}
      {alone || site.datasets.length ? (
        <Cite
          site={site}
          path={path}
          id={statement.id}
          what={alone ? title : `${site.nameOf(statement.speaker)}, ${dateText(statement.date).label}`}
          anchor={fragment}
          level={level}
        />
      ) : null}
    </article>
  );
}

/**
 * Said once on a page of several statements of one dataset, in place of a citation for each: what a
 * citation of one names (each entry shows its speaker, date and record id), with the first as example.
 */
function HowToCite({ site, path, example: s }: { site: Site; path: string; example: Statement }) {
  if (site.datasets.length) return null;
  const url = site.options.baseUrl === undefined ? '' : ` ${site.absoluteUrl(path)}#${statementFragment(s.id)}`;
  return (
    <section class="cite">
      <h2>How to cite</h2>
      <p>
        {`Cite a statement by speaker, date, dataset and record id (which links it here)${url ? ' and permalink' : ''}, as in “`}
        {`${site.nameOf(s.speaker)}, ${dateText(s.date).label}. ${site.title} (${oneDataset(site)}), record ${s.id}.${url}”`}
      </p>
    </section>
  );
}

/**
 * A source's statements as the timeline lists them: each a dated link to its permalink, then speaker,
 * stance and relation. The words are one click away: a source of 300 statements carried an excerpt of each.
 */
function StatementLines({ site, path, statements }: { site: Site; path: string; statements: Statement[] }) {
  if (statements.length === 0) return null;
  return (
    <ul class="said">
      {statements.map((s) => (
        <StatementLine site={site} path={path} statement={s} />
      ))}
    </ul>
  );
}

export function SourcePage({ site, source }: { site: Site; source: Source }) {
  const path = recordPath(source.id);
  const statements = site.cg.statements({ source: source.id }).sort(byDate);
  const alsoHere = [...appearingIn(site.data, source.id)].sort(byDate);
  const limit = site.options.listLimit;
  return (
    <Layout site={site} kind="source" path={path} title={source.title}>
      <p class="kicker">Source</p>
      <h1>{source.title}</h1>
      <dl class="facts">
        {(['publisher', 'author'] as const).map((key) =>
          (source as Record<string, unknown>)[key] ? (
            <div>
              <dt>{key === 'publisher' ? 'Publisher' : 'Author'}</dt>
              <dd>{String((source as Record<string, unknown>)[key])}</dd>
            </div>
          ) : null,
        )}
        {source.published ? (
          <div>
            <dt>Published</dt>
            <dd>
              <DateText date={source.published} />
            </dd>
          </div>
        ) : null}
        {source.url ? (
          <div>
            <dt>Read it</dt>
            <dd>
              <a href={source.url} rel="noopener noreferrer">
                {source.url}
              </a>
            </dd>
          </div>
        ) : null}
        <ReadingFacts source={source} />
        {source.note ? (
          <div>
            <dt>Note</dt>
            <dd>{source.note}</dd>
          </div>
        ) : null}
      </dl>
      <section>
        <h2>Statements it reports ({statements.length})</h2>
        {statements.length === 0 && alsoHere.length ? (
          <p>None was read from this source first; it also reports the statements below.</p>
        ) : null}
        <StatementLines site={site} path={path} statements={statements.slice(0, limit)} />
        <More
          shown={Math.min(limit, statements.length)}
          total={statements.length}
          where="the timeline lists every statement"
        />
      </section>
      {alsoHere.length ? (
        <section>
          <h2>Also reports ({alsoHere.length})</h2>
          <p>Statements read from another source that this source reports too.</p>
          <StatementLines site={site} path={path} statements={alsoHere.slice(0, limit)} />
          <More
            shown={Math.min(limit, alsoHere.length)}
            total={alsoHere.length}
            where="the timeline lists every statement"
          />
        </section>
      ) : null}
      <Cite site={site} path={path} id={source.id} what={source.title} />
    </Layout>
  );
}

/** The page an old id leaves behind: it sends readers (and crawlers, via canonical) to the new one. */
export function RedirectPage({ site, from, to }: { site: Site; from: string; to: string }) {
  const path = recordPath(from);
  const target = site.recordHref(path, to);
  return (
    <html lang="en">
      <head>
        <HeadBasics />
        <title>{pageTitle(`Moved: ${from}`, site.title)}</title>
        <meta http-equiv="refresh" content={`0; url=${target}`} />
        <link rel="canonical" href={site.recordUrl(to)} />
        <meta name="robots" content="noindex" />
        <link rel="stylesheet" href={site.assetHref(path, 'site.css')} />
      </head>
      <body data-page="redirect">
        <main id="main" class="wrap">
          <h1>This record has moved</h1>
          <p>
            <code>{from}</code> is now <code>{to}</code>: <a href={target}>{site.nameOf(to)}</a>.
          </p>
        </main>
      </body>
    </html>
  );
}
