/** `@claimgraph/sdk/quotes`: check that quotes are verbatim in text snapshots of their sources, and explain near misses. */
export { checkQuotes, snapshotFileName, type CheckedField, type QuoteCheck, type QuoteReport } from './check.js';
export { codePointOffset, locateQuote, wordDifferences, type QuoteDifference, type QuoteMatch } from './locate.js';
export { fold, type DifferenceKind } from '@claimgraph/schema';
