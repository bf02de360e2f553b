/**
 * buildSite and siteFiles: every file of a release's static site, in memory in path order, or one at a
 * time as each is made. The same input gives the same bytes: no clock, no randomness, every list sorted.
 */
import { createHash } from 'node:crypto';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { canonicalDataset, serializeDataset, type Statement } from '@claimgraph/schema';
import { SiteInputError } from './errors.js';
import { sharedAssets } from './assets.js';
import { searchIndex } from './search/index-files.js';
import {
  datasetPath,
  listPagePath,
  paginate,
  resolveOptions,
  Site,
  type ResolvedOptions,
  type SiteInput,
  type SiteMeta,
  type SiteOptions,
} from './model.js';
import { EMBED_PATH, perspectivePath, recordPath, statementPath } from './permalink.js';
import { omitVoidSlashes } from './void-elements.js';
import { DatasetPage, datasetCounts } from './pages/dataset.js';
import { AboutPage, ABOUT_PATH } from './pages/about.js';
import { EntityPage } from './pages/entity.js';
import { HomePage, HOME_PATH } from './pages/home.js';
import { EntitiesPage, entityOrder, RelationsPage, relationOrder, TimelinePage, timelineOrder } from './pages/lists.js';
import { PerspectivePage } from './pages/perspective.js';
import { NotFoundPage, NOT_FOUND_PATH } from './pages/not-found.js';
import { RedirectPage, SourcePage, StatementsPage } from './pages/records.js';
import { RelationPage } from './pages/relation.js';
import { RulesPage } from './pages/rules.js';
import { RULES_PATH } from './rule-links.js';
import { DownloadsPage, EmbedPage, SearchPage, type DownloadFile } from './pages/service.js';

/** A site: file paths relative to its root (with `/`), in order, and their contents. */
export type SiteFiles = Map<string, string | Uint8Array>;

// Pages are kept as bytes: off the JavaScript heap, so a large site does not keep the collector busy.
const html = (page: VNode): Uint8Array =>
  Buffer.from(`<!DOCTYPE html>\n${omitVoidSlashes(renderToString(page))}\n`, 'utf8');
const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

/**
 * Every file of the site, one at a time, as each is made: a caller that writes each away (writeSite
 * does) holds one page at a time, so memory does not grow with the site. Not in path order.
 */
export function siteFiles(input: SiteInput, options?: SiteOptions): Generator<[string, string | Uint8Array]> {
  // Options are checked now, not when the first file is asked for.
  const o = resolveOptions(options);
  const meta = { ...input.meta };
  return files(input, new Site(input, meta, o), meta, o);
}

function* files(
  input: SiteInput,
  site: Site,
  meta: SiteMeta,
  o: ResolvedOptions,
): Generator<[string, string | Uint8Array]> {
  const paths = new Set<string>();
  const file = (path: string, content: string | Uint8Array): [string, string | Uint8Array] => {
    if (paths.has(path)) throw new SiteInputError(`two pages want the path ${path}`);
    paths.add(path);
    return [path, content];
  };

  for (const [name, { path, content }] of sharedAssets(meta, site.data, site.absoluteUrl(EMBED_PATH))) {
    yield file(path, content);
    site.assetPaths.set(name, path);
  }

  // Release files, for the downloads page: the release as given, or the dataset.json it amounts to.
  const release = input.releaseFiles?.length
    ? [...input.releaseFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    : [{ path: 'dataset.json', content: new TextEncoder().encode(serializeDataset(canonicalDataset(site.data))) }];
  const downloads: DownloadFile[] = [];
  for (const entry of release) {
    if (entry.path.split('/').some((part) => part === '..' || part === '' || part === '.'))
      throw new SiteInputError(`release file "${entry.path}" is not a plain relative path`);
    yield file(`release/${entry.path}`, entry.content);
    downloads.push({ path: entry.path, bytes: entry.content.byteLength, sha256: sha256(entry.content) });
  }
  // A generator keeps its locals until it ends: what is written is let go, for the collector.
  release.length = 0;

  yield file(HOME_PATH, html(<HomePage site={site} />));
  const index = searchIndex(site.data);
  for (const [path, content] of index.files) yield file(path, content);
  index.files.clear();
  yield file('search.html', html(<SearchPage site={site} index={index} />));
  yield file(ABOUT_PATH, html(<AboutPage site={site} />));
  yield file('downloads.html', html(<DownloadsPage site={site} files={downloads} />));
  yield file(RULES_PATH, html(<RulesPage site={site} />));
  yield file(EMBED_PATH, html(<EmbedPage site={site} />));
  const prefixes = [...new Set(site.data.statements.map((s) => s.id.slice(0, s.id.indexOf(':'))))];
  yield file(NOT_FOUND_PATH, html(<NotFoundPage site={site} prefixes={prefixes} />));
  const counts = datasetCounts(site);
  for (const dataset of site.datasets)
    yield file(
      datasetPath(dataset.name),
      html(<DatasetPage site={site} dataset={dataset} counts={counts.get(dataset.name)!} />),
    );

  const relations = relationOrder(site);
  const entities = entityOrder(site);
  const timeline = timelineOrder(site);
  for (const [list, all, Page] of [
    ['relations', relations, RelationsPage],
    ['entities', entities, EntitiesPage],
    ['timeline', timeline, TimelinePage],
  ] as const) {
    const { pages } = paginate(all as unknown[], 1, o.pageSize);
    for (let page = 1; page <= pages; page++) {
      const Component = Page as (props: { site: Site; all: unknown[]; page: number }) => VNode;
      yield file(listPagePath(list, page), html(<Component site={site} all={all as unknown[]} page={page} />));
    }
  }

  for (const relation of site.data.relations)
    yield file(recordPath(relation.id), html(<RelationPage site={site} relation={relation} />));
  for (const entity of site.data.entities) {
    yield file(recordPath(entity.id), html(<EntityPage site={site} entity={entity} />));
    if (site.speakers.has(entity.id))
      yield file(perspectivePath(entity.id), html(<PerspectivePage site={site} speaker={entity} />));
  }
  // Statements share pages, by a hash of their ids: a page's statements in the dataset's (id) order.
  const pages = new Map<string, Statement[]>();
  for (const statement of site.data.statements) {
    const path = statementPath(statement.id);
    const list = pages.get(path);
    if (list) list.push(statement);
    else pages.set(path, [statement]);
  }
  for (const path of [...pages.keys()].sort())
    yield file(path, html(<StatementsPage site={site} path={path} statements={pages.get(path)!} />));
  for (const source of site.data.sources)
    yield file(recordPath(source.id), html(<SourcePage site={site} source={source} />));
  for (const redirect of site.data.redirects ?? [])
    yield file(recordPath(redirect.from), html(<RedirectPage site={site} from={redirect.from} to={redirect.to} />));

  // A marker, so that writing a site again may replace this folder and no other.
  yield file(
    SITE_MARKER,
    `${JSON.stringify({ generator: '@claimgraph/site', dataset: meta.name, version: meta.version ?? null, files: paths.size + 1 }, null, 2)}\n`,
  );
}

/** Every file of the site, in memory, in path order (siteFiles collected): for tests and small sites. */
export function buildSite(input: SiteInput, options?: SiteOptions): SiteFiles {
  return new Map([...siteFiles(input, options)].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The file that marks a folder as a site this package wrote. */
export const SITE_MARKER = 'claimgraph-site.json';
