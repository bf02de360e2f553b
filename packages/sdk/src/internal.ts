/**
 * What the other claimgraph packages share with the SDK and users should not rely on: the
 * `./internal` subpath, outside semver and the API report (as in `@claimgraph/schema`).
 */
export { checkedReleaseNdjsonFiles, checkedReleaseParquetFiles } from './export/export.js';
