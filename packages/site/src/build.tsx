/**
 * buildSite: every file of a release's static site, in memory, in path order. The same input gives
 * the same bytes: no clock, no randomness, every list sorted.
 */
import { createHash } from 'node:crypto';
import type { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { canonicalDataset, serializeDataset } from '@claimgraph/schema';
import { SiteInputError } from './errors.js';
import { sharedAssets } from './assets.js';
import { searchIndex } from './search/index-files.js';
import { entityChart, perspectiveChart, relationChart, timelineChart, type PageChart } from './charts.js';
import {
  datasetPath,
  listPagePath,
  paginate,
  resolveOptions,
  Site,
  type SiteInput,
  type SiteOptions,
} from './model.js';
import { embedPath, perspectivePath, recordPath } from './permalink.js';
import { omitVoidSlashes } from './void-elements.js';
import { DatasetPage, datasetCounts } from './pages/dataset.js';
import { AboutPage, ABOUT_PATH } from './pages/about.js';
import { EntityPage } from './pages/entity.js';
import { HomePage, HOME_PATH } from './pages/home.js';
import {
  EntitiesPage,
  entityOrder,
  RelationsPage,
  relationOrder,
  TimelinePage,
  timelineOrder,
  timelineRelations,
} from './pages/lists.js';
import { PerspectivePage } from './pages/perspective.js';
import { RedirectPage, SourcePage, StatementPage } from './pages/records.js';
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

export function buildSite(input: SiteInput, options?: SiteOptions): SiteFiles {
  const o = resolveOptions(options);
  const meta = { ...input.meta };
  const site = new Site(input, meta, o);
  const files: SiteFiles = new Map();
  const add = (path: string, content: string | Uint8Array) => {
    if (files.has(path)) throw new SiteInputError(`two pages want the path ${path}`);
    files.set(path, content);
  };
  const embeds: { path: string; chart: PageChart }[] = [];

  for (const [name, { path, content }] of sharedAssets(meta, site.data)) {
    add(path, content);
    site.assetPaths.set(name, path);
  }

  // Release files, for the downloads page: the release as given, or the dataset.json it amounts to.
  const release = input.releaseFiles?.length
    ? [...input.releaseFiles].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    : [{ path: 'dataset.json', content: new TextEncoder().encode(serializeDataset(canonicalDataset(site.data))) }];
  const downloads: DownloadFile[] = [];
  for (const file of release) {
    if (file.path.split('/').some((part) => part === '..' || part === '' || part === '.'))
      throw new SiteInputError(`release file "${file.path}" is not a plain relative path`);
    add(`release/${file.path}`, file.content);
    downloads.push({ path: file.path, bytes: file.content.byteLength, sha256: sha256(file.content) });
  }

  add(HOME_PATH, html(<HomePage site={site} />));
  const index = searchIndex(site.data);
  for (const [path, content] of index.files) add(path, content);
  add('search.html', html(<SearchPage site={site} index={index} />));
  add(ABOUT_PATH, html(<AboutPage site={site} />));
  add('downloads.html', html(<DownloadsPage site={site} files={downloads} />));
  add(RULES_PATH, html(<RulesPage site={site} />));
  const counts = datasetCounts(site);
  for (const dataset of site.datasets)
    add(
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
      add(listPagePath(list, page), html(<Component site={site} all={all as unknown[]} page={page} />));
    }
  }
  const drawn = timelineRelations(site);
  if (drawn.length) embeds.push({ path: 'timeline.html', chart: timelineChart(drawn) });

  for (const relation of site.data.relations) {
    const path = recordPath(relation.id);
    add(path, html(<RelationPage site={site} relation={relation} />));
    embeds.push({ path, chart: relationChart(site, relation) });
  }
  for (const entity of site.data.entities) {
    const path = recordPath(entity.id);
    add(path, html(<EntityPage site={site} entity={entity} />));
    if (site.cg.relations({ entity: entity.id }).length) embeds.push({ path, chart: entityChart(entity) });
    if (site.speakers.has(entity.id)) {
      const perspective = perspectivePath(entity.id);
      add(perspective, html(<PerspectivePage site={site} speaker={entity} />));
      embeds.push({ path: perspective, chart: perspectiveChart(entity) });
    }
  }
  for (const statement of site.data.statements)
    add(recordPath(statement.id), html(<StatementPage site={site} statement={statement} />));
  for (const source of site.data.sources) add(recordPath(source.id), html(<SourcePage site={site} source={source} />));
  for (const redirect of site.data.redirects ?? [])
    add(recordPath(redirect.from), html(<RedirectPage site={site} from={redirect.from} to={redirect.to} />));

  for (const { path, chart } of embeds) {
    const at = embedPath(path);
    add(at, html(<EmbedPage site={site} path={at} pagePath={path} chart={chart.chart} label={chart.label} />));
  }

  // A marker, so that writing a site again may replace this folder and no other.
  add(
    SITE_MARKER,
    `${JSON.stringify({ generator: '@claimgraph/site', dataset: meta.name, version: meta.version ?? null, files: files.size + 1 }, null, 2)}\n`,
  );
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The file that marks a folder as a site this package wrote. */
export const SITE_MARKER = 'claimgraph-site.json';
