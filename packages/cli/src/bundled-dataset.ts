/**
 * The dataset a command reads when `--dataset` is not given: the bundled
 * @claimgraph/dataset-afghanistan-2021 release, found from the current folder or from the CLI itself.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatasetPathError, resolveDatasetPackage } from '@claimgraph/schema/node';
import { resolveDatasetArg } from './dataset-arg.js';
import { CliError } from './errors.js';
import type { CliIO } from './io.js';

export const BUNDLED_DATASET = '@claimgraph/dataset-afghanistan-2021';

/**
 * The `--dataset` argument resolved (a path or an installed package name), or the bundled dataset's
 * release folder: `path` for the file system, `given` for messages (the argument as typed).
 */
export function datasetOrBundled(io: CliIO, arg: string | undefined): { given: string; path: string } {
  if (arg !== undefined) return { given: arg, path: resolveDatasetArg(arg, io.cwd) };
  for (const from of [resolve(io.cwd), fileURLToPath(import.meta.url)]) {
    try {
      const { path } = resolveDatasetPackage(BUNDLED_DATASET, from);
      return { given: path, path };
    } catch (error) {
      // Not installed where this looked; try the next place.
      if (!(error instanceof DatasetPathError)) throw error;
    }
  }
  throw new CliError(
    `no --dataset given, and the bundled dataset ${BUNDLED_DATASET} is not installed; pass --dataset PATH (a release folder, dataset.json or source folder) or npm install ${BUNDLED_DATASET}`,
  );
}
