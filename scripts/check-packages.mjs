#!/usr/bin/env node
// Checks each published package as a user of the registry will meet it: packed once with npm, then
// publint --strict, @arethetypeswrong/cli, the exact list of packed files, no `any` in the packed
// declaration files, the gzipped size of the browser entry points (.size-limit.mjs) and the absence
// of install scripts. Prints a table and exits 1 when any check fails. Run after the build:
// `npm run check:packages` (part of `npm test`).
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { checkConsumers } from './check-consumers.mjs';
import { formatMessage } from 'publint/utils';
import ts from 'typescript';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'node_modules', '.bin');

/**
 * Gzipped budget of the real browser bundle a user ships: an app importing @claimgraph/sdk and
 * @claimgraph/charts, bundled by esbuild with code splitting and everything they import at run time
 * (graphology, the schema…). The budget is for the initial download: the entry chunk and the chunks it
 * imports statically; chunks behind import() (the SDK's file reader for Node) load only when used.
 */
// 90 kB since 0.2 added the columnar decoder to the SDK's main entry (86.0 kB measured); 105 kB
// since 0.3 added merging several datasets, consensus rules and positions (101.7 kB measured);
// 106 kB since 0.4 checks every columnar value against its column's domain on decode, naming the
// record (105.1 kB measured); 107 kB since the scale work of 0.5 (#24) (106.5 kB measured, one file).
// 97 kB since the charts keep ForceAtlas2, the circular layout and betweenness in modules of their own,
// which an app without network or centrality charts drops (8.5 kB), and this check splits as an app's
// bundler does, so the SDK's Node file reader (2.5 kB) is a chunk loaded on demand: 96.1 kB initial,
// 98.6 kB in all. The columnar decoder, merge and the consensus rules stay in the initial chunk:
// ClaimGraph.fromColumns, ClaimGraph.merge and consensus() are synchronous public methods of the main
// entry, so only a breaking change could put them behind import() (merge would win about 6.9 kB,
// the SDK's columnar code 3.7 kB; ClaimGraph.load of a release reads the columnar file anyway).
// 98 kB since validateDataset (in the initial chunk: ClaimGraph.fromData, fromColumns and merge call it) compiles
// the schema's quick record checks itself and runs the cross-record rules by position (+1.25 kB),
// and the SDK finds row-file records through id tables (+0.24 kB): 97.8 kB initial measured.
// 99.2 kB since the quick checks are generated field by field (the schema's generator, which
// validateDataset runs in the browser too, and the SDK's checks: +0.9 kB) and cg.graph orders its
// edges by source (+0.15 kB): 98.9 kB initial measured.
const APP_BUNDLE_BUDGET = 99_200;

/** Scripts npm runs on `npm install` of a package (prepare runs for git dependencies). */
const INSTALL_SCRIPTS = ['preinstall', 'install', 'postinstall', 'prepare'];

/**
 * How @arethetypeswrong/cli checks each package. The libraries use the node16 profile: it checks
 * Node 16+ (import and require) and bundler resolution, not node10, which ignores `exports`, cannot
 * see subpaths such as `@claimgraph/sdk/export`, and predates the Node 20 these packages require.
 * The CLI has no library entry (its `exports` hold only package.json; it is used through `bin`):
 * attw must find no types to resolve. A dataset's entry is a small ES module and a CommonJS file
 * reading its dataset.json, typed by a .d.mts and a .d.cts; runConsumers compiles and runs an
 * import of it in every module mode.
 */
const ATTW_PROFILE = 'node16';

const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

/** Every workspace package, in dependency order: the published ones are checked, the private ones (examples, tools) only for install scripts. */
function workspacePackages() {
  const dirs = [];
  for (const pattern of readJson(join(ROOT, 'package.json')).workspaces) {
    const base = pattern.replace(/\/\*$/, '');
    const children = pattern.endsWith('/*')
      ? readdirSync(join(ROOT, base), { withFileTypes: true })
          .filter((e) => e.isDirectory())
          .map((e) => join(base, e.name))
      : [base];
    for (const dir of children) {
      try {
        dirs.push({ dir, pkg: readJson(join(ROOT, dir, 'package.json')) });
      } catch {
        // not a package
      }
    }
  }
  const order = [
    'packages/schema',
    'packages/sdk',
    'packages/release',
    'packages/charts',
    'packages/site',
    'packages/cli',
  ];
  const rank = (dir) => (order.includes(dir) ? order.indexOf(dir) : order.length);
  return dirs.sort((a, b) => rank(a.dir) - rank(b.dir) || a.dir.localeCompare(b.dir));
}

const isDataset = (pkg) => pkg.name.startsWith('@claimgraph/dataset-');

/** The top-level entries a package may publish: dist, README and LICENSE, bin/ for commands, data/ for datasets. */
function allowedFiles(pkg) {
  const allowed = ['package.json', 'README.md', 'LICENSE', 'dist/'];
  if (pkg.bin) allowed.push('bin/');
  if (isDataset(pkg)) allowed.push('data/', 'types/', 'entry/');
  return allowed;
}

/** Every `any` written in the package's declaration files: public types are precise (STYLE.md). */
function anyInDeclarations(pkgDir, files) {
  const found = [];
  for (const file of files.filter((f) => /\.d\.[cm]?ts$/.test(f))) {
    const source = ts.createSourceFile(file, readFileSync(join(pkgDir, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node) => {
      if (node.kind === ts.SyntaxKind.AnyKeyword) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
        found.push(`${file}:${line + 1}: ${source.text.split('\n')[line].trim().slice(0, 120)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { found, checked: files.filter((f) => /\.d\.[cm]?ts$/.test(f)).length };
}

function packContents(pkg, files) {
  const allowed = allowedFiles(pkg);
  const problems = [];
  for (const file of files) {
    if (!allowed.some((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry)))
      problems.push(`${file} is packed but is not dist, README or LICENSE${pkg.bin ? ', bin' : ''}`);
  }
  for (const entry of allowed) {
    if (!files.some((file) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry)))
      problems.push(`${entry} is missing from the package`);
  }
  return problems;
}

async function checkPackage({ dir, pkg }, sizes, scratch, privateNames) {
  const pkgDir = join(ROOT, dir);
  const row = { name: pkg.name, problems: [] };
  const fail = (check, problem) => row.problems.push(`${check}: ${problem}`);

  // Pack once (without lifecycle scripts) and check the tarball: what is published, not the folder.
  const dest = mkdtempSync(join(scratch, 'pack-'));
  const { stdout } = await run('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dest], {
    cwd: pkgDir,
    maxBuffer: 64 * 1024 * 1024,
  });
  const [packed] = JSON.parse(stdout);
  const tarball = join(dest, packed.filename);
  row.tarball = tarball;
  const files = packed.files.map((f) => f.path).sort();

  const contents = packContents(pkg, files);
  for (const problem of contents) fail('pack', problem);
  row.pack = contents.length ? 'FAIL' : `ok (${files.length} files, ${(packed.size / 1024).toFixed(0)} kB)`;

  const bytes = readFileSync(tarball);
  const { messages, pkg: linted } = await publint({
    strict: true,
    pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
  });
  const errors = messages.filter((m) => m.type === 'error');
  for (const m of errors) fail('publint', formatMessage(m, linted));
  row.publint = errors.length
    ? 'FAIL'
    : messages.length
      ? `ok (${messages.length} suggestion${messages.length === 1 ? '' : 's'})`
      : 'ok';

  const attw = await run(join(BIN, 'attw'), [tarball, '--format', 'json', '--profile', ATTW_PROFILE], {
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    (r) => ({ ok: true, stdout: r.stdout }),
    (e) => ({ ok: false, stdout: e.stdout ?? '', stderr: e.stderr ?? String(e) }),
  );
  let analysis;
  try {
    analysis = JSON.parse(attw.stdout).analysis;
  } catch {
    analysis = undefined;
  }
  const expectsTypes = Boolean(pkg.types || JSON.stringify(pkg.exports ?? {}).includes('"types"'));
  if (!analysis) fail('attw', (attw.stderr || attw.stdout || 'no output').trim());
  else if (analysis.types === false) {
    if (expectsTypes) fail('attw', 'no types found, but package.json points at some');
    row.attw = `n/a (${pkg.bin ? 'bin only' : 'JSON only'}: no types)`;
  } else if (!attw.ok) {
    const kinds = Object.keys(JSON.parse(attw.stdout).problems ?? {});
    fail(
      'attw',
      `problems with profile ${ATTW_PROFILE}: ${kinds.join(', ')} (run: npx attw --pack ${dir} --profile ${ATTW_PROFILE})`,
    );
  }
  row.attw ??=
    attw.ok && analysis ? `ok (${ATTW_PROFILE}, ${Object.keys(analysis.entrypoints ?? {}).length} entries)` : 'FAIL';

  const anys = anyInDeclarations(pkgDir, files);
  for (const where of anys.found) fail('any', `\`any\` in a public type: ${where}`);
  row.any =
    anys.checked === 0 ? '—' : anys.found.length ? `FAIL (${anys.found.length})` : `none (${anys.checked} .d.ts)`;

  const size = sizes.find((s) => s.name === pkg.name);
  if (!size) row.size = '—';
  else {
    row.size = `${(size.size / 1000).toFixed(2)} / ${(size.sizeLimit / 1000).toFixed(0)} kB`;
    if (!size.passed)
      fail(
        'size',
        `dist/index.js and its chunks are ${size.size} B gzipped, over the ${size.sizeLimit} B budget in .size-limit.mjs`,
      );
  }

  // Release tooling (changesets, the private @claimgraph/release-tools) is this repository's, never a user's dependency.
  const packedPkg = JSON.parse(
    (await run('tar', ['-xOzf', tarball, 'package/package.json'], { maxBuffer: 16 * 1024 * 1024 })).stdout,
  );
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const dep of Object.keys(packedPkg[field] ?? {})) {
      if (dep.startsWith('@changesets/') || privateNames.has(dep))
        fail('dependencies', `${field} lists ${dep}, which is release tooling or a private workspace package`);
    }
  }

  const scripts = INSTALL_SCRIPTS.filter((name) => pkg.scripts?.[name] !== undefined);
  for (const name of scripts) fail('install scripts', `"${name}" runs on every install; remove it`);
  row.installScripts = scripts.length ? 'FAIL' : 'none';
  return row;
}

function table(rows) {
  const headers = [
    'package',
    'publint --strict',
    'attw',
    'pack contents',
    'any in types',
    'size (gz) / budget',
    'install scripts',
  ];
  const cells = [headers, ...rows.map((r) => [r.name, r.publint, r.attw, r.pack, r.any, r.size, r.installScripts])];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => row[i].length)));
  const line = (row) =>
    row
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '─'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/**
 * The dataset import as users write it, compiled by TypeScript in each module mode the docs name
 * and then run by Node (bundler mode: bundled by esbuild first), in the consumer project that holds
 * the packed tarballs. Type-checking alone passed a form that Node then refused
 * (ERR_IMPORT_ATTRIBUTE_MISSING). Returns [mode, result] rows and problems.
 */
async function runConsumers(dir, { tsc, esbuild }) {
  const name = '@claimgraph/dataset-afghanistan-2021';
  const use = 'console.log(`${typed.entities.length} entities, ${typed.statements.length} statements`);';
  const modes = [
    { mode: 'node16 ESM', file: 'run-esm.mts', out: 'run-esm.mjs', code: `import data from '${name}';` },
    {
      mode: 'nodenext ESM',
      file: 'run-next.mts',
      out: 'run-next.mjs',
      module: 'nodenext',
      code: `import data from '${name}';`,
    },
    { mode: 'node16 CommonJS', file: 'run-cjs.cts', out: 'run-cjs.cjs', code: `import data = require('${name}');` },
    {
      mode: 'bundler',
      file: 'run-bundler.ts',
      out: 'run-bundler.js',
      module: 'esnext',
      bundle: true,
      code: `import data from '${name}';`,
    },
  ];
  const expected = JSON.parse(readFileSync(join(dir, 'node_modules', name, 'dist', 'dataset.json'), 'utf8'));
  const want = `${expected.entities.length} entities, ${expected.statements.length} statements`;
  const rows = [];
  const problems = [];
  for (const m of modes) {
    const module = m.module ?? 'node16';
    writeFileSync(
      join(dir, m.file),
      `${m.code}\nimport type { Dataset } from '@claimgraph/schema';\nconst typed: Dataset = data;\n${use}\n`,
    );
    const config = join(dir, `tsconfig.${m.file}.json`);
    writeFileSync(
      config,
      JSON.stringify({
        compilerOptions: {
          module,
          moduleResolution: module === 'esnext' ? 'bundler' : module,
          target: 'es2022',
          strict: true,
          skipLibCheck: false,
          outDir: 'out',
          types: [],
          lib: ['es2022', 'dom'],
        },
        files: [m.file],
      }),
    );
    const failure = (e) => `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || String(e);
    let problem = await run(tsc, ['-p', config], { cwd: dir }).then(() => null, failure);
    if (problem === null) {
      let script = join(dir, 'out', m.out);
      if (m.bundle) {
        const bundled = join(dir, 'out', 'run-bundler.bundle.mjs');
        problem = await run(esbuild, [script, '--bundle', '--platform=node', '--format=esm', `--outfile=${bundled}`], {
          cwd: dir,
        }).then(() => null, failure);
        script = bundled;
      }
      if (problem === null)
        problem = await run('node', [script], { cwd: dir }).then(
          ({ stdout }) => (stdout.trim() === want ? null : `printed "${stdout.trim()}", not "${want}"`),
          failure,
        );
    }
    rows.push([m.mode, problem === null ? 'ran' : 'FAIL']);
    if (problem !== null)
      problems.push(`run (${m.mode}: ${m.code}): ${problem.split('\n').slice(0, 6).join('\n    ')}`);
  }
  return { rows, problems };
}

const started = Date.now();
const scratch = mkdtempSync(join(tmpdir(), 'claimgraph-check-packages-'));
try {
  // size-limit exits 1 when a budget is exceeded, still printing its JSON; anything else is a broken setup.
  const measured = await run(join(BIN, 'size-limit'), ['--json'], { cwd: ROOT }).catch((e) => e);
  let sizes;
  try {
    sizes = JSON.parse(measured.stdout);
  } catch {
    throw new Error(`size-limit failed (is everything built? npm run build):\n${measured.stderr ?? measured.message}`);
  }
  const workspaces = workspacePackages();
  const packages = workspaces.filter(({ pkg }) => pkg.private !== true);
  const privateNames = new Set(workspaces.filter(({ pkg }) => pkg.private === true).map(({ pkg }) => pkg.name));
  const rows = [];
  // Two at a time: npm pack and attw are mostly waiting on the disk and on child processes.
  for (let i = 0; i < packages.length; i += 2)
    rows.push(
      ...(await Promise.all(packages.slice(i, i + 2).map((p) => checkPackage(p, sizes, scratch, privateNames)))),
    );

  // Private workspaces are never published, but `npm ci` still runs their install scripts.
  const unpublished = [
    { dir: '.', pkg: readJson(join(ROOT, 'package.json')) },
    ...workspaces.filter(({ pkg }) => pkg.private === true),
  ];
  const privateProblems = unpublished.flatMap(({ dir, pkg }) =>
    INSTALL_SCRIPTS.filter((name) => pkg.scripts?.[name] !== undefined).map(
      (name) => `${dir}/package.json: install script "${name}"; remove it`,
    ),
  );

  console.log(table(rows));

  // A user's project: the library tarballs installed, type-checked in every module mode, bundled for a browser.
  const libraries = rows.filter((r) => r.name !== '@claimgraph/cli').map((r) => r.tarball);
  const consumer = await checkConsumers(libraries, join(scratch, 'consumer'), {
    tsc: join(BIN, 'tsc'),
    esbuild: join(BIN, 'esbuild'),
  });
  const ran = await runConsumers(join(scratch, 'consumer'), { tsc: join(BIN, 'tsc'), esbuild: join(BIN, 'esbuild') });
  const consumerProblems = [...consumer.problems, ...ran.problems];
  if (consumer.bundle && consumer.bundle.initial > APP_BUNDLE_BUDGET)
    consumerProblems.push(
      `bundle: an app importing @claimgraph/sdk and @claimgraph/charts downloads ${consumer.bundle.initial} B gzipped before it runs, over the ${APP_BUNDLE_BUDGET} B budget (APP_BUNDLE_BUDGET in scripts/check-packages.mjs)`,
    );
  console.log(
    `\nconsumer project (tarballs installed in ${consumer.installSeconds.toFixed(1)} s, skipLibCheck off): ${consumer.rows.map(([mode, result]) => `${mode} ${result}`).join(', ')}; the dataset import compiled and run: ${ran.rows.map(([mode, result]) => `${mode} ${result}`).join(', ')}`,
  );
  if (consumer.bundle)
    console.log(
      `browser app bundle (esbuild --bundle --minify --splitting of @claimgraph/sdk + @claimgraph/charts and everything they import at run time): ${(consumer.bundle.initial / 1000).toFixed(1)} / ${(APP_BUNDLE_BUDGET / 1000).toFixed(0)} kB gzipped initial download, ${(consumer.bundle.total / 1000).toFixed(1)} kB gzipped and ${(consumer.bundle.minified / 1000).toFixed(1)} kB minified in all ${consumer.bundle.files} files`,
    );
  const problems = [
    ...rows.flatMap((r) => r.problems.map((p) => `${r.name}: ${p}`)),
    ...privateProblems,
    ...consumerProblems.map((p) => `consumer: ${p}`),
  ];
  console.log(
    `\n${rows.length} packages checked in ${((Date.now() - started) / 1000).toFixed(1)} s; no install scripts in ${unpublished.map((u) => relative(ROOT, join(ROOT, u.dir, 'package.json'))).join(' or ')} either${privateProblems.length ? ' — except:' : '.'}`,
  );
  if (problems.length) {
    console.error(
      `\n${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
    process.exitCode = 1;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
