// What a user's project gets from the packed packages: installs the tarballs into a fresh
// consumer project (offline first: the other dependencies come from the npm cache), type-checks
// the same small program in every module mode TypeScript users pick (node16 ESM, node16 CommonJS,
// bundler) with skipLibCheck off, and bundles a browser app importing the SDK and the charts with
// esbuild to measure what a user ships. Called by check-packages.mjs with its tarballs.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

const run = promisify(execFile);

/** The program each mode compiles: every public entry, used in type positions and calls. */
const PROGRAM = (dataset) => `
${dataset}
import { ClaimGraph, type Dataset, type Status } from '@claimgraph/sdk';
import { exportDataset, type ExportFormat } from '@claimgraph/sdk/export';
import { validateDataset, type Entity } from '@claimgraph/schema';
import { stanceChart, networkChart, type StanceChartOptions } from '@claimgraph/charts';
import type { renderSvg, PngOptions } from '@claimgraph/charts/render';

const typed: Dataset = data;
const cg = ClaimGraph.fromData(typed, { name: 'afghanistan-2021' });
const status: Status | undefined = cg.contested()[0] ? 'contested' : undefined;
const entity: Entity | undefined = cg.entities()[0];
const format: ExportFormat = 'gexf';
const options: StanceChartOptions = {};
const spec = stanceChart(cg, options);
const network = networkChart(cg);
type Render = typeof renderSvg;
const png: PngOptions = {};
export const used = [status, entity, format, spec.$schema, network, validateDataset(typed).valid, exportDataset, png, cg.name];
export type { Render };
`;

const MODES = [
  {
    name: 'node16 ESM',
    file: 'esm.mts',
    compilerOptions: { module: 'node16', moduleResolution: 'node16' },
    dataset: "import data from '@claimgraph/dataset-afghanistan-2021';",
  },
  {
    name: 'node16 CommonJS',
    file: 'cjs.cts',
    compilerOptions: { module: 'node16', moduleResolution: 'node16' },
    dataset: "import data = require('@claimgraph/dataset-afghanistan-2021');",
  },
  {
    name: 'bundler',
    file: 'bundler.ts',
    compilerOptions: { module: 'esnext', moduleResolution: 'bundler' },
    dataset: "import data from '@claimgraph/dataset-afghanistan-2021';",
  },
];

/** The browser app whose bundle is measured: the SDK, its export entry and a chart, as a page would use them. */
const APP = `
import { ClaimGraph } from '@claimgraph/sdk';
import { stanceChart } from '@claimgraph/charts';
const cg = await ClaimGraph.load(new URL('dataset/', location.href));
document.body.textContent = JSON.stringify(stanceChart(cg, { relation: cg.contested()[0].id }));
`;

/**
 * The entry file of a split bundle and the chunks it imports statically, transitively: what a
 * page downloads before the app runs.
 */
function initialFiles(metafile) {
  const entry = Object.keys(metafile.outputs).find((file) => metafile.outputs[file].entryPoint === 'app.js');
  const initial = new Set();
  const visit = (file) => {
    if (initial.has(file)) return;
    initial.add(file);
    for (const imported of metafile.outputs[file].imports)
      if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entry);
  return [...initial];
}

/**
 * The gzipped sizes of a split bundle from esbuild's metafile: `initial` (initialFiles) and `total`,
 * every file, chunks loaded on demand included. Each file is gzipped on its own, as served.
 */
function bundleSizes(dir, metafile) {
  const gzipped = (file) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  const files = Object.keys(metafile.outputs);
  const sum = (list) => list.reduce((total, file) => total + gzipped(file), 0);
  return {
    initial: sum(initialFiles(metafile)),
    total: sum(files),
    files: files.length,
    minified: files.reduce((total, file) => total + metafile.outputs[file].bytes, 0),
  };
}

/**
 * Code the app must not download before it runs: it draws a stance chart only, and loads over http.
 * Each rule names where the split is made, for whoever breaks it.
 */
const NOT_INITIAL = [
  {
    input: /node_modules\/(graphology-layout-forceatlas2|graphology-layout|graphology-metrics)\//,
    why: 'the network layouts and betweenness, which only networkChart and centralityChart use (packages/charts/tsup.config.ts keeps them in chunks of their own)',
  },
  {
    input: /node_modules\/@claimgraph\/sdk\/dist\/load-file-/,
    why: "the SDK's Node file reader, which only paths and file: URLs need (load.ts imports it with import())",
  },
];

/** What the initial download holds that NOT_INITIAL keeps out, one problem per rule. */
function initialProblems(metafile) {
  const inputs = initialFiles(metafile).flatMap((file) => Object.keys(metafile.outputs[file].inputs));
  return NOT_INITIAL.flatMap(({ input, why }) => {
    const found = [...new Set(inputs.filter((path) => input.test(path)))];
    return found.length === 0 ? [] : [`bundle: the app's initial download holds ${why}: ${found.join(', ')}`];
  });
}

/**
 * Installs `tarballs` into `dir` and runs the checks. Returns { rows, problems, bundle } where
 * rows are [mode, result] pairs and bundle the app's sizes in bytes (see bundleSizes).
 */
export async function checkConsumers(tarballs, dir, { tsc, esbuild }) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  const started = Date.now();
  await run(
    'npm',
    ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--no-package-lock', ...tarballs],
    { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
  );
  const installSeconds = (Date.now() - started) / 1000;
  const rows = [];
  const problems = [];
  for (const mode of MODES) {
    writeFileSync(join(dir, mode.file), PROGRAM(mode.dataset));
    const config = `tsconfig.${mode.file.replace(/\.\w+$/, '')}.json`;
    writeFileSync(
      join(dir, config),
      JSON.stringify({
        compilerOptions: {
          ...mode.compilerOptions,
          target: 'es2022',
          strict: true,
          skipLibCheck: false,
          noEmit: true,
          esModuleInterop: true,
          types: [],
          lib: ['es2022', 'dom'],
        },
        files: [mode.file],
      }),
    );
    const result = await run(tsc, ['-p', config], { cwd: dir, maxBuffer: 64 * 1024 * 1024 }).then(
      () => null,
      (e) => `${e.stdout ?? ''}${e.stderr ?? ''}`.trim() || String(e),
    );
    rows.push([mode.name, result === null ? 'ok' : 'FAIL']);
    if (result !== null) problems.push(`types (${mode.name}): ${result.split('\n').slice(0, 8).join('\n    ')}`);
  }

  // The native PNG renderer is an optional peer: a plain install leaves it out, and renderPng says what to install.
  const resvgInstalled = existsSync(join(dir, 'node_modules', '@resvg', 'resvg-js'));
  if (resvgInstalled)
    problems.push('resvg: @resvg/resvg-js was installed without being asked for; it must stay an optional peer');
  for (const [kind, load] of [
    ['import', "await import('@claimgraph/charts/render')"],
    ['require', "require('@claimgraph/charts/render')"],
  ]) {
    const script = `const m = ${load}; m.renderPng({ mark: 'point' }).then(() => console.log('rendered'), (e) => console.log(e.name + ': ' + e.message));`;
    const { stdout } = await run(
      'node',
      kind === 'import' ? ['--input-type=module', '-e', script] : ['-e', `(async () => { ${script} })()`],
      {
        cwd: dir,
      },
    );
    const ok =
      !resvgInstalled &&
      stdout.startsWith('MissingRendererError: @claimgraph/charts: render: renderPng needs @resvg/resvg-js');
    rows.push([`renderPng without resvg (${kind})`, ok ? 'clear error' : 'FAIL']);
    if (!ok) problems.push(`resvg (${kind}): renderPng without @resvg/resvg-js printed: ${stdout.trim()}`);
  }

  writeFileSync(join(dir, 'app.js'), APP);
  let bundle;
  try {
    // Split as an app's bundler does (Vite, esbuild with splitting): code behind import() (reading
    // files in Node) becomes chunks of its own, loaded only when a call needs them. Without
    // splitting, esbuild would inline those chunks into the one file.
    await run(
      esbuild,
      [
        'app.js',
        '--bundle',
        '--minify',
        '--splitting',
        '--format=esm',
        '--platform=browser',
        '--log-level=error',
        '--outdir=app-bundle',
        '--metafile=meta.json',
      ],
      { cwd: dir, maxBuffer: 64 * 1024 * 1024 },
    );
    const metafile = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8'));
    bundle = bundleSizes(dir, metafile);
    problems.push(...initialProblems(metafile));
  } catch (error) {
    problems.push(
      `bundle: esbuild could not bundle an app importing @claimgraph/sdk and @claimgraph/charts for the browser: ${String(
        error.stderr ?? error,
      )
        .trim()
        .split('\n')
        .slice(0, 6)
        .join('\n    ')}`,
    );
  }
  return { rows, problems, bundle, installSeconds };
}
