// The type of the dataset for TypeScript: `import data from '@claimgraph/dataset-afghanistan-2021'` (entry/dataset.mjs), in every module mode.
import type { Dataset } from '@claimgraph/schema';

declare const dataset: Dataset;
export default dataset;
