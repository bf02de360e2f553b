/**
 * The curation workbook (.xlsx) through exceljs, an optional dependency loaded only by the `sheet`
 * commands: drop-down lists from a hidden sheet, dates and ids as text, frozen header rows.
 */
import type { CellValue, DataValidation, Workbook, Worksheet } from 'exceljs';
import { CliError, EXIT } from '../errors.js';
import { LISTS, SHEET_KINDS, columnLetter, readLayout, type ListName, type SheetLayout } from './columns.js';
import { SHEET_FORMAT, checkFormat, formatOfLine, markerLine } from './format.js';
import type { ReadCell, ReadTable, Table } from './tables.js';

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

/**
 * Reads the record sheets of a workbook and the format its About sheet names (1 when it names
 * none); a sheet that is missing reads as empty, and says so.
 */
export async function readWorkbook(
  bytes: Buffer,
  file: string,
): Promise<{ tables: ReadTable[]; problems: { at: string; message: string }[]; format: number }> {
  const ExcelJS = await loadExcelJs();
  const workbook: Workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new CliError(`${file}: not an .xlsx workbook (${(error as Error).message.split('\n')[0]})`, EXIT.invalid);
  }
  const format = checkFormat(aboutFormat(workbook.getWorksheet(ABOUT_SHEET)), file);
  const tables: ReadTable[] = [];
  const problems: { at: string; message: string }[] = [];
  for (const kind of SHEET_KINDS) {
    const layout = readLayout(kind);
    const sheet = workbook.getWorksheet(layout.name);
    if (!sheet) {
      tables.push({ layout, rows: [], rowNumbers: [], missing: true });
      continue;
    }
    const header = headerIndex(sheet, layout, format, problems);
    const rows: ReadCell[][] = [];
    const rowNumbers: number[] = [];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.getRow(r);
      rows.push(
        layout.columns.map((_, c) =>
          header[c] === undefined ? { value: undefined } : readCell(row.getCell(header[c]!).value),
        ),
      );
      rowNumbers.push(r);
    }
    const absent = layout.columns.filter((_, c) => header[c] === undefined).map((c) => c.header);
    tables.push({ layout, rows, rowNumbers, absent });
  }
  return { tables, problems, format };
}

/** The format the About sheet's marker line names, if it has one. */
function aboutFormat(about: Worksheet | undefined): number | undefined {
  let format: number | undefined;
  about?.eachRow((row) => {
    const text = readCell(row.getCell(1).value).value;
    if (format === undefined && typeof text === 'string') format = formatOfLine(text);
  });
  return format;
}

/** Where each expected column is in the sheet, by header text, so reordered columns still read right. */
function headerIndex(
  sheet: Worksheet,
  layout: SheetLayout,
  format: number,
  problems: { at: string; message: string }[],
): (number | undefined)[] {
  const found = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    const text = readCell(cell.value);
    if (text.formula === undefined && typeof text.value === 'string') found.set(text.value.trim(), column);
  });
  return layout.columns.map((c) => {
    const at = found.get(c.header);
    // An older workbook lacks the newer columns: the import keeps those fields as the dataset has them.
    if (at === undefined && c.field && c.role.role !== 'readable' && !c.legacy && format >= SHEET_FORMAT)
      problems.push({
        at: `${layout.name}!1`,
        message: `has no column "${c.header}"; the import leaves that field empty`,
      });
    return at;
  });
}

function readCell(value: CellValue): ReadCell {
  if (value === null || value === undefined) return { value: undefined };
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('formula' in value || 'sharedFormula' in value) {
      const v = value as { formula?: string; sharedFormula?: string; result?: unknown };
      return { formula: v.formula ?? v.sharedFormula ?? '', value: v.result };
    }
    if ('richText' in value) return { value: value.richText.map((t) => t.text).join('') };
    if ('text' in value) return { value: String((value as { text: unknown }).text) };
    if ('error' in value) return { value: String((value as { error: unknown }).error) };
    return { value: JSON.stringify(value) };
  }
  return { value: value as string | number | boolean | Date };
}
