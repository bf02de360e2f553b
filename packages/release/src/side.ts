/**
 * One side of a comparison (`claimgraph diff`, the release check): a dataset as a release or a
 * source folder, with its name, version and the vocabulary it was published with.
 */
import { join } from 'node:path';
import { formatIssue, vocabularyDocument, type Dataset, type VocabularyDocument } from '@claimgraph/schema';
import { checkDataset, readJsonFile } from '@claimgraph/schema/node';
import { CommandError, EXIT } from './errors.js';

export interface ReleaseSide {
  /** The package name (`@claimgraph/dataset-afghanistan-2021`), when known. */
  name?: string;
  version?: string;
  dataset: Dataset;
  /** A release's own `vocabulary.json`; for a source folder, the installed vocabulary. */
  vocabulary: VocabularyDocument;
}

/**
 * Reads and validates the dataset at `path` (any layout `locateDataset` accepts). Its hashes are not
 * checked here: the caller checks a release once, before reading it (`releaseIntegrity`). A dataset
 * that does not validate is a `CommandError` naming `label` (the path as the user wrote it) and its
 * first five problems.
 */
export async function loadReleaseSide(path: string, label: string = path): Promise<ReleaseSide> {
  const { read, result, dataset } = await checkDataset(path);
  if (!dataset) {
    const shown = result.errors
      .slice(0, 5)
      .map((e) => `  ${formatIssue(e)}`)
      .join('\n');
    const count = result.errors.length;
    throw new CommandError(
      `${label}: not a valid dataset (${count} problem${count === 1 ? '' : 's'}; run "claimgraph validate ${label}"):\n${shown}`,
      EXIT.invalid,
    );
  }
  // Releases carry the vocabulary they were built with; source folders use the installed one.
  let vocabulary: VocabularyDocument = vocabularyDocument();
  if (read.located.layout === 'release') {
    const published = await readJsonFile(join(read.located.dir, 'vocabulary.json'), 'vocabulary.json', {
      holds: 'a JSON object',
    });
    if (published.ok) vocabulary = published.value as VocabularyDocument;
  }
  return { name: read.meta.name, version: read.meta.version, dataset, vocabulary };
}

/**
 * A kept release, as it was published: its records are read without validating them again, since
 * they were valid under the rules they were built with, and a rule added since (a new exclusion, a
 * stricter text check) must not stop the next release from being compared with them. The caller
 * verifies the files against `datapackage.json` first, so what is read is what was published.
 */
export async function loadKeptRelease(dir: string): Promise<ReleaseSide> {
  const read = async (file: string) => {
    const result = await readJsonFile(join(dir, file), file);
    if (!result.ok) throw new CommandError(`${dir}/${formatIssue(result.issue)}`, EXIT.invalid);
    return result.value;
  };
  const dataset = (await read('dataset.json')) as Partial<Record<string, unknown>>;
  const missing = ['entities', 'relations', 'statements', 'sources'].find((kind) => !Array.isArray(dataset?.[kind]));
  if (missing)
    throw new CommandError(
      `${dir}/dataset.json: /${missing} is not a list of records; is this a claimgraph release?`,
      EXIT.invalid,
    );
  const { id, version } = (await read('datapackage.json')) as { id?: string; version?: string };
  return {
    name: id,
    version,
    dataset: dataset as unknown as Dataset,
    vocabulary: (await read('vocabulary.json')) as VocabularyDocument,
  };
}
