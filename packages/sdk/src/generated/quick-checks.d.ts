/**
 * Types of src/generated/quick-checks.js, which `npm run build` generates from @claimgraph/schema's
 * TypeBox schemas (its quickCheckModule): one compiled check per record schema.
 */
/**
 * The schema's verdict on a record, its partial dates on the calendar, with id patterns left out of
 * reference fields (the SDK looks references up) and only enumerable keys walked, as JSON.parse makes them.
 */
export type QuickCheck = (record: unknown) => boolean;

export declare const ENTITY_CHECKS: Record<string, QuickCheck>;
export declare const RELATION_CHECK: QuickCheck;
export declare const STATEMENT_CHECK: QuickCheck;
export declare const SOURCE_CHECK: QuickCheck;
