/**
 * Reading and validating a dataset folder in any layout: the first step of every command that reads
 * data (validate, info, export, a release build), with the rules a source or a release is held to.
 */
import { join } from 'node:path';
import { sortIssues, type ValidationResult } from '../issues.js';
import type { Dataset } from '../records.js';
import { validateDataset } from '../validate.js';
import { exclusionsOf, type Exclusions } from '../exclusions.js';
import { readDataset, type ReadDatasetResult } from './dataset-files.js';
import { readJsonFile } from './read-json.js';

export type ProgressListener = (step: string) => void;

export interface CheckedDataset {
  read: ReadDatasetResult;
  result: ValidationResult;
  /** The dataset, present when valid. */
  dataset?: Dataset;
}

/** Reads and validates a dataset in any layout. Release files need not be sorted by id. */
export async function checkDataset(path: string, onProgress?: ProgressListener): Promise<CheckedDataset> {
  onProgress?.('reading');
  const read = await readDataset(path);
  if (read.data === undefined) return { read, result: { valid: false, errors: sortIssues(read.issues) } };
  onProgress?.('validating');
  const release = read.located.layout === 'release';
  const result = validateDataset(read.data, {
    files: read.files,
    requireSorted: !release,
    // A release is held to the vocabulary it was published with (exclusions it predates do not apply).
    exclusions: release ? await publishedExclusions(read.located.dir) : undefined,
  });
  const errors = sortIssues([...read.issues, ...result.errors]);
  const valid = errors.length === 0;
  return { read, result: { valid, errors }, dataset: valid ? (read.data as Dataset) : undefined };
}

/** The exclusions of the `vocabulary.json` beside a release's dataset, or none when it has none. */
async function publishedExclusions(dir: string): Promise<Exclusions> {
  const vocabulary = await readJsonFile(join(dir, 'vocabulary.json'), 'vocabulary.json', { holds: 'a JSON object' });
  return vocabulary.ok ? exclusionsOf(vocabulary.value) : {};
}
