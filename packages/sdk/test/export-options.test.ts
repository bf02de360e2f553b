import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClaimGraph } from '../src/index.js';
import { EXPORT_DEFAULTS, escapeFormula, exportDataset, releaseFiles, unescapeFormula } from '../src/export/index.js';
import { checkedReleaseNdjsonFiles, checkedReleaseParquetFiles } from '../src/internal.js';
import { awkwardDataset } from './export-helpers.js';

const cg = ClaimGraph.fromData(awkwardDataset());
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'claimgraph-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('exportDataset() options and errors', () => {
  it('names the allowed formats when the format is unknown', async () => {
    await expect(exportDataset(cg, 'xlsx' as never)).rejects.toThrow(
      '@claimgraph/sdk: exportDataset(): format must be one of gexf, graphml, csv, ndjson, parquet, neo4j, not "xlsx"',
    );
  });

  it('rejects a misspelt option, naming the options there are', async () => {
    await expect(exportDataset(cg, 'csv', { formulaEscapes: false } as never)).rejects.toThrow(
      '@claimgraph/sdk: exportDataset(): option "formulaEscapes" is unknown; use out, formulaEscape, bom, symmetricEdges, gexfVersion, pretty',
    );
  });

  it('rejects option values of the wrong kind', async () => {
    await expect(exportDataset(cg, 'gexf', { symmetricEdges: 'both' as never })).rejects.toThrow(
      `exportDataset(): symmetricEdges must be 'undirected' or 'directed', not "both"`,
    );
    await expect(exportDataset(cg, 'csv', { formulaEscape: 'no' as never })).rejects.toThrow(
      'exportDataset(): formulaEscape must be true or false, not "no"',
    );
  });

  it('documents its defaults in one object', () => {
    expect(EXPORT_DEFAULTS).toEqual({
      out: undefined,
      formulaEscape: true,
      bom: false,
      symmetricEdges: 'directed',
      gexfVersion: '1.2',
      pretty: true,
    });
  });

  it('names the record and field of a broken reference in a plain dataset', async () => {
    const data = awkwardDataset();
    data.statements[1] = { ...data.statements[1]!, speaker: 'person:nobody' };
    await expect(exportDataset(data, 'csv')).rejects.toThrow(
      '@claimgraph/sdk: exportDataset(): statements: st:report-1 /speaker: unknown entity "person:nobody"; validate the dataset (claimgraph validate) to see every problem',
    );
  });

  it('refuses text XML cannot hold in GraphML, naming the node and attribute', async () => {
    const data = awkwardDataset();
    data.entities[4] = { ...data.entities[4]!, description: 'bell\u0007' } as (typeof data.entities)[number];
    await expect(exportDataset(data, 'graphml')).rejects.toThrow(
      '@claimgraph/sdk: exportDataset(): graphml: node "person:ned-price" attribute description contains U+0007, which XML cannot hold; validate the dataset (claimgraph validate)',
    );
  });

  it('names a missing required field when writing Parquet from a plain dataset', async () => {
    const data = awkwardDataset();
    const { publisher: _, ...source } = data.sources[1]!;
    data.sources[1] = source as (typeof data.sources)[number];
    await expect(exportDataset(data, 'parquet')).rejects.toThrow(
      '@claimgraph/sdk: exportDataset(): sources: src:op-ed /publisher: is required; validate the dataset (claimgraph validate)',
    );
  });

  it('names the record and field of a value of the wrong type when writing Parquet from a plain dataset', async () => {
    const data = awkwardDataset();
    data.entities[4] = { ...data.entities[4]!, aliases: ['ok', 7] } as unknown as (typeof data.entities)[number];
    await expect(exportDataset(data, 'parquet')).rejects.toThrow(
      `@claimgraph/sdk: exportDataset(): entities: ${data.entities[4]!.id} /aliases: expected a string, got number; validate the dataset (claimgraph validate)`,
    );
  });

  it('refuses something that is neither a ClaimGraph nor a dataset', async () => {
    await expect(exportDataset({ entities: [] } as never, 'ndjson')).rejects.toThrow(
      '@claimgraph/sdk: exportDataset(): expected a ClaimGraph or a dataset { entities, relations, statements, sources }, each a list of records',
    );
  });
});

describe('exportDataset() with out (Node)', () => {
  it('writes a folder for csv, parquet and neo4j, and reports each file with its size and records', async () => {
    for (const format of ['csv', 'parquet', 'neo4j'] as const) {
      const out = join(dir, format, 'nested');
      const result = await exportDataset(cg, format, { out });
      expect(result.out).toBe(out);
      expect(
        readdirSync(out, { recursive: true, encoding: 'utf8' })
          .filter((f) => /\.[a-z]+$/.test(f))
          .sort(),
      ).toEqual(result.files.map((f) => f.path.slice(out.length + 1)).sort());
      for (const file of result.files) {
        expect(file.content).toBeUndefined();
        expect(statSync(file.path).size).toBe(file.bytes);
      }
    }
    const csv = await exportDataset(cg, 'csv', { out: join(dir, 'csv2') });
    expect(csv.files.map((f) => [f.path, f.records])).toEqual([
      [join(dir, 'csv2', 'nodes.csv'), 7],
      [join(dir, 'csv2', 'edges.csv'), 3],
      [join(dir, 'csv2', 'statements.csv'), 4],
      [join(dir, 'csv2', 'appearances.csv'), 6],
      [join(dir, 'csv2', 'sources.csv'), 3],
    ]);
    expect(csv.records).toEqual({ entities: 7, relations: 3, statements: 4, appearances: 6, sources: 3, redirects: 0 });
  });

  it('writes the same bytes to disk as it returns in memory', async () => {
    for (const format of ['gexf', 'graphml', 'ndjson', 'csv', 'parquet', 'neo4j'] as const) {
      const memory = await exportDataset(cg, format);
      const disk = await exportDataset(cg, format, { out: join(dir, `${format}-out`) });
      expect(disk.files.map((f) => readFileSync(f.path))).toEqual(memory.files.map((f) => Buffer.from(f.content!)));
    }
  });

  it('writes single-file formats to the file named, or to dataset.<format> inside an existing folder', async () => {
    const file = await exportDataset(cg, 'gexf', { out: join(dir, 'graphs', 'afghanistan.gexf') });
    expect(file.files.map((f) => f.path)).toEqual([join(dir, 'graphs', 'afghanistan.gexf')]);
    const folder = await exportDataset(cg, 'ndjson', { out: dir });
    expect(folder.out).toBe(join(dir, 'dataset.ndjson'));
    expect(readFileSync(join(dir, 'dataset.ndjson'), 'utf8').split('\n')).toHaveLength(24);
  });

  it('refuses to write a multi-file format over a file', async () => {
    writeFileSync(join(dir, 'taken'), 'x');
    await expect(exportDataset(cg, 'csv', { out: join(dir, 'taken') })).rejects.toThrow(
      `exportDataset(): out: "${join(dir, 'taken')}" is a file; csv writes several files, so give a folder`,
    );
  });
});

describe('escapeFormula() and unescapeFormula()', () => {
  it('quote every formula start and reverse exactly, even for text that already starts with quotes', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', "'=x", "''+x", "'plain", 'plain', '', "'"]) {
      expect(unescapeFormula(escapeFormula(cell))).toBe(cell);
      expect(escapeFormula(cell)).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(escapeFormula('=1+1')).toBe("'=1+1");
    expect(escapeFormula("'plain")).toBe("'plain");
  });
});

describe('releaseFiles()', () => {
  it('gives the Parquet tables, a folder each with statements by year, and the NDJSON a release ships', async () => {
    const files = await releaseFiles(cg.toJSON());
    expect(files.map((f) => [f.path, f.name, f.table, f.partition, f.records])).toEqual([
      ['parquet/entities/part-0.parquet', 'parquet-entities', 'entities', undefined, 7],
      ['parquet/relations/part-0.parquet', 'parquet-relations', 'relations', undefined, 3],
      ['parquet/statements/year=2020/part-0.parquet', 'parquet-statements-year-2020', 'statements', { year: 2020 }, 2],
      ['parquet/statements/year=2021/part-0.parquet', 'parquet-statements-year-2021', 'statements', { year: 2021 }, 2],
      ['parquet/appearances/part-0.parquet', 'parquet-appearances', 'appearances', undefined, 6],
      ['parquet/sources/part-0.parquet', 'parquet-sources', 'sources', undefined, 3],
      ['dataset.ndjson', undefined, undefined, undefined, 23],
    ]);
    expect(new Set(files.slice(0, -1).map((f) => [f.format, f.mediatype].join(' ')))).toEqual(
      new Set(['parquet application/vnd.apache.parquet']),
    );
    // The year partitions share one Table Schema; keys point only at tables that are one file.
    const [year2020, year2021] = files.filter((f) => f.table === 'statements');
    expect(year2020!.tableSchema).toEqual(year2021!.tableSchema);
    expect(files.find((f) => f.table === 'appearances')!.tableSchema!.foreignKeys).toEqual([
      { fields: ['source'], reference: { resource: 'parquet-sources', fields: ['id'] } },
    ]);
  });
});

describe('checkedReleaseParquetFiles() (@claimgraph/sdk/internal)', () => {
  it("gives releaseFiles' Parquet files, byte for byte, for a canonical dataset", async () => {
    const dataset = cg.toJSON();
    const expected = (await releaseFiles(dataset)).filter((f) => f.format === 'parquet');
    const files = await checkedReleaseParquetFiles(dataset);
    expect(files.map((f) => f.path)).toEqual(expected.map((f) => f.path));
    expect(files).toEqual(expected);
  });
});

describe('checkedReleaseNdjsonFiles() (@claimgraph/sdk/internal)', () => {
  const text = (content: Uint8Array | Iterable<string>) =>
    content instanceof Uint8Array ? new TextDecoder().decode(content) : [...content].join('');

  it("gives releaseFiles' dataset.ndjson, byte for byte, for a canonical dataset", async () => {
    const dataset = cg.toJSON();
    const expected = (await releaseFiles(dataset, { parquet: false })).filter((f) => f.format === 'ndjson');
    const files = checkedReleaseNdjsonFiles(dataset);
    expect(files).toHaveLength(1);
    const [file] = files;
    const [want] = expected;
    expect({ ...file, content: undefined }).toEqual({ ...want, content: undefined });
    const body = text(file!.content);
    expect(body).toBe(text(want!.content));
    expect(body.split('\n').filter(Boolean)).toHaveLength(file!.records!);
    expect(body).toContain('{"kind":"appearance",');
  });
});

describe('the @claimgraph/sdk/export entry', () => {
  it('imports no Node built-in except from the file writer, which loads only when out is given', () => {
    const folder = join(__dirname, '..', 'src', 'export');
    // Subfolders too (the Parquet encoder is one).
    for (const file of readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(folder, file), 'utf8');
      expect(source, file).not.toMatch(/^import[^;]*from '(node:)?(fs|path|os|stream|crypto)(\/promises)?'/m);
    }
    expect(readFileSync(join(folder, 'export.ts'), 'utf8')).toContain("await import('./write-node.js')");
  });
});
