/**
 * loadSiteInput: a dataset on disk (source folder, release folder or dataset.json) as the input
 * of buildSite — its records validated, its description, and the release files it comes with.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Dataset, ValidationIssue } from '@claimgraph/schema';
import { checkDataset, readJsonFile, type ReadDatasetResult } from '@claimgraph/schema/node';
import { SiteInputError } from './errors.js';
import type { ReleaseFile, SiteInput, SiteMeta } from './model.js';

export type LoadedSiteInput =
  | { ok: true; input: SiteInput; read: ReadDatasetResult }
  | { ok: false; errors: ValidationIssue[]; read: ReadDatasetResult };

/** "@claimgraph/dataset-afghanistan-2021" → "afghanistan-2021", as datapackage.json names it. */
export function shortName(packageName: string): string {
  return packageName.replace(/^@[^/]+\//, '').replace(/^dataset-/, '');
}

/** "afghanistan-2021" → "Afghanistan 2021": a title for people when the dataset gives none. */
export function titleFromName(name: string): string {
  return name
    .split(/[-_]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join(' ');
}

/** The files a release folder's datapackage.json lists, and datapackage.json itself. */
async function releaseFiles(dir: string): Promise<ReleaseFile[] | undefined> {
  const pkg = await readJsonFile(join(dir, 'datapackage.json'), 'datapackage.json');
  if (!pkg.ok) return undefined;
  const resources = (pkg.value as { resources?: { path?: unknown }[] }).resources;
  if (!Array.isArray(resources)) return undefined;
  const paths = resources.map((r) => r.path).filter((p): p is string => typeof p === 'string');
  const files: ReleaseFile[] = [];
  for (const path of ['datapackage.json', ...paths]) {
    try {
      files.push({ path, content: new Uint8Array(await readFile(join(dir, path))) });
    } catch {
      throw new SiteInputError(
        `${join(dir, 'datapackage.json')}: lists ${path}, which is missing; run "claimgraph verify ${dir}"`,
      );
    }
  }
  return files;
}

export async function loadSiteInput(path: string, meta: Partial<SiteMeta> = {}): Promise<LoadedSiteInput> {
  const { read, result, dataset } = await checkDataset(path);
  if (!dataset) return { ok: false, errors: result.errors, read };
  const packageName = read.meta.name;
  const name = meta.name ?? (packageName ? shortName(packageName) : 'dataset');
  const siteMeta: SiteMeta = {
    name,
    title: meta.title ?? read.meta.title ?? titleFromName(name),
    ...(read.meta.version ? { version: read.meta.version } : {}),
    ...(read.meta.description ? { description: read.meta.description } : {}),
    ...(read.meta.license ? { license: read.meta.license } : {}),
    ...(packageName?.startsWith('@') || packageName?.includes('dataset') ? { packageName } : {}),
    ...meta,
  };
  const files = read.located.layout === 'release' ? await releaseFiles(read.located.dir) : undefined;
  return { ok: true, input: { dataset: dataset as Dataset, meta: siteMeta, releaseFiles: files }, read };
}
