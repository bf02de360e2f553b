/**
 * @claimgraph/release — the life cycle of a claimgraph dataset release, in Node: build a release
 * from a source folder, verify it against its `datapackage.json`, check it once before reading it,
 * and keep each published release to compare the next one with under the data semver policy.
 */
export { buildRelease, type BuildOptions, type BuildResult, type ReleaseExtraFile } from './build.js';
export { verifyRelease, VERIFY_DEFAULTS, type VerifyOptions } from './verify.js';
export { JSON_SCHEMA, PARTITION, TABLE, parquetTableFiles, resourceJsonSchema } from './datapackage.js';
export { releaseIntegrity, type ReleaseIntegrity } from './integrity.js';
export { isClaimgraphRelease, realPathOf } from './folder.js';
export { loadReleaseSide, loadKeptRelease, type ReleaseSide } from './side.js';
export {
  checkDatasetRelease,
  recordRelease,
  recordedReleases,
  latestRelease,
  snapshotProblem,
  issueLines,
  RELEASES_DIR,
  type DatasetCheck,
} from './kept.js';
export { CommandError, EXIT, type CommandErrorCode } from './errors.js';
