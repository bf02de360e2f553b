/**
 * `claimgraph sheet export [DATASET] --out FILE.xlsx|DIR/` and `claimgraph sheet import FILE [DATASET]`:
 * curate in a spreadsheet without giving up what the validator guarantees. The import checks the
 * whole sheet, reports every problem by cell, and writes nothing unless the result is valid.
 */
import { formatIssue, pushAll, validateDataset, type Dataset, type ValidationIssue } from '@claimgraph/schema';
import { readDataset, writeFileAtomic } from '@claimgraph/schema/node';
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { CliError, EXIT } from '../errors.js';
import { fsPath, type CliIO } from '../io.js';
import { plural, printIssues, printJson } from '../output.js';
import { resolveDatasetPath } from '../paths.js';
import { datasetChanges, deletedCount, describeChanges } from '../sheet/changes.js';
import { columnLetter, type SheetLayout } from '../sheet/columns.js';
import { readCsvFolder, writeCsvFolder } from '../sheet/csv-folder.js';
import { LIMITS, readBoundedFile, type SheetLimits } from '../sheet/input.js';
import { dataFingerprint, sourceFileTexts, writeDataFiles } from '../sheet/source-files.js';
import { datasetTables, tablesToDataset, type ImportResult, type SheetIssue, type SheetRead } from '../sheet/tables.js';

export async function sheetExportCommand(
  io: CliIO,
  dataset: string | undefined,
  flags: { out?: string },
): Promise<number> {
  if (!flags.out)
    throw new CliError(
      'sheet export needs --out FILE.xlsx (a workbook) or --out DIR/ (a folder of CSV files)',
      EXIT.usage,
    );
  const { given, path } = await resolveDatasetPath(io, dataset);
  const read = await readDataset(path);
  if (!read.data || read.issues.length > 0) {
    printIssues(io, read.issues, given);
    return EXIT.invalid;
  }
  const tables = datasetTables(read.data as Dataset);
  const out = fsPath(io, flags.out);
  const toFolder = flags.out.endsWith('/') || (await stat(out).catch(() => undefined))?.isDirectory();
  if (!toFolder && !out.endsWith('.xlsx'))
    throw new CliError(`${flags.out}: write a .xlsx workbook, or a folder ending in /`, EXIT.usage);
  try {
    if (toFolder) {
      const files = await writeCsvFolder(tables, out);
      io.stdout.write(`wrote ${files.filter((f) => f.endsWith('.csv')).length} CSV files to ${flags.out}\n`);
    } else {
      const { writeWorkbook } = await import('../sheet/workbook.js');
      const bytes = await writeWorkbook(tables, { dataset: read.meta.name ?? given, version: read.meta.version });
      // A missing folder is made, as chart does.
      await mkdir(dirname(out), { recursive: true });
      await writeFileAtomic(out, bytes);
      io.stdout.write(`wrote ${flags.out}\n`);
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    // The message names the temporary file the write went to; the user gave another name.
    throw new CliError(
      `${flags.out}: cannot be written (${(error as Error).message.replace(/, \w+ '.*$/, '')}); nothing was changed`,
      EXIT.invalid,
    );
  }
  const counts = tables
    .map((t) => {
      const many = t.layout.name.toLowerCase();
      return plural(t.rows.length, many === 'entities' ? 'entity' : many.replace(/s$/, ''), many);
    })
    .join(', ');
  io.stdout.write(`${counts}\n`);
  return EXIT.ok;
}

export interface SheetImportFlags {
  redirect?: boolean;
  json?: boolean;
  dryRun?: boolean;
  maxDeletions?: string;
  maxSize?: string;
  maxRows?: string;
  maxCells?: string;
}

/** Records an import may delete without --max-deletions: more is more likely a wrong sheet than an edit. */
export const MAX_DELETIONS = 10;

function wholeNumber(flag: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min)
    throw new CliError(`${flag} ${value}: not a whole number${min > 0 ? ' above 0' : ''}`, EXIT.usage);
  return n;
}

function limitsOf(flags: SheetImportFlags): SheetLimits {
  return {
    maxBytes: wholeNumber('--max-size', flags.maxSize, LIMITS.maxBytes / 1024 / 1024) * 1024 * 1024,
    maxRows: wholeNumber('--max-rows', flags.maxRows, LIMITS.maxRows),
    maxCells: wholeNumber('--max-cells', flags.maxCells, LIMITS.maxCells),
  };
}

export async function sheetImportCommand(
  io: CliIO,
  file: string,
  dataset: string | undefined,
  flags: SheetImportFlags,
): Promise<number> {
  const limits = limitsOf(flags);
  const maxDeletions = wholeNumber('--max-deletions', flags.maxDeletions, MAX_DELETIONS, 0);
  const { given, path, located } = await resolveDatasetPath(io, dataset);
  if (located.layout !== 'source')
    throw new CliError(
      `${given}: sheet import writes into a dataset source folder (with data/), not a release`,
      EXIT.usage,
    );
  // What the data files hold as read: a change made before the write (another import) refuses it.
  const since = await dataFingerprint(path);
  const existing = await readDataset(path);
  if (!existing.data || existing.issues.length > 0) {
    io.stderr.write(`${given}: the dataset does not read cleanly; fix it (claimgraph validate) before importing\n`);
    printIssues(io, existing.issues, given);
    return EXIT.invalid;
  }
  const before = existing.data as Dataset;

  const source = fsPath(io, file);
  const info = await stat(source).catch(() => undefined);
  if (!info) throw new CliError(`${file}: no such file or folder`, EXIT.usage);
  let read: SheetRead;
  if (info.isDirectory()) read = await readCsvFolder(source, file, limits);
  else {
    const bytes = await readBoundedFile(source, file, limits);
    const { readWorkbook } = await import('../sheet/workbook.js');
    read = await readWorkbook(bytes, file, limits);
  }

  const imported = tablesToDataset(read.tables, { existing: before, redirect: flags.redirect, format: read.format });
  const warnings = imported.kept.map((kept) => `${kept} (the sheet has no column for them)`);
  const problems = [...read.issues, ...imported.issues];
  // Records read under wrong headers are incomplete: validating them would report what is not there.
  if (read.issues.length === 0)
    pushAll(
      problems,
      locateIssues(imported, validateDataset(imported.data, { requireSorted: false }).errors, problems),
    );
  const changes = problems.length === 0 ? datasetChanges(before, imported.data, imported.renames) : {};
  const deleted = deletedCount(changes);
  if (problems.length === 0 && deleted > maxDeletions)
    problems.push({
      at: file,
      id: null,
      message: `deletes ${plural(deleted, 'record')} (listed above), more than --max-deletions ${maxDeletions}; check that this is the sheet you meant, then run again with --max-deletions ${deleted}`,
    });
  let texts = new Map<string, string>();
  try {
    if (problems.length === 0) texts = sourceFileTexts(imported.data);
  } catch (error) {
    problems.push({ at: file, id: null, message: (error as Error).message });
  }

  let written: string[] = [];
  let recovered: string[] = [];
  const text = !flags.json;
  if (text) {
    for (const warning of warnings) io.stderr.write(`${file}: ${warning}\n`);
    for (const line of describeChanges(changes)) io.stdout.write(`${line}\n`);
    for (const p of problems)
      io.stderr.write(`${file}: ${p.at === file ? '' : `${p.at}: `}${p.id ? `${p.id} ` : ''}${p.message}\n`);
  }
  if (problems.length === 0 && flags.dryRun) {
    for (const [name, content] of texts)
      if ((await readFile(join(path, name), 'utf8').catch(() => undefined)) !== content) written.push(name);
  } else if (problems.length === 0) {
    ({ written, recovered } = await writeDataFiles(path, texts, { holder: 'sheet import', since, given }));
  }

  if (flags.json) {
    printJson(io, {
      ok: problems.length === 0,
      dryRun: flags.dryRun ?? false,
      problems,
      changes,
      generated: imported.generated,
      renames: imported.renames,
      warnings,
      [flags.dryRun ? 'wouldWrite' : 'written']: written,
    });
    return problems.length === 0 ? EXIT.ok : EXIT.invalid;
  }
  for (const note of recovered) io.stderr.write(`${note}\n`);
  if (problems.length > 0) {
    io.stderr.write(`${file}: ${plural(problems.length, 'problem')} found; no file was changed\n`);
    return EXIT.invalid;
  }
  for (const g of imported.generated) io.stdout.write(`${g.at}: new id ${g.id}\n`);
  for (const r of imported.renames)
    io.stdout.write(`${r.at}: ${r.from} renamed to ${r.to}; redirect ${flags.dryRun ? 'to be written' : 'written'}\n`);
  if (flags.dryRun) {
    for (const f of written) io.stdout.write(`would write ${f}\n`);
    io.stdout.write(`dry run: nothing was written${written.length === 0 ? ' (and nothing would change)' : ''}\n`);
  } else {
    for (const f of written) io.stdout.write(`wrote ${f}\n`);
    if (written.length === 0) io.stdout.write('no change: the data files already hold what the sheet holds\n');
  }
  return EXIT.ok;
}

/** The column a JSON pointer's field is typed in: an anchor part in its own column, else the field's. */
function columnOfPath(sheet: SheetLayout, path: string): number {
  const [field = '', part] = path.split('/').slice(1);
  if (field === 'anchor')
    return sheet.columns.findIndex((c) => c.role.role === 'anchor' && c.role.part === (part ?? 'type'));
  return sheet.columns.findIndex((c) => c.field === field && !c.legacy);
}

/** Validator issues placed at the cell of the record and field they name; those at a cell already reported are dropped. */
function locateIssues(imported: ImportResult, issues: ValidationIssue[], reported: SheetIssue[]): SheetIssue[] {
  const seen = new Set(reported.map((r) => r.at));
  const out: SheetIssue[] = [];
  for (const issue of issues) {
    // An appearance's problem is at its row of the Appearances sheet, its path after the index.
    const appearance = /^\/appearances\/(\d+)(\/.*)?$/.exec(issue.path);
    const placed =
      appearance && issue.id !== null ? imported.rowOf.get(`${issue.id}/appearances/${appearance[1]}`) : undefined;
    const where = placed ?? (issue.id === null ? undefined : imported.rowOf.get(issue.id));
    if (!where) {
      out.push({ at: issue.file, id: issue.id, message: formatIssue(issue).replace(/^[^:]*: /, '') });
      continue;
    }
    const column = columnOfPath(where.sheet, placed ? (appearance![2] ?? '') : issue.path);
    const at =
      column === -1
        ? `${where.sheet.name}!${where.row}`
        : `${where.sheet.name}!${columnLetter(column + 1)}${where.row}`;
    if (seen.has(at)) continue;
    out.push({ at, id: issue.id, message: `${issue.path ? `${issue.path}: ` : ''}${issue.message}` });
  }
  return out;
}
