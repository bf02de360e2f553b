// The type of dist/dataset.json for TypeScript under CommonJS: `import data = require('@claimgraph/dataset-afghanistan-2021/dataset.json')`.
import type { Dataset } from '@claimgraph/schema';

declare const dataset: Dataset;
export = dataset;
