#!/usr/bin/env node
// Writes a package's type declarations next to tsup's JavaScript: one TypeScript program emits
// src/**/*.d.ts into dist/ (the folders mirror src/, so dist/index.d.ts sits beside
// dist/index.js), then each is copied to .d.cts with its relative specifiers ending in .cjs, so
// `require` resolves CommonJS declarations and `import` ESM ones. tsup's own `dts` builds a
// program and a rollup bundle per format and per entry, several times slower.
// Usage, in a package folder after tsup: `node ../../scripts/build-dts.mjs [tsconfig.json]`.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const cwd = process.cwd();
const configPath = resolve(cwd, process.argv[2] ?? 'tsconfig.json');
const outDir = join(cwd, 'dist');
const rootDir = join(cwd, 'src');

const fail = (message) => {
  process.stderr.write(`build-dts: ${relative(cwd, configPath)}: ${message}\n`);
  process.exit(1);
};

const config = ts.readConfigFile(configPath, ts.sys.readFile);
if (config.error) fail(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'));
const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, cwd);
const options = {
  ...parsed.options,
  noEmit: false,
  declaration: true,
  emitDeclarationOnly: true,
  declarationMap: false,
  sourceMap: false,
  outDir,
  rootDir,
  incremental: false,
  composite: false,
};
// Only the sources are published; tests share the tsconfig for type checking.
const files = parsed.fileNames.filter((file) => !relative(rootDir, file).startsWith('..'));
const program = ts.createProgram({ rootNames: files, options });
const written = [];
const emitted = program.emit(undefined, (file, text) => {
  ts.sys.writeFile(file, text);
  written.push(file);
});
// Declaration emit reports what it cannot write (an unnamed type, a private name); type errors are the typecheck task's.
if (emitted.diagnostics.length > 0) {
  fail(
    ts.formatDiagnostics(emitted.diagnostics, {
      getCanonicalFileName: (f) => f,
      getCurrentDirectory: () => cwd,
      getNewLine: () => '\n',
    }),
  );
}

/** `./x.js` → `./x.cjs` in relative import, export and `import()` type specifiers. */
const toCjs = (text) =>
  text.replace(/((?:from|import)\s*\(?\s*['"])(\.{1,2}\/[^'"]*?)\.js(['"])/g, (_, before, path, quote) => {
    return `${before}${path}.cjs${quote}`;
  });

for (const file of written.filter((f) => f.endsWith('.d.ts')))
  writeFileSync(file.replace(/\.d\.ts$/, '.d.cts'), toCjs(readFileSync(file, 'utf8')));

// A stale declaration from a deleted source would otherwise be published.
const keep = new Set(written.flatMap((f) => [f, f.replace(/\.d\.ts$/, '.d.cts')]));
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.d\.c?ts$/.test(entry.name) && !keep.has(path)) rmSync(path);
  }
};
walk(outDir);
