// Declarations of tmpfs.mjs, for the TypeScript tests.

/** Makes `dir` and mounts a tmpfs there with mount's `options`; false (after a SKIPPED LOUDLY line naming `what`) where it cannot. */
export declare function mountTmpfs(dir: string, options: string, what: string): boolean;
/** Unmounts what mountTmpfs mounted. */
export declare function unmountTmpfs(dir: string): void;
