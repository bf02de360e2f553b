import { validateDataset } from '@claimgraph/schema';
import { readFileSync } from 'node:fs';
const parsed = JSON.parse(readFileSync('/tmp/bench/ds-1000000.json', 'utf8'));
const t = performance.now();
validateDataset(parsed, { requireSorted: false });
console.log('validate', performance.now() - t);
