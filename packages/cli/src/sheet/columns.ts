/**
 * The curation workbook's layout: one sheet per record kind, its columns derived from the schema's
 * fields (never listed twice), with readable names beside the ids they explain.
 */
import { ENTITY_TYPES, RELATION_TYPES, STANCES } from '@claimgraph/schema';
import { FIELDS, type ExportKind, type FieldType } from '@claimgraph/sdk/export';

export type SheetKind = Exclude<ExportKind, never>;

/** What a column holds: a record field, a reference resolved by id or name, or a readable helper. */
export type ColumnRole =
  | { role: 'field'; type: FieldType; list?: ListName }
  | { role: 'reference'; to: 'entities' | 'relations' | 'sources' }
  | { role: 'readable'; explains: string }
  | { role: 'original-id' };

export type ListName = 'entityTypes' | 'relationTypes' | 'stances' | 'booleans';

export interface SheetColumn {
  header: string;
  /** The record field the column reads and writes; readable helper columns have none. */
  field?: string;
  role: ColumnRole;
  width: number;
}

export interface SheetLayout {
  kind: SheetKind;
  /** The worksheet's name, also used in cell addresses (`Statements!F12`). */
  name: string;
  columns: SheetColumn[];
}

/** The values of each drop-down list, kept on the hidden `Lists` sheet. */
export const LISTS: Readonly<Record<ListName, readonly string[]>> = {
  entityTypes: ENTITY_TYPES,
  relationTypes: RELATION_TYPES,
  stances: STANCES,
  booleans: ['TRUE', 'FALSE'],
};

const SHEET_NAMES: Record<SheetKind, string> = {
  entities: 'Entities',
  relations: 'Relations',
  statements: 'Statements',
  sources: 'Sources',
  redirects: 'Redirects',
};

/** Fields holding an id of another record; the readable column after each says which record it is. */
const REFERENCES: Partial<Record<SheetKind, Record<string, 'entities' | 'relations' | 'sources'>>> = {
  relations: { source: 'entities', target: 'entities' },
  statements: { relation: 'relations', speaker: 'entities', source: 'sources', reportedBy: 'entities' },
};

const READABLE: Record<'entities' | 'relations' | 'sources', string> = {
  entities: 'name',
  relations: 'in words',
  sources: 'title',
};

const WIDE = new Set(['quote', 'paraphrase', 'context', 'note', 'description', 'title']);

function listOf(kind: SheetKind, field: string, type: FieldType): ListName | undefined {
  if (type === 'boolean') return 'booleans';
  if (field === 'type' && kind === 'entities') return 'entityTypes';
  if (field === 'type' && kind === 'relations') return 'relationTypes';
  if (field === 'stance') return 'stances';
  return undefined;
}

/** The layout of one record kind's sheet. */
export function sheetLayout(kind: SheetKind): SheetLayout {
  const columns: SheetColumn[] = [];
  for (const f of FIELDS[kind]) {
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

export const SHEET_KINDS: readonly SheetKind[] = ['entities', 'relations', 'statements', 'sources', 'redirects'];

/** `A`, `B`, … `AA`: the spreadsheet letter of a 1-based column number. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}
