/**
 * Dataset source folders on disk for the tests of schema and release: the folder a curator keeps
 * (package.json, one pretty-printed array per data file), and a byte snapshot or sha256 list of any
 * folder to prove a refused or failed operation changed nothing (used by the site and CLI tests too).
 */
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Dataset } from '../src/index.js';
import { baseDataset } from './fixture.js';

export const TEST_PACKAGE = {
  name: '@claimgraph/dataset-test',
  version: '1.2.3',
  description: 'A test dataset.',
  license: 'CC-BY-4.0',
};

/** Writes a dataset source folder the way curators keep them: one pretty-printed array per file. */
export function writeSource(
  dir: string,
  data: Dataset | Record<string, unknown[]> = baseDataset(),
  pkg: object = TEST_PACKAGE,
): string {
  mkdirSync(join(dir, 'data'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  for (const [kind, records] of Object.entries(data))
    writeFileSync(join(dir, 'data', `${kind}.json`), `${JSON.stringify(records, null, 2)}\n`);
  return dir;
}

/** Every file under `dir`, as relative path → bytes. */
export function snapshot(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path));
    }
  };
  walk(dir);
  return files;
}

/** Every file under `dir`, dot files too, as relative path → sha256; links are not followed. */
export function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (lstatSync(path).isDirectory()) walk(path);
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
