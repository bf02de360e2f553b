/**
 * @claimgraph/site — a static website of a claimgraph release: pre-rendered pages for every
 * entity, relation, statement and source, a speaker's perspective, a timeline and downloads, with
 * client-side search and charts. Node-only: it reads vega's browser builds and writes files.
 */
export { buildSite, siteFiles, SITE_MARKER, type SiteFiles } from './build.js';
export { writeSite, type WrittenSite } from './write.js';
export {
  SiteError,
  SiteInputError,
  SiteOptionError,
  SiteOutError,
  SitePermalinkError,
  SiteSetupError,
} from './errors.js';
export { loadSiteInput, shortName, titleFromName, type LoadedSiteInput } from './release.js';
export {
  SITE_DEFAULTS,
  type SiteDataset,
  type SiteInput,
  type SiteMeta,
  type SiteOptions,
  type ReleaseFile,
} from './model.js';
export {
  recordPath,
  perspectivePath,
  embedPath,
  EMBED_PATH,
  encodePart,
  statementPath,
  statementHref,
  statementFragment,
  STATEMENT_PAGES,
  pathToUrl,
  relativeHref,
  RESERVED_FOLDERS,
} from './permalink.js';
export type { ChartRef } from './charts.js';
