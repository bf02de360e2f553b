// The Neo4j files read the same by LOAD CSV with dbms.import.csv.legacy_quote_escaping on (the
// default: `\"` is an escaped quote) and off (RFC 4180 only). No Neo4j server installs here, so
// the reader below follows the setting's documented rule; csv-parse checks the RFC 4180 side.
import { parse as parseCsv } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '@claimgraph/schema';
import { ClaimGraph } from '../src/index.js';
import { exportDataset } from '../src/export/index.js';
import { awkwardDataset, canonical } from './export-helpers.js';

/** Rows of a CSV as Neo4j's reader splits them: `""` is a quote; with `legacy`, `\"` is one too. */
function loadCsvRows(text: string, legacy: boolean): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (legacy && text[i] === '\\' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (text[i] === '"') {
          i++;
          break;
        } else field += text[i++];
      }
      if (i < text.length && !/[,\r\n]/.test(text[i]!)) throw new Error(`junk after a closing quote at ${i}`);
    } else {
      while (i < text.length && !/[,\r\n]/.test(text[i]!)) field += text[i++];
    }
    row.push(field);
    if (text[i] === ',') i++;
    else {
      if (text[i] === '\r') i++;
      if (text[i] === '\n') i++;
      rows.push(row);
      row = [];
    }
  }
  return rows;
}

function withBackslashes(): Dataset {
  const data = canonical(awkwardDataset());
  const relation = data.relations.find((r) => r.id === 'rel:sirajuddin-leads-haqqani')!;
  relation.attributes = {
    ...relation.attributes,
    path: 'C:\\dir\\',
    said: 'a \\"quoted\\" word',
    role: 'leader, "emir"',
  };
  return data;
}

describe('exportDataset(cg, "neo4j") and LOAD CSV quote escaping', () => {
  it('writes files both settings and an RFC 4180 reader split into the same cells', async () => {
    const { files } = await exportDataset(withBackslashes(), 'neo4j');
    for (const file of files.filter((f) => f.path.endsWith('.csv'))) {
      const content = file.content as string;
      const rfc = parseCsv(content, { relaxQuotes: false }) as string[][];
      expect(loadCsvRows(content, false), file.path).toEqual(rfc);
      expect(loadCsvRows(content, true), file.path).toEqual(rfc);
      expect(content, file.path).not.toContain('\\"');
    }
  });

  it('writes JSON cells whose quotes and backslashes JSON.parse reads back exactly', async () => {
    const data = withBackslashes();
    const { files } = await exportDataset(data, 'neo4j');
    const [header, ...rows] = loadCsvRows(files.find((f) => f.path === 'relations.csv')!.content as string, true);
    const column = header!.indexOf('attributes');
    const row = rows.find((r) => r[0] === 'rel:sirajuddin-leads-haqqani')!;
    expect(row[column]).toContain('\\u0022');
    expect(JSON.parse(row[column]!)).toEqual(data.relations.find((r) => r.id === row[0])!.attributes);
  });

  it('refuses free text the two settings would read differently, naming the record and field', async () => {
    const data = canonical(awkwardDataset());
    const statement = data.statements.find((s) => s.id === 'st:report-1')!;
    statement.quote = 'a path, C:\\"x\\"';
    await expect(exportDataset(ClaimGraph.fromData(data), 'neo4j')).rejects.toThrow(
      `@claimgraph/sdk: exportDataset(): neo4j: st:report-1 /quote: holds a backslash right before a quote (or ending a text with a comma, quote or newline), which Neo4j's LOAD CSV reads differently by its dbms.import.csv.legacy_quote_escaping setting; correct the text or use another format`,
    );
  });

  it("refuses an appearance's note the two settings would read differently, naming its statement", async () => {
    const data = canonical(awkwardDataset());
    data.statements[0]!.appearances![0]!.note = 'reprinted as "C:\\"';
    await expect(exportDataset(ClaimGraph.fromData(data), 'neo4j')).rejects.toThrow(
      `@claimgraph/sdk: exportDataset(): neo4j: st:price-1 /note: holds a backslash right before a quote`,
    );
  });

  it('says so in import.cypher', async () => {
    const { files } = await exportDataset(withBackslashes(), 'neo4j');
    expect(files.find((f) => f.path === 'import.cypher')!.content).toContain(
      'whatever dbms.import.csv.legacy_quote_escaping says',
    );
  });
});
