// Bundles main.js with esbuild from the packages' ES module builds (@claimgraph/sdk and
// @claimgraph/charts dist/index.js, vega-embed and its dependencies) into dist/, for browsers.
// Code reached only through a dynamic import() (the SDK's file loader) goes into chunks of its
// own that the page never fetches; a Node built-in in the entry chunk fails the build.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';
import { builtinModules, createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

// A bare name like "events" is a browser package when one is installed (graphology uses the npm
// "events"); only the rest, and every "node:" import, is Node's own.
const require = createRequire(import.meta.url);
const installed = (/** @type {string} */ name) => {
  try {
    require.resolve(`${name}/package.json`);
    return true;
  } catch {
    return false;
  }
};
const NODE_BUILTINS = new Set([
  ...builtinModules.filter((m) => !installed(m)),
  ...builtinModules.map((m) => `node:${m}`),
]);
const OUT = fileURLToPath(new URL('./dist/', import.meta.url));

export async function buildBrowserExample({ minify = true } = {}) {
  await rm(OUT, { recursive: true, force: true });
  const result = await build({
    entryPoints: { app: fileURLToPath(new URL('./main.js', import.meta.url)) },
    outdir: OUT,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    minify,
    logLevel: 'silent',
    metafile: true,
    // Left as imports, so the check below can see where they are.
    external: [...NODE_BUILTINS],
  });
  const entry = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint);
  if (!entry) throw new Error('examples/browser: esbuild wrote no entry chunk');
  const reached = entry[1].imports.filter((i) => !i.kind.includes('dynamic') && NODE_BUILTINS.has(i.path));
  if (reached.length) {
    throw new Error(
      `examples/browser: the page's entry chunk imports Node built-ins: ${reached.map((i) => i.path).join(', ')}`,
    );
  }
  return { entry: entry[0], bytes: entry[1].bytes, chunks: Object.keys(result.metafile.outputs).length };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { entry, bytes, chunks } = await buildBrowserExample();
  console.log(`bundled ${entry} (${(bytes / 1024).toFixed(0)} kB, ${chunks} files)`);
}
