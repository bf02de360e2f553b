/** Dataset diffs and the data semver policy. */
export { diff, maxBump, bumpCovers, relationStatuses, type DiffOptions, type DiffInput } from './diff.js';
export { diffVocabulary, type VocabularyDocument } from './vocabulary.js';
export { formatDiff } from './format.js';
export type * from './types.js';
