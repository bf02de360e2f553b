/**
 * Resolves a dataset argument: a path (source folder, release folder, dataset.json), or the name of
 * an installed dataset package with an optional version range (`@claimgraph/dataset-x@1.0.0`,
 * or an npm alias such as `afghanistan-old`), found under node_modules; an absolute path either way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { CliError } from './errors.js';

const SPEC = /^((?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*)(?:@(.+))?$/i;

export function resolveDatasetArg(arg: string, cwd: string): string {
  if (existsSync(resolve(cwd, arg))) return resolve(cwd, arg);
  const match = SPEC.exec(arg);
  if (!match) throw new CliError(`${arg}: no such file or folder, and not a package name`);
  const [, name, range] = match as unknown as [string, string, string | undefined];
  let pkgJson: string;
  try {
    pkgJson = createRequire(join(resolve(cwd), 'noop.js')).resolve(`${name}/package.json`);
  } catch {
    throw new CliError(
      `${arg}: no such file or folder, and no installed package "${name}" (install it, e.g. npm install old@npm:${name}@<version>)`,
    );
  }
  const dir = dirname(pkgJson);
  const version = (JSON.parse(readFileSync(pkgJson, 'utf8')) as { version?: string }).version ?? '0.0.0';
  // semver is read only when a range is given: it is dozens of files.
  const satisfies =
    range && (createRequire(import.meta.url)('semver/functions/satisfies') as typeof import('semver').satisfies);
  if (range && satisfies && !satisfies(version, range)) {
    throw new CliError(`${arg}: the installed ${name} is ${version}, which does not satisfy ${range}`);
  }
  return existsSync(join(dir, 'dist', 'dataset.json')) ? join(dir, 'dist') : dir;
}
