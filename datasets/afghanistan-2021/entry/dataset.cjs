// The dataset for require(): `const data = require('@claimgraph/dataset-afghanistan-2021')`, typed by types/dataset.d.cts.
module.exports = require('../dist/dataset.json');
