/**
 * What the research covered (the dataset's coverage declaration): a line on the home page and the
 * whole of it on the about page, so a reader can tell an absence in the data from one in the research.
 */
import type { Coverage } from '@claimgraph/schema';
import { languageName } from '../appearances.js';
import { relativeHref } from '../permalink.js';
import type { Site } from '../model.js';
import { Cite, DateText, Layout } from './parts.js';

export const ABOUT_PATH = 'about.html';

/** The home page's line: the period researched and a link to the rest. */
export function CoverageLine({ coverage, path }: { coverage: Coverage | undefined; path: string }) {
  const about = relativeHref(path, ABOUT_PATH);
  return coverage ? (
    <p class="coverage-line">
      Research covers <DateText date={coverage.period.from} /> to <DateText date={coverage.period.to} />.{' '}
      <a href={about}>What was searched, and the known gaps →</a>
    </p>
  ) : (
    <p class="coverage-line">
      <a href={about}>About this dataset →</a>
    </p>
  );
}

export function AboutPage({ site }: { site: Site }) {
  const path = ABOUT_PATH;
  const coverage = site.coverage;
  return (
    <Layout site={site} kind="about" path={path} title="About">
      <h1>About {site.title}</h1>
      {site.meta.description ? <p class="standfirst">{site.meta.description}</p> : null}
      <h2>Coverage</h2>
      {coverage ? (
        <>
          <p>An absence in this dataset means nothing was found in the research below, not that nothing was said.</p>
          <dl class="facts">
            <div>
              <dt>Period</dt>
              <dd>
                <DateText date={coverage.period.from} /> to <DateText date={coverage.period.to} />
              </dd>
            </div>
            <div>
              <dt>Languages</dt>
              <dd>{coverage.languages.map(languageName).join(', ')}</dd>
            </div>
          </dl>
          {coverage.method ? (
            <>
              <h3>Method</h3>
              <p>{coverage.method}</p>
            </>
          ) : null}
          <h3>Searches</h3>
          <div class="table-wrap">
            <table>
              <caption class="visually-hidden">Searches behind this dataset</caption>
              <thead>
                <tr>
                  <th scope="col">Where</th>
                  <th scope="col">Query</th>
                  <th scope="col">Date</th>
                </tr>
              </thead>
              <tbody>
                {coverage.searches.map((s) => (
                  <tr>
                    <td>{s.where}</td>
                    <td>{s.query ?? '—'}</td>
                    <td>
                      <DateText date={s.date} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h3>Known gaps</h3>
          {coverage.gaps.length ? (
            <ul>
              {coverage.gaps.map((gap) => (
                <li>{gap}</li>
              ))}
            </ul>
          ) : (
            <p>The curators list no known gaps.</p>
          )}
        </>
      ) : (
        <p>This release does not say what its research covered (it has no coverage declaration).</p>
      )}
      <Cite site={site} path={path} what={`About ${site.title}`} />
    </Layout>
  );
}
