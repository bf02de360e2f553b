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
export { readRegularFile, readRegularFileOrThrow, type RegularFileRead } from './node/regular-file.js';
export {
  writeFileAtomic,
  writeNewFile,
  writeFailure,
  writeFilesAtomic,
  stageFile,
  type StagedFile,
  removeStaleTemporaries,
  isProcessAlive,
  type WriteContent,
  type WrittenFile,
  type WriteFileAtomicOptions,
} from './node/atomic-write.js';
export { isClaimgraphRelease, realPathOf } from './node/release-folder.js';
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
