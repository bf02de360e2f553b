/** Loads one side of a release check: a dataset (release or source folder), its version and the vocabulary it was published with. */
import { formatIssue, vocabularyDocument, type Dataset } from '@claimgraph/schema';
import { checkDataset, readJsonFile } from '@claimgraph/schema/node';
import type { VocabularyDocument } from '@claimgraph/sdk';
import { join } from 'node:path';
import { EXIT, ReleaseToolsError } from './errors.js';

export interface ReleaseSide {
  version?: string;
  dataset: Dataset;
  vocabulary: VocabularyDocument;
}

export async function loadSide(path: string): Promise<ReleaseSide> {
  const { read, result, dataset } = await checkDataset(path);
  if (!dataset) {
    const shown = result.errors
      .slice(0, 5)
      .map((e) => `  ${formatIssue(e)}`)
      .join('\n');
    throw new ReleaseToolsError(
      `${path}: not a valid dataset (${result.errors.length} problem${result.errors.length === 1 ? '' : 's'}; run "claimgraph validate ${path}"):\n${shown}`,
      EXIT.invalid,
    );
  }
  // Releases carry the vocabulary they were built with; source folders use the installed one.
  let vocabulary = vocabularyDocument() as unknown as VocabularyDocument;
  if (read.located.layout === 'release') {
    const published = await readJsonFile(join(read.located.dir, 'vocabulary.json'), 'vocabulary.json');
    if (published.ok) vocabulary = published.value as VocabularyDocument;
  }
  return { version: read.meta.version, dataset, vocabulary };
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
    if (!result.ok) throw new ReleaseToolsError(`${dir}/${formatIssue(result.issue)}`, EXIT.invalid);
    return result.value;
  };
  const dataset = (await read('dataset.json')) as Partial<Record<string, unknown>>;
  const missing = ['entities', 'relations', 'statements', 'sources'].find((kind) => !Array.isArray(dataset?.[kind]));
  if (missing)
    throw new ReleaseToolsError(
      `${dir}/dataset.json: /${missing} is not a list of records; is this a claimgraph release?`,
      EXIT.invalid,
    );
  const { version } = (await read('datapackage.json')) as { version?: string };
  return {
    version,
    dataset: dataset as unknown as Dataset,
    vocabulary: (await read('vocabulary.json')) as VocabularyDocument,
  };
}
