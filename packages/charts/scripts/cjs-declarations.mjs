#!/usr/bin/env node
// Runs after tsup: makes the CommonJS declaration files (dist/*.d.cts) import the types of ES-module-only
// packages (vega-lite, vega) with `resolution-mode: import`. Without it a consumer compiling
// CommonJS (module node16, skipLibCheck false) gets TS1479 from our .d.cts files, because a plain
// import there means require(), which those packages do not offer. Type-only imports with the
// attribute are allowed from CommonJS (TypeScript 5.3+) and erase to nothing.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(PACKAGE, 'dist');

/** A dependency's package.json, found as Node would (some packages do not export ./package.json). */
function packageJson(name) {
  for (let dir = PACKAGE; ; dir = dirname(dir)) {
    try {
      return JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8'));
    } catch {
      if (dirname(dir) === dir) return undefined;
    }
  }
}

/** Whether a package can only be imported: `type: module` and no `require` condition for its main entry. */
function esmOnly(name) {
  const pkg = packageJson(name);
  if (!pkg) return false;
  const root = typeof pkg.exports === 'object' && pkg.exports !== null ? (pkg.exports['.'] ?? pkg.exports) : undefined;
  const hasRequire = JSON.stringify(root ?? {}).includes('"require"') || /\.cjs$/.test(pkg.main ?? '');
  return pkg.type === 'module' && !hasRequire;
}

const IMPORT = /^import (?:type )?(\{[^}]*\}|\* as [\w$]+|[\w$]+) from '((?:@[^/']+\/)?[^/'.][^/']*)(\/[^']*)?';$/gm;
/** Every .d.cts file under dist/, in subfolders too (declarations mirror src/). */
const declarations = readdirSync(DIST, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.d.cts'));
/** `import("vega-lite").X` inside a declaration: the same attribute, in import-type form. */
const IMPORT_TYPE = /import\((['"])((?:@[^/'"]+\/)?[^/'".][^/'"]*)(\/[^'"]*)?\1\)/g;
let changed = 0;
for (const file of declarations) {
  const path = join(DIST, file);
  const text = readFileSync(path, 'utf8');
  const next = text
    .replace(IMPORT, (line, bindings, name, subpath = '') =>
      esmOnly(name) ? `import type ${bindings} from '${name}${subpath}' with { 'resolution-mode': 'import' };` : line,
    )
    .replace(IMPORT_TYPE, (expression, quote, name, subpath = '') =>
      esmOnly(name)
        ? `import(${quote}${name}${subpath}${quote}, { with: { 'resolution-mode': 'import' } })`
        : expression,
    );
  if (next !== text) {
    writeFileSync(path, next);
    changed++;
  }
}
console.log(
  `cjs-declarations: ${changed} .d.cts file${changed === 1 ? '' : 's'} import ES-module-only types with resolution-mode`,
);
