/**
 * The error both claimgraph commands (`claimgraph`, `claimgraph-release`) throw for a user mistake:
 * printed as one line with its exit code, never as a stack trace. Its own entry point
 * (`@claimgraph/release/errors`) loads only the schema's error root, so a command's start-up stays small.
 */
import { ClaimgraphBaseError } from '@claimgraph/schema/errors';

/** Exit codes: 0 success, 1 invalid data (or a failed check), 2 a usage error. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

/** What kind of mistake a `CommandError` is, for programs: stable across versions. */
export type CommandErrorCode = 'CLAIMGRAPH_INVALID' | 'CLAIMGRAPH_USAGE';

/** A user mistake: the data is wrong (`EXIT.invalid`, code `CLAIMGRAPH_INVALID`) or the call is (`EXIT.usage`, code `CLAIMGRAPH_USAGE`). */
export class CommandError extends ClaimgraphBaseError {
  readonly code: CommandErrorCode;

  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'CommandError';
    this.code = exitCode === EXIT.invalid ? 'CLAIMGRAPH_INVALID' : 'CLAIMGRAPH_USAGE';
  }
}
