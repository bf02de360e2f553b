#!/usr/bin/env node
// The public API of a published package, as API Extractor reports it: one `api/<name>.api.md` per
// entry point in the package's `exports` (the `./internal` subpath, not covered by semver, is left
// out), checked into the repository so that a change to the public surface shows in review.
// Usage, in a package folder after its build: `node ../../scripts/api-report.mjs` checks the built
// declarations against the reports and exits 1 when they differ (the `api` task of `npm test`);
// `--update` rewrites the reports (`npm run api` at the root does every package).
// A package joins by adding `"api": "node ../../scripts/api-report.mjs"` to its scripts.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Extractor, ExtractorConfig } from '@microsoft/api-extractor';

const pkgDir = process.cwd();
const update = process.argv.includes('--update');
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const unscoped = pkg.name.replace(/^@[^/]+\//, '');

/** Subpaths not reported: package.json, the internal helpers, file patterns. */
const skipped = (subpath) => subpath === './package.json' || subpath === './internal' || subpath.includes('*');

/** Each reported entry: its report name (`sdk`, `sdk-export`) and its ESM declaration file. */
function entries() {
  const out = [];
  for (const [subpath, target] of Object.entries(pkg.exports ?? {})) {
    if (skipped(subpath)) continue;
    const types = target?.import?.types ?? target?.types;
    if (typeof types !== 'string') continue;
    const name = subpath === '.' ? unscoped : `${unscoped}-${subpath.slice(2).replace(/\//g, '-')}`;
    out.push({ subpath, name, types: join(pkgDir, types) });
  }
  return out;
}

if (update) mkdirSync(join(pkgDir, 'api'), { recursive: true });
const temp = mkdtempSync(join(tmpdir(), 'api-report-'));
const changed = [];
try {
  for (const entry of entries()) {
    const config = ExtractorConfig.prepare({
      configObject: {
        projectFolder: pkgDir,
        mainEntryPointFilePath: entry.types,
        compiler: {
          overrideTsconfig: {
            compilerOptions: {
              target: 'ES2022',
              lib: ['ES2022', 'DOM'],
              module: 'NodeNext',
              moduleResolution: 'NodeNext',
              types: ['node'],
              strict: true,
              skipLibCheck: true,
            },
            files: [entry.types],
          },
        },
        apiReport: {
          enabled: true,
          reportFileName: entry.name,
          reportFolder: join(pkgDir, 'api'),
          reportTempFolder: temp,
          includeForgottenExports: false,
        },
        docModel: { enabled: false },
        dtsRollup: { enabled: false },
        tsdocMetadata: { enabled: false },
        messages: {
          compilerMessageReporting: { default: { logLevel: 'warning' } },
          // The report lists every export; release tags (@public, @beta) are not a habit of this repo.
          extractorMessageReporting: {
            default: { logLevel: 'none' },
            'ae-missing-release-tag': { logLevel: 'none' },
            'ae-forgotten-export': { logLevel: 'none', addToApiReportFile: true },
          },
          tsdocMessageReporting: { default: { logLevel: 'none' } },
        },
      },
      configObjectFullPath: undefined,
      packageJsonFullPath: join(pkgDir, 'package.json'),
    });
    const result = Extractor.invoke(config, {
      localBuild: update,
      showVerboseMessages: false,
      messageCallback: (message) => {
        // The report's own "API signature changed" warning is replaced by the one message below.
        if (message.messageId === 'console-api-report-changed' || message.messageId === 'console-api-report-copied')
          message.handled = true;
      },
    });
    if (!result.succeeded && !result.apiReportChanged) {
      process.stderr.write(`api-report: ${pkg.name} ${entry.subpath}: API Extractor failed (see above)\n`);
      process.exitCode = 1;
    }
    if (result.apiReportChanged) changed.push(entry);
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}

const root = relative(pkgDir, join(pkgDir, '..', '..')) || '.';
if (changed.length && !update) {
  for (const entry of changed)
    process.stderr.write(
      `api-report: ${pkg.name}: the public API of "${entry.subpath}" differs from api/${entry.name}.api.md\n`,
    );
  process.stderr.write(
    `api-report: if the change is intended, run "npm run api" at the repository root (or "npm run api -- --update" in ${relative(root, pkgDir)}) and commit the reports; add a changeset for the change to the public API\n`,
  );
  process.exitCode = 1;
} else if (changed.length) {
  for (const entry of changed) process.stdout.write(`api-report: ${pkg.name}: wrote api/${entry.name}.api.md\n`);
}
