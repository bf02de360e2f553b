/**
 * Preloaded by bench/cli.mjs (`node --import`): logs every module file the process loads to the
 * file named by CLAIMGRAPH_BENCH_FILES — ESM through a loader hook, CommonJS from require.cache at exit.
 */
import { appendFileSync } from 'node:fs';
import { createRequire, register } from 'node:module';

const log = process.env.CLAIMGRAPH_BENCH_FILES;
if (log) {
  register(
    `data:text/javascript,${encodeURIComponent(`
      import { appendFileSync } from 'node:fs';
      export async function load(url, context, next) {
        if (url.startsWith('file:')) appendFileSync(${JSON.stringify(log)}, url + '\\n');
        return next(url, context);
      }`)}`,
  );
  const require = createRequire(import.meta.url);
  process.on('exit', () => {
    appendFileSync(log, `${Object.keys(require.cache).join('\n')}\n`);
  });
}
