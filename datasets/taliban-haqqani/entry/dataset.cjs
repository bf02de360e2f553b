// The dataset for require(): `const data = require('@claimgraph/dataset-taliban-haqqani')`, typed by types/dataset.d.cts.
module.exports = require('../dist/dataset.json');
