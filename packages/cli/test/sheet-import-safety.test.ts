/**
 * Issue 25: `sheet import` never loses what a user has. Anything but its own workbook or CSV folder
 * is refused, header and cell problems are errors by cell, input is bounded, deletions are listed
 * and capped, and writes are one transaction under a lock. Every refusal leaves the dataset's bytes
 * exactly as they were (hashed before and after).
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lockFileOf, openFolderTransaction } from '@claimgraph/schema/node';
import { BIN, claimgraph, copyFixture, lines, PACKAGE_DIR, snapshot, VALID } from './run-cli.js';

/** One hash of every file of a dataset folder, names included. */
function hashOf(dir: string): string {
  const hash = createHash('sha256');
  for (const [file, bytes] of snapshot(dir)) hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  return hash.digest('hex');
}

let scratch: string;
let workbook: string;
let csvFolder: string;
beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'claimgraph-sheet-safety-'));
  workbook = join(scratch, 'export.xlsx');
  csvFolder = join(scratch, 'export-csv');
  expect((await claimgraph(['sheet', 'export', VALID, '--out', workbook])).code).toBe(0);
  expect((await claimgraph(['sheet', 'export', VALID, '--out', `${csvFolder}/`])).code).toBe(0);
});

let n = 0;
/** A fresh copy of the exported workbook, edited as a spreadsheet would. */
async function editedWorkbook(edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const file = join(scratch, `edited-${n++}.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(workbook);
  edit(wb);
  await wb.xlsx.writeFile(file);
  return file;
}

/** A fresh copy of the exported CSV folder. */
function csvCopy(): string {
  const dir = join(scratch, `csv-${n++}`);
  cpSync(csvFolder, dir, { recursive: true });
  return dir;
}

/** The exported workbook's zip, changed part by part. */
async function rezipped(change: (zip: JSZip) => void): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(workbook));
  change(zip);
  const file = join(scratch, `zip-${n++}.xlsx`);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}

function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  let found = 0;
  sheet.getRow(1).eachCell((cell, column) => {
    if (cell.value === header && !found) found = column;
  });
  if (!found) throw new Error(`no column ${header}`);
  return found;
}

/** Runs an import that must be refused, and checks that not one byte of the dataset changed. */
async function refused(args: string[], code = 1): Promise<{ stderr: string; stdout: string }> {
  const dir = copyFixture(VALID);
  const before = hashOf(dir);
  const run = await claimgraph(['sheet', 'import', ...args, dir]);
  expect(run.code, run.stderr).toBe(code);
  expect(hashOf(dir)).toBe(before);
  expect(run.stdout).not.toMatch(/^wrote /m);
  return run;
}

describe('sheet import refuses what it cannot read, changing nothing', () => {
  it('an unrelated workbook (one sheet Sheet1 holding hello)', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    const file = join(scratch, 'hello.xlsx');
    await wb.xlsx.writeFile(file);
    const run = await refused([file]);
    expect(run.stderr).toBe(
      `claimgraph: ${file}: not a claimgraph curation workbook: it has no About sheet with the line "Workbook format: claimgraph-sheet 2 (claimgraph sheet import reads this line; leave it as it is)"; make one with claimgraph sheet export\n`,
    );
  });

  it('an empty folder given as the CSV folder', async () => {
    const empty = join(scratch, `empty-${n++}`);
    mkdirSync(empty);
    const run = await refused([empty]);
    expect(run.stderr).toBe(
      `claimgraph: ${empty}: not a claimgraph CSV folder: it has no claimgraph-sheet.json, entities.csv, relations.csv, statements.csv, sources.csv, redirects.csv; make one with claimgraph sheet export --out DIR/\n`,
    );
  });

  it('a CSV folder without relations.csv and statements.csv', async () => {
    const dir = csvCopy();
    rmSync(join(dir, 'relations.csv'));
    rmSync(join(dir, 'statements.csv'));
    const run = await refused([dir]);
    expect(run.stderr).toBe(
      `claimgraph: ${dir}: a claimgraph-sheet 2 CSV folder without relations.csv, statements.csv; every file must stay (delete rows, not files); nothing was written\n`,
    );
  });

  it('a workbook with a renamed sheet and one with a deleted sheet', async () => {
    const renamed = await editedWorkbook((wb) => (wb.getWorksheet('Relations')!.name = 'Relations (old)'));
    expect((await refused([renamed])).stderr).toBe(
      `claimgraph: ${renamed}: a claimgraph-sheet 2 workbook without the sheet Relations; every sheet must stay (delete rows, not sheets); nothing was written\n`,
    );
    const deleted = await editedWorkbook((wb) => wb.removeWorksheet(wb.getWorksheet('Statements')!.id));
    expect((await refused([deleted])).stderr).toContain('without the sheet Statements;');
  });

  it('a damaged workbook: no xl/workbook.xml, no xl/sharedStrings.xml, not a zip', async () => {
    const noWorkbook = await rezipped((zip) => zip.remove('xl/workbook.xml'));
    expect((await refused([noWorkbook])).stderr).toBe(
      `claimgraph: ${noWorkbook}: not an .xlsx workbook, or a damaged one: it has no xl/workbook.xml\n`,
    );
    const noStrings = await rezipped((zip) => zip.remove('xl/sharedStrings.xml'));
    expect((await refused([noStrings])).stderr).toMatch(
      /: a damaged \.xlsx workbook: sheet \w+ refers to shared strings, and it has no xl\/sharedStrings\.xml\n$/,
    );
    const truncated = join(scratch, 'truncated.xlsx');
    writeFileSync(truncated, readFileSync(workbook).subarray(0, 2000));
    expect((await refused([truncated])).stderr).toBe(
      `claimgraph: ${truncated}: not an .xlsx workbook (not a zip file, or a damaged one)\n`,
    );
  });
});

describe('sheet import reports header and cell problems by cell, changing nothing', () => {
  it('a renamed header (description → Description) and a blank header over data', async () => {
    const file = await editedWorkbook((wb) => {
      const entities = wb.getWorksheet('Entities')!;
      entities.getCell(1, columnOf(entities, 'description')).value = 'Description';
      const sources = wb.getWorksheet('Sources')!;
      sources.getCell(1, columnOf(sources, 'publisher')).value = null;
    });
    const run = await refused([file]);
    const reported = lines(run.stderr);
    expect(reported).toContain(
      `${file}: Entities!E1: unknown column "Description"; the columns of Entities are: id, type, name, aliases, description, role, deceased, founded, placeKind, date, end, documentKind, published, url, original id`,
    );
    expect(reported).toContain(
      `${file}: Entities!1: has no column "description"; every column of the export must stay (leave the cells of one you do not use empty)`,
    );
    expect(
      reported.find((l) => l.includes('Sources!') && l.includes('a column without a header holds data')),
    ).toBeDefined();
    expect(reported.find((l) => l.includes('Sources!1: has no column "publisher"'))).toBeDefined();
    // What the headers leave unread is not validated as if it were empty.
    expect(reported.find((l) => l.includes('is required'))).toBeUndefined();
  });

  it('a hidden second name column, error values, and NUL and control characters', async () => {
    const edited = await editedWorkbook((wb) => {
      const entities = wb.getWorksheet('Entities')!;
      const extra = entities.columnCount + 1;
      entities.getCell(1, extra).value = 'name';
      entities.getCell(2, extra).value = 'Not the visible name';
      entities.getColumn(extra).hidden = true;
      entities.getCell(3, columnOf(entities, 'name')).value = { error: '#REF!' };
      entities.getCell(4, columnOf(entities, 'description')).value = 'MARKER-NUL';
      entities.getCell(5, columnOf(entities, 'description')).value = 'MARKER-BEL';
    });
    // Spreadsheets write control characters as _xHHHH_ escapes in the workbook's XML.
    const zip = await JSZip.loadAsync(readFileSync(edited));
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    zip.file(
      'xl/sharedStrings.xml',
      strings.replace('MARKER-NUL', 'bad_x0000_byte').replace('MARKER-BEL', 'bell_x0007_'),
    );
    const file = join(scratch, `control-${n++}.xlsx`);
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const reported = lines((await refused([file])).stderr);
    expect(reported.find((l) => l.includes('a second column headed "name" (the first is C1'))).toBeDefined();
    expect(reported.find((l) => /Entities!C3: .*holds the error value #REF!/.test(l))).toBeDefined();
    expect(
      reported.find((l) => /Entities!E4: .*holds the control character U\+0000 \(character 4\)/.test(l)),
    ).toBeDefined();
    expect(reported.find((l) => /Entities!E5: .*holds the control character U\+0007/.test(l))).toBeDefined();
  });

  it('NUL and control characters in a CSV folder', async () => {
    const dir = csvCopy();
    const text = readFileSync(join(dir, 'entities.csv'), 'utf8').split('\r\n');
    text[1] = text[1]!.replace(/^([^,]*,[^,]*,[^,]*)/, '$1\u0000');
    writeFileSync(join(dir, 'entities.csv'), text.join('\r\n'));
    const reported = lines((await refused([dir])).stderr);
    expect(reported.find((l) => /Entities!C2: .*holds the control character U\+0000/.test(l))).toBeDefined();
  });

  it('error values and invalid UTF-8 in a CSV folder', async () => {
    const dir = csvCopy();
    const entities = readFileSync(join(dir, 'entities.csv'));
    const text = entities.toString('utf8').split('\n');
    text[2] = text[2]!.replace(/^([^,]*,[^,]*,)[^,]*/, '$1#N/A');
    const bytes = Buffer.from(text.join('\n'), 'utf8');
    // A Latin-1 é in the description of the fourth line.
    const line4 = bytes.indexOf(Buffer.from(text[3]!, 'utf8'));
    const broken = Buffer.concat([bytes.subarray(0, line4 + 5), Buffer.from([0xe9]), bytes.subarray(line4 + 5)]);
    writeFileSync(join(dir, 'entities.csv'), broken);
    const reported = lines((await refused([dir])).stderr);
    expect(reported).toContain(
      `${dir}: ${join(dir, 'entities.csv')} line 4: is not UTF-8 (byte 0xE9); save the file as UTF-8 (CSV UTF-8 in Excel)`,
    );
    expect(reported.find((l) => /Entities!C3: .*holds the error value #N\/A/.test(l))).toBeDefined();
  });
});

describe('sheet import reads bounded input only', () => {
  it('refuses a FIFO and /dev/zero without reading them', async () => {
    const fifo = join(scratch, 'fifo.xlsx');
    execFileSync('mkfifo', [fifo]);
    expect((await refused([fifo], 2)).stderr).toBe(
      `claimgraph: ${fifo}: is not a regular file (a FIFO, a device or a socket); give a workbook or a CSV folder\n`,
    );
    const dir = copyFixture(VALID);
    const run = await claimgraph(['sheet', 'import', '/dev/zero', dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('/dev/zero: is not a regular file');
  });

  it('refuses a zip bomb after unpacking no more than the limit', async () => {
    const bomb = await rezipped((zip) => zip.file('xl/media/zeros.bin', Buffer.alloc(3 * 1024 * 1024)));
    const run = await refused([bomb, '--max-size', '2']);
    expect(run.stderr).toBe(
      `claimgraph: ${bomb}: unpacks to more, past the limit of 2 MB; nothing was read (raise it with --max-size MB if the file is meant to be this large)\n`,
    );
  });

  it('refuses one cell at row 1,048,576 and more rows than the limit', async () => {
    const far = await editedWorkbook((wb) => (wb.getWorksheet('Sources')!.getCell(1_048_576, 1).value = 'x'));
    expect((await refused([far])).stderr).toBe(
      `claimgraph: ${far}: sheet Sources: has a row 1,048,576, past the limit of 100,000; nothing was read (raise it with --max-rows N if the file is meant to be this large)\n`,
    );
    const dir = csvCopy();
    writeFileSync(
      join(dir, 'sources.csv'),
      `${readFileSync(join(dir, 'sources.csv'), 'utf8')}${',\r\n'.repeat(1_000_000)}`,
    );
    expect((await refused([dir])).stderr).toBe(
      `claimgraph: ${join(dir, 'sources.csv')}: has more rows, past the limit of 100,000; nothing was read (raise it with --max-rows N if the file is meant to be this large)\n`,
    );
  });
});

describe('sheet import shows deletions and writes all or nothing', () => {
  it('lists deleted records by id, refuses past --max-deletions, and a dry run writes nothing', async () => {
    const dir = copyFixture(VALID);
    const before = hashOf(dir);
    const csv = csvCopy();
    // Keep only the header of every record file: every record deleted.
    for (const file of ['entities.csv', 'relations.csv', 'statements.csv', 'appearances.csv', 'sources.csv'])
      writeFileSync(join(csv, file), `${readFileSync(join(csv, file), 'utf8').split('\n')[0]}\n`);
    const run = await claimgraph(['sheet', 'import', csv, dir]);
    expect(run.code).toBe(1);
    expect(lines(run.stdout)[0]).toMatch(/^entities: \d+ deleted \([\w-]+:[\w-]+, /);
    expect(run.stderr).toMatch(
      /deletes \d+ records \(listed above\), more than --max-deletions 10; check that this is the sheet you meant, then run again with --max-deletions \d+\n/,
    );
    expect(hashOf(dir)).toBe(before);

    const dry = await claimgraph(['sheet', 'import', csv, dir, '--dry-run', '--max-deletions', '1000']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would write data/entities.json\n');
    expect(dry.stdout).toContain('dry run: nothing was written\n');
    expect(hashOf(dir)).toBe(before);
  });

  it('writes an empty redirects file when every Redirects row is cleared, instead of "no change"', async () => {
    const dir = copyFixture(VALID);
    writeFileSync(
      join(dir, 'data', 'redirects.json'),
      `${JSON.stringify([{ from: 'person:old-kirby', to: 'person:john-kirby', reason: 'renamed', date: '2021-09-01' }], null, 2)}\n`,
    );
    const csv = join(scratch, `csv-${n++}`);
    expect((await claimgraph(['sheet', 'export', dir, '--out', `${csv}/`])).code).toBe(0);
    writeFileSync(join(csv, 'redirects.csv'), `${readFileSync(join(csv, 'redirects.csv'), 'utf8').split('\n')[0]}\n`);
    const run = await claimgraph(['sheet', 'import', csv, dir]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe('redirects: 1 deleted (person:old-kirby)\nwrote data/redirects.json\n');
    expect(readFileSync(join(dir, 'data', 'redirects.json'), 'utf8')).toBe('[]\n');
  });

  it('refuses while another process holds the lock, naming it, and changes nothing', async () => {
    const dir = copyFixture(VALID);
    const csv = csvCopy();
    writeFileSync(
      join(csv, 'sources.csv'),
      readFileSync(join(csv, 'sources.csv'), 'utf8').replace('Washington', 'Wash.'),
    );
    const before = hashOf(dir);
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(lockFileOf(join(dir, 'data')), `${sleeper.pid} sheet import\n`);
      const run = await claimgraph(['sheet', 'import', csv, dir]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `is being written by another claimgraph command (process ${sleeper.pid}: sheet import, lock file ${lockFileOf(join(dir, 'data'))})`,
      );
      rmSync(lockFileOf(join(dir, 'data')));
      expect(hashOf(dir)).toBe(before);
      // format waits for nobody either.
      writeFileSync(lockFileOf(join(dir, 'data')), `${sleeper.pid} sheet import\n`);
      expect((await claimgraph(['format', dir])).stderr).toContain(`(process ${sleeper.pid}: sheet import`);
      rmSync(lockFileOf(join(dir, 'data')));
      expect(hashOf(dir)).toBe(before);
    } finally {
      sleeper.kill();
    }
  });

  it('two imports at once: one writes, the other is refused, and no change is lost', async () => {
    const dir = copyFixture(VALID);
    const a = csvCopy();
    const b = csvCopy();
    writeFileSync(
      join(a, 'sources.csv'),
      readFileSync(join(a, 'sources.csv'), 'utf8').replace('Washington', 'Wash. A'),
    );
    writeFileSync(
      join(b, 'sources.csv'),
      readFileSync(join(b, 'sources.csv'), 'utf8').replace('Washington', 'Wash. B'),
    );
    const runs = await Promise.all([claimgraph(['sheet', 'import', a, dir]), claimgraph(['sheet', 'import', b, dir])]);
    expect(runs.map((r) => r.code).sort()).toEqual([0, 1]);
    const loser = runs.find((r) => r.code === 1)!;
    expect(loser.stderr).toMatch(
      /is being written by another claimgraph command|the data files changed while sheet import ran/,
    );
    const sources = readFileSync(join(dir, 'data', 'sources.json'), 'utf8');
    expect(sources.includes('Wash. A') !== sources.includes('Wash. B')).toBe(true);
    expect(existsSync(lockFileOf(join(dir, 'data')))).toBe(false);
  });
});

describe('sheet import killed with SIGKILL', () => {
  it('leaves the old data files or the new ones, never a mix, and the next run tidies up', async () => {
    // The child runs the built command (npm test builds it first).
    expect(existsSync(join(PACKAGE_DIR, 'dist', 'bin.js')), 'build the CLI first (npx tsup)').toBe(true);
    // A rename with --redirect rewrites entities, relations, statements and adds redirects.json.
    const csv = csvCopy();
    for (const file of ['entities.csv', 'relations.csv', 'statements.csv'])
      writeFileSync(
        join(csv, file),
        readFileSync(join(csv, file), 'utf8').replace(/^person:john-kirby,/m, 'person:john-f-kirby,'),
      );
    const files = (dir: string) => JSON.stringify([...snapshot(join(dir, 'data'))].map(([f, b]) => [f, b.toString()]));
    const oldSet = files(VALID);
    const done = copyFixture(VALID);
    const complete = await claimgraph(['sheet', 'import', csv, done, '--redirect']);
    expect(complete.code, complete.stderr).toBe(0);
    expect(complete.stdout).toContain('wrote data/redirects.json');
    const newSet = files(done);
    for (let round = 0; round < 8; round++) {
      const dir = copyFixture(VALID);
      const child = spawn(process.execPath, [BIN, 'sheet', 'import', csv, dir, '--redirect'], { stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise((resolve) => setTimeout(resolve, 150 + round * 200));
      child.kill('SIGKILL');
      await exited;
      const transaction = await openFolderTransaction(join(dir, 'data'));
      await transaction.release();
      const now = files(dir);
      expect([oldSet, newSet], `round ${round}`).toContain(now);
      expect(readdirSync(dir).filter((f) => f.startsWith('.data'))).toEqual([]);
    }
  });
});

describe('quotes --anchor', () => {
  it('is refused while another process holds the data lock, and changes nothing', async () => {
    const dir = copyFixture(VALID);
    const sources = mkdtempSync(join(tmpdir(), 'claimgraph-snapshots-'));
    const before = hashOf(dir);
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(lockFileOf(join(dir, 'data')), `${sleeper.pid} sheet import\n`);
      const run = await claimgraph(['quotes', dir, '--sources', sources, '--anchor']);
      expect(run.stderr).toContain(`(process ${sleeper.pid}: sheet import, lock file`);
      expect(run.code).toBe(1);
      rmSync(lockFileOf(join(dir, 'data')));
      expect(hashOf(dir)).toBe(before);
    } finally {
      sleeper.kill();
    }
  });
});

describe('sheet export', () => {
  it('makes a missing folder for the workbook, as chart does', async () => {
    const file = join(scratch, 'new', 'deeper', 'curation.xlsx');
    const run = await claimgraph(['sheet', 'export', VALID, '--out', file]);
    expect(run.code).toBe(0);
    expect(existsSync(file)).toBe(true);
  });
});
