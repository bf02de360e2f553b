/** The small record pages: one statement (to cite one quote), one source, and redirects for old ids. */
import type { Source, Statement } from '@claimgraph/schema';
import { recordPath, relativeHref } from '../permalink.js';
import { byDate, type Site } from '../model.js';
import { appearingIn } from '../appearances.js';
import { Cite, DateText, HeadBasics, Layout, More, pageTitle, StatementItem, TextWithIds } from './parts.js';
import { AppearanceList, ReadingFacts } from './provenance.js';

export function StatementPage({ site, statement }: { site: Site; statement: Statement }) {
  const path = recordPath(statement.id);
  const relation = site.cg.relation(statement.relation);
  const title = `${site.nameOf(statement.speaker)} ${statement.stance} ${relation ? site.phraseText(relation) : statement.relation}`;
  return (
    <Layout site={site} kind="statement" path={path} title={title}>
      <p class="kicker">Statement</p>
      <h1>
        {site.nameOf(statement.speaker)} {statement.stance === 'supports' ? 'supports' : 'disputes'}:{' '}
        {relation ? site.phraseText(relation) : statement.relation}
      </h1>
      <ol class="statements single">
        <StatementItem site={site} path={path} statement={statement} show="both" permalink={false} />
      </ol>
      <AppearanceList site={site} path={path} statement={statement} />
      {statement.note ? (
        <p class="note">
          <span class="label">Curator’s note:</span> <TextWithIds site={site} path={path} text={statement.note} />
        </p>
      ) : null}
      <Cite site={site} path={path} id={statement.id} what={title} />
    </Layout>
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
      <section aria-labelledby="statements-title">
        <h2 id="statements-title">Statements it reports ({statements.length})</h2>
        {statements.length === 0 && alsoHere.length ? (
          <p>None was read from this source first; it also reports the statements below.</p>
        ) : null}
        <ol class="statements">
          {statements.slice(0, limit).map((statement) => (
            <StatementItem site={site} path={path} statement={statement} show="both" />
          ))}
        </ol>
        <More
          shown={Math.min(limit, statements.length)}
          total={statements.length}
          where="the timeline lists every statement"
        />
      </section>
      {alsoHere.length ? (
        <section aria-labelledby="also-title">
          <h2 id="also-title">Also reports ({alsoHere.length})</h2>
          <p>Statements read from another source that this source reports too.</p>
          <ol class="statements">
            {alsoHere.slice(0, limit).map((statement) => (
              <StatementItem site={site} path={path} statement={statement} show="both" />
            ))}
          </ol>
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
  const target = relativeHref(path, recordPath(to));
  return (
    <html lang="en">
      <head>
        <HeadBasics />
        <title>{pageTitle(`Moved: ${from}`, site.title)}</title>
        <meta http-equiv="refresh" content={`0; url=${target}`} />
        <link rel="canonical" href={site.absoluteUrl(recordPath(to))} />
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
