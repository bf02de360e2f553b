/**
 * `claimgraph chart runtime --out FOLDER|FILE.js`, and the file half of `chart KIND --runtime URL`:
 * the one file of vega, vega-lite and vega-embed that many chart pages load instead of a copy each.
 */
import { makeFolder, writeFileAtomic } from '@claimgraph/schema/node';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve } from 'node:path';
import type { ChartRuntime } from '@claimgraph/charts/render';
import { CliError, EXIT } from '../errors.js';
import { fsPath, shownPath, type CliIO } from '../io.js';
import type { ChartFlags } from './chart.js';

const kB = (bytes: number) => `${Math.round(bytes / 1000).toLocaleString('en')} kB`;

const versionsText = (runtime: ChartRuntime) =>
  `vega ${runtime.versions.vega}, vega-lite ${runtime.versions['vega-lite']}, vega-embed ${runtime.versions['vega-embed']}`;

/**
 * Writes the runtime at `file` unless those very bytes are there already. Other bytes are never
 * replaced: the pages made for them check its hash and would stop drawing.
 */
async function placeRuntime(io: CliIO, file: string, runtime: ChartRuntime): Promise<'written' | 'unchanged'> {
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new CliError(`${shownPath(io, file)}: cannot read it (${error.code ?? error.message})`, EXIT.invalid);
  });
  if (existing === runtime.code) return 'unchanged';
  if (existing !== undefined) {
    const held = /vega \S+, vega-lite \S+, vega-embed [\d.]*\d/.exec(existing.slice(0, 400))?.[0];
    throw new CliError(
      `${shownPath(io, file)}: already holds ${held ? `another chart runtime (${held})` : 'another file'}; pages made for it would stop drawing if it were replaced. ` +
        `Give a folder instead (ending in "/"), so that this runtime (${versionsText(runtime)}) gets a name of its own: ${runtime.fileName}`,
      EXIT.invalid,
    );
  }
  await makeFolder(dirname(file));
  await writeFileAtomic(file, runtime.code);
  return 'written';
}

/** `claimgraph chart runtime --out FOLDER|FILE.js`: writes the shared runtime, once. */
export async function runtimeCommand(io: CliIO, flags: ChartFlags): Promise<number> {
  for (const [flag, value] of Object.entries(flags)) {
    if (value === undefined || flag === 'out' || (flag === 'metric' && value === 'degree')) continue;
    const name = flag.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new CliError(`--${name} does not apply to "chart runtime": it writes the runtime file only`);
  }
  const target = fsPath(io, flags.out);
  const isFolder =
    /[\\/]$/.test(flags.out) ||
    (await stat(target).then(
      (s) => s.isDirectory(),
      () => false,
    ));
  const extension = extname(target).toLowerCase();
  if (!isFolder && extension !== '' && extension !== '.js')
    throw new CliError(
      `--out ${flags.out}: the runtime is a .js file; give a folder (it gets a name that changes with its content) or a .js file`,
    );
  const { chartRuntime } = await import('@claimgraph/charts/render');
  const runtime = chartRuntime();
  const file = isFolder || extension === '' ? join(target, runtime.fileName) : target;
  const done = await placeRuntime(io, file, runtime);
  const about = `${kB(Buffer.byteLength(runtime.code))}: ${versionsText(runtime)}`;
  io.stdout.write(
    done === 'written'
      ? `wrote ${shownPath(io, file)} (${about})\n`
      : `${shownPath(io, file)} is up to date (${about})\n`,
  );
  return EXIT.ok;
}

/** A URL the CLI cannot map to a file: with a scheme (`https:`), protocol-relative or rooted at the site (`/js/…`). */
const notBesidePage = (src: string) => /^[a-z][a-z\d+.-]*:/i.test(src) || src.startsWith('/');

/**
 * For `chart KIND --out PAGE.html --runtime URL`: when the URL is relative to the page, the runtime
 * is written where it points (once; an up-to-date copy is left alone), so a page is never written
 * pointing at nothing. Called before the page is written. Returns the lines to print afterwards.
 */
export async function runtimeForPage(io: CliIO, page: string, src: string, runtime: ChartRuntime): Promise<string> {
  if (notBesidePage(src))
    return `the page loads the chart runtime from ${src}; put ${runtime.fileName} there (claimgraph chart runtime --out FOLDER/)\n`;
  let path: string;
  try {
    path = decodeURIComponent(src.split(/[?#]/, 1)[0]!);
  } catch {
    throw new CliError(`--runtime ${src}: not a URL (a "%" must start an escape such as %20)`);
  }
  if (path === '' || path.endsWith('/')) throw new CliError(`--runtime ${src}: names no file`);
  const file = resolve(dirname(page), path);
  const done = await placeRuntime(io, file, runtime);
  return done === 'written'
    ? `wrote ${shownPath(io, file)} (the chart runtime, ${kB(Buffer.byteLength(runtime.code))}: ${versionsText(runtime)})\n`
    : '';
}
