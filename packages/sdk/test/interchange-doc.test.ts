// The interchange guide lists the columns of each CSV file in full where it can: those lists must be
// the headers an export writes, so that a reader building a schema from the guide gets every column.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ClaimGraph } from '../src/index.js';
import { exportDataset } from '../src/export/index.js';
import { awkwardDataset } from './export-helpers.js';

const guide = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../docs/interchange.md'), 'utf8');

/** The table rows `| \`file.csv\` | … |` of one section of the guide, by file name. */
function documentedRows(heading: string): Map<string, string> {
  const start = guide.indexOf(`\n### ${heading}`);
  const end = guide.indexOf('\n### ', start + 1);
  const rows = new Map<string, string>();
  for (const line of guide.slice(start, end).split('\n')) {
    const match = /^\| `([a-z]+\.csv)` \| (.*) \|$/.exec(line);
    if (match) rows.set(match[1]!, match[2]!);
  }
  return rows;
}

/** Every code span of a cell, in order. */
const codeSpans = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

describe('docs/interchange.md', () => {
  const cg = ClaimGraph.fromData(awkwardDataset());

  for (const [heading, format, columnsOf] of [
    ['CSV', 'csv', codeSpans],
    ['Neo4j', 'neo4j', (cell: string) => codeSpans(cell)[0]!.split(',')],
  ] as const) {
    it(`lists the full header of every ${format} file it writes out in full`, async () => {
      const { files: written } = await exportDataset(cg, format);
      const files = new Map(written.map((f) => [f.path, String(f.content)]));
      const rows = documentedRows(heading);
      let checked = 0;
      for (const [file, cell] of rows) {
        // Rows shortened with "…" give the start of the header only.
        if (cell.includes('…') || !files.has(file)) continue;
        const header = files
          .get(file)!
          .split('\r\n')[0]!
          .replace(/^\uFEFF/, '')
          .split(',');
        expect(columnsOf(cell), file).toEqual(header);
        checked++;
      }
      expect(checked).toBeGreaterThanOrEqual(2);
    });
  }
});
