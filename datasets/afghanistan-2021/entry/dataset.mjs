// The dataset as an ES module, so that `import data from '@claimgraph/dataset-afghanistan-2021'` runs in Node
// (which needs the JSON import attribute, written here once) and bundlers, typed by types/dataset.d.mts.
import data from '../dist/dataset.json' with { type: 'json' };

export default data;
