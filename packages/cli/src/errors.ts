/**
 * Exit codes and the error type for user mistakes, which print a message, never a stack trace: the
 * one class `claimgraph` and `claimgraph-release` share (`CommandError` in `@claimgraph/release`).
 */
export { CommandError as CliError, EXIT } from '@claimgraph/release/errors';
