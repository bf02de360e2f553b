/**
 * Issue 25, the property: whatever workbook or CSV folder `sheet import` is given — the export of
 * a random dataset, then random row deletions, header renames, corrupt cells, missing files and
 * damaged zips — it either writes a valid dataset equal to what the sheet shows, or refuses and
 * leaves every byte of the dataset as it was.
 *
 * Runs: CLAIMGRAPH_PROPERTY_RUNS=200 (per input kind; 30 CSV and 6 workbook runs by default, under
 * a minute on two busy cores) and CLAIMGRAPH_PROPERTY_SEED=N (a fixed seed by default; a failure
 * prints the seed and path that reproduce it).
 */
import fc from 'fast-check';
import JSZip from 'jszip';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { syntheticDataset } from '@claimgraph/sdk/synthetic';
import { validateDataset, type Dataset } from '@claimgraph/schema';
import { claimgraph, snapshot, VALID } from './run-cli.js';
import { writeCsvFolder } from '../src/sheet/csv-folder.js';
import { sourceFileTexts } from '../src/sheet/source-files.js';
import { datasetTables, type Cell, type Table } from '../src/sheet/tables.js';
import { writeWorkbook } from '../src/sheet/workbook.js';

const RUNS = Number(process.env.CLAIMGRAPH_PROPERTY_RUNS ?? 0);
const SEED = Number(process.env.CLAIMGRAPH_PROPERTY_SEED ?? 20261206);

const root = mkdtempSync(join(tmpdir(), 'claimgraph-sheet-property-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

function hashOf(dir: string): string {
  const hash = createHash('sha256');
  for (const [file, bytes] of snapshot(dir)) hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  return hash.digest('hex');
}

/** A dataset source folder holding `data`. */
function sourceFolder(data: Dataset): string {
  const dir = join(root, `ds-${n++}`);
  mkdirSync(join(dir, 'data'), { recursive: true });
  copyFileSync(join(VALID, 'package.json'), join(dir, 'package.json'));
  for (const [file, text] of sourceFileTexts(data)) writeFileSync(join(dir, file), text);
  return dir;
}

/** What a curator or an accident does to the sheets before they are imported. */
type Edit =
  | { kind: 'delete-row'; sheet: number; row: number }
  | { kind: 'rename-header'; sheet: number; column: number; to: string }
  | { kind: 'cell'; sheet: number; row: number; column: number; value: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('delete-row' as const), sheet: fc.nat(5), row: fc.nat(40) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('rename-header' as const),
      sheet: fc.nat(5),
      column: fc.nat(30),
      to: fc.constantFrom('', 'Description', 'name', 'notes', 'id'),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('cell' as const),
      sheet: fc.nat(5),
      row: fc.nat(40),
      column: fc.nat(30),
      value: fc.constantFrom(
        '#REF!',
        '#N/A',
        'bad\u0000byte',
        'bell\u0007',
        'edited',
        ' edited ',
        '',
        'TRUE',
        '2021-02-30',
      ),
    }),
  },
);

/** The tables with the edits applied (layouts copied before a header changes). */
function applyEdits(tables: Table[], edits: readonly Edit[]): Table[] {
  const out = tables.map((t) => ({ layout: t.layout, rows: t.rows.map((r) => [...r]) }));
  for (const e of edits) {
    const table = out[e.sheet % out.length]!;
    if (e.kind === 'rename-header') {
      const columns = [...table.layout.columns];
      const c = e.column % columns.length;
      columns[c] = { ...columns[c]!, header: e.to };
      table.layout = { ...table.layout, columns };
    } else if (table.rows.length > 0) {
      const r = e.row % table.rows.length;
      if (e.kind === 'delete-row') table.rows.splice(r, 1);
      else table.rows[r]![e.column % table.layout.columns.length] = e.value === '' ? undefined : e.value;
    }
  }
  return out;
}

/** A sheet's rows as the data holds them: not the readable helpers nor the original id, sorted. */
function shown(tables: readonly Table[]): Record<string, string[]> {
  return Object.fromEntries(
    tables.map((t) => {
      const keep = t.layout.columns.map((c) => c.role.role !== 'readable' && c.role.role !== 'original-id');
      const text = (cell: Cell) => (cell === undefined || cell === '' ? '' : String(cell));
      const rows = t.rows
        .map((row) => JSON.stringify(row.filter((_, i) => keep[i]).map(text)))
        .filter((row) => JSON.parse(row).some((c: string) => c.trim() !== ''))
        .sort();
      return [t.layout.name, rows];
    }),
  );
}

/** The data files of a source folder as a dataset. */
function readBack(dir: string): Dataset {
  const read = (file: string) => JSON.parse(readFileSync(join(dir, 'data', file), 'utf8')) as unknown;
  const data = Object.fromEntries(
    ['entities', 'relations', 'statements', 'sources'].map((k) => [k, read(`${k}.json`)]),
  ) as unknown as Dataset;
  try {
    data.redirects = read('redirects.json') as Dataset['redirects'];
  } catch {
    // No redirects file.
  }
  return data;
}

/** Imports `input` into `dir` and checks the property; returns whether the import was accepted. */
async function importAndCheck(input: string, dir: string, edited: Table[] | undefined): Promise<boolean> {
  const before = hashOf(dir);
  const run = await claimgraph(['sheet', 'import', input, dir, '--max-deletions', '100000']);
  expect(run.stderr, 'never a stack trace').not.toMatch(/\n\s+at /);
  expect([0, 1, 2]).toContain(run.code);
  if (run.code !== 0) {
    expect(hashOf(dir), `refused, and nothing written:\n${run.stderr}`).toBe(before);
    return false;
  }
  const after = readBack(dir);
  expect(validateDataset(after).errors).toEqual([]);
  // Equal to what the sheet shows (an intact damaged-zip input has no edited tables to compare).
  if (edited) expect(shown(datasetTables(after))).toEqual(shown(edited));
  return true;
}

const dataset = fc.integer({ min: 1, max: 1_000_000 }).map((seed) => syntheticDataset({ entities: 5, seed }));

describe('sheet import of random edits of random exports (property)', () => {
  it('a CSV folder: a valid dataset equal to the sheets, or a refusal with nothing written', async () => {
    const outcomes = { accepted: 0, refused: 0 };
    const damage = fc.option(fc.constantFrom('no-marker', 'no-file', 'latin1', 'truncate'), { freq: 3 });
    await fc.assert(
      fc.asyncProperty(dataset, fc.array(edit, { maxLength: 4 }), damage, async (data, edits, harm) => {
        const dir = sourceFolder(data);
        const edited = applyEdits(datasetTables(data), edits);
        const csv = join(root, `csv-${n++}`);
        await writeCsvFolder(edited, csv);
        if (harm === 'no-marker') rmSync(join(csv, 'claimgraph-sheet.json'));
        if (harm === 'no-file') rmSync(join(csv, 'statements.csv'));
        if (harm === 'latin1')
          writeFileSync(join(csv, 'sources.csv'), Buffer.from([0x69, 0x64, 0x0d, 0x0a, 0xe9, 0x0d, 0x0a]));
        if (harm === 'truncate') {
          const bytes = readFileSync(join(csv, 'entities.csv'));
          writeFileSync(join(csv, 'entities.csv'), bytes.subarray(0, Math.floor(bytes.length / 2)));
        }
        const accepted = await importAndCheck(csv, dir, harm ? undefined : edited);
        outcomes[accepted ? 'accepted' : 'refused']++;
        rmSync(dir, { recursive: true });
        rmSync(csv, { recursive: true });
      }),
      { numRuns: RUNS || 30, seed: SEED },
    );
    // Both outcomes were exercised.
    expect(outcomes.accepted).toBeGreaterThan(0);
    expect(outcomes.refused).toBeGreaterThan(0);
  });

  it('a workbook: a valid dataset equal to the sheets, or a refusal with nothing written', async () => {
    const outcomes = { accepted: 0, refused: 0 };
    const damage = fc.option(
      fc.oneof(
        fc.record({ kind: fc.constant('remove-part' as const), part: fc.nat(30) }),
        fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
      ),
      { freq: 3 },
    );
    await fc.assert(
      fc.asyncProperty(dataset, fc.array(edit, { maxLength: 4 }), damage, async (data, edits, harm) => {
        const dir = sourceFolder(data);
        const edited = applyEdits(datasetTables(data), edits);
        let bytes = await writeWorkbook(edited, { dataset: 'property' });
        if (harm?.kind === 'remove-part') {
          const zip = await JSZip.loadAsync(bytes);
          const parts = Object.keys(zip.files).filter((p) => !p.endsWith('/'));
          zip.remove(parts[harm.part % parts.length]!);
          bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
        }
        if (harm?.kind === 'truncate') bytes = bytes.subarray(0, Math.floor(bytes.length * harm.at));
        const file = join(root, `wb-${n++}.xlsx`);
        writeFileSync(file, bytes);
        // A removed part that only styles the workbook may leave it readable: compare with the sheets then too.
        const accepted = await importAndCheck(file, dir, harm?.kind === 'truncate' ? undefined : edited);
        outcomes[accepted ? 'accepted' : 'refused']++;
        rmSync(dir, { recursive: true });
        rmSync(file);
      }),
      { numRuns: RUNS || 6, seed: SEED },
    );
    expect(outcomes.accepted + outcomes.refused).toBe(RUNS || 6);
  });
});
