/**
 * The generated parts of a dataset README — counts per type, stance and hedge figures, the
 * citation's version — rewritten from `data/` and `package.json`, so a release never ships stale
 * figures. `readme --check` fails when a README differs from what its data gives.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { summarizeDataset, type Dataset } from '@claimgraph/schema';
import { readDataset, writeFilesAtomic } from '@claimgraph/schema/node';
import { CommandError, EXIT } from '@claimgraph/release/errors';
import { datasetDirs } from './check.js';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2011`, `August 2021`, `28 August 2021`: a partial date as a reader says it. */
function spoken(date: string): string {
  const [year, month, day] = date.split('-');
  if (!month) return year!;
  const name = MONTHS[Number(month) - 1]!;
  return day ? `${Number(day)} ${name} ${year}` : `${name} ${year}`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A two-column table, biggest count first, then by name. */
function countTable(title: string, counts: Record<string, number>): string {
  const rows = Object.entries(counts).sort(([a, x], [b, y]) => y - x || (a < b ? -1 : 1));
  return [`| ${title} | count |`, '| --- | ---: |', ...rows.map(([k, n]) => `| \`${k}\` | ${n} |`)].join('\n');
}

/** The text between `<!-- counts … -->` and `<!-- /counts -->`. */
export function countsBlock(dataset: Dataset): string {
  const summary = summarizeDataset(dataset);
  const { entities, relations, statements, sources } = summary.counts;
  const s = dataset.statements;
  const supports = s.filter((x) => x.stance === 'supports').length;
  const disputes = s.length - supports;
  const hedged = s.filter((x) => x.hedged === true).length;
  const partial = s.filter((x) => x.partial === true).length;
  const quoted = s.filter((x) => x.quote !== undefined).length;
  const paraphrased = s.filter((x) => x.paraphrase !== undefined && x.paraphraseBy !== 'curator').length;
  const summarised = s.filter((x) => x.paraphrase !== undefined && x.paraphraseBy === 'curator').length;
  const reported = s.filter((x) => (x.appearances?.length ?? 0) > 0);
  const appearances = reported.reduce((n, x) => n + x.appearances!.length, 0);
  const publishers = new Set(dataset.sources.map((x) => x.publisher)).size;
  const years = dataset.sources.flatMap((x) => (x.published ? [x.published.slice(0, 4)] : [])).sort();
  const secondHand = s.filter((x) => x.reportedBy !== undefined).length;
  const ended = dataset.relations.filter((r) => r.end !== undefined || r.endedBy !== undefined).length;
  const dates = summary.statementDates;
  return [
    `${plural(entities, 'entity', 'entities')}, ${plural(relations, 'relation', 'relations')}, ${plural(statements, 'statement', 'statements')} and ${plural(sources, 'source', 'sources')}.`,
    '',
    countTable('entity type', summary.entityTypes),
    '',
    countTable('relation type', summary.relationTypes),
    '',
    `Statements: ${supports} support and ${disputes} dispute their relation; ${hedged} are hedged, ` +
      (partial > 0 ? `${partial} grant it only in part (\`partial\`), ` : '') +
      `${quoted} carry a verbatim quote and ${paraphrased} the source's paraphrase, ` +
      (summarised > 0 ? `${summarised} a summary in the curators' words, ` : '') +
      `${secondHand} reach the source second-hand (\`reportedBy\`).` +
      (dates ? ` Statement dates run from ${spoken(dates.from)} to ${spoken(dates.to)}.` : '') +
      ` ${plural(ended, 'relation is', 'relations are')} known to have ended (\`end\` or \`endedBy\`).`,
    '',
    `Sources: ${plural(sources, 'source', 'sources')} from ${plural(publishers, 'publisher', 'publishers')}` +
      (years.length > 0
        ? years[0] === years[years.length - 1]
          ? `, published in ${years[0]}`
          : `, published from ${years[0]} to ${years[years.length - 1]}`
        : '') +
      `; ${plural(reported.length, 'statement is', 'statements are')} reported by more than one source ` +
      `(${plural(appearances, 'appearance', 'appearances')} besides the source each was read from).`,
  ].join('\n');
}

const BLOCKS = {
  counts: /(<!-- counts[^>]*-->\n)[\s\S]*?(<!-- \/counts -->)/,
  version: /(<!-- version -->)[\s\S]*?(<!-- \/version -->)/,
};

/** The README with its generated blocks rewritten; throws when a block's markers are missing. */
export function renderReadme(readme: string, dataset: Dataset, version: string, file = 'README.md'): string {
  for (const [name, pattern] of Object.entries(BLOCKS))
    if (!pattern.test(readme))
      throw new CommandError(
        `${file}: no <!-- ${name} --> … <!-- /${name} --> block; add the markers where the generated text goes`,
        EXIT.invalid,
      );
  return readme
    .replace(BLOCKS.counts, (_, open: string, close: string) => `${open}${countsBlock(dataset)}\n${close}`)
    .replace(BLOCKS.version, (_, open: string, close: string) => `${open}version ${version}${close}`);
}

export interface ReadmeResult {
  file: string;
  changed: boolean;
}

/** Rewrites (or, with `check`, compares) the README of every dataset that has generated blocks. */
export async function updateReadmes(root: string, check: boolean): Promise<ReadmeResult[]> {
  const results: ReadmeResult[] = [];
  const writes: { path: string; content: string }[] = [];
  for (const dir of await datasetDirs(root)) {
    const file = join(dir, 'README.md');
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text === null || !text.includes('<!-- counts')) continue;
    const read = await readDataset(dir);
    if (read.data === undefined)
      throw new CommandError(
        `${relative(root, dir)}: the data cannot be read; run "claimgraph validate ${relative(root, dir)}"`,
        EXIT.invalid,
      );
    const version = read.meta.version;
    if (version === undefined)
      throw new CommandError(`${relative(root, dir)}/package.json: no version to cite`, EXIT.invalid);
    const next = renderReadme(text, read.data as Dataset, version, relative(root, file));
    const changed = next !== text;
    if (changed) writes.push({ path: file, content: next });
    results.push({ file: relative(root, file), changed });
  }
  // All READMEs or none, each through a temporary file and a rename: a full disk leaves every one as it was.
  if (!check) await writeFilesAtomic(writes);
  return results;
}
