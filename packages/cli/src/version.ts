/** The CLI's version, read from its package.json at build time by tsup's JSON loader. */
import pkg from '../package.json' with { type: 'json' };

export const VERSION: string = pkg.version;
