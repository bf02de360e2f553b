import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { syntheticDataset } from '@claimgraph/sdk/synthetic';
import { validateDataset, type Dataset } from '@claimgraph/schema';
import { claimgraph, copyFixture, lines, snapshot, VALID } from './run-cli.js';
import { datasetTables, tablesToDataset } from '../src/sheet/tables.js';
import { columnLetter, sheetLayout } from '../src/sheet/columns.js';
import { readWorkbook, writeWorkbook } from '../src/sheet/workbook.js';
import { readCsvFolder, writeCsvFolder } from '../src/sheet/csv-folder.js';
import { sourceFileTexts } from '../src/sheet/source-files.js';
import { validDataset } from '../../schema/test/fuzz-mutations.js';
import { requireReader } from '../../schema/test/readers.js';

const readData = (dir: string): Dataset =>
  Object.fromEntries(
    (['entities', 'relations', 'statements', 'sources'] as const).map((k) => [
      k,
      JSON.parse(readFileSync(join(dir, 'data', `${k}.json`), 'utf8')) as unknown,
    ]),
  ) as unknown as Dataset;

/** Edits a workbook on disk with exceljs, as a curator's spreadsheet would. */
async function editWorkbook(file: string, edit: (workbook: ExcelJS.Workbook) => void): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  edit(workbook);
  await workbook.xlsx.writeFile(file);
}

/** The 1-based column of a header in a sheet. */
function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, column) => {
    if (cell.value === header) found = column;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

/** The letter of a header's column on the Statements sheet, as exported. */
const statementsColumn = (header: string) =>
  columnLetter(sheetLayout('statements').columns.findIndex((c) => c.header === header) + 1);

/** Fills the next empty row of a sheet from header → value. */
function addRow(sheet: ExcelJS.Worksheet, values: Record<string, ExcelJS.CellValue>): number {
  const row = sheet.actualRowCount + 1;
  for (const [header, value] of Object.entries(values)) sheet.getCell(row, columnOf(sheet, header)).value = value;
  return row;
}

/** Gives the fixture copy two more sources and appearances with anchors and notes, as canonical files. */
function addAppearances(dir: string): Dataset {
  const data = readData(dir);
  data.sources.push(
    {
      id: 'src:yahoo-news-2021-08-31',
      title: 'Reprinted: separate entities?',
      publisher: 'Yahoo News',
      published: '2021-08-31',
      accessed: '2026-12-06',
      language: 'en',
    },
    { id: 'src:the-dispatch-2021-09', title: 'The Haqqani question', publisher: 'The Dispatch', published: '2021-09' },
  );
  const [kirby, price] = data.statements;
  Object.assign(kirby!, {
    partial: true,
    anchor: {
      type: 'TextQuoteSelector',
      exact: 'There is a great deal of commingling',
      prefix: 'Kirby: “',
      suffix: ',',
    },
    appearances: [
      {
        source: 'src:yahoo-news-2021-08-31',
        anchor: { type: 'TextQuoteSelector', exact: 'There is a great deal of commingling', suffix: ' between' },
        note: 'A verbatim reprint.',
      },
      { source: 'src:the-dispatch-2021-09' },
    ],
  });
  price!.appearances = [{ source: 'src:the-dispatch-2021-09', note: 'Quoted in part.' }];
  expect(validateDataset(data, { requireSorted: false }).errors).toEqual([]);
  for (const [file, text] of sourceFileTexts(data)) writeFileSync(join(dir, file), text);
  return readData(dir);
}

describe('claimgraph sheet export and import', () => {
  it('imports an unchanged workbook and an unchanged CSV folder without changing a byte', async () => {
    const dir = copyFixture(VALID);
    const before = snapshot(dir);
    const exported = await claimgraph(['sheet', 'export', dir, '--out', join(dir, '..', 'round.xlsx')]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    const imported = await claimgraph(['sheet', 'import', join(dir, '..', 'round.xlsx'), dir]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toBe('no change: the data files already hold what the sheet holds\n');
    expect(imported.code).toBe(0);
    const csv = join(mkdtempSync(join(tmpdir(), 'claimgraph-sheet-')), 'csv/');
    expect((await claimgraph(['sheet', 'export', dir, '--out', csv])).code).toBe(0);
    expect((await claimgraph(['sheet', 'import', csv, dir])).code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
  });

  it('round-trips generated datasets, appearances and quote anchors included, through a workbook and a CSV folder (property)', async () => {
    const seen = { appearances: 0, quoteAnchors: 0, accessed: 0 };
    const datasets = fc.oneof(
      fc.integer({ min: 1, max: 1_000_000 }).map((seed) => syntheticDataset({ entities: 8, seed })),
      validDataset,
    );
    await fc.assert(
      fc.asyncProperty(datasets, async (data) => {
        for (const s of data.statements) {
          seen.appearances += s.appearances?.length ?? 0;
          seen.quoteAnchors += s.anchor?.type === 'TextQuoteSelector' ? 1 : 0;
        }
        seen.accessed += data.sources.filter((s) => s.accessed).length;
        const bytes = await writeWorkbook(datasetTables(data), { dataset: 'synthetic' });
        const workbook = await readWorkbook(bytes, 'synthetic.xlsx');
        const csv = mkdtempSync(join(tmpdir(), 'claimgraph-sheet-'));
        await writeCsvFolder(datasetTables(data), csv);
        const folder = await readCsvFolder(csv, 'csv/');
        for (const read of [workbook, folder]) {
          expect(read.format).toBe(2);
          const back = tablesToDataset(read.tables, { existing: data, format: read.format });
          expect(back.issues).toEqual([]);
          expect(back.generated).toEqual([]);
          expect(back.kept).toEqual([]);
          expect(sourceFileTexts(back.data)).toEqual(sourceFileTexts(data));
        }
      }),
      { numRuns: 12, seed: 20261201 },
    );
    // The runs did carry what this test is about.
    expect(seen.appearances).toBeGreaterThan(0);
    expect(seen.quoteAnchors).toBeGreaterThan(0);
    expect(seen.accessed).toBeGreaterThan(0);
  });

  it('gives new records with blank ids an id, and the import adds exactly those records', async () => {
    const dir = copyFixture(VALID);
    const before = readData(dir);
    const file = join(dir, '..', 'new.xlsx');
    expect((await claimgraph(['sheet', 'export', dir, '--out', file])).code).toBe(0);
    await editWorkbook(file, (workbook) => {
      addRow(workbook.getWorksheet('Entities')!, {
        type: 'person',
        name: 'Zabihullah Mujahid',
        description: 'Taliban spokesman.',
      });
      // The new relation names its entities by name, the new statement its relation in words.
      addRow(workbook.getWorksheet('Relations')!, {
        source: 'Zabihullah Mujahid',
        type: 'member-of',
        target: 'Taliban',
      });
      addRow(workbook.getWorksheet('Statements')!, {
        'relation (in words)': 'Zabihullah Mujahid — member of — Taliban',
        speaker: 'Zabihullah Mujahid',
        stance: 'supports',
        date: '2021-08',
        source: 'src:washington-examiner-2021-08-30',
      });
    });
    const run = await claimgraph(['sheet', 'import', file, dir]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(lines(run.stdout).slice(0, 6)).toEqual([
      'entities: 1 added',
      'relations: 1 added',
      'statements: 1 added',
      'Entities!A11: new id person:zabihullah-mujahid',
      'Relations!A8: new id rel:zabihullah-mujahid-member-of-taliban',
      'Statements!A9: new id st:zabihullah-mujahid-on-zabihullah-mujahid-member-of-taliban-2021-08',
    ]);
    const after = readData(dir);
    expect(validateDataset(after).errors).toEqual([]);
    for (const kind of ['entities', 'relations', 'statements', 'sources'] as const) {
      const old = new Set(before[kind].map((r) => r.id));
      const added = after[kind].filter((r) => !old.has(r.id));
      expect(added).toHaveLength(kind === 'sources' ? 0 : 1);
      expect(after[kind].filter((r) => old.has(r.id))).toEqual(before[kind]);
    }
    expect(after.relations.find((r) => r.id === 'rel:zabihullah-mujahid-member-of-taliban')).toMatchObject({
      source: 'person:zabihullah-mujahid',
      target: 'armed-group:taliban',
    });
  });

  it('reports a formula, a value outside a drop-down list, a dangling speaker and a duplicate id by cell, and writes nothing', async () => {
    const dir = copyFixture(VALID);
    const before = snapshot(dir);
    const file = join(dir, '..', 'bad.xlsx');
    expect((await claimgraph(['sheet', 'export', dir, '--out', file])).code).toBe(0);
    await editWorkbook(file, (workbook) => {
      const entities = workbook.getWorksheet('Entities')!;
      entities.getCell(2, columnOf(entities, 'description')).value = { formula: 'CONCAT("a","b")', result: 'ab' };
      entities.getCell(3, columnOf(entities, 'type')).value = 'militia';
      const statements = workbook.getWorksheet('Statements')!;
      statements.getCell(2, columnOf(statements, 'speaker')).value = 'Nobody Known';
      statements.getCell(3, columnOf(statements, 'id')).value = statements.getCell(2, columnOf(statements, 'id')).value;
    });
    const run = await claimgraph(['sheet', 'import', file, dir]);
    expect(run.code).toBe(1);
    const reported = lines(run.stderr);
    expect(reported.find((l) => l.includes('holds a formula'))).toMatch(
      /: Entities!E2: .*holds a formula \(=CONCAT\("a","b"\)\); type the value itself$/,
    );
    expect(reported.find((l) => l.includes('Entities!B3:'))).toMatch(
      /"militia" is not one of the values of the drop-down list/,
    );
    expect(reported.find((l) => l.includes('Statements!D2:'))).toMatch(/no entity has the id or name "Nobody Known"/);
    expect(reported.find((l) => l.includes('Statements!A3:'))).toMatch(
      /st:john-kirby-1 .*duplicate|st:john-kirby-1 .*more than once|already/i,
    );
    expect(reported.at(-1)).toMatch(/problems found; no file was changed$/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('reports a changed id with the redirect it needs, and writes the redirect with --redirect', async () => {
    const dir = copyFixture(VALID);
    const file = join(dir, '..', 'rename.xlsx');
    expect((await claimgraph(['sheet', 'export', dir, '--out', file])).code).toBe(0);
    await editWorkbook(file, (workbook) => {
      const sources = workbook.getWorksheet('Sources')!;
      sources.getCell(2, 1).value = 'src:washington-examiner-2021-08-30-kirby';
    });
    const refused = await claimgraph(['sheet', 'import', file, dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'Sources!A2: src:washington-examiner-2021-08-30-kirby id changed from src:washington-examiner-2021-08-30 to src:washington-examiner-2021-08-30-kirby: releases need a redirect',
    );
    const written = await claimgraph(['sheet', 'import', file, dir, '--redirect']);
    expect(written.stderr).toBe('');
    expect(written.code).toBe(0);
    const redirects = JSON.parse(readFileSync(join(dir, 'data', 'redirects.json'), 'utf8')) as unknown[];
    expect(redirects).toEqual([
      expect.objectContaining({
        from: 'src:washington-examiner-2021-08-30',
        to: 'src:washington-examiner-2021-08-30-kirby',
      }),
    ]);
    expect(readData(dir).statements.every((s) => s.source === 'src:washington-examiner-2021-08-30-kirby')).toBe(true);
    expect((await claimgraph(['validate', dir])).code).toBe(0);
  });

  it('lists appearances one row per statement and source, anchors in columns, and imports an added one', async () => {
    const dir = copyFixture(VALID);
    const before = addAppearances(dir);
    const file = join(dir, '..', 'appearances.xlsx');
    const exported = await claimgraph(['sheet', 'export', dir, '--out', file]);
    expect(exported.stdout).toContain('3 appearances');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Appearances')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'statement',
      'statement (words)',
      'source',
      'source (title)',
      'anchor type',
      'anchor exact',
      'anchor prefix',
      'anchor suffix',
      'anchor start',
      'anchor end',
      'anchor snapshot',
      'note',
    ]);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
      'st:john-kirby-1',
      'There is a great deal of commingling',
      'src:yahoo-news-2021-08-31',
      'Reprinted: separate entities?',
      'TextQuoteSelector',
      'There is a great deal of commingling',
      undefined,
      ' between',
      undefined,
      undefined,
      undefined,
      'A verbatim reprint.',
    ]);
    const statements = workbook.getWorksheet('Statements')!;
    expect(statements.getCell(2, columnOf(statements, 'anchor prefix')).value).toBe('Kirby: “');
    expect(workbook.getWorksheet('About')!.getCell(2, 1).value).toMatch(/^Workbook format: claimgraph-sheet 2 /);

    await editWorkbook(file, (wb) => {
      // A curator adds a row naming the statement by id and the source by its title.
      addRow(wb.getWorksheet('Appearances')!, {
        statement: 'st:ned-price-1',
        source: 'Reprinted: separate entities?',
        'anchor type': 'TextQuoteSelector',
        'anchor exact': 'The Taliban and the Haqqani network are separate entities',
        'anchor prefix': 'Price: ',
      });
    });
    const run = await claimgraph(['sheet', 'import', file, dir]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('statements: 1 changed\nwrote data/statements.json\n');
    const after = readData(dir);
    expect(after.statements[1]!.appearances).toEqual([
      ...before.statements[1]!.appearances!,
      {
        source: 'src:yahoo-news-2021-08-31',
        anchor: {
          type: 'TextQuoteSelector',
          exact: 'The Taliban and the Haqqani network are separate entities',
          prefix: 'Price: ',
        },
      },
    ]);
    expect(after.statements.filter((s) => s.id !== 'st:ned-price-1')).toEqual(
      before.statements.filter((s) => s.id !== 'st:ned-price-1'),
    );
  });

  it('removes the appearances whose rows were deleted, and reports an anchor part of the wrong selector by cell', async () => {
    const dir = copyFixture(VALID);
    addAppearances(dir);
    const file = join(dir, '..', 'removed.xlsx');
    expect((await claimgraph(['sheet', 'export', dir, '--out', file])).code).toBe(0);
    await editWorkbook(file, (wb) => wb.getWorksheet('Appearances')!.spliceRows(3, 2));
    expect((await claimgraph(['sheet', 'import', file, dir])).code).toBe(0);
    expect(readData(dir).statements.map((s) => s.appearances?.map((a) => a.source))).toEqual([
      ['src:yahoo-news-2021-08-31'],
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    await editWorkbook(file, (wb) => {
      const sheet = wb.getWorksheet('Appearances')!;
      sheet.getCell(2, columnOf(sheet, 'anchor start')).value = '12';
      addRow(sheet, { statement: 'st:nobody-1', source: 'src:the-dispatch-2021-09' });
    });
    const before = snapshot(dir);
    const run = await claimgraph(['sheet', 'import', file, dir]);
    expect(run.code).toBe(1);
    expect(lines(run.stderr)).toEqual([
      `${file}: Appearances!I2: anchor start is not part of a TextQuoteSelector; leave it blank (a TextQuoteSelector has exact, prefix, suffix)`,
      `${file}: Appearances!A3: no statement has the id or words "st:nobody-1"`,
      `${file}: 2 problems found; no file was changed`,
    ]);
    expect(snapshot(dir)).toEqual(before);
  });

  it('places the validator’s problems with an appearance or an anchor at their cell', async () => {
    const dir = copyFixture(VALID);
    addAppearances(dir);
    const file = join(dir, '..', 'invalid.xlsx');
    expect((await claimgraph(['sheet', 'export', dir, '--out', file])).code).toBe(0);
    await editWorkbook(file, (wb) => {
      const appearances = wb.getWorksheet('Appearances')!;
      // Kirby's second appearance names the statement's own source; Price's the wrong words.
      appearances.getCell(3, columnOf(appearances, 'source')).value = 'src:washington-examiner-2021-08-30';
      const statements = wb.getWorksheet('Statements')!;
      statements.getCell(2, columnOf(statements, 'anchor exact')).value = 'Words nobody said';
    });
    const run = await claimgraph(['sheet', 'import', file, dir]);
    expect(run.code).toBe(1);
    const reported = lines(run.stderr);
    expect(reported.find((l) => l.includes('Appearances!C3:'))).toMatch(/st:john-kirby-1 \/appearances\/1\/source: /);
    expect(reported.find((l) => l.includes(`Statements!${statementsColumn('anchor exact')}2:`))).toMatch(
      /st:john-kirby-1 \/anchor\/exact: /,
    );
  });

  it('imports a workbook from before the format marker (no Appearances sheet, anchors as JSON) losing and inventing nothing', async () => {
    const dir = copyFixture(VALID);
    addAppearances(dir);
    const before = snapshot(dir);
    const file = join(dir, '..', 'older.xlsx');
    expect((await claimgraph(['sheet', 'export', dir, '--out', file])).code).toBe(0);
    await editWorkbook(file, (wb) => {
      // The layout an export had before appearances: no marker, no Appearances sheet, the anchor
      // as one JSON cell, and no columns for paraphraseBy, partial, accessed or language.
      wb.getWorksheet('About')!.getCell(2, 1).value = '';
      wb.removeWorksheet(wb.getWorksheet('Appearances')!.id);
      const statements = wb.getWorksheet('Statements')!;
      const anchorJson = [...Array(statements.actualRowCount - 1).keys()].map((i) => {
        const type = statements.getCell(i + 2, columnOf(statements, 'anchor type')).value;
        if (!type) return null;
        const parts = ['exact', 'prefix', 'suffix'].map((p) => [
          p,
          statements.getCell(i + 2, columnOf(statements, `anchor ${p}`)).value,
        ]);
        return JSON.stringify({ type, ...Object.fromEntries(parts.filter(([, v]) => v)) });
      });
      // Columns removed, not only their headers: a column without a header that holds data is refused.
      for (const header of ['anchor type', 'anchor exact', 'anchor prefix', 'anchor suffix', 'partial', 'paraphraseBy'])
        statements.spliceColumns(columnOf(statements, header), 1);
      statements.getCell(1, columnOf(statements, 'anchor start')).value = 'anchor';
      anchorJson.forEach((json, i) => (statements.getCell(i + 2, columnOf(statements, 'anchor')).value = json));
      const sources = wb.getWorksheet('Sources')!;
      for (const header of ['accessed', 'language']) sources.spliceColumns(columnOf(sources, header), 1);
    });
    const run = await claimgraph(['sheet', 'import', file, dir]);
    expect(lines(run.stderr)).toEqual([
      `${file}: Statements: kept 3 values of partial, appearances from the dataset (the sheet has no column for them)`,
      `${file}: Sources: kept 2 values of accessed, language from the dataset (the sheet has no column for them)`,
    ]);
    expect(run.stdout).toBe('no change: the data files already hold what the sheet holds\n');
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses a workbook and a CSV folder written in a newer sheet format, naming the file', async () => {
    const dir = copyFixture(VALID);
    const file = join(dir, '..', 'newer.xlsx');
    expect((await claimgraph(['sheet', 'export', dir, '--out', file])).code).toBe(0);
    await editWorkbook(file, (wb) => {
      wb.getWorksheet('About')!.getCell(2, 1).value = 'Workbook format: claimgraph-sheet 3';
    });
    const run = await claimgraph(['sheet', 'import', file, dir]);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain(
      `${file}: written in sheet format 3 by a newer claimgraph; this one reads formats 1 to 2: update claimgraph`,
    );
    const csv = join(mkdtempSync(join(tmpdir(), 'claimgraph-sheet-')), 'csv/');
    expect((await claimgraph(['sheet', 'export', dir, '--out', csv])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(csv, 'claimgraph-sheet.json'), 'utf8'))).toEqual({
      format: 'claimgraph-sheet',
      version: 2,
    });
    writeFileSync(join(csv, 'claimgraph-sheet.json'), '{"format":"claimgraph-sheet","version":3}\n');
    expect((await claimgraph(['sheet', 'import', csv, dir])).stderr).toContain('written in sheet format 3');
    expect(snapshot(dir)).toEqual(snapshot(copyFixture(VALID)));
  });

  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
  requireReader('LibreOffice (soffice)', soffice !== undefined, 'libreoffice-calc-nogui', 'the re-save round trip');
  it.skipIf(!soffice)(
    'imports a workbook opened and re-saved by LibreOffice without a change, appearances included',
    async () => {
      const dir = copyFixture(VALID);
      addAppearances(dir);
      const before = snapshot(dir);
      const work = mkdtempSync(join(tmpdir(), 'claimgraph-soffice-'));
      const file = join(work, 'curation.xlsx');
      expect((await claimgraph(['sheet', 'export', dir, '--out', file])).code).toBe(0);
      const out = join(work, 'resaved');
      execFileSync(
        soffice!,
        [
          '--headless',
          `-env:UserInstallation=file://${join(work, 'profile')}`,
          '--convert-to',
          'xlsx',
          '--outdir',
          out,
          file,
        ],
        {
          stdio: 'ignore',
        },
      );
      const resaved = join(out, 'curation.xlsx');
      expect(existsSync(resaved)).toBe(true);
      const run = await claimgraph(['sheet', 'import', resaved, dir]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(snapshot(dir)).toEqual(before);
    },
  );
});

describe('claimgraph quotes', () => {
  it('reports a one-letter change and a straight/curly quote swap as near misses naming the difference', async () => {
    const dir = copyFixture(VALID);
    const sources = mkdtempSync(join(tmpdir(), 'claimgraph-sources-'));
    const data = readData(dir);
    // A snapshot holding every quote as typographers print them, then two quotes changed in the data.
    writeFileSync(
      join(sources, 'washington-examiner-2021-08-30.txt'),
      data.statements
        .map((s) => `${s.speaker} said: “${s.quote ?? ''}.” `)
        .join('\n')
        .replace(/'/g, '’'),
    );
    const ok = await claimgraph(['quotes', dir, '--sources', sources]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const statements = JSON.parse(readFileSync(join(dir, 'data/statements.json'), 'utf8')) as {
      id: string;
      quote?: string;
    }[];
    statements[0]!.quote = statements[0]!.quote!.replace('commingling', 'comingling');
    statements[1]!.quote = `${statements[1]!.quote!}.”`.replace('.”', '."');
    writeFileSync(join(dir, 'data/statements.json'), `${JSON.stringify(statements, null, 2)}\n`);
    const run = await claimgraph(['quotes', dir, '--sources', sources]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'changed word: the quote has "comingling" where the source has "commingling" (one letter)',
    );
    expect(run.stderr).toContain('quotation mark: the quote has "\\"" where the source has "”"');
    expect(run.stdout).toMatch(/2 near misses/);
  });

  it('anchors each quote in its snapshot with offsets that slice the quote back out', async () => {
    const dir = copyFixture(VALID);
    const sources = mkdtempSync(join(tmpdir(), 'claimgraph-sources-'));
    const data = readData(dir);
    const text = `Preamble with an emoji 😀. ${data.statements.map((s) => s.quote ?? '').join(' … ')}`;
    writeFileSync(join(sources, 'washington-examiner-2021-08-30.txt'), text);
    const run = await claimgraph(['quotes', dir, '--sources', sources, '--anchor']);
    expect(run.code).toBe(0);
    const anchored = readData(dir).statements as (Dataset['statements'][number] & {
      anchor?: { start: number; end: number };
    })[];
    const points = [...text];
    for (const s of anchored.filter((x) => x.quote))
      expect(points.slice(s.anchor!.start, s.anchor!.end).join('')).toBe(s.quote);
    expect((await claimgraph(['validate', dir])).code).toBe(0);
  });

  it('fails on a missing snapshot only for sources anchored by position, and counts live sources', async () => {
    const dir = copyFixture(VALID);
    const empty = mkdtempSync(join(tmpdir(), 'claimgraph-sources-'));
    // Read live: no snapshot expected, so its words are counted, not failed.
    const live = await claimgraph(['quotes', dir, '--sources', empty]);
    expect(live.code).toBe(0);
    expect(live.stderr).toBe('');
    expect(live.stdout).toMatch(/in 1 source read live \(no snapshot in .*, none expected\) not checked here/);
    // Anchored by position on a snapshot: that snapshot must be there.
    const statements = JSON.parse(readFileSync(join(dir, 'data/statements.json'), 'utf8')) as Record<string, unknown>[];
    const quoted = statements.find((s) => typeof s.quote === 'string')!;
    quoted.anchor = {
      type: 'TextPositionSelector',
      start: 0,
      end: [...(quoted.quote as string)].length,
      snapshot: 'a'.repeat(64),
    };
    writeFileSync(join(dir, 'data/statements.json'), `${JSON.stringify(statements, null, 2)}\n`);
    const measured = await claimgraph(['quotes', dir, '--sources', empty]);
    expect(measured.code).toBe(1);
    expect(measured.stderr).toContain(`${String(quoted.id)} /quote: not checked: no snapshot of`);
  });
});
