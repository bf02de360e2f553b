/**
 * What the other claimgraph packages share with the SDK and users should not rely on: the
 * `./internal` subpath, outside semver and the API report (as in `@claimgraph/schema`).
 */
export { checkedReleaseNdjsonFiles, checkedReleaseParquetFiles } from './export/export.js';
// For the release build's dataset.ndjson, made from the lines of dataset.json (@claimgraph/release).
export { appearanceLines, line as ndjsonLine, NDJSON_KINDS, withoutAppearances } from './export/ndjson.js';
