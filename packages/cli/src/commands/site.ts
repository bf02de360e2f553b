/**
 * `claimgraph site --out DIR`: a static website of a dataset release, written by @claimgraph/site
 * (loaded only when this command runs: it brings Preact and vega's browser builds).
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { datasetOrBundled } from '../bundled-dataset.js';
import { CliError, EXIT } from '../errors.js';
import { fsPath, shownPath, type CliIO } from '../io.js';
import { printIssues } from '../output.js';
import { resolveDatasetPath } from '../paths.js';

export interface SiteFlags {
  out: string;
  dataset?: string;
  baseUrl?: string;
  title?: string;
  pageSize?: string;
}

export async function siteCommand(io: CliIO, flags: SiteFlags): Promise<number> {
  const pageSize = flags.pageSize === undefined ? undefined : Number(flags.pageSize);
  if (pageSize !== undefined && !(Number.isInteger(pageSize) && pageSize > 0))
    throw new CliError(`--page-size ${flags.pageSize}: not a positive whole number`);
  const chosen = datasetOrBundled(io, flags.dataset);
  const { given, path } = await resolveDatasetPath(io, chosen.given, chosen.path);
  const { buildSite, loadSiteInput, writeSite, SiteOutError } = await import('@claimgraph/site');
  const started = performance.now();
  const loaded = await loadSiteInput(path, flags.title ? { title: flags.title } : {});
  if (!loaded.ok) {
    printIssues(io, loaded.errors, shownPath(io, loaded.read.located.dir, given));
    io.stderr.write(`${given}: cannot build a site of an invalid dataset; run "claimgraph validate ${given}"\n`);
    return EXIT.invalid;
  }
  let files;
  try {
    files = buildSite(loaded.input, { baseUrl: flags.baseUrl, pageSize });
  } catch (error) {
    // A bad option is the user's to fix: the builder's message names it.
    if (error instanceof Error && error.message.startsWith('@claimgraph/site: options.baseUrl'))
      throw new CliError(error.message.replace('@claimgraph/site: options.baseUrl', '--base-url'));
    throw error;
  }
  const out = fsPath(io, flags.out);
  let written;
  try {
    written = await writeSite(out, files);
  } catch (error) {
    if (error instanceof SiteOutError) throw new CliError(error.message.split(out).join(flags.out));
    throw error;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const megabytes = (written.bytes / 1048576).toFixed(1);
  io.stdout.write(
    `wrote ${flags.out}: ${written.files} files, ${megabytes} MB in ${seconds} s\n` +
      `open ${pathToFileURL(join(out, 'index.html')).href} in a browser (no server needed), or publish the folder on any static host\n`,
  );
  return EXIT.ok;
}
