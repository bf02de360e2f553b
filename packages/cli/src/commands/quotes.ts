/**
 * `claimgraph quotes [DIR] --sources DIR [--anchor]`: every quote, paraphrase and «…» note excerpt
 * must be verbatim in a text snapshot of its source; near misses are explained, and `--anchor`
 * records where each quote sits (a TextPositionSelector) without copying any source text.
 */
import { readDataset } from '@claimgraph/schema/node';
import type { Dataset, Statement } from '@claimgraph/schema';
import { checkQuotes, codePointOffset, snapshotFileName, type QuoteCheck } from '@claimgraph/sdk/quotes';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CliError, EXIT } from '../errors.js';
import { fsPath, type CliIO } from '../io.js';
import { plural, printIssues, printJson } from '../output.js';
import { resolveDatasetPath } from '../paths.js';
import { dataFingerprint, sourceFileTexts, writeDataFiles } from '../sheet/source-files.js';

export interface QuotesFlags {
  sources?: string;
  anchor?: boolean;
  json?: boolean;
}

interface Snapshot {
  text: string;
  sha256: string;
  file: string;
}

export async function quotesCommand(io: CliIO, dir: string | undefined, flags: QuotesFlags): Promise<number> {
  if (!flags.sources) throw new CliError('quotes needs --sources DIR: the folder of source text snapshots', EXIT.usage);
  const sourcesDir = fsPath(io, flags.sources);
  if (!(await stat(sourcesDir).catch(() => undefined))?.isDirectory())
    throw new CliError(
      `${flags.sources}: no such folder of source snapshots. Snapshots are text captures of each source (<source id without src:>.txt), kept outside the repository because the articles are copyrighted: a maintainer keeps them in shared/sources/ beside the clone. Point --sources at that folder (the dataset tests read CLAIMGRAPH_SOURCES); without them the verbatim-quote check cannot run`,
      EXIT.usage,
    );
  const { given, path } = await resolveDatasetPath(io, dir);
  // What --anchor's write compares with under its lock: a change made meanwhile refuses the write.
  const since = flags.anchor ? await dataFingerprint(path) : '';
  const read = await readDataset(path);
  if (!read.data || read.issues.length > 0) {
    printIssues(io, read.issues, given);
    return EXIT.invalid;
  }
  const data = read.data as Dataset;
  if (flags.anchor && read.located.layout !== 'source')
    throw new CliError(
      `${given}: --anchor writes into a dataset source folder (with data/), not a release`,
      EXIT.usage,
    );

  const snapshots = new Map<string, Snapshot>();
  for (const source of data.sources) {
    const file = snapshotFileName(source.id);
    const bytes = await readFile(join(sourcesDir, file)).catch(() => undefined);
    if (!bytes) continue;
    snapshots.set(source.id, {
      text: bytes.toString('utf8'),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      file,
    });
  }
  const report = checkQuotes(data, new Map([...snapshots].map(([id, s]) => [id, s.text])));
  // Words anchored by position were measured on a snapshot, which must be there to check them; a
  // source read live (anchored by exact text, or not at all) is counted, not failed, without one.
  const measured = sourcesWithSnapshots(data);
  const unchecked = report.checks.filter((c) => c.match.status === 'no-snapshot');
  const requiredMissing = unchecked.filter((c) => c.source !== undefined && measured.has(c.source));
  const live = new Set(unchecked.filter((c) => !requiredMissing.includes(c)).map((c) => c.source));
  const ok = report.nearMisses + report.missing + requiredMissing.length === 0;

  if (flags.json) printJson(io, { ...report, ok });
  else {
    for (const check of report.checks) {
      if (check.match.status === 'no-snapshot' && !requiredMissing.includes(check)) continue;
      const line = describeCheck(check, read.files.statements, snapshots, flags.sources);
      if (line) io.stderr.write(`${line}\n`);
    }
    io.stdout.write(
      `${plural(report.checks.length, 'excerpt')} checked: ${report.verbatim} verbatim, ${plural(report.nearMisses, 'near miss', 'near misses')}, ${report.missing} not found, ${report.unchecked} without a snapshot\n`,
    );
    if (live.size > 0)
      io.stdout.write(
        `${plural(unchecked.length - requiredMissing.length, 'excerpt')} in ${plural(live.size, 'source')} read live (no snapshot in ${flags.sources}, none expected) not checked here: their exact-text selectors say where the words are on each page\n`,
      );
  }

  if (flags.anchor) {
    const anchored = anchorStatements(data, report.checks, snapshots);
    const { written, recovered } = await writeDataFiles(
      path,
      sourceFileTexts({ ...data, statements: anchored.statements }),
      { holder: 'quotes --anchor', since, given },
    );
    for (const note of recovered) io.stderr.write(`${note}\n`);
    if (!flags.json) {
      for (const file of written) io.stdout.write(`wrote ${file}\n`);
      io.stdout.write(`${plural(anchored.count, 'statement')} anchored in their source snapshots\n`);
    }
  }
  return ok ? EXIT.ok : EXIT.invalid;
}

/** Sources some words were measured on by position (a TextPositionSelector): their snapshots exist somewhere. */
function sourcesWithSnapshots(data: Dataset): Set<string> {
  const out = new Set<string>();
  for (const s of data.statements) {
    if (s.anchor?.type === 'TextPositionSelector') out.add(s.source);
    for (const a of s.appearances ?? []) if (a.anchor?.type === 'TextPositionSelector') out.add(a.source);
  }
  return out;
}

/** One line for a check that did not pass: file, record, field, what is wrong and the closest span. */
function describeCheck(
  check: QuoteCheck,
  statementsFile: string,
  snapshots: Map<string, Snapshot>,
  sourcesDir: string,
): string | undefined {
  const where = `${check.record.startsWith('st:') ? statementsFile : 'data'}: ${check.record} /${check.field}`;
  const match = check.match;
  if (match.status === 'verbatim') return undefined;
  if (match.status === 'no-snapshot')
    return `${where}: not checked: no snapshot of ${check.source} (expected ${join(sourcesDir, snapshotFileName(check.source ?? ''))})`;
  const file = snapshots.get(check.source!)?.file ?? '';
  const excerpt = check.text.length > 60 ? `${check.text.slice(0, 57)}…` : check.text;
  if (match.status === 'missing') return `${where}: not found in ${file}: ${JSON.stringify(excerpt)}`;
  const differences = match.differences.map((d) => `\n    ${d.message}`).join('');
  return `${where}: near miss in ${file}, closest span ${JSON.stringify(match.span)}:${differences}`;
}

/** Statements with `anchor` set for each verbatim quote or paraphrase; anchors of words no longer found are removed. */
function anchorStatements(
  data: Dataset,
  checks: QuoteCheck[],
  snapshots: Map<string, Snapshot>,
): { statements: Statement[]; count: number } {
  const found = new Map<string, { start: number; end: number; snapshot: string }>();
  for (const check of checks) {
    if (check.field === 'note' || check.match.status !== 'verbatim' || !check.source) continue;
    const snapshot = snapshots.get(check.source)!;
    found.set(check.record, {
      start: codePointOffset(snapshot.text, check.match.start),
      end: codePointOffset(snapshot.text, check.match.end),
      snapshot: snapshot.sha256,
    });
  }
  const statements = data.statements.map((s) => {
    const at = found.get(s.id);
    // Without a snapshot nothing was measured: an anchor measured earlier stays.
    if (!snapshots.has(s.source)) return s;
    const { anchor: _stale, ...rest } = s as Statement & { anchor?: unknown };
    return (at ? { ...rest, anchor: { type: 'TextPositionSelector', ...at } } : rest) as Statement;
  });
  return { statements, count: found.size };
}
