/** `claimgraph build [DIR]`: validate a dataset source folder, then write its release to DIR/dist. */
import { buildRelease } from '@claimgraph/schema/node';
import { releaseFiles } from '@claimgraph/sdk/export';
import { relative } from 'node:path';
import { EXIT } from '../errors.js';
import { createProgress, issuesJson, plural, printIssues, printJson } from '../output.js';
import { resolveDatasetPath } from '../paths.js';

export interface BuildFlags {
  out?: string;
  json?: boolean;
  /** false with --no-parquet: leave out parquet/*.parquet (the slowest part of a large build). */
  parquet?: boolean;
}

export async function buildCommand(dir: string | undefined, flags: BuildFlags): Promise<number> {
  const path = await resolveDatasetPath(dir);
  const progress = createProgress('build');
  // Beside dataset.json: the same records as Parquet (parquet/*.parquet) and NDJSON (dataset.ndjson), hashed in datapackage.json.
  const built = await buildRelease(path, {
    outDir: flags.out,
    onProgress: progress.step,
    extraFiles: (dataset) => releaseFiles(dataset, { parquet: flags.parquet !== false }),
  });
  progress.done();
  if (!built.outDir) {
    if (flags.json) printJson({ valid: false, errors: issuesJson(built.result.errors) });
    else {
      printIssues(built.result.errors, built.read.located.dir);
      process.stderr.write(`${path}: not built, ${plural(built.result.errors.length, 'problem')} found\n`);
    }
    return EXIT.invalid;
  }
  if (flags.json) {
    printJson({
      valid: true,
      outDir: built.outDir,
      version: built.read.meta.version,
      files: built.files,
      counts: built.summary?.counts,
    });
  } else {
    const counts = built.summary!.counts;
    process.stdout.write(
      `built ${built.read.meta.name ?? path}@${built.read.meta.version ?? '?'} → ${relative(process.cwd(), built.outDir) || '.'}\n` +
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
