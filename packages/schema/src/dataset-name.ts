/**
 * A dataset's short name, as its release's datapackage.json gives it: the npm package name without
 * its scope and `dataset-` prefix (`@claimgraph/dataset-afghanistan-2021` → `afghanistan-2021`).
 */
export function datasetName(packageName: string): string {
  return packageName.replace(/^@[^/]+\//, '').replace(/^dataset-/, '');
}
