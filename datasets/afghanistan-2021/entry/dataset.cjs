// The dataset for require(): `const data = require('@claimgraph/dataset-afghanistan-2021')`, typed by types/dataset.d.cts.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS entry: require is the point
module.exports = require('../dist/dataset.json');
