/**
 * Where a statement was reported and what a source carries: the appearances list of a statement
 * page, and a source's reading facts (when it was read, its language).
 */
import type { Source, Statement } from '@claimgraph/schema';
import { appearancesOf, languageName, type Appearing } from '../appearances.js';
import { dateText, type Site } from '../model.js';
import { DateText } from './parts.js';

/** Every source that reports the statement, each with its link, publisher, date and the words found in it. */
export function AppearanceList({
  site,
  path,
  statement,
  level = 2,
}: {
  site: Site;
  path: string;
  statement: Statement;
  /** The heading's level: 3 under a statement's own heading. */
  level?: 2 | 3;
}) {
  const all = appearancesOf(statement, (id) => site.cg.source(id));
  const Heading = level === 2 ? 'h2' : 'h3';
  // Most statements have one source, the one they were read from: a line says it, no list of one.
  const only = all.length === 1 && all[0]!.own && !all[0]!.exact && !all[0]!.note ? all[0]! : undefined;
  // The stylesheet finds the line by its place (an article's classless paragraph after the date's): no class on 100,000 lines.
  if (only)
    return (
      <p>
        Source: <SourceLine site={site} path={path} appearance={{ ...only, own: false }} />
      </p>
    );
  return (
    <>
      <Heading>
        Reported by {all.length} {all.length === 1 ? 'source' : 'sources'}
      </Heading>
      <ol class="appearances">
        {all.map((a) => (
          <li class="appearance">
            <SourceLine site={site} path={path} appearance={a} />
            {a.exact ? (
              <p class="appearance-exact">
                <span class="label">Words as printed:</span> “{a.exact}”
              </p>
            ) : null}
            {a.note ? (
              <p class="note">
                <span class="label">Note:</span> {a.note}
              </p>
            ) : null}
          </li>
        ))}
      </ol>
    </>
  );
}

/** A source as a statement page names it: title linked (its page gives the URL), whether it was read there, publisher, date. */
function SourceLine({ site, path, appearance: a }: { site: Site; path: string; appearance: Appearing }) {
  const source = a.source;
  return (
    <>
      {source ? <a href={site.recordHref(path, a.sourceId)}>{source.title}</a> : <code>{a.sourceId}</code>}
      {a.own ? <span class="mark"> · read from this source</span> : null}
      {source?.publisher ? ` · ${source.publisher}` : null}
      {/* The date as its label says it, no <time>: this line is repeated for 100,000 statements. */}
      {source?.published ? ` · ${dateText(source.published).label}` : null}
      {/* The source's web address is on its page, one link away: 100,000 statements do not repeat it. */}
    </>
  );
}

/** When the curator read the source and its language, as rows of the source page's facts. */
export function ReadingFacts({ source }: { source: Source }) {
  return (
    <>
      {source.accessed ? (
        <div>
          <dt>Read by the curators</dt>
          <dd>
            <DateText date={source.accessed} />
          </dd>
        </div>
      ) : null}
      {source.language ? (
        <div>
          <dt>Language</dt>
          <dd>{languageName(source.language)}</dd>
        </div>
      ) : null}
    </>
  );
}
