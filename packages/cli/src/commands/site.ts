/**
 * `claimgraph site --out DIR`: a static website of a dataset release, written by @claimgraph/site
 * (loaded only when this command runs: it brings Preact and vega's browser builds).
 */
import { pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';
import type { SiteDataset, SiteInput } from '@claimgraph/site';
import { FolderLockedError, lockFolder, makeFolder, readDataset, type FolderLock } from '@claimgraph/schema/node';
import { chooseDatasets, isMerge, openGraph, type ChosenDataset, type DatasetFlags } from '../datasets.js';
import { CliError, EXIT } from '../errors.js';
import { asGiven, fsPath, shownPath, type CliIO } from '../io.js';
import { printIssues } from '../output.js';

export interface SiteFlags extends DatasetFlags {
  out: string;
  baseUrl?: string;
  title?: string;
  pageSize?: string;
}

export async function siteCommand(io: CliIO, flags: SiteFlags): Promise<number> {
  const pageSize = flags.pageSize === undefined ? undefined : Number(flags.pageSize);
  if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize > 0))
    throw new CliError(`--page-size ${flags.pageSize}: not a positive whole number`);
  const chosen = await chooseDatasets(io, flags);
  const out = fsPath(io, flags.out);
  // Taken before the work, so a second run into the same folder is refused at once, not after it.
  const lock = await lockSite(io, out, flags.out);
  try {
    return await writeSiteOf(io, flags, chosen, out, pageSize);
  } finally {
    await lock?.release();
  }
}

/**
 * The lock every claimgraph writer takes, beside the output folder (`.site.lock`): two runs into
 * one folder would interleave their files and markers. A parent folder this user may not write to
 * (a site folder of theirs in a shared one) holds no lock file; the site is still written, with a notice.
 */
async function lockSite(io: CliIO, out: string, given: string): Promise<FolderLock | undefined> {
  await makeFolder(dirname(out)).catch((error: unknown) => {
    throw new CliError(asGiven((error as Error).message, dirname(out), dirname(given)), EXIT.invalid);
  });
  try {
    return await lockFolder(out, { holder: 'site' });
  } catch (error) {
    if (error instanceof FolderLockedError)
      throw new CliError(`${asGiven(error.message, out, given)}; nothing was written`, EXIT.invalid);
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EACCES' && code !== 'EPERM') throw error;
    io.stderr.write(
      `${given}: its parent folder is not writable, so no lock file was made; another claimgraph site into ${given} at the same time would not be held off\n`,
    );
    return undefined;
  }
}

async function writeSiteOf(
  io: CliIO,
  flags: SiteFlags,
  chosen: ChosenDataset[],
  out: string,
  pageSize: number | undefined,
): Promise<number> {
  const { siteFiles, loadSiteInput, writeSite, SiteOptionError, SiteOutError } = await import('@claimgraph/site');
  const started = performance.now();
  let input: SiteInput;
  if (isMerge(flags)) input = await mergedInput(io, flags, chosen);
  else {
    const { given, path } = chosen[0]!;
    const loaded = await loadSiteInput(path, flags.title ? { title: flags.title } : {});
    if (!loaded.ok) {
      printIssues(io, loaded.errors, shownPath(io, loaded.read.located.dir, given));
      io.stderr.write(`${given}: cannot build a site of an invalid dataset; run "claimgraph validate ${given}"\n`);
      return EXIT.invalid;
    }
    input = loaded.input;
  }
  let files;
  try {
    // Pages are made as they are written: a large site is never all in memory.
    files = siteFiles(input, { baseUrl: flags.baseUrl, pageSize });
  } catch (error) {
    // A bad option is the user's to fix: the builder's message names it.
    if (error instanceof SiteOptionError && error.option === 'baseUrl')
      throw new CliError(error.message.replace('@claimgraph/site: options.baseUrl', '--base-url'));
    throw error;
  }
  let written;
  try {
    written = await writeSite(out, files);
  } catch (error) {
    if (error instanceof SiteOutError) throw new CliError(asGiven(error.message, out, flags.out));
    if ((error as NodeJS.ErrnoException).code)
      throw new CliError(asGiven((error as Error).message, out, flags.out), EXIT.invalid);
    throw error;
  }
  for (const notice of written.notices) io.stderr.write(`${asGiven(notice, out, flags.out)}\n`);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const megabytes = (written.bytes / 1048576).toFixed(1);
  io.stdout.write(
    `wrote ${flags.out}: ${written.files} files, ${megabytes} MB in ${seconds} s\n` +
      `open ${pathToFileURL(join(out, 'index.html')).href} in a browser (no server needed), or publish the folder on any static host\n`,
  );
  return EXIT.ok;
}

/**
 * Several datasets as one site: the merged graph's records, each dataset's description (from its
 * datapackage.json or package.json) and coverage, and which datasets each record comes from.
 */
async function mergedInput(io: CliIO, flags: SiteFlags, chosen: ChosenDataset[]): Promise<SiteInput> {
  const { cg } = await openGraph(io, flags, chosen);
  const { shortName, titleFromName } = await import('@claimgraph/site');
  const datasets: SiteDataset[] = [];
  for (const [i, info] of cg.datasets.entries()) {
    const { meta } = await readDataset(chosen[i]!.path);
    datasets.push({
      name: info.name,
      title: meta.title ?? titleFromName(meta.name ? shortName(meta.name) : info.name),
      ...(info.version ? { version: info.version } : {}),
      ...(meta.description ? { description: meta.description } : {}),
      ...(meta.license ? { license: meta.license } : {}),
      ...(meta.name?.startsWith('@') ? { packageName: meta.name } : {}),
      ...(info.coverage ? { coverage: info.coverage } : {}),
    });
  }
  const dataset = cg.toJSON();
  const provenance: Record<string, string[]> = {};
  for (const kind of ['entities', 'relations', 'statements', 'sources'] as const)
    for (const { id } of dataset[kind]) provenance[id] = cg.datasetsOf(id);
  const name = datasets.map((d) => d.name).join('+');
  return {
    dataset,
    meta: {
      name,
      title: flags.title ?? datasets.map((d) => d.title).join(' + '),
      description: `${datasets.length} claimgraph datasets shown as one: ${datasets.map((d) => `${d.name}${d.version ? ` ${d.version}` : ''}`).join(', ')}.`,
    },
    datasets,
    provenance,
  };
}
