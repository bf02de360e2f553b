/** Exit codes and the error for user mistakes, which print a message, never a stack trace. */
export const EXIT = { ok: 0, invalid: 1, usage: 2 } as const;

export class ReleaseToolsError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.usage,
  ) {
    super(message);
    this.name = 'ReleaseToolsError';
  }
}
