/**
 * The release data as the chart pages load it: only the records and fields the charts read, in
 * columns, each reference by row number rather than by id; and the statements' words (quote,
 * paraphrase, context) apart, in parts by relation, since only the who-says-what and timeline
 * charts show them. A relation page loads the columns and one part of words, not a copy of the
 * dataset. assets.ts writes these as classic scripts; client/charts.ts decodes them into a Dataset
 * that ClaimGraph.fromData reads as before, so each chart is drawn from the same records.
 */
import type { Dataset, Entity, Redirect, Relation, Source, Statement } from '@claimgraph/schema';
import { SiteError } from './errors.js';
import { decodeNumbers, encodeNumbers, frontCode, frontDecode } from './codings.js';

/**
 * A column: texts as they are, ids front-coded (codings.ts), numbers (a reference's row, a count)
 * packed into one string (codings.ts), or values by number in a dictionary (`{d, x}`, for the few
 * values of a type or a date); a field some rows lack is `{i, v}`: the gaps between the rows that
 * have it, packed, and their values.
 */
type Value = string | number | boolean;
type Dense = string[] | string | { d: Value[]; x: string };
type Column = Dense | { i: string; v: Dense };

/** How a field is written: a reference is the row number of the record it names. */
type Kind = 'id' | 'text' | 'enum' | 'count' | { ref: 'entities' | 'relations' | 'sources' };

/** The fields each record keeps: those the charts (and ClaimGraph under them) read; the rest stay in the download. */
const FIELDS = {
  entities: { id: 'id', type: 'enum', name: 'text', description: 'text' },
  relations: { id: 'id', type: 'enum', source: { ref: 'entities' }, target: { ref: 'entities' } },
  sources: { id: 'id', publisher: 'text', title: 'text' },
  statements: {
    id: 'id',
    relation: { ref: 'relations' },
    speaker: { ref: 'entities' },
    stance: 'enum',
    date: 'enum',
    source: { ref: 'sources' },
    hedged: 'enum',
    reportedBy: { ref: 'entities' },
    // Charts count a statement's appearances ("reported by 3 sources"), never read them.
    appearances: 'count',
  },
  redirects: { from: 'text', to: 'text' },
} as const satisfies Record<string, Record<string, Kind>>;

/** The statements' words, in the parts of words. */
const WORDS = ['quote', 'paraphrase', 'context'] as const;

type Table = keyof typeof FIELDS;
const TABLES = Object.keys(FIELDS) as Table[];

/** The columns every chart page loads (assets/data.*.js). */
export interface ChartData {
  /** Each table's row count and columns, by field. */
  tables: Record<Table, { n: number; columns: Record<string, Column> }>;
  /** Relations per part of words: relation row r's statements' words are in part ⌊r / perPart⌋. */
  perPart: number;
  /** The parts' file names, beside data.*.js. */
  parts: string[];
}

/** One part of words: for its statements, in row order, each word field's column. */
export type WordsPart = Record<(typeof WORDS)[number], Column>;

/** About this many bytes of words a part: a relation page fetches one. */
const PART_BYTES = 64 * 1024;

function dense(values: readonly Value[], kind: Kind): Dense {
  if (kind === 'id') return frontCode(values as string[]);
  if (kind === 'text') return values as string[];
  if (kind !== 'enum') return encodeNumbers(values as number[]);
  const dictionary = [...new Set(values)];
  const number = new Map(dictionary.map((v, i) => [v, i]));
  return { d: dictionary, x: encodeNumbers(values.map((v) => number.get(v)!)) };
}

function undense(column: Dense, kind: Kind): Value[] {
  if (typeof column === 'string') return decodeNumbers(column);
  if (!Array.isArray(column)) return decodeNumbers(column.x).map((i) => column.d[i]!);
  return kind === 'id' ? frontDecode(column) : column;
}

function encodeColumn(values: readonly (Value | undefined)[], kind: Kind): Column {
  const rows: number[] = [];
  values.forEach((v, row) => v !== undefined && rows.push(row));
  if (rows.length === values.length) return dense(values as Value[], kind);
  const gaps = rows.map((row, k) => row - (k ? rows[k - 1]! : -1));
  return {
    i: encodeNumbers(gaps),
    v: dense(
      rows.map((row) => values[row]!),
      kind,
    ),
  };
}

function decodeColumn(column: Column, n: number, kind: Kind): (Value | undefined)[] {
  if (typeof column === 'string' || Array.isArray(column) || !('i' in column)) return undense(column, kind);
  const out = new Array<Value | undefined>(n).fill(undefined);
  const values = undense(column.v, kind);
  let row = -1;
  decodeNumbers(column.i).forEach((gap, k) => (out[(row += gap)] = values[k]));
  return out;
}

type Row = Record<string, unknown>;
const rowsOf = (dataset: Dataset, table: Table) => (dataset[table] ?? []) as unknown as Row[];

/** The columns and parts of words of a dataset; a reference to no record is an error naming it. */
export function encodeChartData(dataset: Dataset): { data: Omit<ChartData, 'parts'>; words: WordsPart[] } {
  const rowOf = Object.fromEntries(
    (['entities', 'relations', 'sources'] as const).map((t) => [
      t,
      new Map(rowsOf(dataset, t).map((r, i) => [r.id as string, i])),
    ]),
  ) as Record<'entities' | 'relations' | 'sources', Map<string, number>>;
  const tables = {} as ChartData['tables'];
  for (const table of TABLES) {
    const rows = rowsOf(dataset, table);
    const columns: Record<string, Column> = {};
    for (const [field, kind] of Object.entries(FIELDS[table]) as [string, Kind][]) {
      const values = rows.map((row) => {
        const value = row[field];
        if (value === undefined) return undefined;
        if (kind === 'count') return (value as unknown[]).length;
        if (typeof kind !== 'object') return value as Value;
        const found = rowOf[kind.ref].get(value as string);
        if (found === undefined)
          throw new SiteError(`${table} ${String(row.id)}: ${field} "${String(value)}" names no record of ${kind.ref}`);
        return found;
      });
      if (values.some((v) => v !== undefined)) columns[field] = encodeColumn(values, kind);
    }
    tables[table] = { n: rows.length, columns };
  }
  const relationRow = rowOf.relations;
  const statements = dataset.statements;
  const wordBytes = statements.reduce((sum, s) => sum + WORDS.reduce((n, f) => n + (s[f]?.length ?? 0), 0), 0);
  const partCount = Math.max(1, Math.min(dataset.relations.length, Math.round(wordBytes / PART_BYTES)));
  const perPart = Math.max(1, Math.ceil(dataset.relations.length / partCount));
  const members: Statement[][] = Array.from({ length: Math.ceil(dataset.relations.length / perPart) }, () => []);
  for (const s of statements) members[Math.floor(relationRow.get(s.relation)! / perPart)]!.push(s);
  const words = members.map(
    (list) =>
      Object.fromEntries(
        WORDS.map((f) => [
          f,
          encodeColumn(
            list.map((s) => s[f]),
            'text',
          ),
        ]),
      ) as WordsPart,
  );
  return { data: { tables, perPart }, words };
}

/** The records of the columns: statements without their words until `addWords` gives them. */
export function decodeChartData(data: ChartData): Dataset {
  const decoded = {} as Record<Table, Row[]>;
  for (const table of TABLES) {
    const { n, columns } = data.tables[table];
    const rows: Row[] = Array.from({ length: n }, () => ({}));
    for (const [field, kind] of Object.entries(FIELDS[table]) as [string, Kind][]) {
      const column = columns[field];
      if (!column) continue;
      decodeColumn(column, n, kind).forEach((value, row) => {
        if (value !== undefined) rows[row]![field] = value;
      });
    }
    decoded[table] = rows;
  }
  const ids = (table: 'entities' | 'relations' | 'sources') => decoded[table].map((r) => r.id as string);
  for (const table of TABLES)
    for (const [field, kind] of Object.entries(FIELDS[table]) as [string, Kind][]) {
      if (typeof kind === 'object') {
        const names = ids(kind.ref);
        for (const row of decoded[table]) if (row[field] !== undefined) row[field] = names[row[field] as number];
      } else if (kind === 'count') {
        // Placeholders: charts count appearances, and the download has them in full.
        for (const row of decoded[table])
          if (row[field] !== undefined) row[field] = Array.from({ length: row[field] as number }, () => ({}));
      }
    }
  return {
    entities: decoded.entities as unknown as Entity[],
    relations: decoded.relations as unknown as Relation[],
    sources: decoded.sources as unknown as Source[],
    statements: decoded.statements as unknown as Statement[],
    ...(data.tables.redirects.n ? { redirects: decoded.redirects as unknown as Redirect[] } : {}),
  };
}

/** The part of words holding a relation's statements' words. */
export function wordsPartOf(dataset: Dataset, data: ChartData, relationId: string): number | undefined {
  const row = dataset.relations.findIndex((r) => r.id === relationId);
  return row < 0 ? undefined : Math.floor(row / data.perPart);
}

/** Gives the statements of part `k` their words, in place. */
export function addWords(dataset: Dataset, data: ChartData, k: number, part: WordsPart): void {
  const row = new Map(dataset.relations.map((r, i) => [r.id, i]));
  const members = dataset.statements.filter((s) => Math.floor(row.get(s.relation)! / data.perPart) === k);
  for (const field of WORDS) {
    decodeColumn(part[field], members.length, 'text').forEach((value, i) => {
      if (value !== undefined) (members[i] as unknown as Row)[field] = value;
    });
  }
}
