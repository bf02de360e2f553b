/**
 * @claimgraph/schema/node — Node-only helpers: read datasets from disk in any layout, validate
 * them, build and verify releases.
 */
export {
  readJsonFile,
  parseJsonText,
  parseJsonBytes,
  type JsonReadResult,
  type ReadJsonOptions,
} from './node/read-json.js';
export { writeFileAtomic, type WriteContent, type WrittenFile } from './node/atomic-write.js';
export { releaseIntegrity, type ReleaseIntegrity } from './node/integrity.js';
export { resolveDatasetPackage, parsePackageSpec, type InstalledDataset } from './node/dataset-package.js';
export {
  readDataset,
  locateDataset,
  DatasetPathError,
  type ReadDatasetResult,
  type LocatedDataset,
  type DatasetLayout,
  type DatasetMeta,
} from './node/dataset-files.js';
export {
  checkDataset,
  buildRelease,
  verifyRelease,
  formatDatasetSource,
  type CheckedDataset,
  type BuildOptions,
  type BuildResult,
  type ReleaseExtraFile,
  type ProgressListener,
} from './node/release.js';
