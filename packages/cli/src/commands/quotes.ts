/**
 * `claimgraph quotes [DIR] --sources DIR [--anchor]`: every quote, paraphrase and «…» note excerpt
 * must be verbatim in a text snapshot of its source; near misses are explained, and `--anchor`
 * records where each quote sits (a TextPositionSelector) without copying any source text.
 */
import { readDataset, readRegularFile } from '@claimgraph/schema/node';
import type { Dataset, Statement } from '@claimgraph/schema';
import { checkQuotes, codePointOffset, snapshotFileName, type QuoteCheck } from '@claimgraph/sdk/quotes';
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
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
  /** Largest snapshot read, in megabytes [50]. */
  maxSnapshotMb?: string;
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

  const maxMb = Number(flags.maxSnapshotMb ?? '50');
  if (!(maxMb > 0)) throw new CliError(`--max-snapshot-mb ${flags.maxSnapshotMb}: not a number above 0`, EXIT.usage);
  const snapshots = new Map<string, Snapshot>();
  for (const source of data.sources) {
    const file = snapshotFileName(source.id);
    const bytes = await readSnapshot(join(sourcesDir, file), join(flags.sources, file), maxMb);
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

/**
 * A snapshot's bytes, or undefined when there is none. Only a regular file is read (a FIFO or a
 * device would hang or never end), its size is checked before reading, and it must be UTF-8 text.
 */
async function readSnapshot(path: string, shown: string, maxMb: number): Promise<Buffer | undefined> {
  const stats = await stat(path).catch(() => undefined);
  if (!stats) return undefined;
  if (stats.isFile() && stats.size > maxMb * 1_048_576)
    throw new CliError(
      `${shown}: ${(stats.size / 1_048_576).toFixed(1)} MB is larger than the ${maxMb} MB a snapshot may be; give a text snapshot, or raise the limit with --max-snapshot-mb`,
      EXIT.invalid,
    );
  const read = await readRegularFile(path);
  if (!read.ok) throw new CliError(`${shown}: ${read.problem}`, EXIT.invalid);
  const at = read.bytes.indexOf(0);
  if (at !== -1)
    throw new CliError(
      `${shown}: holds a NUL byte at byte ${at}, so it is not a text snapshot; give the page's text`,
      EXIT.invalid,
    );
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(read.bytes);
  } catch {
    throw new CliError(`${shown}: is not valid UTF-8 text; save the snapshot as UTF-8`, EXIT.invalid);
  }
  return read.bytes;
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
