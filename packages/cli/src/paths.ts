/** Resolves the dataset a command works on. */
import { locateDataset } from '@claimgraph/schema/node';
import { CliError } from './errors.js';

/** The given path, checked to be a dataset; the current folder when none is given. */
export async function resolveDatasetPath(path: string | undefined): Promise<string> {
  const target = path ?? '.';
  try {
    await locateDataset(target);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  return target;
}
