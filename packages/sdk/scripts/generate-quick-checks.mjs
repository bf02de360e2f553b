/**
 * Writes src/generated/quick-checks.js (run by `npm run build` and before the tests): the quick
 * record checks @claimgraph/schema compiles from its TypeBox schemas, as code, so that loading a
 * dataset never loads TypeBox.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { quickCheckModule } from '@claimgraph/schema/internal';

const out = new URL('../src/generated/quick-checks.js', import.meta.url);
const text = quickCheckModule();
let old = null;
try {
  old = readFileSync(out, 'utf8');
} catch {
  // Not generated yet.
}
if (old !== text) {
  mkdirSync(new URL('.', out), { recursive: true });
  writeFileSync(out, text);
}
