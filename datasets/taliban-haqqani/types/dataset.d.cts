// The type of the dataset for TypeScript under CommonJS: `import data = require('@claimgraph/dataset-taliban-haqqani')` (entry/dataset.cjs).
import type { Dataset } from '@claimgraph/schema';

declare const dataset: Dataset;
export = dataset;
