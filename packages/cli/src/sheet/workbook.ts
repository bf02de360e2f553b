/**
 * The curation workbook (.xlsx) through exceljs, an optional dependency loaded only by the `sheet`
 * commands: drop-down lists from a hidden sheet, dates and ids as text, frozen header rows.
 */
import { pushAll } from '@claimgraph/schema';
import type { CellValue, DataValidation, Workbook, Worksheet } from 'exceljs';
import { CliError, EXIT } from '../errors.js';
import { LISTS, SHEET_KINDS, columnLetter, readLayout, type ListName } from './columns.js';
import { checkFormat, formatOfLine, markerLine } from './format.js';
import { matchHeaders, requiredKinds } from './headers.js';
import { LIMITS, checkWorkbookBytes, type SheetLimits } from './input.js';
import type { ReadCell, ReadTable, SheetIssue, SheetRead, Table } from './tables.js';

/** Rows that get drop-down lists and text format below the data, for records added by hand. */
const SPARE_ROWS = 1000;
const LISTS_SHEET = 'Lists';
const ABOUT_SHEET = 'About';

async function loadExcelJs(): Promise<typeof import('exceljs')> {
  try {
    const module = (await import('exceljs')) as typeof import('exceljs') & { default?: typeof import('exceljs') };
    return module.default ?? module;
  } catch {
    throw new CliError('claimgraph sheet needs the optional package exceljs: npm install exceljs', EXIT.usage);
  }
}

/** The "About" sheet: how to edit, in the words a curator needs. */
const ABOUT = [
  'claimgraph curation workbook',
  '',
  'One sheet per kind of record: Entities, Relations, Statements, Sources, Redirects. One row per record.',
  'Appearances: one row per other source that reports a statement’s words (the statement’s own source is on Statements).',
  'Edit cells, add rows at the bottom, delete rows to remove records. Then run: claimgraph sheet import FILE DATASET',
  '',
  'Ids: leave the id cell blank on a new row and the import makes one from the name (entities), source, type and target',
  '(relations), speaker, relation and date (statements), or publisher, date and title (sources).',
  'Changing the id of an existing record needs a redirect: the import tells you, and --redirect writes it.',
  'References (a relation’s source and target, a statement’s relation, speaker and source) take an id or a name:',
  'an entity’s name or alias, a source’s title, or a relation in words as its "(in words)" column shows it.',
  'Columns headed "… (name)", "… (in words)" and "… (title)" are for reading; type in them only to name a new record.',
  '',
  'Dates are text with their precision: 2012, 2021-08 or 2021-08-28. Do not let the spreadsheet turn them into dates.',
  'Lists (aliases) hold one item per line (Alt+Enter in a cell). attributes hold a JSON object.',
  'Type values, never formulas: a cell holding a formula is refused.',
  'Anchors find the words in their source: anchor type TextQuoteSelector with anchor exact (the words as printed) and',
  'optional anchor prefix and suffix (a few characters either side), or TextPositionSelector with start, end and snapshot.',
  'Drop-down lists (types, stances, TRUE/FALSE) come from the hidden sheet "Lists".',
];

export async function writeWorkbook(
  tables: readonly Table[],
  meta: { dataset: string; version?: string },
): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const workbook: Workbook = new ExcelJS.Workbook();
  workbook.creator = 'claimgraph';
  // Fixed dates keep two exports of the same data alike.
  workbook.created = workbook.modified = new Date(Date.UTC(2000, 0, 1));

  const about = workbook.addWorksheet(ABOUT_SHEET);
  about.getColumn(1).width = 120;
  about.addRow([`${ABOUT[0]}: ${meta.dataset}${meta.version ? ` ${meta.version}` : ''}`]).font = {
    bold: true,
    size: 14,
  };
  about.addRow([markerLine()]);
  for (const line of ABOUT.slice(1)) about.addRow([line]);

  const listRanges = writeLists(workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' }));
  for (const table of tables)
    writeTable(
      workbook.addWorksheet(table.layout.name, { views: [{ state: 'frozen', ySplit: 1 }] }),
      table,
      listRanges,
    );
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function writeLists(sheet: Worksheet): Record<ListName, string> {
  const ranges = {} as Record<ListName, string>;
  (Object.keys(LISTS) as ListName[]).forEach((name, i) => {
    const values = LISTS[name];
    const column = i + 1;
    sheet.getCell(1, column).value = name;
    values.forEach((value, row) => (sheet.getCell(row + 2, column).value = value));
    const letter = columnLetter(column);
    ranges[name] = `${LISTS_SHEET}!$${letter}$2:$${letter}$${values.length + 1}`;
  });
  return ranges;
}

function writeTable(sheet: Worksheet, table: Table, listRanges: Record<ListName, string>): void {
  const { columns } = table.layout;
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row.map((cell) => (cell === undefined ? null : cell)));
  const lastRow = table.rows.length + 1 + SPARE_ROWS;
  columns.forEach((column, i) => {
    const letter = columnLetter(i + 1);
    const range = `${letter}2:${letter}${lastRow}`;
    const role = column.role;
    const isText = role.role !== 'field' || role.type !== 'boolean';
    if (isText) {
      // Text format: a spreadsheet keeps 2012, 2021-08 and ids as typed instead of making dates or numbers of them.
      sheet.getColumn(i + 1).numFmt = '@';
      for (let r = 2; r <= lastRow; r++) sheet.getCell(r, i + 1).numFmt = '@';
    }
    const list = role.role === 'field' || role.role === 'anchor' ? role.list : undefined;
    if (list) {
      // exceljs writes range validations (one sqref) but its types only declare per-cell ones.
      (
        sheet as Worksheet & { dataValidations: { add(range: string, rule: DataValidation): void } }
      ).dataValidations.add(range, {
        type: 'list',
        allowBlank: true,
        formulae: [listRanges[list]],
        showErrorMessage: true,
        errorTitle: column.header,
        error: `Choose a value from the list (sheet "${LISTS_SHEET}").`,
      });
    }
    if (role.role === 'readable' || role.role === 'original-id') {
      sheet.getColumn(i + 1).font = { color: { argb: 'FF666666' } };
    }
    if (role.role === 'field' && (role.type === 'list' || column.width >= 60))
      sheet.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
  });
  sheet.getColumn(columns.length).hidden = columns[columns.length - 1]!.role.role === 'original-id';
}

/** The first line of the About sheet of every export, the marker or not. */
const TITLE = ABOUT[0]!;

/**
 * Reads the sheets of a claimgraph workbook. Anything else is refused before a record is read: a
 * file past the limits, a damaged zip, a workbook without the marker line (or, for format 1, the
 * About sheet's title), or one missing a sheet. Header and cell problems come back by cell.
 */
export async function readWorkbook(bytes: Buffer, file: string, limits: SheetLimits = LIMITS): Promise<SheetRead> {
  checkWorkbookBytes(bytes, file, limits);
  const ExcelJS = await loadExcelJs();
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new CliError(`${file}: not an .xlsx workbook (${(error as Error).message.split('\n')[0]})`, EXIT.invalid);
  }
  const about = workbook.getWorksheet(ABOUT_SHEET);
  const marked = aboutFormat(about);
  const titled =
    typeof readCell(about?.getCell(1, 1).value).value === 'string' &&
    String(readCell(about?.getCell(1, 1).value).value).startsWith(TITLE);
  if (marked === undefined && !titled)
    throw new CliError(
      `${file}: not a claimgraph curation workbook: it has no About sheet with the line "${markerLine()}"; make one with claimgraph sheet export`,
      EXIT.invalid,
    );
  const format = checkFormat(marked, file);
  const missing = requiredKinds(format, SHEET_KINDS)
    .map((kind) => readLayout(kind).name)
    .filter((name) => !workbook.getWorksheet(name));
  if (missing.length > 0)
    throw new CliError(
      `${file}: a claimgraph-sheet ${format} workbook without the sheet${missing.length > 1 ? 's' : ''} ${missing.join(', ')}; every sheet must stay (delete rows, not sheets); nothing was written`,
      EXIT.invalid,
    );
  const tables: ReadTable[] = [];
  const issues: SheetIssue[] = [];
  for (const kind of SHEET_KINDS) {
    const layout = readLayout(kind);
    const sheet = workbook.getWorksheet(layout.name);
    if (!sheet) {
      // Format 1 had no Appearances sheet: its statements carry their appearances in a JSON column.
      tables.push({ layout, rows: [], rowNumbers: [], missing: true });
      continue;
    }
    const headers: (string | null | undefined)[] = [];
    sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, column) => {
      const text = readCell(cell.value);
      headers[column - 1] =
        text.formula !== undefined || text.error !== undefined
          ? null
          : isBlankCell(text.value)
            ? undefined
            : String(text.value);
    });
    const cellsByRow: { row: number; cells: Map<number, ReadCell> }[] = [];
    const dataColumns = new Map<number, number>();
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      if (r === 1) return;
      const cells = new Map<number, ReadCell>();
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        const read = readCell(cell.value);
        cells.set(column - 1, read);
        if (
          !dataColumns.has(column - 1) &&
          (read.formula !== undefined || read.error !== undefined || !isBlankCell(read.value))
        )
          dataColumns.set(column - 1, r);
      });
      cellsByRow.push({ row: r, cells });
    });
    for (let column = 0; column < headers.length; column++) if (!(column in headers)) headers[column] = undefined;
    for (const column of dataColumns.keys()) if (column >= headers.length) headers[column] = undefined;
    const match = matchHeaders(layout, headers, format, dataColumns);
    pushAll(issues, match.issues);
    tables.push({
      layout,
      rows: cellsByRow.map(({ cells }) =>
        layout.columns.map((_, c) =>
          match.index[c] === undefined ? { value: undefined } : (cells.get(match.index[c]!) ?? { value: undefined }),
        ),
      ),
      rowNumbers: cellsByRow.map(({ row }) => row),
      absent: match.absent,
    });
  }
  return { tables, issues, format };
}

const isBlankCell = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

/** The format the About sheet's marker line names, if it has one. */
function aboutFormat(about: Worksheet | undefined): number | undefined {
  let format: number | undefined;
  about?.eachRow((row) => {
    const text = readCell(row.getCell(1).value).value;
    if (format === undefined && typeof text === 'string') format = formatOfLine(text);
  });
  return format;
}

function readCell(value: CellValue | undefined): ReadCell {
  if (value === null || value === undefined) return { value: undefined };
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('formula' in value || 'sharedFormula' in value) {
      const v = value as { formula?: string; sharedFormula?: string; result?: unknown };
      return { formula: v.formula ?? v.sharedFormula ?? '', value: v.result };
    }
    if ('richText' in value) return { value: unescapeXml(value.richText.map((t) => t.text).join('')) };
    if ('text' in value) return { value: String((value as { text: unknown }).text) };
    if ('error' in value) return { value: undefined, error: String((value as { error: unknown }).error) };
    return { value: JSON.stringify(value) };
  }
  if (typeof value === 'string') return { value: unescapeXml(value) };
  return { value: value as string | number | boolean | Date };
}

/** OOXML writes characters XML cannot hold (control characters) as _xHHHH_: read them as they are, to be refused. */
const unescapeXml = (text: string) =>
  text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
