/**
 * The datasets a reading command works on: each `--dataset` (the bundled one when none is given)
 * resolved and integrity-checked once, then loaded as one graph, merged when there are several.
 */
import type { ClaimGraph } from '@claimgraph/sdk';
import { datasetOrBundled } from './bundled-dataset.js';
import { CliError, EXIT } from './errors.js';
import { checkIntegrity } from './integrity.js';
import { asGiven, fsPath, type CliIO } from './io.js';
import { resolveDatasetPath } from './paths.js';

/** The options every reading command takes: `--dataset` (repeatable) and `--judgements`. */
export interface DatasetFlags {
  dataset?: string[];
  judgements?: string;
}

/** A dataset as the user gave it (for messages) and where the file system finds it. */
export interface ChosenDataset {
  given: string;
  path: string;
}

/** Whether the command reads a merged graph: several datasets, or a judgements file. */
export const isMerge = (flags: DatasetFlags): boolean =>
  (flags.dataset?.length ?? 0) > 1 || flags.judgements !== undefined;

/** Each `--dataset` resolved and its release checked against its datapackage.json, in the order given. */
export async function chooseDatasets(io: CliIO, flags: DatasetFlags): Promise<ChosenDataset[]> {
  const args = flags.dataset?.length ? flags.dataset : [undefined];
  const chosen: ChosenDataset[] = [];
  for (const arg of args) {
    const found = datasetOrBundled(io, arg);
    const { given, path } = await resolveDatasetPath(io, found.given, found.path);
    await checkIntegrity(io, path, given);
    chosen.push({ given, path });
  }
  return chosen;
}

/**
 * One graph of the chosen datasets: the dataset itself when there is one (and no judgements), else
 * their merge. The SDK does not check the releases again: `chooseDatasets` did. A dataset that
 * does not load, a judgements file that is wrong or a clash between datasets is one line, exit 1.
 */
export async function openGraph(
  io: CliIO,
  flags: DatasetFlags,
  chosen?: ChosenDataset[],
): Promise<{ cg: ClaimGraph; chosen: ChosenDataset[] }> {
  const datasets = chosen ?? (await chooseDatasets(io, flags));
  const { ClaimGraph } = await import('@claimgraph/sdk');
  const judgements = flags.judgements === undefined ? undefined : fsPath(io, flags.judgements);
  try {
    const cg = isMerge(flags)
      ? await ClaimGraph.load(
          datasets.map((d) => d.path),
          { integrity: false, judgements },
        )
      : await ClaimGraph.load(datasets[0]!.path, { integrity: false });
    return { cg, chosen: datasets };
  } catch (error) {
    throw await loadError(error, datasets, flags.judgements, judgements);
  }
}

/**
 * An SDK error on loading as a CliError (paths written as the user gave them), or the error itself
 * when it is a bug: exit 1 for data (a load, validation or merge error), 2 for anything else.
 */
async function loadError(
  error: unknown,
  chosen: readonly ChosenDataset[],
  givenJudgements: string | undefined,
  judgements: string | undefined,
): Promise<unknown> {
  const sdk = await import('@claimgraph/sdk');
  if (!(error instanceof sdk.ClaimGraphError)) return error;
  let message = error.message.replace(/^@claimgraph\/sdk: /, '');
  for (const { path, given } of chosen) message = asGiven(message, path, given);
  if (judgements !== undefined && givenJudgements !== undefined)
    message = asGiven(message, judgements, givenJudgements);
  const data =
    error instanceof sdk.ClaimGraphLoadError ||
    error instanceof sdk.ClaimGraphValidationError ||
    error instanceof sdk.ClaimGraphMergeError;
  return new CliError(message, data ? EXIT.invalid : EXIT.usage);
}

/** "afghanistan-2021 v2.0.0 + taliban-haqqani v0.1.0": the datasets of a graph, for credit lines and titles. */
export function datasetsLabel(cg: ClaimGraph): string {
  return cg.datasets.map((d) => `${d.name}${d.version ? ` v${d.version}` : ''}`).join(' + ');
}
