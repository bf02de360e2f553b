/** Loads one side of a diff: the dataset, its version and the vocabulary it was published with. */
import { vocabularyDocument, type Dataset } from '@claimgraph/schema';
import { checkDataset, readJsonFile } from '@claimgraph/schema/node';
import type { VocabularyDocument } from '@claimgraph/sdk';
import { join } from 'node:path';
import { CliError, EXIT } from '../errors.js';
import { plural } from '../output.js';
import { formatIssue } from '@claimgraph/schema';

export interface DiffSide {
  label: string;
  name?: string;
  version?: string;
  dataset: Dataset;
  vocabulary: VocabularyDocument;
}

export async function loadDiffSide(path: string, label = path): Promise<DiffSide> {
  const { read, result, dataset } = await checkDataset(path);
  if (!dataset) {
    const shown = result.errors
      .slice(0, 5)
      .map((e) => `  ${formatIssue(e)}`)
      .join('\n');
    throw new CliError(
      `${label}: not a valid dataset (${plural(result.errors.length, 'problem')}; run "claimgraph validate ${label}"):\n${shown}`,
      EXIT.invalid,
    );
  }
  // Releases carry the vocabulary they were built with; source folders use the installed one.
  let vocabulary = vocabularyDocument() as unknown as VocabularyDocument;
  if (read.located.layout === 'release') {
    const published = await readJsonFile(join(read.located.dir, 'vocabulary.json'), 'vocabulary.json');
    if (published.ok) vocabulary = published.value as VocabularyDocument;
  }
  return {
    label: read.meta.version ? `${label} (${read.meta.version})` : label,
    name: read.meta.name,
    version: read.meta.version,
    dataset,
    vocabulary,
  };
}
