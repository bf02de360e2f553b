/**
 * `claimgraph chart KIND --out FILE`: draws one of @claimgraph/charts' charts of a dataset; the
 * file's extension picks the format (.svg, .png, .json for the Vega-Lite spec, .html).
 */
import { checkIntegrity } from '../integrity.js';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, extname } from 'node:path';
import type { CentralityMetric } from '@claimgraph/charts';
import type { Dataset } from '@claimgraph/schema';
import { checkDataset } from '@claimgraph/schema/node';
import { ClaimGraph } from '@claimgraph/sdk';
import type { TopLevelSpec } from 'vega-lite';
import { CliError, EXIT } from '../errors.js';
import { printIssues } from '../output.js';
import { datasetOrBundled } from '../bundled-dataset.js';
import { resolveDatasetPath } from '../paths.js';

export const CHART_KINDS = ['stance', 'timeline', 'network', 'centrality'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];
const FORMATS = ['.svg', '.png', '.json', '.html'] as const;

export interface ChartFlags {
  out: string;
  dataset?: string;
  relation?: string;
  entity?: string;
  metric?: string;
  scale?: string;
}

export async function chartCommand(kind: ChartKind, flags: ChartFlags): Promise<number> {
  const format = extname(flags.out).toLowerCase() as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) {
    throw new CliError(
      `--out ${flags.out}: unknown extension "${extname(flags.out)}"; use .svg, .png, .json (the Vega-Lite spec) or .html`,
    );
  }
  const scale = flags.scale === undefined ? 2 : Number(flags.scale);
  if (!(scale > 0)) throw new CliError(`--scale ${flags.scale}: not a positive number`);

  const path = await resolveDatasetPath(datasetOrBundled(flags.dataset));
  await checkIntegrity(path);
  const { read, result, dataset } = await checkDataset(path);
  if (!dataset) {
    printIssues(result.errors, read.located.dir);
    process.stderr.write(`${path}: cannot chart an invalid dataset; run "claimgraph validate ${path}"\n`);
    return EXIT.invalid;
  }
  // Loaded here, not at start-up: vega and resvg are heavy and only this command needs them.
  const [{ centralityChart, networkChart, stanceChart, timelineChart }, { pngSize, renderHtml, renderPng, renderSvg }] =
    await Promise.all([import('@claimgraph/charts'), import('@claimgraph/charts/render')]);
  const cg = ClaimGraph.fromData(dataset as Dataset, { validate: false, version: read.meta.version });
  // "@claimgraph/dataset-afghanistan-2021" → "afghanistan-2021", as datapackage.json names it.
  const name = read.meta.name?.replace(/^@[^/]+\//, '').replace(/^dataset-/, '');
  const common = { dataset: name };

  let spec: TopLevelSpec;
  try {
    spec =
      kind === 'stance'
        ? stanceChart(cg, { ...common, relation: flags.relation, entity: flags.entity })
        : kind === 'timeline'
          ? timelineChart(cg, { ...common, relation: flags.relation, entity: flags.entity })
          : kind === 'network'
            ? networkChart(cg, { ...common, focus: flags.entity })
            : centralityChart(cg, { ...common, metric: (flags.metric ?? 'degree') as CentralityMetric });
  } catch (error) {
    // A wrong id or option is the user's to fix: the helpers' messages say which and how.
    if (error instanceof Error && error.message.startsWith('@claimgraph/')) throw new CliError(error.message);
    throw error;
  }

  await mkdir(dirname(flags.out), { recursive: true });
  if (format === '.json') await writeFile(flags.out, `${JSON.stringify(spec, null, 2)}\n`);
  else if (format === '.html') await writeFile(flags.out, renderHtml(spec));
  else if (format === '.svg') await writeFile(flags.out, await renderSvg(spec));
  else {
    const png = await renderPng(spec, { scale });
    await writeFile(flags.out, png);
    const { width, height } = pngSize(png);
    process.stdout.write(`wrote ${flags.out} (${width}×${height} px)\n`);
    return EXIT.ok;
  }
  process.stdout.write(`wrote ${flags.out}\n`);
  return EXIT.ok;
}
