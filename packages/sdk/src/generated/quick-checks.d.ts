/**
 * Types of src/generated/quick-checks.js, which `npm run build` generates from @claimgraph/schema's
 * TypeBox schemas (its quickCheckModule): one compiled check per record schema.
 */
export interface QuickCheck {
  /** The schema's verdict without id patterns on references, date patterns, unknown keys and unique lists (checked apart). */
  check: (record: unknown) => boolean;
  /** Whether the schema refuses unknown fields. */
  closed: boolean;
  /** The fields the schema knows. */
  known: string[];
  /** Fields holding lists of strings that must be unique. */
  uniqueLists: string[];
}

export declare const ENTITY_CHECKS: Record<string, QuickCheck>;
export declare const RELATION_CHECK: QuickCheck;
export declare const STATEMENT_CHECK: QuickCheck;
export declare const SOURCE_CHECK: QuickCheck;
