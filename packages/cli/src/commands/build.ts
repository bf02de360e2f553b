/** `claimgraph build [DIR]`: validate a dataset source folder, then write its release to DIR/dist. */
import { printable } from '@claimgraph/schema';
import { buildRelease } from '@claimgraph/release';
import { relative } from 'node:path';
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
  if (flags.json) {
    printJson(io, {
      valid: true,
      outDir: flags.out ?? shownPath(io, built.outDir, given),
      version: built.read.meta.version,
      files: built.files,
      counts: built.summary?.counts,
    });
  } else {
    const counts = built.summary!.counts;
    io.stdout.write(
      // The name and version come from the user's package.json: shown printable, on one line.
      `built ${printable(`${built.read.meta.name ?? given}@${built.read.meta.version ?? '?'}`)} → ${printable(relative(io.cwd, built.outDir) || '.')}\n` +
        `  ${plural(counts.entities, 'entity', 'entities')}, ${plural(counts.relations, 'relation')}, ${plural(counts.statements, 'statement')}, ${plural(counts.sources, 'source')}\n` +
        built
          .files!.map(
            (f) => `  ${f.path.padEnd(28)} ${String(f.bytes).padStart(9)} B  sha256 ${f.sha256.slice(0, 16)}…`,
          )
          .join('\n') +
        '\n',
    );
  }
  return EXIT.ok;
}
