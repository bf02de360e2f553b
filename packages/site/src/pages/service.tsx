/** The downloads page, the search page and the embeddable chart pages. */
import { EMBED_PATH, relativeHref } from '../permalink.js';
import type { Site } from '../model.js';
import { ChartScripts, Cite, HeadBasics, Layout, pageTitle } from './parts.js';

export interface DownloadFile {
  /** Path inside the release. */
  path: string;
  bytes: number;
  sha256: string;
}

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} kB`
      : `${(bytes / 1048576).toFixed(1)} MB`;

export function DownloadsPage({ site, files }: { site: Site; files: DownloadFile[] }) {
  const path = 'downloads.html';
  const pkg = site.meta.packageName ?? `@claimgraph/dataset-${site.meta.name}`;
  const hasParquet = files.some((f) => f.path.endsWith('.parquet'));
  const sdk = `import { ClaimGraph } from '@claimgraph/sdk';

// The release folder, or its URL: the same files as below.
const cg = await ClaimGraph.load('release/');
cg.contested();             // the disputed propositions
cg.stances('rel:…');        // who says yes, who says no`;
  const cli = `npm install ${pkg}
npx claimgraph info ${pkg}
npx claimgraph query contested --dataset ${pkg}
npx claimgraph site --dataset ${pkg} --out site/`;
  const duckdb = hasParquet
    ? `-- in duckdb, from the release folder
SELECT r.type, count(*) AS statements
FROM 'parquet/statements.parquet' s JOIN 'parquet/relations.parquet' r ON s.relation = r.id
GROUP BY r.type ORDER BY statements DESC;`
    : `-- in duckdb: dataset.json holds one list per record type
SELECT unnest(statements, recursive := true) FROM read_json('dataset.json');`;
  return (
    <Layout site={site} kind="downloads" path={path} title="Downloads">
      <h1>Downloads</h1>
      <p class="standfirst">
        The release this site was built from, file by file, with the size and SHA-256 hash of each, so a copy can be
        checked against the original (<code>npx claimgraph verify FOLDER</code> does it for a whole folder).
      </p>
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">Release files</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col" class="num">
                Size
              </th>
              <th scope="col">SHA-256</th>
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr>
                <td>
                  <a href={relativeHref(path, `release/${file.path}`)}>{file.path}</a>
                </td>
                <td class="num">{size(file.bytes)}</td>
                <td>
                  <code class="hash">{file.sha256}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>Load it</h2>
      <h3>With the SDK (Node or a browser)</h3>
      <pre>
        <code>{sdk}</code>
      </pre>
      <h3>With the command line</h3>
      <pre>
        <code>{cli}</code>
      </pre>
      <h3>With DuckDB</h3>
      <pre>
        <code>{duckdb}</code>
      </pre>
      <p>
        Or <code>npx claimgraph sql "SELECT …"</code>, which sets up views of the four record types for you.
      </p>
      <Cite site={site} path={path} what={`${site.title}, release files`} />
    </Layout>
  );
}

/** Where the search index is and how its documents divide: what the page's script reads. */
export interface SearchIndexRef {
  folder: string;
  parts: string[];
  entities: number;
  relations: number;
}

export function SearchPage({ site, index }: { site: Site; index: SearchIndexRef }) {
  const path = 'search.html';
  return (
    <Layout site={site} kind="search" path={path} title="Search">
      <h1>Search</h1>
      <div
        id="search-results"
        aria-live="polite"
        data-index={relativeHref(path, index.folder)}
        data-entities={index.entities}
        data-relations={index.relations}
        data-parts={index.parts.join(' ')}
        data-title={site.title}
      >
        <p class="chart-note">
          Search runs in your browser and needs JavaScript. Without it, browse the{' '}
          <a href={relativeHref(path, 'relations.html')}>relations</a>,{' '}
          <a href={relativeHref(path, 'entities.html')}>entities</a> or the{' '}
          <a href={relativeHref(path, 'timeline.html')}>timeline</a>.
        </p>
      </div>
      <Cite site={site} path={path} what={`Search of ${site.title}`} />
    </Layout>
  );
}

/**
 * The one page that shows a chart alone, for an iframe in someone else's story: it fills the frame's
 * width. Which chart is in its fragment (`embed.html#stance=rel:x`); the script reads it, draws the
 * chart and writes its name, caption and link to the chart's page.
 */
export function EmbedPage({ site }: { site: Site }) {
  const path = EMBED_PATH;
  const label = 'A chart';
  return (
    <html lang="en">
      <head>
        <HeadBasics />
        <title>{pageTitle(label, site.title)}</title>
        <meta name="robots" content="noindex" />
        <link rel="stylesheet" href={site.assetHref(path, 'site.css')} />
        <ChartScripts site={site} path={path} />
      </head>
      <body class="embed-page" data-page="embed">
        <main id="main">
          {/* The chart is the page: its heading is for screen readers and outlines, the caption shows it. */}
          <h1 class="visually-hidden">{label}</h1>
          <figure class="chart" data-embed="">
            <div class="chart-canvas" role="img" aria-label={label}>
              <p class="chart-note">
                {label} of {site.title}. The chart is drawn with JavaScript.
              </p>
            </div>
            <figcaption>
              <a href={relativeHref(path, 'index.html')} target="_blank" rel="noopener">
                {site.title}
              </a>
              {site.meta.version ? ` ${site.meta.version}` : ''}
            </figcaption>
          </figure>
        </main>
      </body>
    </html>
  );
}
