/** `claimgraph build [DIR]`: validate a dataset source folder, then write its release to DIR/dist. */
import { printable } from '@claimgraph/schema';
import { maxOf } from '@claimgraph/schema/internal';
import { buildRelease } from '@claimgraph/release';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { EXIT } from '../errors.js';
import { fsPath, shownPath, type CliIO } from '../io.js';
import { createProgress, issuesJson, plural, printIssues, printJson } from '../output.js';
import { resolveDatasetPath } from '../paths.js';

export interface BuildFlags {
  out?: string;
  json?: boolean;
  /** false with --no-parquet: leave out parquet/*.parquet (the slowest part of a large build). */
  parquet?: boolean;
}

export async function buildCommand(io: CliIO, dir: string | undefined, flags: BuildFlags): Promise<number> {
  const { given, path } = await resolveDatasetPath(io, dir);
  const progress = createProgress(io, 'build');
  const built = await buildRelease(path, {
    outDir: flags.out === undefined ? undefined : fsPath(io, flags.out),
    onProgress: progress.step,
    releaseFiles: { parquet: flags.parquet !== false },
  });
  progress.done();
  if (!built.outDir) {
    if (flags.json) printJson(io, { valid: false, errors: issuesJson(built.result.errors) });
    else {
      printIssues(io, built.result.errors, shownPath(io, built.read.located.dir, given));
      io.stderr.write(`${given}: not built, ${plural(built.result.errors.length, 'problem')} found\n`);
    }
    return EXIT.invalid;
  }
  const kept = await keptRelease(built.read.located.dir, built.read.meta.version, built.files!);
  if (flags.json) {
    printJson(io, {
      valid: true,
      outDir: flags.out ?? shownPath(io, built.outDir, given),
      version: built.read.meta.version,
      files: built.files,
      counts: built.summary?.counts,
      ...(kept ? { keptRelease: { path: kept.shown, same: kept.same } } : {}),
    });
  } else {
    const counts = built.summary!.counts;
    // Paths as wide as the longest, so sizes line up however deep the Parquet partitions go.
    const pathWidth = maxOf(built.files!.map((f) => f.path.length));
    io.stdout.write(
      // The name and version come from the user's package.json: shown printable, on one line.
      `built ${printable(`${built.read.meta.name ?? given}@${built.read.meta.version ?? '?'}`)} → ${printable(relative(io.cwd, built.outDir) || '.')}\n` +
        `  ${plural(counts.entities, 'entity', 'entities')}, ${plural(counts.relations, 'relation')}, ${plural(counts.statements, 'statement')}, ${plural(counts.sources, 'source')}\n` +
        built
          .files!.map(
            (f) => `  ${f.path.padEnd(pathWidth)} ${String(f.bytes).padStart(9)} B  sha256 ${f.sha256.slice(0, 16)}…`,
          )
          .join('\n') +
        '\n' +
        (kept ? `${keptLine(kept, built.read.meta.version!)}\n` : ''),
    );
  }
  return EXIT.ok;
}

interface KeptRelease {
  /** releases/<version>, as written for the user. */
  shown: string;
  /** Whether the build's dataset.json is the kept release's, byte for byte (by sha256). */
  same: boolean;
}

/**
 * The release of this version kept in the source folder (releases/<version>/datapackage.json), if
 * any, and whether this build is it: a build of unreleased changes carries the last version number
 * but is not that release, and its hashes differ from the ones published.
 */
async function keptRelease(
  dir: string,
  version: string | undefined,
  files: readonly { path: string; sha256: string }[],
): Promise<KeptRelease | undefined> {
  if (version === undefined) return undefined;
  const shown = `releases/${version}`;
  let resources: { path?: unknown; hash?: unknown }[];
  try {
    const descriptor = JSON.parse(await readFile(join(dir, shown, 'datapackage.json'), 'utf8')) as {
      resources?: { path?: unknown; hash?: unknown }[];
    };
    resources = descriptor.resources ?? [];
  } catch {
    return undefined;
  }
  const keptHash = resources.find((r) => r.path === 'dataset.json')?.hash;
  const builtHash = files.find((f) => f.path === 'dataset.json')?.sha256;
  if (typeof keptHash !== 'string' || builtHash === undefined) return undefined;
  return { shown, same: keptHash.replace(/^sha256:/, '').toLowerCase() === builtHash.toLowerCase() };
}

function keptLine(kept: KeptRelease, version: string): string {
  return kept.same
    ? `  the same records as the kept release ${kept.shown} (dataset.json sha256 matches)`
    : `  note: this is not release ${printable(version)}: its dataset.json differs from the kept ${kept.shown} (changes since that release); the ${printable(version)} release is ${kept.shown}/, and this build gets a version of its own when it is released`;
}
