/**
 * `claimgraph sheet export [DATASET] --out FILE.xlsx|DIR/` and `claimgraph sheet import FILE [DATASET]`:
 * curate in a spreadsheet without giving up what the validator guarantees. The import checks the
 * whole sheet, reports every problem by cell, and writes nothing unless the result is valid.
 */
import { formatIssue, validateDataset, type Dataset, type ValidationIssue } from '@claimgraph/schema';
import { readDataset } from '@claimgraph/schema/node';
import { readFile, stat } from 'node:fs/promises';
import { writeFileAtomic } from '@claimgraph/schema/node';
import { CliError, EXIT } from '../errors.js';
import { fsPath, type CliIO } from '../io.js';
import { plural, printIssues, printJson } from '../output.js';
import { resolveDatasetPath } from '../paths.js';
import { columnLetter, type SheetLayout } from '../sheet/columns.js';
import { readCsvFolder, writeCsvFolder } from '../sheet/csv-folder.js';
import { writeSourceFiles } from '../sheet/source-files.js';
import { datasetTables, tablesToDataset, type ImportResult, type SheetIssue } from '../sheet/tables.js';

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
  if (toFolder) {
    const files = await writeCsvFolder(tables, out);
    io.stdout.write(`wrote ${files.filter((f) => f.endsWith('.csv')).length} CSV files to ${flags.out}\n`);
  } else {
    if (!out.endsWith('.xlsx'))
      throw new CliError(`${flags.out}: write a .xlsx workbook, or a folder ending in /`, EXIT.usage);
    const { writeWorkbook } = await import('../sheet/workbook.js');
    await writeFileAtomic(
      out,
      await writeWorkbook(tables, { dataset: read.meta.name ?? given, version: read.meta.version }),
    );
    io.stdout.write(`wrote ${flags.out}\n`);
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
}

export async function sheetImportCommand(
  io: CliIO,
  file: string,
  dataset: string | undefined,
  flags: SheetImportFlags,
): Promise<number> {
  const { given, path, located } = await resolveDatasetPath(io, dataset);
  if (located.layout !== 'source')
    throw new CliError(
      `${given}: sheet import writes into a dataset source folder (with data/), not a release`,
      EXIT.usage,
    );
  const existing = await readDataset(path);
  if (!existing.data || existing.issues.length > 0) {
    io.stderr.write(`${given}: the dataset does not read cleanly; fix it (claimgraph validate) before importing\n`);
    printIssues(io, existing.issues, given);
    return EXIT.invalid;
  }

  const source = fsPath(io, file);
  const info = await stat(source).catch(() => undefined);
  if (!info) throw new CliError(`${file}: no such file or folder`, EXIT.usage);
  let read;
  const warnings: string[] = [];
  if (info.isDirectory()) read = await readCsvFolder(source, file);
  else {
    const { readWorkbook } = await import('../sheet/workbook.js');
    read = await readWorkbook(await readFile(source), file);
    for (const p of read.problems) warnings.push(`${p.at}: ${p.message}`);
  }

  const imported = tablesToDataset(read.tables, {
    existing: existing.data as Dataset,
    redirect: flags.redirect,
    format: read.format,
  });
  for (const kept of imported.kept) warnings.push(`${kept} (the sheet has no column for them)`);
  const problems = [
    ...imported.issues,
    ...locateIssues(imported, validateDataset(imported.data, { requireSorted: false }).errors, imported.issues),
  ];

  if (flags.json) {
    printJson(io, {
      ok: problems.length === 0,
      problems,
      generated: imported.generated,
      renames: imported.renames,
      warnings,
    });
  } else {
    for (const warning of warnings) io.stderr.write(`${file}: ${warning}\n`);
    for (const p of problems) io.stderr.write(`${file}: ${p.at}: ${p.id ? `${p.id} ` : ''}${p.message}\n`);
  }
  if (problems.length > 0) {
    if (!flags.json) io.stderr.write(`${file}: ${plural(problems.length, 'problem')} found; no file was changed\n`);
    return EXIT.invalid;
  }
  const written = await writeSourceFiles(path, imported.data);
  if (!flags.json) {
    for (const g of imported.generated) io.stdout.write(`${g.at}: new id ${g.id}\n`);
    for (const r of imported.renames) io.stdout.write(`${r.at}: ${r.from} renamed to ${r.to}; redirect written\n`);
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
