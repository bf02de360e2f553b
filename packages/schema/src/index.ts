/**
 * @claimgraph/schema — the claimgraph data model: record types, JSON Schemas, controlled
 * vocabularies and the dataset validator. Runs anywhere; file access lives in `@claimgraph/schema/node`.
 */
export { ClaimgraphBaseError } from './errors.js';
export * from './vocabulary.js';
export * from './dates.js';
export {
  EntitySchema,
  EntitySchemas,
  RelationSchema,
  StatementSchema,
  SourceSchema,
  RedirectSchema,
  REDIRECTS_FILE,
  COVERAGE_FILE,
  CoverageSchema,
  AnchorSchema,
  AppearanceSchema,
  TextPositionSelectorSchema,
  TextQuoteSelectorSchema,
  SELECTOR_CONTEXT_MAX_LENGTH,
  LANGUAGE_PATTERN,
  DatasetSchema,
  RECORD_KINDS,
  RECORD_FILES,
  RECORD_SCHEMAS,
  ID_PATTERNS,
  SCHEMA_BASE_URL,
  CONTEXT_MAX_LENGTH,
  type Entity,
  type Relation,
  type Statement,
  type Source,
  type Redirect,
  type Coverage,
  type Appearance,
  type Anchor,
  type Dataset,
  type RecordKind,
} from './records.js';
export { jsonSchemas } from './json-schema.js';
export {
  validateDataset,
  compareIds,
  recordFiles,
  MAX_RECORDS,
  validateCoverage,
  type ValidateOptions,
} from './validate.js';
export { outsideCoverage } from './coverage.js';
export {
  exactHoldsWords,
  sameUtterance,
  findRepeatedStatements,
  statementIdentity,
  wordsProblems,
  type RepeatedStatement,
} from './words.js';
export { formatIssue, printable, sortIssues, type ValidationIssue, type ValidationResult } from './issues.js';
export { fragmentProblem, nameProblem, textProblem } from './text.js';
export { fold, foldedDifference, wordsKey, type DifferenceKind, type Folded } from './fold.js';
/**
 * @deprecated Internal helpers, not covered by semver: import them from `@claimgraph/schema/internal`.
 * Kept here until the chart helpers and the release code import them from there.
 */
export { maxOf, minOf, pushAll } from './arrays.js';
export { isAbsoluteUrl } from './schema-check.js';
export {
  canonicalCoverage,
  canonicalDataset,
  canonicalRecord,
  isCanonicalRecord,
  serializeDataset,
  serializeDatasetChunks,
} from './canonical.js';
export {
  EXCLUSIONS,
  exclusionsOf,
  findExclusionConflicts,
  type ExclusionConflict,
  type Exclusions,
} from './exclusions.js';
export { summarizeDataset, type DatasetSummary } from './summary.js';
export * from './columns/index.js';
export { datasetName } from './dataset-name.js';
