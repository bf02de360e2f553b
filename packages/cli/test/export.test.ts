import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimgraph, writeFixture } from './export-fixture.js';

let root: string;
let fixture: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'claimgraph-export-cli-'));
  fixture = writeFixture(join(root, 'fixture'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('claimgraph export', () => {
  it('writes a folder of CSV files and lists them with sizes and rows', () => {
    const out = join(root, 'csv');
    const { status, stdout, stderr } = claimgraph(['export', '--format', 'csv', '--out', out, '--dataset', fixture]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      'appearances.csv',
      'edges.csv',
      'nodes.csv',
      'sources.csv',
      'statements.csv',
    ]);
    const lines = stdout.split('\n');
    expect(lines[0]).toMatch(/^exported @claimgraph\/dataset-fixture@1\.0\.0 as csv → .*csv$/);
    expect(lines[1]).toBe('  4 entities, 3 relations, 4 statements, 1 source');
    expect(lines[2]).toMatch(new RegExp(`nodes\\.csv +${statSync(join(out, 'nodes.csv')).size} B  4 records$`));
    expect(readFileSync(join(out, 'nodes.csv'), 'utf8')).toContain(`'=The movement`);
  });

  it('keeps formula-like cells as they are with --no-formula-escape', () => {
    const out = join(root, 'csv-raw');
    expect(claimgraph(['export', '-f', 'csv', '-o', out, '--dataset', fixture, '--no-formula-escape']).status).toBe(0);
    expect(readFileSync(join(out, 'nodes.csv'), 'utf8')).toContain('"=The movement, as the source ""describes"" it."');
  });

  it('writes every format from the bundled dataset when no --dataset is given', () => {
    const expected: Record<string, string[]> = {
      gexf: ['bundled.gexf'],
      graphml: ['bundled.graphml'],
      ndjson: ['bundled.ndjson'],
      // The bundled dataset has redirects (since 2.0.0): CSV and Parquet write them too.
      csv: ['appearances.csv', 'edges.csv', 'nodes.csv', 'redirects.csv', 'sources.csv', 'statements.csv'],
      // A folder per table: statements/year=…/part-0.parquet, the others <table>/part-0.parquet.
      parquet: ['appearances', 'entities', 'redirects', 'relations', 'sources', 'statements'],
      neo4j: [
        'appearances.csv',
        'entities.csv',
        'import.cypher',
        'links.csv',
        'relations.csv',
        'relationships.csv',
        'sources.csv',
        'statements.csv',
      ],
    };
    for (const [format, files] of Object.entries(expected)) {
      const folder = join(root, 'bundled', format);
      const out = files.length === 1 ? join(folder, files[0]!) : folder;
      const { status, stderr } = claimgraph(['export', '--format', format, '--out', out]);
      expect(stderr, format).toBe('');
      expect(status, format).toBe(0);
      expect(readdirSync(folder).sort(), format).toEqual(files);
    }
  });

  it('prints what it wrote as JSON with --json', () => {
    const out = join(root, 'graph.graphml');
    const { status, stdout } = claimgraph([
      'export',
      '--format',
      'graphml',
      '--out',
      out,
      '--dataset',
      fixture,
      '--json',
    ]);
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({
      dataset: '@claimgraph/dataset-fixture',
      version: '1.0.0',
      format: 'graphml',
      out,
      records: { entities: 4, relations: 3, statements: 4, sources: 1, redirects: 0 },
    });
    expect(result.files).toEqual([
      { path: out, bytes: statSync(out).size, mediatype: 'application/graphml+xml', records: 7 },
    ]);
  });

  it('is a usage error (exit 2) without --out or with an unknown format', () => {
    const missing = claimgraph(['export', '--format', 'csv', '--dataset', fixture]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("required option '-o, --out <path>' not specified");
    const unknown = claimgraph(['export', '--format', 'xlsx', '--out', join(root, 'x'), '--dataset', fixture]);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('Allowed choices are gexf, graphml, csv, ndjson, parquet, neo4j');
    expect(existsSync(join(root, 'x'))).toBe(false);
  });

  it('refuses an invalid dataset with its problems and exit 1', () => {
    const bad = writeFixture(join(root, 'bad'), {
      entities: [{ id: 'person:x', type: 'person', name: '' } as { id: string }],
      relations: [],
      statements: [],
      sources: [],
    });
    const refused = claimgraph(['export', '--format', 'ndjson', '--out', join(root, 'bad.ndjson'), '--dataset', bad]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('entities.json: person:x /name');
    expect(refused.stderr).toContain('cannot export an invalid dataset; run "claimgraph validate');
    expect(existsSync(join(root, 'bad.ndjson'))).toBe(false);
  });

  it('says when a multi-file format is pointed at a file, exit 2', () => {
    const file = join(root, 'csv', 'nodes.csv');
    const { status, stderr } = claimgraph(['export', '--format', 'parquet', '--out', file, '--dataset', fixture]);
    expect(status).toBe(2);
    expect(stderr).toBe(
      `claimgraph: exportDataset(): out: ${JSON.stringify(file)} is a file; parquet writes several files, so give a folder\n`,
    );
  });
});
