// Shared by the export tests: a dataset full of awkward text, and readers that turn each exported
// format back into records, following the mappings the export module documents.
import { canonicalRecord, type Dataset, type RecordKind, type Statement } from '@claimgraph/schema';
import type { AbstractGraph } from 'graphology-types';
import { parquetReadObjects } from 'hyparquet';
import { expect } from 'vitest';
import {
  APPEARANCE_FIELDS,
  CSV_COLUMNS,
  dateYear,
  parquetColumns,
  type TableKind,
  NDJSON_APPEARANCE_KIND,
  type AppearanceRow,
  EDGE_ATTRIBUTES,
  NODE_ATTRIBUTES,
  unescapeFormula,
  type ColumnSpec,
  type CsvFile,
} from '../src/export/index.js';

/** Quotes with commas, doubled quotes, formula starts, Pashto and Arabic script. */
export function awkwardDataset(): Dataset {
  return {
    entities: [
      {
        id: 'armed-group:haqqani-network',
        type: 'armed-group',
        name: 'Haqqani network',
        aliases: ['حقاني شبکه', 'HQN, the "network"'],
        founded: '1970',
      },
      {
        id: 'armed-group:taliban',
        type: 'armed-group',
        name: 'طالبان',
        aliases: ['Taliban', '=HYPERLINK("http://example.com")'],
        description: '-The movement, as the source "describes" it.',
      },
      {
        id: 'document:report',
        type: 'document',
        name: '@report',
        documentKind: 'report',
        published: '2021-06',
        url: 'https://example.org/report?a=1,b=2',
      },
      { id: 'event:fall-of-kabul', type: 'event', name: 'Fall of Kabul', date: '2021-08-15', end: '2021-09' },
      { id: 'person:ned-price', type: 'person', name: 'Ned Price', role: '+spokesman', deceased: false },
      {
        id: 'person:sirajuddin-haqqani',
        type: 'person',
        name: 'سراج الدين حقاني',
        aliases: ["'=quoted already", 'Siraj'],
        role: 'deputy leader',
        deceased: false,
      },
      { id: 'place:kabul', type: 'place', name: 'کابل', placeKind: 'city' },
    ],
    relations: [
      {
        id: 'rel:haqqani-allied-with-taliban',
        type: 'allied-with',
        source: 'armed-group:haqqani-network',
        target: 'armed-group:taliban',
        start: '2001',
      },
      {
        id: 'rel:haqqani-part-of-taliban',
        type: 'part-of',
        source: 'armed-group:haqqani-network',
        target: 'armed-group:taliban',
        note: 'Read, with care, from "two" sources.',
      },
      {
        id: 'rel:sirajuddin-leads-haqqani',
        type: 'leads',
        source: 'person:sirajuddin-haqqani',
        target: 'armed-group:haqqani-network',
        attributes: { role: 'leader, "emir"', rank: 1, acting: true },
        start: '2018-05-01',
        end: '2021-08-31',
      },
    ],
    statements: [
      {
        id: 'st:price-1',
        relation: 'rel:haqqani-part-of-taliban',
        speaker: 'person:ned-price',
        stance: 'disputes',
        date: '2021-08-27',
        quote: 'The Taliban and the Haqqani network are "separate entities," he said.',
        source: 'src:article',
        // Reported by two more sources: rows of the appearances table, with an anchor and a formula-like note.
        appearances: [
          {
            source: 'src:reprint',
            anchor: {
              type: 'TextQuoteSelector',
              exact: 'The Taliban and the Haqqani network are "separate entities," he said.',
              prefix: 'Price, asked: ',
              suffix: ' "We are',
            },
            note: '-Reprinted in full, "verbatim", with a comma.',
          },
          { source: 'src:op-ed' },
        ],
        hedged: false,
      },
      {
        id: 'st:report-1',
        relation: 'rel:haqqani-part-of-taliban',
        speaker: 'document:report',
        stance: 'supports',
        date: '2021-06',
        quote: '=SUM(A1:A9) is not a formula here',
        source: 'src:article',
        reportedBy: 'person:ned-price',
      },
      {
        id: 'st:siraj-1',
        relation: 'rel:sirajuddin-leads-haqqani',
        speaker: 'person:sirajuddin-haqqani',
        stance: 'supports',
        date: '2020',
        quote: 'موږ يو يو، او ګډ يو',
        source: 'src:article',
        hedged: true,
        note: '-dated by year only',
      },
      {
        id: 'st:siraj-2',
        relation: 'rel:haqqani-allied-with-taliban',
        speaker: 'person:sirajuddin-haqqani',
        stance: 'supports',
        date: '2020-02-20',
        source: 'src:op-ed',
      },
    ],
    sources: [
      {
        id: 'src:article',
        title: 'Pentagon: Taliban, Haqqani "commingling"',
        publisher: 'Washington Examiner',
        author: 'Jerry Dunleavy',
        published: '2021-08-31',
      },
      {
        id: 'src:op-ed',
        title: 'What We, the Taliban, Want',
        publisher: 'The New York Times',
        url: 'https://example.org/op-ed',
      },
      {
        id: 'src:reprint',
        title: 'Taliban, Haqqani "commingling", reprinted',
        publisher: '@Reprints',
        published: '2021-09-01',
        language: 'en',
      },
    ],
  };
}

/** The same dataset with quotes the validator would refuse but every writer must still carry: newlines, CR, tabs. */
export function multilineDataset(): Dataset {
  const data = awkwardDataset();
  data.statements[0] = { ...data.statements[0]!, quote: 'First line, "quoted"\nsecond line\r\nthird\tcolumn' };
  data.relations[1] = { ...data.relations[1]!, note: 'note\nwith a newline' };
  return data;
}

export const KINDS: RecordKind[] = ['entities', 'relations', 'statements', 'sources'];

/** The dataset as releases hold it: lists by id, keys in schema order. */
export function canonical(data: Dataset): Dataset {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const out = {} as Dataset;
  for (const kind of KINDS)
    (out[kind] as unknown[]) = [...(data[kind] as { id: string }[])].sort(byId).map((r) => canonicalRecord(kind, r));
  return out;
}

/** Reads one flattened value back: absent when empty, JSON for lists and objects. */
function decodeValue(spec: ColumnSpec, value: unknown, formulaEscape: boolean): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  if (spec.type === 'list' || spec.type === 'json') return JSON.parse(String(value));
  if (spec.type === 'boolean') return typeof value === 'boolean' ? value : value === 'true';
  if (spec.type === 'number') return Number(value);
  return formulaEscape ? unescapeFormula(String(value)) : String(value);
}

function decodeRow(
  specs: readonly ColumnSpec[],
  row: Record<string, unknown>,
  formulaEscape: boolean,
): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const spec of specs) {
    if (spec.field === undefined) continue;
    const value = decodeValue(spec, row[spec.header], formulaEscape);
    if (value !== undefined) record[spec.field] = value;
  }
  return record;
}

const FILE_KIND: Record<Exclude<CsvFile, 'appearances'>, RecordKind | 'redirects'> = {
  nodes: 'entities',
  edges: 'relations',
  statements: 'statements',
  sources: 'sources',
  redirects: 'redirects',
};

/** CSV rows (as csv-parse gives them, by header) back to canonical records (appearances: to rows of that table). */
export function recordsFromCsv(file: CsvFile, rows: Record<string, string>[], formulaEscape: boolean): unknown[] {
  if (file === 'appearances') return rows.map((row) => decodeRow(CSV_COLUMNS.appearances, row, formulaEscape));
  return rows.map((row) => canonicalRecord(FILE_KIND[file], decodeRow(CSV_COLUMNS[file], row, formulaEscape)));
}

/**
 * Statements read from a statements table, given back their `appearances` from the appearances
 * table's rows, as a reader joining the two would: the own row must repeat the statement's source
 * and anchor, the others become its appearances in row order. Throws on a row no statement owns.
 */
export function joinAppearances(statements: unknown[], rows: unknown[]): Statement[] {
  const byId = new Map((statements as Statement[]).map((s) => [s.id, { ...s }]));
  const own = new Set<string>();
  const { statement: _s, source: _o, own: _w, ...rest } = Object.fromEntries(APPEARANCE_FIELDS.map((f) => [f.name, 0]));
  const fields = Object.keys(rest);
  for (const row of rows as AppearanceRow[]) {
    const statement = byId.get(row.statement);
    if (!statement) throw new Error(`appearance row of unknown statement ${row.statement}`);
    if (row.own) {
      if (own.has(row.statement)) throw new Error(`two own rows for ${row.statement}`);
      own.add(row.statement);
      expect(row.source).toBe(statement.source);
      expect(row.anchor).toEqual(statement.anchor);
      expect(row.note).toBeUndefined();
      continue;
    }
    const appearance = Object.fromEntries(
      fields.flatMap((f) =>
        (row as unknown as Record<string, unknown>)[f] === undefined
          ? []
          : [[f, (row as unknown as Record<string, unknown>)[f]]],
      ),
    );
    (statement.appearances ??= []).push({ source: row.source, ...appearance });
  }
  expect([...own].sort()).toEqual([...byId.keys()].sort());
  return [...byId.values()].map((s) => canonicalRecord('statements', s));
}

/** A parsed GEXF or GraphML graph back to entities and relations. */
export function recordsFromGraph(graph: AbstractGraph): Pick<Dataset, 'entities' | 'relations'> {
  const entities = graph.mapNodes((key, attributes) =>
    canonicalRecord('entities', { id: key, ...decodeRow(NODE_ATTRIBUTES, attributes, false) }),
  );
  const relations = graph.mapEdges((key, attributes, source, target) =>
    canonicalRecord('relations', { id: key, source, target, ...decodeRow(EDGE_ATTRIBUTES, attributes, false) }),
  );
  return canonical({ entities, relations, statements: [], sources: [] } as unknown as Dataset);
}

/** NDJSON text back to a dataset, checking that every line has a kind; `appearance` lines go back into their statements. */
export function recordsFromNdjson(text: string): Dataset & { kinds: string[] } {
  const out = {
    entities: [],
    relations: [],
    statements: [],
    sources: [],
    redirects: [],
    kinds: [] as string[],
  } as unknown as Dataset & { kinds: string[] };
  const list: Record<string, unknown[]> = {
    entity: out.entities,
    relation: out.relations,
    statement: out.statements,
    source: out.sources,
    // A dataset with redirects (afghanistan-2021 since 2.0.0) exports them as `redirect` lines.
    redirect: out.redirects!,
    [NDJSON_APPEARANCE_KIND]: [],
  };
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const { kind, ...record } = JSON.parse(line) as { kind: string };
    out.kinds.push(kind);
    list[kind]!.push(record);
  }
  out.statements = joinAppearances(out.statements, list[NDJSON_APPEARANCE_KIND]!);
  return out;
}

/**
 * The rows of one Parquet table of an export, its files read in path order and concatenated (as an
 * engine reads the table's folder), JSON columns parsed and absent values left out.
 */
export async function parquetTableRows(
  files: readonly { path: string; table?: string; content?: string | Uint8Array }[],
  kind: TableKind,
): Promise<Record<string, unknown>[]> {
  const fields = parquetColumns(kind).filter((c) => c.field !== undefined);
  const rows: Record<string, unknown>[] = [];
  for (const file of files.filter((f) => f.table === kind).sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const content = file.content as Uint8Array;
    const table = await parquetReadObjects({
      file: content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer,
    });
    for (const row of table) {
      const record: Record<string, unknown> = {};
      for (const column of fields) {
        const value = row[column.name];
        if (value === null || value === undefined) continue;
        record[column.field!] = column.type === 'JSON' && typeof value === 'string' ? JSON.parse(value) : value;
      }
      rows.push(record);
    }
  }
  return rows;
}

/** Records in the order of the statements table's files: by year partition (a date that is no date last), id order within. */
export function inYearOrder<T extends { date?: unknown }>(records: readonly T[]): T[] {
  const rank = (r: T) => dateYear(r.date) ?? Infinity;
  return [...records].sort((a, b) => (rank(a) === rank(b) ? 0 : rank(a) < rank(b) ? -1 : 1));
}
