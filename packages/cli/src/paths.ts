/** Resolves the dataset a command works on. */
import { locateDataset, type LocatedDataset } from '@claimgraph/schema/node';
import { CliError } from './errors.js';
import { asGiven, fsPath, type CliIO } from './io.js';

/** A dataset path as the user gave it (for messages) and as the file system reads it. */
export interface DatasetPath {
  given: string;
  path: string;
  located: LocatedDataset;
}

/**
 * The given path, checked to be a dataset; the current folder when none is given. `path` is where
 * it was found when that is not the argument itself (an installed package's folder).
 */
export async function resolveDatasetPath(
  io: CliIO,
  given: string | undefined,
  path: string = fsPath(io, given ?? '.'),
): Promise<DatasetPath> {
  const target = given ?? '.';
  try {
    return { given: target, path, located: await locateDataset(path) };
  } catch (error) {
    throw new CliError(asGiven((error as Error).message, path, target));
  }
}
