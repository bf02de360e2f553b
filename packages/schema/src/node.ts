/**
 * @claimgraph/schema/node — Node-only helpers: read datasets from disk in any layout, validate
 * them, and format a source folder (building and verifying releases is `@claimgraph/release`).
 */
export {
  readJsonFile,
  parseJsonText,
  parseJsonBytes,
  type JsonReadResult,
  type ReadJsonOptions,
} from './node/read-json.js';
export {
  hashRegularFile,
  readRegularFile,
  readProblem,
  readRegularFileOrThrow,
  type RegularFileHash,
  type RegularFileRead,
} from './node/regular-file.js';
export {
  writeFileAtomic,
  writeNewFile,
  PendingFlushes,
  writeFailure,
  makeFolder,
  writeFilesAtomic,
  stageFile,
  type StagedFile,
  removeStaleTemporaries,
  isProcessAlive,
  syncFolder,
  syncFiles,
  type WriteContent,
  type WrittenFile,
  type WriteFileAtomicOptions,
} from './node/atomic-write.js';
export {
  lockFolder,
  FolderLockedError,
  lockFileOf,
  type FolderLock,
  type LockFolderOptions,
} from './node/folder-lock.js';
export {
  openFolderTransaction,
  withFolderTransaction,
  type FolderTransaction,
  type FolderChange,
  type CommitOptions,
  type OpenTransactionOptions,
} from './node/folder-transaction.js';
// For @claimgraph/release, which writes release folders with the same temporary names and messages.
export { temporarySibling } from './node/atomic-write.js';
export { describeType } from './schema-check.js';
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
export { checkDataset, type CheckedDataset, type ProgressListener } from './node/check-dataset.js';
export { formatDatasetSource, type FormattedSource } from './node/format-source.js';
