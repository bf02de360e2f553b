/**
 * `claimgraph chart KIND --out FILE`: draws one of @claimgraph/charts' charts of a dataset; the
 * file's extension picks the format (.svg, .png, .json for the Vega-Lite spec, .html). `chart
 * runtime` writes the file that .html pages made with `--runtime` share (./chart-runtime.ts).
 */
import { makeFolder, writeFileAtomic } from '@claimgraph/schema/node';
import { dirname, extname } from 'node:path';
import type { CentralityMetric } from '@claimgraph/charts';
import type { Dataset, EntityType } from '@claimgraph/schema';
import { checkDataset } from '@claimgraph/schema/node';
import { ClaimGraph } from '@claimgraph/sdk';
import type { TopLevelSpec } from 'vega-lite';
import { CliError, EXIT } from '../errors.js';
import type { ChartKind } from '../program.js';
import { fsPath, shownPath, type CliIO } from '../io.js';
import { printIssues } from '../output.js';
import { chooseDatasets, datasetsLabel, isMerge, openGraph, type DatasetFlags } from '../datasets.js';
import { nameToId } from '../names.js';

const FORMATS = ['.svg', '.png', '.json', '.html'] as const;

export interface ChartFlags extends DatasetFlags {
  out: string;
  title?: string;
  subtitle?: string;
  credit?: string;
  titleLines?: string;
  from?: string;
  to?: string;
  relation?: string;
  entity?: string;
  all?: boolean;
  metric?: string;
  types?: string;
  width?: string;
  height?: string;
  scale?: string;
  maxEntities?: string;
  runtime?: string;
}

/** Which kinds each selection flag means something for. */
const APPLIES: Record<string, readonly ChartKind[]> = {
  from: ['stance', 'timeline'],
  to: ['stance', 'timeline'],
  relation: ['stance', 'timeline', 'network'],
  entity: ['stance', 'timeline', 'network'],
  all: ['network'],
  types: ['centrality'],
  height: ['network'],
  maxEntities: ['centrality'],
};

/** A whole number of pixels within [min, max], or a usage error naming the flag. */
function pixels(flag: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max)
    throw new CliError(`--${flag} ${value}: not a whole number of pixels from ${min} to ${max}`);
  return n;
}

/** `--title-lines`: a whole number of lines from 1 to 20, or a usage error. */
function lineLimit(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < 1 || n > 20)
    throw new CliError(`--title-lines ${value}: not a whole number of lines from 1 to 20`);
  return n;
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export async function chartCommand(io: CliIO, kind: ChartKind | 'runtime', flags: ChartFlags): Promise<number> {
  if (kind === 'runtime') return (await import('./chart-runtime.js')).runtimeCommand(io, flags);
  const format = extname(flags.out).toLowerCase() as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    throw new CliError(
      `--out ${flags.out}: unknown extension "${extname(flags.out)}"; use .svg, .png, .json (the Vega-Lite spec) or .html`,
    );
  }
  for (const [flag, kinds] of Object.entries(APPLIES)) {
    if (flags[flag as keyof ChartFlags] !== undefined && !kinds.includes(kind))
      throw new CliError(`--${kebab(flag)} does not apply to the ${kind} chart; it works with ${kinds.join(', ')}`);
  }
  if (flags.runtime !== undefined && format !== '.html')
    throw new CliError(`--runtime applies to .html pages, not to ${flags.out}`);
  if (flags.runtime !== undefined && flags.runtime.trim() === '')
    throw new CliError(
      '--runtime: give the URL the page loads the chart runtime from, such as ./ (a folder beside the page)',
    );
  if (flags.metric !== undefined && flags.metric !== 'degree' && kind !== 'centrality')
    throw new CliError(`--metric does not apply to the ${kind} chart; it works with centrality`);
  const scale = flags.scale === undefined ? 2 : Number(flags.scale);
  // Below MIN_SCALE the smallest figure rounds to no pixels at all.
  if (!(scale >= MIN_SCALE) || scale > MAX_SCALE)
    throw new CliError(`--scale ${flags.scale}: not a number from ${MIN_SCALE} to ${MAX_SCALE}`);
  const maxEntities = flags.maxEntities === undefined ? MAX_BETWEENNESS_ENTITIES : Number(flags.maxEntities);
  if (!Number.isInteger(maxEntities) || maxEntities < 1)
    throw new CliError(`--max-entities ${flags.maxEntities}: not a positive whole number`);
  const width = pixels('width', flags.width, 200, 2400);
  const height = pixels('height', flags.height, 160, 4000);
  const titleLines = lineLimit(flags.titleLines);

  const chosen = await chooseDatasets(io, flags);
  let cg: ClaimGraph;
  if (isMerge(flags)) cg = (await openGraph(io, flags, chosen)).cg;
  else {
    const { given, path } = chosen[0]!;
    const { read, result, dataset } = await checkDataset(path);
    if (!dataset) {
      printIssues(io, result.errors, shownPath(io, read.located.dir, given));
      io.stderr.write(`${given}: cannot chart an invalid dataset; run "claimgraph validate ${given}"\n`);
      return EXIT.invalid;
    }
    // "@claimgraph/dataset-afghanistan-2021" → "afghanistan-2021", as datapackage.json names it; the
    // charts' default source line names the dataset from cg.name.
    const name = read.meta.name?.replace(/^@[^/]+\//, '').replace(/^dataset-/, '');
    cg = ClaimGraph.fromData(dataset as Dataset, { validate: false, version: read.meta.version, name });
  }
  // Betweenness visits every shortest path (entities × ties): past the cap it would run for minutes.
  if (kind === 'centrality' && flags.metric === 'betweenness') {
    const entities = cg.entities().length;
    if (entities > maxEntities)
      throw new CliError(
        `--metric betweenness: the graph has ${entities.toLocaleString('en')} entities and betweenness is computed for at most ${maxEntities.toLocaleString('en')} (its time grows with entities × ties); raise the cap with --max-entities, or use --metric degree`,
        EXIT.invalid,
      );
  }
  // Loaded here, not at start-up: vega and resvg are heavy and only this command needs them.
  const [charts, render] = await Promise.all([import('@claimgraph/charts'), import('@claimgraph/charts/render')]);
  const frame = {
    title: flags.title,
    subtitle: flags.subtitle,
    credit: flags.credit,
    titleLines,
    // A merged graph has no name of its own: the source line names every dataset with its version.
    ...(cg.datasets.length > 1 ? { dataset: datasetsLabel(cg) } : {}),
  };
  // Names work as ids: `--entity "Haqqani network"`, `--relation "Haqqani network part-of Taliban"`.
  const select = {
    relation: nameToId(cg, flags.relation, '--relation', 'relation'),
    entity: nameToId(cg, flags.entity, '--entity', 'entity'),
  };
  const window = { from: flags.from, to: flags.to };
  const types = flags.types
    ?.split(',')
    .map((t) => t.trim())
    .filter(Boolean) as EntityType[] | undefined;

  const draw = (w: number | undefined): TopLevelSpec =>
    kind === 'stance'
      ? charts.stanceChart(cg, { ...frame, ...select, ...window, width: w })
      : kind === 'timeline'
        ? charts.timelineChart(cg, { ...frame, ...select, ...window, width: w })
        : kind === 'network'
          ? charts.networkChart(cg, { ...frame, ...select, all: flags.all, width: w, height })
          : charts.centralityChart(cg, { ...frame, metric: flags.metric as CentralityMetric, types, width: w });
  try {
    const out = fsPath(io, flags.out);
    if (format === '.html') {
      // A responsive figure: the chart laid out again for each width band, picked by the page. With
      // --runtime it loads vega from one shared file instead of carrying its own copy.
      const shared = flags.runtime === undefined ? {} : { libraries: 'shared' as const, runtimeUrl: flags.runtime };
      let html: string;
      try {
        html = render.renderResponsiveHtml(draw, shared);
      } catch (error) {
        // A page option it cannot use (--runtime with a space in it) is the user's to fix too.
        if (error instanceof render.ChartRenderError) throw new CliError(flagNames(error.message));
        throw error;
      }
      const after =
        flags.runtime === undefined
          ? ''
          : await (
              await import('./chart-runtime.js')
            ).runtimeForPage(io, out, render.runtimeSrc(flags.runtime), render.chartRuntime());
      await makeFolder(dirname(out));
      await writeFileAtomic(out, html);
      io.stdout.write(`wrote ${flags.out}\n${after}`);
      return EXIT.ok;
    }
    const spec = draw(width);
    const bytes =
      format === '.json'
        ? `${JSON.stringify(spec, null, 2)}\n`
        : format === '.svg'
          ? await render.renderSvg(spec)
          : await render.renderPng(spec, { scale });
    await makeFolder(dirname(out));
    await writeFileAtomic(out, bytes);
    if (format === '.png') {
      const size = render.pngSize(bytes as Uint8Array);
      io.stdout.write(`wrote ${flags.out} (${size.width}×${size.height} px)\n`);
    } else io.stdout.write(`wrote ${flags.out}\n`);
    return EXIT.ok;
  } catch (error) {
    // A wrong id, option or size is the user's to fix: the charts' own errors say which and how.
    if (error instanceof charts.ChartError) throw new CliError(flagNames(error.message));
    throw error;
  }
}

/** The most pixels per SVG unit `--scale` takes. */
const MAX_SCALE = 8;
/** The fewest: a 200-pixel figure is still 10 pixels wide. */
const MIN_SCALE = 0.05;
/** The most entities `--metric betweenness` ranks unless `--max-entities` says otherwise. */
const MAX_BETWEENNESS_ENTITIES = 20_000;

/** "options.from" in a chart's message is the "--from" flag here. */
const flagNames = (message: string) =>
  message.replace(
    /options\.([a-zA-Z]+)/g,
    (_, option: string) => `--${kebab(option === 'runtimeUrl' ? 'runtime' : option)}`,
  );
