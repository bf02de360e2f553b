/**
 * The chart runtime: vega, vega-lite and vega-embed's browser builds, read from node_modules, and the
 * one file that chart pages made with `libraries: 'shared'` load instead of carrying a copy each.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ChartRenderError } from './errors.js';

/** The browser builds, in load order: vega-embed expects the globals `vega` and `vegaLite`. */
export const BUILDS = [
  { name: 'vega', file: 'vega.min.js' },
  { name: 'vega-lite', file: 'vega-lite.min.js' },
  { name: 'vega-embed', file: 'vega-embed.min.js' },
] as const;

type BuildName = (typeof BUILDS)[number]['name'];

const require = createRequire(import.meta.url);

/** Each package's entry sits in its `build/` folder, beside the minified browser build. */
function buildFolder(name: string): string {
  try {
    return dirname(require.resolve(name));
  } catch {
    throw new ChartRenderError(`renderHtml: cannot find the "${name}" package; install vega, vega-lite and vega-embed`);
  }
}

/** The installed version of one of the three packages. */
export function buildVersion(name: BuildName): string {
  const pkg = JSON.parse(readFileSync(join(buildFolder(name), '..', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/** The path of one of the three packages' minified browser build, as installed. */
const buildPath = (name: BuildName): string => join(buildFolder(name), BUILDS.find((b) => b.name === name)!.file);

/** The minified browser build of one of the three packages, as installed. */
export function buildCode(name: BuildName): string {
  return readFileSync(buildPath(name), 'utf8');
}

/**
 * jsDelivr's URL of one package's browser build at the installed version. The version is exact, so
 * the URL always serves the bytes of the installed file, which is what lets a page check their hash.
 */
export function cdnUrl(name: BuildName): string {
  return `https://cdn.jsdelivr.net/npm/${name}@${buildVersion(name)}/build/${BUILDS.find((b) => b.name === name)!.file}`;
}

const buildIntegrities = new Map<string, string>();

/**
 * The Subresource Integrity value of one package's browser build, hashed from the installed file's
 * bytes: those `cdnUrl(name)` serves. Worked out when a page asks for it rather than when this
 * package is built, because the URL names the version installed beside it, which may be newer.
 */
export function buildIntegrity(name: BuildName): string {
  const path = buildPath(name);
  let value = buildIntegrities.get(path);
  if (value === undefined) buildIntegrities.set(path, (value = integrityOf(readFileSync(path))));
  return value;
}

/** The file chart pages share, and what a page needs to load it safely. */
export interface ChartRuntime {
  /** The file's text: a header naming the versions, then the three builds in load order. */
  code: string;
  /**
   * `claimgraph-chart-runtime.<12 hex digits of its sha256>.js`: a different runtime always has a
   * different name, so a cache or a server never hands a page a runtime it was not made for, and a
   * newer runtime is written beside the older one instead of over it.
   */
  fileName: string;
  /** Its Subresource Integrity value (`sha384-…`): the browser refuses a file whose bytes differ. */
  integrity: string;
  /** The versions it holds. */
  versions: { vega: string; 'vega-lite': string; 'vega-embed': string };
}

/**
 * Bumped whenever the runtime's own layout changes (the header, how builds are joined): the
 * versions alone would then no longer say what the file holds. The file name follows the content.
 */
const RUNTIME_FORMAT = 1;

/** The SRI value of some bytes: sha384, as the SRI spec's examples and most tools use. */
export function integrityOf(bytes: string | Uint8Array): string {
  return `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
}

let cached: ChartRuntime | undefined;

/**
 * The shared chart runtime for the installed vega, vega-lite and vega-embed. Its bytes depend on
 * those three versions only, not on this package's version: upgrading @claimgraph/charts without
 * upgrading vega gives the same file, the same name and the same integrity, so caches keep it.
 */
export function chartRuntime(): ChartRuntime {
  if (cached) return cached;
  const versions = Object.fromEntries(BUILDS.map(({ name }) => [name, buildVersion(name)])) as ChartRuntime['versions'];
  const header =
    `/*! claimgraph chart runtime (format ${RUNTIME_FORMAT}): vega ${versions.vega}, vega-lite ${versions['vega-lite']}, ` +
    `vega-embed ${versions['vega-embed']}. Each library is under its own licence (BSD-3-Clause); see its package. ` +
    `Load it with a classic <script> before a chart page's own script. */`;
  // A source-map comment mid-file means nothing and, at the end, would point at a map nobody serves.
  const parts = BUILDS.map(
    ({ name }) => `/* ${name} ${versions[name]} */\n${buildCode(name).replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '')}`,
  );
  // Each build ends in an expression statement; the semicolons keep the next one from continuing it.
  const code = `${header}\n${parts.join('\n;\n')}\n;\n`;
  const sha256 = createHash('sha256').update(code).digest('hex');
  cached = {
    code,
    fileName: `claimgraph-chart-runtime.${sha256.slice(0, 12)}.js`,
    integrity: integrityOf(code),
    versions,
  };
  return cached;
}
