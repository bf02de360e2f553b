// Every format exported from the bundled release and opened back by the library that reads it.
import { parse as parseCsv } from 'csv-parse/sync';
import { MultiGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { parquetReadObjects } from 'hyparquet';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dataset } from '@claimgraph/schema';
import { ClaimGraph } from '../src/index.js';
import { exportDataset } from '../src/export/index.js';
import { inYearOrder, KINDS, recordsFromCsv, recordsFromGraph, recordsFromNdjson } from './export-helpers.js';

const RELEASE = join(__dirname, '..', '..', '..', 'datasets', 'afghanistan-2021', 'dist');

let cg: ClaimGraph;
let expected: Dataset;
let dir: string;
beforeAll(async () => {
  cg = await ClaimGraph.load(RELEASE);
  expected = cg.toJSON();
  dir = mkdtempSync(join(tmpdir(), 'claimgraph-bundled-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const read = (path: string) => readFileSync(path, 'utf8');
const rows = (path: string) => parseCsv(read(path), { columns: true, bom: true }) as Record<string, string>[];
const arrayBuffer = (path: string) => {
  const buffer = readFileSync(path);
  return buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer;
};

describe.runIf(existsSync(join(RELEASE, 'dataset.json')))(
  'the bundled dataset (datasets/afghanistan-2021/dist)',
  () => {
    it('opens in graphology from GEXF and GraphML with every entity, relation and count', async () => {
      for (const format of ['gexf', 'graphml'] as const) {
        const { out } = await exportDataset(cg, format, { out: join(dir, `afghanistan.${format}`) });
        const graph = (format === 'gexf' ? parseGexf : parseGraphml)(MultiGraph, read(out!));
        expect(recordsFromGraph(graph)).toEqual({
          entities: expected.entities,
          relations: expected.relations,
          statements: [],
          sources: [],
        });
        cg.graph.forEachEdge((edge, attributes) =>
          expect(graph.getEdgeAttribute(edge, 'supports')).toBe(attributes.supports),
        );
      }
    });

    it('reads back from CSV with csv-parse, formula escapes stripped', async () => {
      const out = join(dir, 'csv');
      await exportDataset(cg, 'csv', { out });
      expect(recordsFromCsv('nodes', rows(join(out, 'nodes.csv')), true)).toEqual(expected.entities);
      expect(recordsFromCsv('edges', rows(join(out, 'edges.csv')), true)).toEqual(expected.relations);
      expect(recordsFromCsv('statements', rows(join(out, 'statements.csv')), true)).toEqual(expected.statements);
      expect(recordsFromCsv('sources', rows(join(out, 'sources.csv')), true)).toEqual(expected.sources);
    });

    it('reads back from NDJSON line by line', async () => {
      const { out } = await exportDataset(cg, 'ndjson', { out: join(dir, 'afghanistan.ndjson') });
      const back = recordsFromNdjson(read(out!));
      for (const kind of KINDS) expect(back[kind]).toEqual(expected[kind]);
    });

    it('reads back from Parquet with hyparquet, row for row', async () => {
      const out = join(dir, 'parquet');
      await exportDataset(cg, 'parquet', { out });
      // A table is every file under its folder, in path order: statements year by year, id order within.
      const table = async (kind: string) => {
        const files = readdirSync(join(out, kind), { recursive: true, encoding: 'utf8' })
          .filter((f) => f.endsWith('.parquet'))
          .sort();
        const rows = [];
        for (const file of files)
          rows.push(...(await parquetReadObjects({ file: arrayBuffer(join(out, kind, file)) })));
        return rows;
      };
      for (const kind of KINDS) {
        const order = kind === 'statements' ? inYearOrder(expected.statements) : expected[kind];
        expect((await table(kind)).map((r) => r.id)).toEqual(order.map((r) => r.id));
      }
      const statements = await table('statements');
      expect(statements.map((s) => s.quote ?? undefined)).toEqual(inYearOrder(expected.statements).map((s) => s.quote));
    });

    it('writes Neo4j files whose rows an RFC 4180 reader splits back into every record and link', async () => {
      const out = join(dir, 'neo4j');
      await exportDataset(cg, 'neo4j', { out });
      expect(rows(join(out, 'entities.csv')).map((r) => r['entityId:ID'])).toEqual(expected.entities.map((e) => e.id));
      expect(rows(join(out, 'statements.csv')).map((r) => r.quote || undefined)).toEqual(
        expected.statements.map((s) => s.quote),
      );
      const links = rows(join(out, 'links.csv'));
      expect(links.filter((l) => l[':TYPE'] === 'ABOUT')).toHaveLength(expected.statements.length);
      expect(read(join(out, 'import.cypher'))).toContain("LOAD CSV WITH HEADERS FROM 'file:///entities.csv' AS row");
    });
  },
);
