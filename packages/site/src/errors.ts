/**
 * The site builder's errors, under the schema's ClaimgraphBaseError: each has a stable `code` so the
 * CLI and other callers tell a user's mistake from a bug without reading the message.
 */
import { ClaimgraphBaseError } from '@claimgraph/schema';

/** Base class of every error the site builder throws on purpose; messages start `@claimgraph/site:`. */
export class SiteError extends ClaimgraphBaseError {
  readonly code: string = 'SITE_ERROR';
  constructor(message: string) {
    super(`@claimgraph/site: ${message}`);
    this.name = 'SiteError';
  }
}

/** An option of buildSite is unknown or has a value it cannot use; `option` names it ('' for the options argument itself). */
export class SiteOptionError extends SiteError {
  override readonly code: string = 'SITE_OPTION';
  constructor(
    readonly option: string,
    problem: string,
  ) {
    super(option ? `options.${option}: ${problem}` : `options ${problem}`);
    this.name = 'SiteOptionError';
  }
}

/** An id that has no page: not a record id, or one whose prefix is a folder the site reserves. */
export class SitePermalinkError extends SiteError {
  override readonly code: string = 'SITE_PERMALINK';
  constructor(
    readonly id: string,
    problem: string,
  ) {
    super(`permalink: ${problem}`);
    this.name = 'SitePermalinkError';
  }
}

/** The site's input cannot be built: a release that lists a missing file, a release file path outside the site. */
export class SiteInputError extends SiteError {
  override readonly code: string = 'SITE_INPUT';
  constructor(message: string) {
    super(message);
    this.name = 'SiteInputError';
  }
}

/** A package or file the builder needs is not installed: vega's browser builds, the site's own script. */
export class SiteSetupError extends SiteError {
  override readonly code: string = 'SITE_SETUP';
  constructor(message: string) {
    super(message);
    this.name = 'SiteSetupError';
  }
}

/** The output folder cannot take the site: it is a file, or holds something that is not an earlier site. */
export class SiteOutError extends ClaimgraphBaseError {
  readonly code: string = 'SITE_OUT_FOLDER';
  constructor(message: string) {
    super(message);
    this.name = 'SiteOutError';
  }
}
