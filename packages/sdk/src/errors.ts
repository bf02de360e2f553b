/**
 * The SDK's errors: every message starts with `@claimgraph/sdk:` and names the record, file or
 * option at fault, so a user can act on it without reading a stack trace.
 */
import { ClaimgraphBaseError, formatIssue, type ValidationIssue } from '@claimgraph/schema';

const PREFIX = '@claimgraph/sdk';

/** Base class of every error the SDK throws on purpose. */
export class ClaimGraphError extends ClaimgraphBaseError {
  readonly code: string = 'SDK_ERROR';
  constructor(message: string) {
    super(`${PREFIX}: ${message}`);
    this.name = 'ClaimGraphError';
  }
}

/**
 * A file could not be written: a full disk, a read-only folder, a folder in the way. `errno` is
 * the system's name for why (`ENOSPC`, `EROFS`…); the file that was there is as it was.
 */
export class ClaimGraphWriteError extends ClaimGraphError {
  override readonly code: string = 'SDK_WRITE';
  constructor(
    message: string,
    readonly errno: string,
  ) {
    super(message);
    this.name = 'ClaimGraphWriteError';
  }
}

/** The kinds of record an id can name. */
export type RecordKindName = 'entity' | 'relation' | 'statement' | 'source';

/** An id that names no record of the expected kind: `@claimgraph/sdk: unknown entity "x"`. */
export class UnknownIdError extends ClaimGraphError {
  override readonly code: string = 'SDK_UNKNOWN_ID';
  constructor(
    readonly kind: RecordKindName,
    readonly id: string,
  ) {
    super(`unknown ${kind} ${JSON.stringify(id)}`);
    this.name = 'UnknownIdError';
  }
}

/** How many issues a validation error's message lists before "… and N more". */
const LISTED_ISSUES = 5;

/** The data broke the schema's rules; `issues` holds every problem the validator found. */
export class ClaimGraphValidationError extends ClaimGraphError {
  override readonly code: string = 'SDK_INVALID_DATASET';
  constructor(readonly issues: ValidationIssue[]) {
    const shown = issues.slice(0, LISTED_ISSUES).map((issue) => `  ${formatIssue(issue)}`);
    const more = issues.length > LISTED_ISSUES ? [`  … and ${issues.length - LISTED_ISSUES} more`] : [];
    super(
      [
        `the dataset is invalid (${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}):`,
        ...shown,
        ...more,
      ].join('\n'),
    );
    this.name = 'ClaimGraphValidationError';
  }
}

/** A file or URL could not be read, fetched or parsed; `file` names it. */
export class ClaimGraphLoadError extends ClaimGraphError {
  override readonly code: string = 'SDK_LOAD';
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ClaimGraphLoadError';
  }
}

/** A release file does not match the sha256 its `datapackage.json` records. */
export class ClaimGraphIntegrityError extends ClaimGraphLoadError {
  override readonly code: string = 'SDK_INTEGRITY';
  constructor(
    file: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      file,
      `sha256 mismatch: datapackage.json says ${expected}, the file has ${actual}; the file was changed after the release was built (load with { integrity: false } to skip the check)`,
    );
    this.name = 'ClaimGraphIntegrityError';
  }
}

/** A bad option: unknown, or a value of the wrong kind: `@claimgraph/sdk: relations(): status must be one of …`. */
export class ClaimGraphOptionError extends ClaimGraphError {
  override readonly code: string = 'SDK_OPTION';
  constructor(
    readonly method: string,
    /** The option at fault (`type`, `limit`…), or `options` for the options argument itself. */
    readonly option: string,
    /** The message after the method: what is wrong and what to use instead. */
    detail: string,
  ) {
    super(`${method}(): ${detail}`);
    this.name = 'ClaimGraphOptionError';
  }
}

/** A bad option value: `@claimgraph/sdk: relations(): status must be one of …`. */
export function optionError(method: string, option: string, problem: string): ClaimGraphOptionError {
  return new ClaimGraphOptionError(method, option, `${option} ${problem}`);
}

/**
 * Two datasets disagree about one id (an entity's type, a relation's ends, a statement's words…),
 * or a judgements file is malformed or contradicts itself: `datasets`, `id` and `field` name where.
 */
export class ClaimGraphMergeError extends ClaimGraphError {
  override readonly code: string = 'SDK_MERGE';
  constructor(
    readonly id: string,
    readonly field: string,
    readonly datasets: readonly string[],
    problem: string,
  ) {
    super(`merge: ${JSON.stringify(id)} ${field}: ${problem}`);
    this.name = 'ClaimGraphMergeError';
  }
}
