/**
 * `@claimgraph/sdk/fold`: the SDK's name folding and nothing else, for a browser search box that
 * must match names as `cg.search()` does without loading the SDK (a few hundred bytes, no import).
 */
export { foldKey, foldWords } from './fold.js';
