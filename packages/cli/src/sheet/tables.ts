/**
 * A dataset as rows of cells and back: what the curation workbook (or CSV folder) holds, free of
 * any spreadsheet library, so the round trip is testable on its own.
 */
import { RELATION_TYPE_INFO, isRelationType, type Dataset } from '@claimgraph/schema';
import { anchorCell, anchorFromCells, type AnchorPartCell } from './anchor-cells.js';
import { appearanceRecords, attachAppearances, keepAbsentFields } from './appearances.js';
import {
  LISTS,
  RECORD_SHEET_KINDS,
  SHEET_KINDS,
  columnLetter,
  sheetLayout,
  type AnchorPart,
  type ReferenceTarget,
  type SheetColumn,
  type SheetKind,
  type SheetLayout,
} from './columns.js';
import { SHEET_FORMAT } from './format.js';
import { IdAllocator, idSlug } from './ids.js';
import type { ExportKind } from '@claimgraph/sdk/export';

/** A cell as written: text, a boolean, or empty. */
export type Cell = string | boolean | undefined;

/** A cell as read back: what spreadsheets may hand us, formulas flagged. */
export type ReadCell =
  | { value: string | number | boolean | Date | undefined; formula?: undefined; error?: undefined }
  | { formula: string; value?: unknown; error?: undefined }
  /** An error value (`#REF!`) where a value should be. */
  | { error: string; value?: undefined; formula?: undefined };

export interface Table {
  layout: SheetLayout;
  /** Data rows, without the header row; cells in `layout.columns` order. */
  rows: Cell[][];
}

export interface ReadTable {
  layout: SheetLayout;
  /** Data rows as read; `rowNumbers[i]` is the spreadsheet row of `rows[i]` (the header is row 1). */
  rows: ReadCell[][];
  rowNumbers: number[];
  /** The sheet (or CSV file) is not there at all. */
  missing?: boolean;
  /** Headers of the layout's columns that the sheet does not have. */
  absent?: readonly string[];
}

/** What a workbook or CSV folder holds: its tables, the problems found reading it (by cell), its format. */
export interface SheetRead {
  tables: ReadTable[];
  issues: SheetIssue[];
  format: number;
}

/** A problem located at a cell (`Statements!F12`), or at a sheet when no cell applies. */
export interface SheetIssue {
  at: string;
  /** The record's id, when the row has one. */
  id: string | null;
  message: string;
}

type AnyRecord = Record<string, unknown> & { id?: string };

const kindRecords = (data: Dataset, kind: ExportKind): AnyRecord[] =>
  ((kind === 'redirects' ? (data.redirects ?? []) : data[kind]) as unknown as AnyRecord[]) ?? [];

/** Names people read for the ids in a dataset: entity names, relations in words, source titles, statements' words. */
export class Readable {
  private readonly names = new Map<string, string>();

  constructor(data: Pick<Dataset, 'entities' | 'relations' | 'sources'> & Partial<Pick<Dataset, 'statements'>>) {
    for (const e of data.entities) this.names.set(e.id, e.name);
    for (const s of data.sources) this.names.set(s.id, s.title);
    for (const s of data.statements ?? []) {
      const words = s.quote ?? s.paraphrase;
      if (words !== undefined) this.names.set(s.id, words);
    }
    for (const r of data.relations) this.names.set(r.id, this.relationWords(r.source, r.type, r.target));
  }

  of(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.names.get(id);
  }

  /** "Haqqani network — part of — Taliban". */
  relationWords(source: string, type: string, target: string): string {
    const label = isRelationType(type) ? RELATION_TYPE_INFO[type].label : type;
    return `${this.names.get(source) ?? source} — ${label} — ${this.names.get(target) ?? target}`;
  }
}

/** The cell text of a field value: lists one item per line, objects as JSON. */
function cellOf(column: SheetColumn, value: unknown): Cell {
  if (value === undefined || value === null) return undefined;
  if (column.role.role === 'field') {
    if (column.role.type === 'list') return (value as string[]).join('\n');
    if (column.role.type === 'json') return JSON.stringify(value);
    if (column.role.type === 'boolean') return value as boolean;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** Every sheet of a dataset, rows sorted as the data files are. */
export function datasetTables(data: Dataset): Table[] {
  const readable = new Readable(data);
  return SHEET_KINDS.map((kind) => {
    const layout = sheetLayout(kind);
    const records = kind === 'appearances' ? appearanceRecords(data) : kindRecords(data, kind);
    const rows = records.map((record) =>
      layout.columns.map((column): Cell => {
        const role = column.role;
        if (role.role === 'original-id') return record.id;
        if (role.role === 'readable') return readable.of(record[role.explains] as string | undefined);
        if (role.role === 'anchor') return anchorCell(record.anchor, role.part);
        return cellOf(column, record[column.field!]);
      }),
    );
    return { layout, rows };
  });
}

export interface ImportOptions {
  /** The dataset as it is before the import: renamed ids are checked against it. */
  existing?: Dataset;
  /** Write a redirect for every renamed id instead of reporting it [false]. */
  redirect?: boolean;
  /** The day written into new redirects (YYYY-MM-DD) [today]. */
  today?: string;
  /** The sheet format the tables were read in (1 for an export without a marker) [the current one]. */
  format?: number;
}

export interface ImportResult {
  data: Dataset;
  issues: SheetIssue[];
  /** Ids changed in the sheet: each needs a redirect. */
  renames: { from: string; to: string; at: string }[];
  /**
   * Where each record came from, to locate validation issues: id → sheet, row; and
   * `id/appearances/N` → the Appearances row of a statement's appearance N.
   */
  rowOf: Map<string, { sheet: SheetLayout; row: number }>;
  /** Ids generated for rows whose id was blank. */
  generated: { id: string; at: string }[];
  /** What an older workbook lacked and the import kept from the dataset, in words. */
  kept: string[];
}

interface Row {
  table: ReadTable;
  index: number;
  record: AnyRecord;
  /** Reference fields left to resolve: field → text as typed (an id or a name). */
  pending: Map<string, { text: string; at: string }>;
  original?: string;
  /** Anchor parts typed in the row's anchor columns. */
  anchor: Partial<Record<AnchorPart, AnchorPartCell>>;
}

/** Rows of cells back into records: typed, references resolved by id or name, blank ids generated. */
export function tablesToDataset(tables: readonly ReadTable[], options: ImportOptions = {}): ImportResult {
  const issues: SheetIssue[] = [];
  const rowsByKind = new Map<SheetKind, Row[]>();
  for (const table of tables) rowsByKind.set(table.layout.kind, readRows(table, issues));
  for (const issue of issues) issue.id = idAt(issue.at, rowsByKind);

  const all = [...rowsByKind.values()].flat();
  const generated = identifyRows(rowsByKind, all, issues);
  reportDuplicateIds(all, issues);

  const rowOf = new Map<string, { sheet: SheetLayout; row: number }>();
  for (const row of all) {
    const key = (row.record.id ?? row.record.from) as string | undefined;
    if (typeof key === 'string' && !rowOf.has(key))
      rowOf.set(key, { sheet: row.table.layout, row: row.table.rowNumbers[row.index]! });
  }

  const records = (kind: SheetKind) => (rowsByKind.get(kind) ?? []).map((r) => r.record);
  const data = {
    entities: records('entities'),
    relations: records('relations'),
    statements: records('statements'),
    sources: records('sources'),
  } as unknown as Dataset;
  const redirects = records('redirects') as unknown as NonNullable<Dataset['redirects']>;

  const renames = findRenames(all, options, redirects, issues);
  // References follow a rename made in the sheet: the curator changes an id in one place.
  const renamed = new Map(renames.map((r) => [r.from, r.to]));
  for (const row of all)
    for (const column of row.table.layout.columns) {
      const value = column.role.role === 'reference' ? row.record[column.field!] : undefined;
      if (typeof value === 'string' && renamed.has(value)) row.record[column.field!] = renamed.get(value);
    }
  const placed = attachAppearances(
    records('statements'),
    (rowsByKind.get('appearances') ?? []).map((row) => ({
      record: row.record,
      statementAt: cellAddress(row.table, row.index, 0),
      where: { sheet: row.table.layout, row: row.table.rowNumbers[row.index]! },
    })),
    (at, message) => issues.push({ at, id: null, message }),
  );
  // A statement's appearances were read on the Appearances sheet: `st:x/appearances/1` is a row there.
  for (const [id, wheres] of placed) wheres.forEach((where, i) => rowOf.set(`${id}/appearances/${i}`, where));
  const kept = keepOlderFields(tables, rowsByKind, options);
  if (redirects.length > 0 || options.existing?.redirects) data.redirects = redirects;
  return { data, issues, renames, rowOf, generated, kept };
}

/** `Statements!F12`: where a cell of a table's data row is, as the spreadsheet names it. */
const cellAddress = (table: ReadTable, index: number, column: number) =>
  `${table.layout.name}!${columnLetter(column + 1)}${table.rowNumbers[index]}`;

/** A table's rows that hold anything, each cell typed by its column; a cell's problem goes to `issues`. */
function readRows(table: ReadTable, issues: SheetIssue[]): Row[] {
  const rows: Row[] = [];
  table.rows.forEach((cells, index) => {
    if (cells.every((c) => c.formula === undefined && c.error === undefined && isBlank(c.value))) return;
    const row: Row = { table, index, record: {}, pending: new Map(), anchor: {} };
    table.layout.columns.forEach((column, c) => {
      let cell: ReadCell = cells[c] ?? { value: undefined };
      const at = cellAddress(table, index, c);
      // LibreOffice saves a typed TRUE or FALSE as the formula TRUE() or FALSE(): a constant, not a computation.
      const constant = cell.formula !== undefined && /^(TRUE|FALSE)(\(\))?$/i.test(cell.formula.trim());
      if (constant) cell = { value: cell.formula!.trim().slice(0, cell.formula!.trim().startsWith('T') ? 4 : 5) };
      if (cell.formula !== undefined) {
        issues.push({ at, id: null, message: `holds a formula (=${cell.formula}); type the value itself` });
        return;
      }
      if (cell.error !== undefined) {
        issues.push({ at, id: null, message: `holds the error value ${cell.error}; type the value itself` });
        return;
      }
      const parsed = parseCell(column, cell.value);
      if ('problem' in parsed) {
        issues.push({ at, id: null, message: parsed.problem });
        return;
      }
      if (parsed.value === undefined) return;
      const role = column.role;
      if (role.role === 'original-id') row.original = String(parsed.value);
      else if (role.role === 'anchor') row.anchor[role.part] = { text: String(parsed.value), at };
      else if (role.role === 'reference') row.pending.set(column.field!, { text: String(parsed.value), at });
      else if (role.role === 'readable') {
        // A readable column names the record when its id cell is blank.
        if (!cells[c - 1] || isBlank(cells[c - 1]!.value))
          row.pending.set(`${role.explains}`, { text: String(parsed.value), at });
      } else row.record[column.field!] = parsed.value;
    });
    const typeColumn = table.layout.columns.findIndex((c) => c.role.role === 'anchor' && c.role.part === 'type');
    const anchor = anchorFromCells(row.anchor, cellAddress(table, index, typeColumn));
    if ('problem' in anchor) issues.push({ at: anchor.at, id: null, message: anchor.problem });
    else if (anchor.anchor) row.record.anchor = anchor.anchor;
    rows.push(row);
  });
  return rows;
}

/**
 * Blank ids generated and references resolved, kind by kind in the order each needs the one before:
 * a relation's id is made of its resolved ends, a statement names a relation by its words.
 */
function identifyRows(rowsByKind: Map<SheetKind, Row[]>, all: readonly Row[], issues: SheetIssue[]) {
  const ids = new IdAllocator(
    all.map((r) => r.record.id as string | undefined).filter((id): id is string => typeof id === 'string'),
  );
  const generated: ImportResult['generated'] = [];
  const generate = (row: Row, prefix: string, parts: string[]) => {
    const id = ids.allocate(prefix, parts);
    row.record = { id, ...row.record };
    generated.push({ id, at: `${row.table.layout.name}!A${row.table.rowNumbers[row.index]}` });
  };

  const entities = rowsByKind.get('entities') ?? [];
  const sources = rowsByKind.get('sources') ?? [];
  const relations = rowsByKind.get('relations') ?? [];
  const statements = rowsByKind.get('statements') ?? [];
  for (const row of entities)
    if (row.record.id === undefined)
      generate(row, String(row.record.type ?? 'entity'), [String(row.record.name ?? '')]);
  for (const row of sources)
    if (row.record.id === undefined)
      generate(row, 'src', [
        String(row.record.publisher ?? ''),
        String(row.record.published ?? ''),
        slugTitle(row.record.title),
      ]);

  const lookup = new NameLookup();
  for (const row of entities)
    lookup.add('entities', row.record.id as string, [row.record.name, ...((row.record.aliases as string[]) ?? [])]);
  for (const row of sources) lookup.add('sources', row.record.id as string, [row.record.title]);

  const resolve = (row: Row) => {
    for (const [field, { text, at }] of row.pending) {
      const column = row.table.layout.columns.find((c) => c.field === field)!;
      const to = column.role.role === 'reference' ? column.role.to : 'entities';
      const id = lookup.resolve(to, text);
      if (typeof id === 'string') row.record[field] = id;
      else
        issues.push({
          at,
          id: (row.record.id as string | undefined) ?? null,
          message: id.ambiguous
            ? `"${text}" names more than one ${singular(to)} (${id.ambiguous.join(', ')}); give the id`
            : `no ${singular(to)} has the id or name "${text}"`,
        });
    }
  };
  for (const row of relations) resolve(row);
  for (const row of relations) {
    const r = row.record;
    if (r.id === undefined && typeof r.source === 'string' && typeof r.target === 'string')
      generate(row, 'rel', [idSlug(r.source), String(r.type ?? ''), idSlug(r.target)]);
  }
  const readable = new Readable({
    entities: entities.map((r) => r.record) as unknown as Dataset['entities'],
    sources: sources.map((r) => r.record) as unknown as Dataset['sources'],
    relations: [],
  });
  for (const row of relations) {
    const r = row.record;
    if (typeof r.id === 'string' && typeof r.source === 'string' && typeof r.target === 'string')
      lookup.add('relations', r.id, [readable.relationWords(r.source, String(r.type), r.target)]);
  }
  for (const row of statements) resolve(row);
  for (const row of statements) {
    const s = row.record;
    if (s.id === undefined && typeof s.speaker === 'string' && typeof s.relation === 'string')
      generate(row, 'st', [idSlug(s.speaker), 'on', idSlug(s.relation), String(s.date ?? '')]);
  }
  for (const row of statements)
    lookup.add('statements', row.record.id as string, [row.record.quote, row.record.paraphrase]);
  for (const row of rowsByKind.get('appearances') ?? []) resolve(row);
  for (const row of rowsByKind.get('redirects') ?? []) resolve(row);
  return generated;
}

/** Ids are unique across sheets; the later row is the one reported, next to the row that has it first. */
function reportDuplicateIds(all: readonly Row[], issues: SheetIssue[]): void {
  const firstAt = new Map<string, string>();
  for (const row of all) {
    const id = row.record.id;
    if (typeof id !== 'string' || row.table.layout.kind === 'redirects') continue;
    const at = `${row.table.layout.name}!A${row.table.rowNumbers[row.index]}`;
    const first = firstAt.get(id);
    if (first) issues.push({ at, id, message: `duplicate id: ${id} is already used on ${first}` });
    else firstAt.set(id, at);
  }
}

/**
 * Ids of the dataset changed in the sheet: each gets a redirect (with `redirect`, appended to
 * `redirects`) or an issue, since releases must keep answering to the old id.
 */
function findRenames(
  all: readonly Row[],
  options: ImportOptions,
  redirects: NonNullable<Dataset['redirects']>,
  issues: SheetIssue[],
): ImportResult['renames'] {
  const renames: ImportResult['renames'] = [];
  const existingIds = new Set(
    options.existing
      ? RECORD_SHEET_KINDS.filter((k) => k !== 'redirects').flatMap((k) =>
          kindRecords(options.existing!, k).map((r) => r.id),
        )
      : [],
  );
  for (const row of all) {
    const id = row.record.id;
    if (
      row.original &&
      typeof id === 'string' &&
      id !== row.original &&
      existingIds.has(row.original) &&
      !existingIds.has(id)
    ) {
      const at = `${row.table.layout.name}!A${row.table.rowNumbers[row.index]}`;
      renames.push({ from: row.original, to: id, at });
      if (options.redirect) {
        redirects.push({
          from: row.original,
          to: id,
          reason: 'renamed in the curation sheet',
          date: options.today ?? new Date().toISOString().slice(0, 10),
        });
      } else {
        issues.push({
          at,
          id,
          message: `id changed from ${row.original} to ${id}: releases need a redirect for the old id (run with --redirect to add it to data/redirects.json)`,
        });
      }
    }
  }
  return renames;
}

/**
 * What a workbook has no column for, kept from the dataset (by each row's original id): every such
 * field of an export from before the format marker, and the appearances when the Appearances sheet
 * and the older appearances column are both missing.
 */
function keepOlderFields(tables: readonly ReadTable[], rowsByKind: Map<SheetKind, Row[]>, options: ImportOptions) {
  const kept: string[] = [];
  if (!options.existing) return kept;
  const appearancesMissing = tables.find((t) => t.layout.kind === 'appearances')?.missing ?? false;
  for (const table of tables) {
    const kind = table.layout.kind;
    if (kind === 'appearances' || kind === 'redirects') continue;
    const absent = new Set(table.absent ?? []);
    // A field is absent when none of the columns that write it is there (an anchor has several).
    const writers = new Map<string, string[]>();
    for (const c of table.layout.columns) {
      const field = c.role.role === 'anchor' ? 'anchor' : c.role.role === 'field' ? c.field : undefined;
      if (field) writers.set(field, [...(writers.get(field) ?? []), c.header]);
    }
    const fields = [...writers]
      .filter(([, headers]) => headers.every((h) => absent.has(h)))
      .map(([field]) => field)
      .filter((field) =>
        field === 'appearances'
          ? appearancesMissing
          : (options.format ?? SHEET_FORMAT) < SHEET_FORMAT && field !== 'id',
      );
    const counts = keepAbsentFields(rowsByKind.get(kind) ?? [], fields, kindRecords(options.existing, kind));
    const count = [...counts.values()].reduce((a, b) => a + b, 0);
    if (count > 0)
      kept.push(
        `${table.layout.name}: kept ${count} value${count === 1 ? '' : 's'} of ${[...counts.keys()].join(', ')} from the dataset`,
      );
  }
  return kept;
}

function idAt(at: string, rowsByKind: Map<SheetKind, Row[]>): string | null {
  for (const rows of rowsByKind.values())
    for (const row of rows) {
      const prefix = `${row.table.layout.name}!`;
      if (at.startsWith(prefix) && at.replace(/^.*![A-Z]+/, '') === String(row.table.rowNumbers[row.index]))
        return typeof row.record.id === 'string' ? row.record.id : null;
    }
  return null;
}

const isBlank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

const singular = (kind: ReferenceTarget) =>
  ({ entities: 'entity', relations: 'relation', sources: 'source', statements: 'statement' })[kind];

function slugTitle(title: unknown): string {
  return typeof title === 'string' ? title.split(/\s+/).slice(0, 6).join(' ') : '';
}

/** The error values spreadsheets show in place of a value (and write into CSV files as text). */
const ERROR_VALUE =
  /^#(REF!|N\/A|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|UNKNOWN!|CONNECT!|BUSY!|EXTERNAL!|PYTHON!)$/;

/** Control characters no field holds: line breaks and tabs are text, NUL and the rest are not. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/** A cell's value as the field's type, or the problem with it. */
function parseCell(column: SheetColumn, value: ReadCell['value']): { value: unknown } | { problem: string } {
  if (isBlank(value)) return { value: undefined };
  if (typeof value === 'string') {
    if (ERROR_VALUE.test(value.trim()))
      return { problem: `holds the error value ${value.trim()}, not a value; type the value itself` };
    const control = CONTROL.exec(value);
    if (control)
      return {
        problem: `holds the control character U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')} (character ${control.index + 1}); delete it`,
      };
  }
  if (value instanceof Date)
    return {
      problem: 'holds a spreadsheet date; type dates as text (2021, 2021-08 or 2021-08-28) so their precision is kept',
    };
  const role = column.role;
  if (role.role === 'anchor' && role.list) {
    const text = String(value);
    if (!LISTS[role.list].includes(text))
      return { problem: `"${text}" is not one of the values of the drop-down list (${LISTS[role.list].join(', ')})` };
  }
  if (role.role !== 'field') return { value: typeof value === 'string' ? value : String(value) };
  if (role.type === 'boolean') {
    if (typeof value === 'boolean') return { value };
    const text = String(value).trim().toLowerCase();
    if (text === 'true' || text === 'false') return { value: text === 'true' };
    return { problem: `"${String(value)}" is not TRUE or FALSE (use the drop-down list)` };
  }
  const text = typeof value === 'string' ? value : String(value);
  if (role.list && !LISTS[role.list].includes(text))
    return { problem: `"${text}" is not one of the values of the drop-down list (${LISTS[role.list].join(', ')})` };
  if (role.type === 'list') return { value: text.split('\n').filter((item) => item.trim() !== '') };
  if (role.type === 'json') {
    try {
      return { value: JSON.parse(text) as unknown };
    } catch {
      return { problem: `is not a JSON object: ${text.length > 40 ? `${text.slice(0, 40)}…` : text}` };
    }
  }
  return { value: text };
}

/** Finds records by id, name, alias or (relations) their words. */
class NameLookup {
  private readonly ids = new Map<string, Set<string>>();
  private readonly names = new Map<string, Map<string, Set<string>>>();

  add(kind: string, id: string, names: unknown[]): void {
    if (typeof id !== 'string') return;
    (this.ids.get(kind) ?? this.ids.set(kind, new Set()).get(kind)!).add(id);
    const byName = this.names.get(kind) ?? this.names.set(kind, new Map()).get(kind)!;
    for (const name of names) {
      if (typeof name !== 'string') continue;
      const key = name.normalize('NFC').trim().toLowerCase();
      (byName.get(key) ?? byName.set(key, new Set()).get(key)!).add(id);
    }
  }

  resolve(kind: string, text: string): string | { ambiguous?: string[] } {
    if (this.ids.get(kind)?.has(text)) return text;
    const found = this.names.get(kind)?.get(text.normalize('NFC').trim().toLowerCase());
    if (!found || found.size === 0) {
      // An id of a record the sheet does not hold: the validator reports it as a dangling reference.
      return /^[a-z-]+:[a-z0-9-]+$/.test(text) ? text : {};
    }
    return found.size === 1 ? [...found][0]! : { ambiguous: [...found].sort() };
  }
}
