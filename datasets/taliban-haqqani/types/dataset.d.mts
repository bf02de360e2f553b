// The type of dist/dataset.json for TypeScript: `import data from '@claimgraph/dataset-afghanistan-2021/dataset.json'`.
import type { Dataset } from '@claimgraph/schema';

declare const dataset: Dataset;
export default dataset;
