/**
 * The root of every error a claimgraph package throws on purpose. Each class has a stable `code`
 * (listed in the schema README's "Errors" table), so programs tell errors apart without reading messages.
 */

/**
 * Base class of every error the claimgraph packages throw on purpose: schema, sdk, charts, site and
 * the CLI. `code` names the kind of error and never changes within a major version; the message is
 * for people and may be reworded.
 */
export abstract class ClaimgraphBaseError extends Error {
  /** A stable name for the kind of error, such as `SCHEMA_DATASET_PATH` or `SDK_UNKNOWN_ID`. */
  abstract readonly code: string;

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ClaimgraphBaseError';
  }
}
