import { parse as parseCsv } from 'csv-parse/sync';
import { MultiGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { parquetReadObjects } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { ClaimGraph } from '../src/index.js';
import { appearanceRows } from '../src/export/appearances.js';
import { exportRecords } from '../src/export/records.js';
import { exportDataset, NEO4J_ARRAY_DELIMITER, streamNdjson, type ExportResult } from '../src/export/index.js';
import {
  awkwardDataset,
  canonical,
  KINDS,
  multilineDataset,
  recordsFromCsv,
  recordsFromGraph,
  joinAppearances,
  recordsFromNdjson,
} from './export-helpers.js';

const cg = ClaimGraph.fromData(awkwardDataset());
const expected = cg.toJSON();

const text = (result: ExportResult, path: string): string => {
  const file = result.files.find((f) => f.path === path);
  if (typeof file?.content !== 'string')
    throw new Error(`no text file ${path} in ${result.files.map((f) => f.path).join(', ')}`);
  return file.content;
};
const bytes = (result: ExportResult, path: string): ArrayBuffer => {
  const content = result.files.find((f) => f.path === path)?.content as Uint8Array;
  return content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer;
};
/** Every row of a Parquet table, its files read in path order (derived columns included). */
const tableObjects = async (result: ExportResult, kind: string): Promise<Record<string, unknown>[]> => {
  const rows: Record<string, unknown>[] = [];
  for (const file of result.files.filter((f) => f.table === kind))
    rows.push(...(await parquetReadObjects({ file: bytes(result, file.path) })));
  return rows;
};
const csvRows = (content: string) => parseCsv(content, { columns: true, bom: true }) as Record<string, string>[];
/** statements.csv joined with appearances.csv, back to statement records. */
const statementsOf = (result: ExportResult, formulaEscape: boolean) =>
  joinAppearances(
    recordsFromCsv('statements', csvRows(text(result, 'statements.csv')), formulaEscape),
    recordsFromCsv('appearances', csvRows(text(result, 'appearances.csv')), formulaEscape),
  );

describe('exportDataset(cg, "gexf")', () => {
  it('parses back with graphology-gexf into the same nodes, edges and attributes', async () => {
    const result = await exportDataset(cg, 'gexf');
    expect(result.files.map((f) => f.path)).toEqual(['dataset.gexf']);
    const graph = parseGexf(MultiGraph, text(result, 'dataset.gexf'));
    expect(recordsFromGraph(graph)).toEqual({
      entities: expected.entities,
      relations: expected.relations,
      statements: [],
      sources: [],
    });
    cg.graph.forEachEdge((edge, attributes) => {
      const back = graph.getEdgeAttributes(edge);
      expect([back.status, back.supports, back.disputes]).toEqual([
        attributes.status,
        attributes.supports,
        attributes.disputes,
      ]);
      expect(back.weight).toBe(attributes.supports + attributes.disputes);
      expect(back.kind).toBeUndefined();
      expect(back.symmetric).toBe(attributes.type === 'allied-with');
    });
  });

  it('types statement counts as integers and booleans as booleans, and writes every relation directed', async () => {
    const content = text(await exportDataset(cg, 'gexf'), 'dataset.gexf');
    expect(content).toContain('version="1.2"');
    expect(content).toContain('<attribute id="supports" title="supports" type="integer"/>');
    expect(content).toContain('<attribute id="deceased" title="deceased" type="boolean"/>');
    expect(content).toContain('<attribute id="symmetric" title="symmetric" type="boolean"/>');
    const graph = parseGexf(MultiGraph, content);
    expect(typeof graph.getEdgeAttribute('rel:haqqani-part-of-taliban', 'supports')).toBe('number');
    expect(graph.getNodeAttribute('person:ned-price', 'deceased')).toBe(false);
    expect(graph.undirectedSize).toBe(0);
    expect(graph.getEdgeAttribute('rel:haqqani-allied-with-taliban', 'symmetric')).toBe(true);
    expect(graph.getEdgeAttribute('rel:haqqani-part-of-taliban', 'symmetric')).toBe(false);
    expect(graph.extremities('rel:haqqani-allied-with-taliban')).toEqual([
      'armed-group:haqqani-network',
      'armed-group:taliban',
    ]);
  });

  it('writes symmetric relations undirected with symmetricEdges: "undirected", and GEXF 1.3 with kinds on request', async () => {
    const content = text(
      await exportDataset(cg, 'gexf', { symmetricEdges: 'undirected', gexfVersion: '1.3' }),
      'dataset.gexf',
    );
    expect(content).toContain('version="1.3"');
    const graph = parseGexf(MultiGraph, content);
    expect(graph.isUndirected('rel:haqqani-allied-with-taliban')).toBe(true);
    expect(graph.isDirected('rel:haqqani-part-of-taliban')).toBe(true);
    expect(graph.getEdgeAttribute('rel:haqqani-part-of-taliban', 'kind')).toBe('part-of');
    expect(recordsFromGraph(graph).relations).toEqual(expected.relations);
  });
});

describe('statement counts in GEXF and GraphML', () => {
  it('count a statement with three appearances once: statements, never the sources that report them', async () => {
    const data = awkwardDataset();
    data.sources.push({ id: 'src:wire', title: 'Wire copy', publisher: 'Wire', published: '2021-09-02' });
    const siraj = data.statements.find((s) => s.id === 'st:siraj-2')!;
    siraj.appearances = [{ source: 'src:article' }, { source: 'src:reprint' }, { source: 'src:wire' }];
    const threeTimes = ClaimGraph.fromData(data);
    for (const format of ['gexf', 'graphml'] as const) {
      const content = text(await exportDataset(threeTimes, format), `dataset.${format}`);
      const graph = (format === 'gexf' ? parseGexf : parseGraphml)(MultiGraph, content);
      expect(graph.getEdgeAttributes('rel:haqqani-allied-with-taliban'), format).toMatchObject({
        supports: 1,
        disputes: 0,
        weight: 1,
      });
    }
    const edges = csvRows(text(await exportDataset(threeTimes, 'csv'), 'edges.csv'));
    expect(edges.find((e) => e.Id === 'rel:haqqani-allied-with-taliban')).toMatchObject({ Weight: '1', supports: '1' });
  });
});

describe('exportDataset(cg, "graphml")', () => {
  it('parses back with graphology-graphml into the same nodes, edges and attributes', async () => {
    const result = await exportDataset(cg, 'graphml');
    const graph = parseGraphml(MultiGraph, text(result, 'dataset.graphml'));
    expect(recordsFromGraph(graph)).toEqual({
      entities: expected.entities,
      relations: expected.relations,
      statements: [],
      sources: [],
    });
    expect(graph.order).toBe(cg.graph.order);
    expect(graph.size).toBe(cg.graph.size);
    cg.graph.forEachEdge((edge, attributes) => {
      const back = graph.getEdgeAttributes(edge);
      expect([back.status, back.supports, back.disputes]).toEqual([
        attributes.status,
        attributes.supports,
        attributes.disputes,
      ]);
    });
    expect(graph.undirectedSize).toBe(0);
    expect(text(result, 'dataset.graphml')).toContain('<graph id="claimgraph" edgedefault="directed">');
    const mixed = parseGraphml(
      MultiGraph,
      text(await exportDataset(cg, 'graphml', { symmetricEdges: 'undirected' }), 'dataset.graphml'),
    );
    expect(mixed.isUndirected('rel:haqqani-allied-with-taliban')).toBe(true);
  });

  it('declares typed keys: int counts, boolean flags, string text', async () => {
    const content = text(await exportDataset(cg, 'graphml'), 'dataset.graphml');
    expect(content).toContain('<key id="e_supports" for="edge" attr.name="supports" attr.type="int"/>');
    expect(content).toContain('<key id="v_deceased" for="node" attr.name="deceased" attr.type="boolean"/>');
    expect(content).toContain('<key id="v_aliases" for="node" attr.name="aliases" attr.type="string"/>');
  });

  it('carries newlines, CRs and tabs in text through XML', async () => {
    const raw = ClaimGraph.fromData(multilineDataset(), { validate: false });
    for (const format of ['graphml', 'gexf'] as const) {
      const content = text(await exportDataset(raw, format), `dataset.${format}`);
      const graph = (format === 'gexf' ? parseGexf : parseGraphml)(MultiGraph, content);
      expect(recordsFromGraph(graph).relations).toEqual(raw.toJSON().relations);
    }
  });
});

describe('exportDataset(cg, "csv")', () => {
  it('writes nodes, edges, statements, appearances and sources that csv-parse reads back to the same records', async () => {
    const result = await exportDataset(cg, 'csv', { formulaEscape: false });
    expect(result.files.map((f) => [f.path, f.records])).toEqual([
      ['nodes.csv', 7],
      ['edges.csv', 3],
      ['statements.csv', 4],
      ['appearances.csv', 6],
      ['sources.csv', 3],
    ]);
    expect(result.records).toMatchObject({ statements: 4, appearances: 6 });
    expect(recordsFromCsv('nodes', csvRows(text(result, 'nodes.csv')), false)).toEqual(expected.entities);
    expect(recordsFromCsv('edges', csvRows(text(result, 'edges.csv')), false)).toEqual(expected.relations);
    const statements = recordsFromCsv('statements', csvRows(text(result, 'statements.csv')), false);
    expect(statements.some((s) => 'appearances' in (s as object))).toBe(false);
    expect(statementsOf(result, false)).toEqual(expected.statements);
    expect(recordsFromCsv('sources', csvRows(text(result, 'sources.csv')), false)).toEqual(expected.sources);
  });

  it('writes appearances.csv: one row per statement and source, its own source first, for a join', async () => {
    const result = await exportDataset(cg, 'csv');
    expect(text(result, 'statements.csv').split('\r\n')[0]).not.toContain('appearances');
    expect(text(result, 'appearances.csv').split('\r\n')[0]).toBe('statement,source,own,anchor,note');
    const rows = csvRows(text(result, 'appearances.csv'));
    expect(rows.filter((r) => r.statement === 'st:price-1').map((r) => [r.source, r.own, r.note])).toEqual([
      ['src:article', 'true', ''],
      ['src:reprint', 'false', '\'-Reprinted in full, "verbatim", with a comma.'],
      ['src:op-ed', 'false', ''],
    ]);
    expect(JSON.parse(rows[1]!.anchor!)).toMatchObject({ type: 'TextQuoteSelector', prefix: 'Price, asked: ' });
    // Every statement has its own row, so joining statements to sources loses none.
    expect(rows.filter((r) => r.own === 'true').map((r) => r.statement)).toEqual(expected.statements.map((s) => s.id));
  });

  it('starts with the headers Gephi and Flourish look for, and types edges Directed or Undirected by the vocabulary', async () => {
    const result = await exportDataset(cg, 'csv', { symmetricEdges: 'undirected' });
    expect(text(result, 'nodes.csv').split('\r\n')[0]).toMatch(/^Id,Label,type,aliases,description,/);
    expect(text(result, 'edges.csv').split('\r\n')[0]).toMatch(
      /^Source,Target,Type,Id,Label,Kind,Weight,relationType,status,supports,disputes,symmetric,start,start_start,start_end,start_precision,end,end_start,end_end,end_precision,endedBy,endedBy_start,endedBy_end,endedBy_precision,attributes,note$/,
    );
    const edges = csvRows(text(result, 'edges.csv'));
    expect(edges.map((e) => [e.Id, e.Type, e.Label, e.Weight, e.status])).toEqual([
      ['rel:haqqani-allied-with-taliban', 'Undirected', 'allied with', '1', 'supported'],
      ['rel:haqqani-part-of-taliban', 'Directed', 'part of', '2', 'contested'],
      ['rel:sirajuddin-leads-haqqani', 'Directed', 'leads', '1', 'supported'],
    ]);
  });

  it('follows every partial date with the _start, _end and _precision columns the Parquet files have', async () => {
    const result = await exportDataset(cg, 'csv');
    expect(text(result, 'statements.csv').split('\r\n')[0]).toMatch(
      /^Id,relation,speaker,stance,date,date_start,date_end,date_precision,quote,/,
    );
    const parquet = await exportDataset(cg, 'parquet');
    for (const [csvFile, table] of [
      ['statements.csv', 'statements'],
      ['edges.csv', 'relations'],
      ['nodes.csv', 'entities'],
      ['sources.csv', 'sources'],
    ] as const) {
      const rows = csvRows(text(result, csvFile));
      const objects = new Map(
        (await tableObjects(parquet, table)).map((o) => [o.id, o] as [unknown, Record<string, unknown>]),
      );
      const derived = Object.keys(rows[0]!).filter((h) => /_(start|end|precision)$/.test(h));
      expect(derived.length).toBeGreaterThan(0);
      rows.forEach((row) => {
        for (const header of derived) {
          const value = objects.get(row.Id)![header] as Date | string | null;
          expect(row[header], `${csvFile} ${row.Id} ${header}`).toBe(
            value instanceof Date ? value.toISOString().slice(0, 10) : (value ?? ''),
          );
        }
      });
    }
    const byId = new Map(csvRows(text(result, 'statements.csv')).map((s) => [s.Id, s]));
    for (const [id, statement] of byId) {
      const date = expected.statements.find((s) => s.id === id)!.date;
      expect(statement.date).toBe(date);
      expect(statement.date_start! <= statement.date_end!).toBe(true);
      expect(statement.date_precision).toBe(['year', 'month', 'day'][date.split('-').length - 1]);
    }
  });

  it('prefixes cells that a spreadsheet would run as a formula with a quote, and the reader strips it', async () => {
    const result = await exportDataset(cg, 'csv');
    const nodes = csvRows(text(result, 'nodes.csv'));
    const byId = new Map(nodes.map((n) => [n.Id, n]));
    expect(byId.get('document:report')!.Label).toBe("'@report");
    expect(byId.get('armed-group:taliban')!.description).toBe(`'-The movement, as the source "describes" it.`);
    expect(byId.get('person:ned-price')!.role).toBe("'+spokesman");
    const statements = csvRows(text(result, 'statements.csv'));
    expect(statements.find((s) => s.Id === 'st:report-1')!.quote).toBe("'=SUM(A1:A9) is not a formula here");
    const appearances = csvRows(text(result, 'appearances.csv'));
    for (const row of [...nodes, ...statements, ...appearances])
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    expect(recordsFromCsv('nodes', nodes, true)).toEqual(expected.entities);
    expect(statementsOf(result, true)).toEqual(expected.statements);
  });

  it('keeps quotes, commas and newlines inside RFC 4180 quoted fields, in UTF-8', async () => {
    const raw = ClaimGraph.fromData(multilineDataset(), { validate: false });
    const result = await exportDataset(raw, 'csv', { formulaEscape: false });
    const content = text(result, 'statements.csv');
    expect(content).toContain('"First line, ""quoted""\nsecond line\r\nthird\tcolumn"');
    expect(statementsOf(result, false)).toEqual(raw.toJSON().statements);
    expect(recordsFromCsv('edges', csvRows(text(result, 'edges.csv')), false)).toEqual(raw.toJSON().relations);
    const file = result.files.find((f) => f.path === 'nodes.csv')!;
    expect(file.bytes).toBe(Buffer.byteLength(file.content as string, 'utf8'));
    expect(text(result, 'nodes.csv')).toContain('سراج الدين حقاني');
  });

  it('starts each file with a byte order mark when asked, for Excel', async () => {
    const result = await exportDataset(cg, 'csv', { bom: true });
    expect(text(result, 'nodes.csv').startsWith('\uFEFFId,Label,')).toBe(true);
    expect(csvRows(text(result, 'nodes.csv'))[0]).toHaveProperty('Id');
  });
});

describe('exportDataset(cg, "ndjson")', () => {
  it('writes one record per line with its kind, which JSON.parse reads back to the same records', async () => {
    const result = await exportDataset(cg, 'ndjson');
    const content = text(result, 'dataset.ndjson');
    const lines = content.split('\n').filter(Boolean);
    expect(lines).toHaveLength(7 + 3 + 4 + 6 + 3);
    expect(result.files[0]!.records).toBe(lines.length);
    expect(lines[0]!.startsWith('{"kind":"entity","id":"armed-group:haqqani-network"')).toBe(true);
    expect(lines.filter((l) => l.startsWith('{"kind":"statement"')).some((l) => l.includes('"appearances"'))).toBe(
      false,
    );
    expect(lines.filter((l) => l.includes('"statement":"st:price-1"'))).toEqual([
      '{"kind":"appearance","statement":"st:price-1","source":"src:article","own":true}',
      '{"kind":"appearance","statement":"st:price-1","source":"src:reprint","own":false,"anchor":{"type":"TextQuoteSelector","exact":"The Taliban and the Haqqani network are \\"separate entities,\\" he said.","prefix":"Price, asked: ","suffix":" \\"We are"},"note":"-Reprinted in full, \\"verbatim\\", with a comma."}',
      '{"kind":"appearance","statement":"st:price-1","source":"src:op-ed","own":false}',
    ]);
    const back = recordsFromNdjson(content);
    expect(new Set(back.kinds)).toEqual(new Set(['entity', 'relation', 'statement', 'appearance', 'source']));
    for (const kind of KINDS) expect(back[kind]).toEqual(expected[kind]);
  });

  it('writes each appearance line as the appearances table row it stands for, key for key', async () => {
    const dataset = awkwardDataset();
    const lines = text(await exportDataset(dataset, 'ndjson'), 'dataset.ndjson').split('\n');
    const rows = [...appearanceRows(exportRecords(dataset, 'test'))];
    expect(rows.length).toBeGreaterThan(dataset.statements.length);
    expect(rows.some((row) => row.anchor !== undefined && row.note !== undefined)).toBe(true);
    expect(lines.filter((l) => l.startsWith('{"kind":"appearance"'))).toEqual(
      rows.map((row) => `{"kind":"appearance",${JSON.stringify(row).slice(1)}`),
    );
  });

  it('gives a statement’s own anchor on its own appearance line, key for key', async () => {
    const dataset = awkwardDataset();
    const statement = dataset.statements.find((s) => s.quote !== undefined)!;
    statement.anchor = { type: 'TextQuoteSelector', exact: statement.quote!.slice(0, 12) };
    const lines = text(await exportDataset(dataset, 'ndjson'), 'dataset.ndjson').split('\n');
    const rows = [...appearanceRows(exportRecords(dataset, 'test'))];
    expect(rows.some((row) => row.own && row.anchor !== undefined)).toBe(true);
    expect(lines.filter((l) => l.startsWith('{"kind":"appearance"'))).toEqual(
      rows.map((row) => `{"kind":"appearance",${JSON.stringify(row).slice(1)}`),
    );
  });

  it('streams the same text in chunks', async () => {
    let streamed = '';
    for await (const chunk of streamNdjson(cg)) streamed += chunk;
    expect(streamed).toBe(text(await exportDataset(cg, 'ndjson'), 'dataset.ndjson'));
  });

  it('carries newlines and tabs as JSON escapes, one record still on one line', async () => {
    const raw = ClaimGraph.fromData(multilineDataset(), { validate: false });
    const content = text(await exportDataset(raw, 'ndjson'), 'dataset.ndjson');
    expect(content.split('\n').filter(Boolean)).toHaveLength(23);
    expect(recordsFromNdjson(content).statements).toEqual(raw.toJSON().statements);
  });

  it('exports a plain Dataset the same way as a ClaimGraph of it, in id order and schema key order whatever the input order', async () => {
    const shuffled = awkwardDataset();
    shuffled.entities.reverse();
    shuffled.statements.reverse();
    const reversedKeys = <T extends object>(record: T): T => Object.fromEntries(Object.entries(record).reverse()) as T;
    shuffled.relations = shuffled.relations.map((r) =>
      reversedKeys({ ...r, ...(r.attributes ? { attributes: reversedKeys(r.attributes) } : {}) }),
    );
    shuffled.sources = shuffled.sources.map(reversedKeys);
    shuffled.entities = shuffled.entities.map(reversedKeys);
    const fromDataset = text(await exportDataset(shuffled, 'ndjson'), 'dataset.ndjson');
    expect(fromDataset).toBe(text(await exportDataset(cg, 'ndjson'), 'dataset.ndjson'));
  });
});

describe('exportDataset(cg, "parquet")', () => {
  it('writes a folder per table, statements by year, that hyparquet reads back to the same values', async () => {
    const result = await exportDataset(cg, 'parquet');
    expect(result.files.map((f) => [f.path, f.table, f.partition, f.records])).toEqual([
      ['entities/part-0.parquet', 'entities', undefined, 7],
      ['relations/part-0.parquet', 'relations', undefined, 3],
      ['statements/year=2020/part-0.parquet', 'statements', { year: 2020 }, 2],
      ['statements/year=2021/part-0.parquet', 'statements', { year: 2021 }, 2],
      ['appearances/part-0.parquet', 'appearances', undefined, 6],
      ['sources/part-0.parquet', 'sources', undefined, 3],
    ]);
    const appearances = await tableObjects(result, 'appearances');
    expect(appearances.map((a) => [a.statement, a.source, a.own])).toEqual(
      expected.statements.flatMap((s) => [
        [s.id, s.source, true],
        ...(s.appearances ?? []).map((a) => [s.id, a.source, false]),
      ]),
    );
    const entities = await tableObjects(result, 'entities');
    expect(entities.map((e) => e.id)).toEqual(expected.entities.map((e) => e.id));
    expect(entities.find((e) => e.id === 'armed-group:haqqani-network')!.aliases).toEqual([
      'حقاني شبکه',
      'HQN, the "network"',
    ]);
    expect(entities.find((e) => e.id === 'person:sirajuddin-haqqani')!.name).toBe('سراج الدين حقاني');
    expect(entities.find((e) => e.id === 'person:ned-price')!.deceased).toBe(false);
    const relations = await tableObjects(result, 'relations');
    const leads = relations.find((r) => r.id === 'rel:sirajuddin-leads-haqqani')!;
    expect(typeof leads.attributes === 'string' ? JSON.parse(leads.attributes) : leads.attributes).toEqual({
      acting: true,
      rank: 1,
      role: 'leader, "emir"',
    });
    expect(relations.map((r) => [r.id, r.status, r.supports, r.disputes, r.symmetric])).toEqual([
      ['rel:haqqani-allied-with-taliban', 'supported', 1, 0, true],
      ['rel:haqqani-part-of-taliban', 'contested', 1, 1, false],
      ['rel:sirajuddin-leads-haqqani', 'supported', 1, 0, false],
    ]);
    const statements = await tableObjects(result, 'statements');
    expect(statements.map((s) => String(s.date).slice(0, 4))).toEqual(['2020', '2020', '2021', '2021']);
    const report = statements.find((s) => s.id === 'st:report-1')!;
    expect([report.date, report.date_precision, report.quote, report.reportedBy]).toEqual([
      '2021-06',
      'month',
      '=SUM(A1:A9) is not a formula here',
      'person:ned-price',
    ]);
    expect([
      (report.date_start as Date).toISOString().slice(0, 10),
      (report.date_end as Date).toISOString().slice(0, 10),
    ]).toEqual(['2021-06-01', '2021-06-30']);
    expect(statements.find((s) => s.id === 'st:siraj-1')!.date_end).toEqual(new Date('2020-12-31T00:00:00Z'));
  });

  it('gives byte-identical files for the same data', async () => {
    const a = await exportDataset(cg, 'parquet');
    const b = await exportDataset(ClaimGraph.fromData(awkwardDataset()), 'parquet');
    expect(a.files.map((f) => f.content)).toEqual(b.files.map((f) => f.content));
  });
});

describe('exportDataset(cg, "neo4j")', () => {
  it('writes neo4j-admin headers, with typed properties and the ID, LABEL, START_ID, END_ID and TYPE columns', async () => {
    const result = await exportDataset(cg, 'neo4j');
    expect(result.files.map((f) => f.path)).toEqual([
      'entities.csv',
      'relations.csv',
      'statements.csv',
      'sources.csv',
      'relationships.csv',
      'links.csv',
      'appearances.csv',
      'import.cypher',
    ]);
    const header = (path: string) => text(result, path).split('\r\n')[0];
    expect(header('entities.csv')).toBe(
      'entityId:ID,:LABEL,type,name,aliases:string[],description,role,deceased:boolean,founded,founded_start:date,founded_end:date,founded_precision,placeKind,date,date_start:date,date_end:date,date_precision,end,end_start:date,end_end:date,end_precision,documentKind,published,published_start:date,published_end:date,published_precision,url',
    );
    expect(header('relationships.csv')).toBe(':START_ID,:END_ID,:TYPE,relationId,status,supports:int,disputes:int');
    expect(header('links.csv')).toBe(':START_ID,:END_ID,:TYPE');
    expect(header('appearances.csv')).toBe(':START_ID,:END_ID,:TYPE,own:boolean,anchor,note');
    expect(header('statements.csv')).not.toContain('appearances');
    const rows = csvRows(text(result, 'appearances.csv'));
    expect(rows).toHaveLength(6);
    expect(
      rows.filter((r) => r[':START_ID'] === 'st:price-1').map((r) => [r[':END_ID'], r[':TYPE'], r['own:boolean']]),
    ).toEqual([
      ['src:article', 'APPEARS_IN', 'true'],
      ['src:reprint', 'APPEARS_IN', 'false'],
      ['src:op-ed', 'APPEARS_IN', 'false'],
    ]);
    // JSON text with no backslash before a quote, as every JSON cell of the Neo4j files.
    const anchor = rows.find((r) => r[':END_ID'] === 'src:reprint')!.anchor!;
    expect(anchor).not.toContain('\\"');
    expect(JSON.parse(anchor)).toEqual(expected.statements[0]!.appearances![0]!.anchor);
    expect(header('statements.csv')).toContain('statementId:ID,:LABEL,relation,speaker,stance,date,date_start:date,');
    expect(header('statements.csv')).toContain('hedged:boolean');
  });

  it('writes rows an RFC 4180 reader splits into the records, labels and lists joined by U+001F', async () => {
    const result = await exportDataset(cg, 'neo4j');
    const entities = csvRows(text(result, 'entities.csv'));
    const siraj = entities.find((e) => e['entityId:ID'] === 'person:sirajuddin-haqqani')!;
    expect(siraj[':LABEL']!.split(NEO4J_ARRAY_DELIMITER)).toEqual(['Entity', 'Person']);
    expect(siraj['aliases:string[]']!.split(NEO4J_ARRAY_DELIMITER)).toEqual(["'=quoted already", 'Siraj']);
    expect(siraj.name).toBe('سراج الدين حقاني');
    const relationships = csvRows(text(result, 'relationships.csv'));
    expect(relationships.find((r) => r.relationId === 'rel:haqqani-part-of-taliban')).toEqual({
      ':START_ID': 'armed-group:haqqani-network',
      ':END_ID': 'armed-group:taliban',
      ':TYPE': 'PART_OF',
      relationId: 'rel:haqqani-part-of-taliban',
      status: 'contested',
      'supports:int': '1',
      'disputes:int': '1',
    });
    const links = csvRows(text(result, 'links.csv'));
    expect(links.filter((l) => l[':TYPE'] === 'SAID')).toHaveLength(4);
    expect(links.filter((l) => l[':TYPE'] === 'REPORTED_BY')).toEqual([
      { ':START_ID': 'st:report-1', ':END_ID': 'person:ned-price', ':TYPE': 'REPORTED_BY' },
    ]);
    const relations = csvRows(text(result, 'relations.csv'));
    expect(
      JSON.parse(relations.find((r) => r['relationId:ID'] === 'rel:sirajuddin-leads-haqqani')!.attributes!),
    ).toEqual({ acting: true, rank: 1, role: 'leader, "emir"' });
  });

  it('writes a LOAD CSV script that creates every node kind, relationship type and link', async () => {
    const script = text(await exportDataset(cg, 'neo4j'), 'import.cypher');
    for (const file of ['entities', 'relations', 'statements', 'sources', 'relationships', 'links'])
      expect(script).toContain(`LOAD CSV WITH HEADERS FROM 'file:///${file}.csv' AS row`);
    expect(script).toContain('CREATE (a)-[r:PART_OF]->(b)');
    expect(script).toContain("MATCH (n:Entity {type: 'armed-group'}) SET n:ArmedGroup;");
    expect(script).toContain(
      "`supports`: CASE coalesce(row.`supports:int`, '') WHEN '' THEN null ELSE toInteger(row.`supports:int`) END",
    );
    expect(script).toContain(
      "`aliases`: CASE coalesce(row.`aliases:string[]`, '') WHEN '' THEN null ELSE split(row.`aliases:string[]`, '\\u001f') END",
    );
    expect(script).toContain('neo4j-admin database import full --array-delimiter=U+001F');
  });
});

describe('exportDataset() on a dataset with redirects', () => {
  it('exports redirects to NDJSON, CSV and Parquet', async () => {
    const data = {
      ...canonical(awkwardDataset()),
      redirects: [
        {
          from: 'person:siraj',
          to: 'person:sirajuddin-haqqani',
          reason: 'renamed to the spelling the source uses',
          date: '2021-09',
        },
      ],
    };
    const ndjson = text(await exportDataset(data, 'ndjson'), 'dataset.ndjson');
    expect(ndjson.trimEnd().split('\n').pop()).toBe(
      '{"kind":"redirect","from":"person:siraj","to":"person:sirajuddin-haqqani","reason":"renamed to the spelling the source uses","date":"2021-09"}',
    );
    const csv = await exportDataset(data, 'csv');
    expect(csvRows(text(csv, 'redirects.csv'))).toEqual([
      {
        from: 'person:siraj',
        to: 'person:sirajuddin-haqqani',
        reason: 'renamed to the spelling the source uses',
        date: '2021-09',
        date_start: '2021-09-01',
        date_end: '2021-09-30',
        date_precision: 'month',
      },
    ]);
    const parquet = await exportDataset(data, 'parquet');
    expect((await tableObjects(parquet, 'redirects'))[0]).toMatchObject({
      from: 'person:siraj',
      date_precision: 'month',
    });
  });
});
