/** The home page: what the dataset is, its version, counts and dates, and the contested relations first. */
import { comparePartialDates } from '@claimgraph/schema';
import { relativeHref } from '../permalink.js';
import type { Site } from '../model.js';
import { CoverageLine } from './about.js';
import { Cite, CoveragePeriod, DatasetLink, DateText, Layout, More, RelationRow, RuleNote } from './parts.js';

export const HOME_PATH = 'index.html';

/** Contested relations, the most discussed first, then by proposition. */
export function contestedByWeight(site: Site) {
  return site.cg
    .contested()
    .map((relation) => ({ relation, n: site.counts(relation.id), text: site.phraseText(relation) }))
    .sort(
      (a, b) =>
        b.n.supports + b.n.disputes - (a.n.supports + a.n.disputes) ||
        (a.text < b.text ? -1 : a.text > b.text ? 1 : 0) ||
        (a.relation.id < b.relation.id ? -1 : 1),
    )
    .map((x) => x.relation);
}

export function HomePage({ site }: { site: Site }) {
  const path = HOME_PATH;
  const { entities, relations, statements, sources } = site.data;
  const dates = statements.map((s) => s.date).sort(comparePartialDates);
  const contested = contestedByWeight(site);
  const shown = contested.slice(0, site.options.homeContested);
  const speakers = site.speakers.size;
  return (
    <Layout site={site} kind="home" path={path} title="Overview" description={site.meta.description}>
      <section class="lede">
        <p class="kicker">Dataset{site.meta.version ? ` · version ${site.meta.version}` : ''}</p>
        <h1>{site.title}</h1>
        {site.meta.description ? <p class="standfirst">{site.meta.description}</p> : null}
        <p>
          Who said what about whom: every relation below is a proposition, and only as good as the statements behind it.
          Each statement has a speaker, a date, the speaker’s words and a cited source.
        </p>
      </section>
      {site.datasets.length ? (
        <section aria-labelledby="datasets-title">
          <h2 id="datasets-title">{site.datasets.length} datasets, shown as one</h2>
          <ul class="datasets">
            {site.datasets.map((dataset) => (
              <li>
                <DatasetLink path={path} dataset={dataset} />
                {dataset.coverage ? (
                  <>
                    {' '}
                    · researched <CoveragePeriod dataset={dataset} />
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="counts-title">
        <h2 id="counts-title" class="visually-hidden">
          In numbers
        </h2>
        <ul class="counts">
          <li>
            <strong>{statements.length}</strong> statements
          </li>
          <li>
            <strong>{relations.length}</strong> relations
          </li>
          <li>
            <strong>{contested.length}</strong> contested
          </li>
          <li>
            <strong>{entities.length}</strong> entities
          </li>
          <li>
            <strong>{speakers}</strong> speakers
          </li>
          <li>
            <strong>{sources.length}</strong> {sources.length === 1 ? 'source' : 'sources'}
          </li>
        </ul>
        {dates.length ? (
          <p class="date-range">
            Statements from <DateText date={dates[0]!} /> to <DateText date={dates[dates.length - 1]!} />.
          </p>
        ) : null}
        <CoverageLine coverage={site.coverage} path={path} />
      </section>
      <section aria-labelledby="contested-title">
        <h2 id="contested-title">Contested: who says yes, who says no</h2>
        {shown.length ? (
          <>
            <RuleNote path={path} />
            <ul class="relation-list">
              {shown.map((relation) => (
                <RelationRow site={site} path={path} relation={relation} />
              ))}
            </ul>
          </>
        ) : (
          <p>No relation in this release has statements on both sides.</p>
        )}
        <More shown={shown.length} total={contested.length} where="every relation is on the Relations pages" />
        <p>
          <a href={relativeHref(path, 'relations.html')}>All {relations.length} relations</a> ·{' '}
          <a href={relativeHref(path, 'entities.html')}>All {entities.length} entities</a> ·{' '}
          <a href={relativeHref(path, 'timeline.html')}>Every statement by date</a>
        </p>
      </section>
      <Cite site={site} path={path} what={site.title} />
    </Layout>
  );
}
