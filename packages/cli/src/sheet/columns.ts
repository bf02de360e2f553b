/**
 * The curation workbook's layout: one sheet per record kind, its columns derived from the schema's
 * fields (never listed twice), with readable names beside the ids they explain.
 */
import { ENTITY_TYPES, RELATION_TYPES, STANCES } from '@claimgraph/schema';
import { pushAll } from '@claimgraph/schema/internal';
import { FIELDS, type ExportKind, type FieldType } from '@claimgraph/sdk/export';

/** A record kind's sheet, or the Appearances sheet: one row per other source reporting a statement. */
export type SheetKind = ExportKind | 'appearances';

/** What a column holds: a record field, a reference resolved by id or name, or a readable helper. */
export type ColumnRole =
  | { role: 'field'; type: FieldType; list?: ListName }
  | { role: 'reference'; to: ReferenceTarget }
  | { role: 'readable'; explains: string }
  | { role: 'original-id' }
  | { role: 'anchor'; part: AnchorPart; list?: ListName };

/** The kinds of record a reference column names, by id or by what people read. */
export type ReferenceTarget = 'entities' | 'relations' | 'sources' | 'statements';

export type ListName = 'entityTypes' | 'relationTypes' | 'stances' | 'booleans' | 'paraphraseBy' | 'anchorTypes';

export interface SheetColumn {
  header: string;
  /** The record field the column reads and writes; readable helper columns have none. */
  field?: string;
  role: ColumnRole;
  width: number;
  /** A column of an older workbook format: read when a workbook has it, never written. */
  legacy?: true;
}

export interface SheetLayout {
  kind: SheetKind;
  /** The worksheet's name, also used in cell addresses (`Statements!F12`). */
  name: string;
  columns: SheetColumn[];
}

/** The anchor types a cell may name: the two W3C selectors the schema takes. */
const ANCHOR_TYPES = ['TextQuoteSelector', 'TextPositionSelector'] as const;

/** The values of each drop-down list, kept on the hidden `Lists` sheet. */
export const LISTS: Readonly<Record<ListName, readonly string[]>> = {
  entityTypes: ENTITY_TYPES,
  relationTypes: RELATION_TYPES,
  stances: STANCES,
  booleans: ['TRUE', 'FALSE'],
  paraphraseBy: ['source', 'curator'],
  anchorTypes: ANCHOR_TYPES,
};

const SHEET_NAMES: Record<SheetKind, string> = {
  entities: 'Entities',
  relations: 'Relations',
  statements: 'Statements',
  appearances: 'Appearances',
  sources: 'Sources',
  redirects: 'Redirects',
};

/** Fields holding an id of another record; the readable column after each says which record it is. */
const REFERENCES: Partial<Record<SheetKind, Record<string, ReferenceTarget>>> = {
  relations: { source: 'entities', target: 'entities' },
  statements: { relation: 'relations', speaker: 'entities', source: 'sources', reportedBy: 'entities' },
};

const READABLE: Record<ReferenceTarget, string> = {
  entities: 'name',
  relations: 'in words',
  sources: 'title',
  statements: 'words',
};

const WIDE = new Set(['quote', 'paraphrase', 'context', 'note', 'description', 'title']);

function listOf(kind: SheetKind, field: string, type: FieldType): ListName | undefined {
  if (type === 'boolean') return 'booleans';
  if (field === 'type' && kind === 'entities') return 'entityTypes';
  if (field === 'type' && kind === 'relations') return 'relationTypes';
  if (field === 'stance') return 'stances';
  if (field === 'paraphraseBy') return 'paraphraseBy';
  return undefined;
}

/** The layout of one record kind's sheet. */
export function sheetLayout(kind: SheetKind): SheetLayout {
  if (kind === 'appearances') return { kind, name: SHEET_NAMES[kind], columns: appearanceColumns() };
  const columns: SheetColumn[] = [];
  for (const f of FIELDS[kind]) {
    // A statement's anchor is spread over columns; its appearances have their own sheet.
    if (kind === 'statements' && f.name === 'anchor') {
      pushAll(columns, anchorColumns());
      continue;
    }
    if (kind === 'statements' && f.name === 'appearances') continue;
    const to = REFERENCES[kind]?.[f.name];
    if (to) {
      columns.push({ header: f.name, field: f.name, role: { role: 'reference', to }, width: 30 });
      columns.push({
        header: `${f.name} (${READABLE[to]})`,
        role: { role: 'readable', explains: f.name },
        width: to === 'relations' ? 50 : 30,
      });
    } else {
      const list = listOf(kind, f.name, f.type);
      columns.push({
        header: f.name,
        field: f.name,
        role: { role: 'field', type: f.type, ...(list ? { list } : {}) },
        width: f.name === 'id' ? 36 : WIDE.has(f.name) ? 60 : f.type === 'boolean' ? 10 : 20,
      });
    }
  }
  // The id a row had when exported: an id edited in the sheet is then a rename, which needs a redirect.
  if (kind !== 'redirects') columns.push({ header: 'original id', role: { role: 'original-id' }, width: 12 });
  return { kind, name: SHEET_NAMES[kind], columns };
}

/**
 * The columns an import reads besides the written ones: older workbooks (format 1) kept a
 * statement's anchor and appearances as JSON in one cell each.
 */
export function readLayout(kind: SheetKind): SheetLayout {
  const layout = sheetLayout(kind);
  if (kind !== 'statements') return layout;
  const legacy = (field: string): SheetColumn => ({
    header: field,
    field,
    role: { role: 'field', type: 'json' },
    width: 20,
    legacy: true,
  });
  return { ...layout, columns: [...layout.columns, legacy('anchor'), legacy('appearances')] };
}

export const SHEET_KINDS: readonly SheetKind[] = [
  'entities',
  'relations',
  'statements',
  'appearances',
  'sources',
  'redirects',
];

/** The record kinds among the sheets: every sheet but Appearances holds one record per row. */
export const RECORD_SHEET_KINDS = SHEET_KINDS.filter((k): k is ExportKind => k !== 'appearances');

/** The parts of an anchor, one column each, in the order the W3C selectors list them. */
export const ANCHOR_PARTS = ['type', 'exact', 'prefix', 'suffix', 'start', 'end', 'snapshot'] as const;
export type AnchorPart = (typeof ANCHOR_PARTS)[number];

/** `anchor type`, `anchor exact`…: the same headers on the Statements and the Appearances sheet. */
export const anchorHeader = (part: AnchorPart): string => `anchor ${part}`;

function anchorColumns(): SheetColumn[] {
  return ANCHOR_PARTS.map((part) => ({
    header: anchorHeader(part),
    role: { role: 'anchor', part, ...(part === 'type' ? { list: 'anchorTypes' as const } : {}) },
    width: part === 'exact' ? 60 : part === 'type' ? 22 : part === 'start' || part === 'end' ? 10 : 24,
  }));
}

/** One row per (statement, other source): who reports the words, where in it, and how. */
function appearanceColumns(): SheetColumn[] {
  return [
    { header: 'statement', field: 'statement', role: { role: 'reference', to: 'statements' }, width: 36 },
    { header: `statement (${READABLE.statements})`, role: { role: 'readable', explains: 'statement' }, width: 50 },
    { header: 'source', field: 'source', role: { role: 'reference', to: 'sources' }, width: 30 },
    { header: `source (${READABLE.sources})`, role: { role: 'readable', explains: 'source' }, width: 30 },
    ...anchorColumns(),
    { header: 'note', field: 'note', role: { role: 'field', type: 'string' }, width: 60 },
  ];
}

/** `A`, `B`, … `AA`: the spreadsheet letter of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
