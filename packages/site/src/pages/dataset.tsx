/** The page of one of several datasets a site shows as one: what it is, its version, what its research covered. */
import { relativeHref } from '../permalink.js';
import { datasetPath, type Site, type SiteDataset } from '../model.js';
import { Cite, CoveragePeriod, Layout } from './parts.js';

export function DatasetPage({ site, dataset, counts }: { site: Site; dataset: SiteDataset; counts: DatasetCounts }) {
  const path = datasetPath(dataset.name);
  const coverage = dataset.coverage;
  return (
    <Layout
      site={site}
      kind="dataset"
      path={path}
      title={dataset.title ?? dataset.name}
      description={dataset.description}
    >
      <section class="lede">
        <p class="kicker">Dataset{dataset.version ? ` · version ${dataset.version}` : ''}</p>
        <h1>{dataset.title ?? dataset.name}</h1>
        {dataset.description ? <p class="standfirst">{dataset.description}</p> : null}
        <p>
          One of the {site.datasets.length} datasets this site shows as one. Records two datasets share are shown once;
          each record’s page says which datasets hold it.
        </p>
      </section>
      <dl class="facts">
        <div>
          <dt>Name</dt>
          <dd>
            <code>{dataset.name}</code>
          </dd>
        </div>
        {dataset.packageName ? (
          <div>
            <dt>Package</dt>
            <dd>
              <code>{dataset.packageName}</code>
            </dd>
          </div>
        ) : null}
        {dataset.license ? (
          <div>
            <dt>License</dt>
            <dd>{dataset.license}</dd>
          </div>
        ) : null}
        <div>
          <dt>Records</dt>
          <dd>
            {[
              count(counts.statements, 'statement', 'statements'),
              count(counts.relations, 'relation', 'relations'),
              count(counts.entities, 'entity', 'entities'),
              count(counts.sources, 'source', 'sources'),
            ].join(', ')}
          </dd>
        </div>
        {coverage ? (
          <div>
            <dt>Period researched</dt>
            <dd>
              <CoveragePeriod dataset={dataset} />
            </dd>
          </div>
        ) : null}
        {coverage?.languages.length ? (
          <div>
            <dt>Languages searched</dt>
            <dd>{coverage.languages.join(', ')}</dd>
          </div>
        ) : null}
        {coverage?.method ? (
          <div>
            <dt>Method</dt>
            <dd>{coverage.method}</dd>
          </div>
        ) : null}
      </dl>
      {coverage?.gaps.length ? (
        <section aria-labelledby="gaps-title">
          <h2 id="gaps-title">Known gaps</h2>
          <ul>
            {coverage.gaps.map((gap) => (
              <li>{gap}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a href={relativeHref(path, 'index.html')}>All datasets on the overview</a>
      </p>
      <Cite site={site} path={path} what={dataset.title ?? dataset.name} />
    </Layout>
  );
}

/** How many records of each kind a dataset holds in the merged site. */
export interface DatasetCounts {
  entities: number;
  relations: number;
  statements: number;
  sources: number;
}

/** "1 source", "2 sources". */
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Counts per dataset name, from the site's records and their provenance. */
export function datasetCounts(site: Site): Map<string, DatasetCounts> {
  const out = new Map(
    site.datasets.map((d) => [d.name, { entities: 0, relations: 0, statements: 0, sources: 0 } as DatasetCounts]),
  );
  for (const kind of ['entities', 'relations', 'statements', 'sources'] as const)
    for (const record of site.data[kind]) for (const d of site.datasetsOf(record.id)) out.get(d.name)![kind] += 1;
  return out;
}
