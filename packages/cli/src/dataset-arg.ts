/**
 * Resolves a dataset argument: a path (source folder, release folder, dataset.json), or the name of
 * an installed dataset package with an optional version range (`@claimgraph/dataset-x@1.0.0`,
 * or an npm alias such as `afghanistan-old`), found under node_modules; an absolute path either way.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { DatasetPathError, parsePackageSpec, resolveDatasetPackage } from '@claimgraph/schema/node';
import { CliError } from './errors.js';

export function resolveDatasetArg(arg: string, cwd: string): string {
  if (existsSync(resolve(cwd, arg))) return resolve(cwd, arg);
  const spec = parsePackageSpec(arg);
  if (!spec) throw new CliError(`${arg}: no such file or folder, and not a package name`);
  let installed: ReturnType<typeof resolveDatasetPackage>;
  try {
    installed = resolveDatasetPackage(spec.name, cwd);
  } catch (error) {
    if (!(error instanceof DatasetPathError)) throw error;
    throw new CliError(
      `${arg}: no such file or folder, and no installed package "${spec.name}" (install it, e.g. npm install old@npm:${spec.name}@<version>)`,
    );
  }
  // semver is read only when a range is given: it is dozens of files.
  const satisfies =
    spec.range !== undefined &&
    (createRequire(import.meta.url)('semver/functions/satisfies') as typeof import('semver').satisfies);
  if (spec.range !== undefined && satisfies && !satisfies(installed.version, spec.range)) {
    throw new CliError(
      `${arg}: the installed ${spec.name} is ${installed.version}, which does not satisfy ${spec.range}`,
    );
  }
  return installed.path;
}
