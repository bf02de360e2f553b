// The CSV export as LibreOffice Calc opens it (headless, converting to flat ODS, whose cells carry
// their value type): the date columns keep one type each, and UTF-8 text arrives intact.
import { DOMParser } from '@xmldom/xmldom';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earliestDay } from '@claimgraph/schema';
import { ClaimGraph } from '../src/index.js';
import { exportDataset } from '../src/export/index.js';
import { awkwardDataset } from './export-helpers.js';

const SOFFICE = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
if (!SOFFICE)
  console.warn(
    'SKIPPED: soffice is not installed (Debian: libreoffice-calc-nogui, which .ci/run installs); the LibreOffice CSV tests did not run',
  );
const RELEASE = join(__dirname, '..', '..', '..', 'datasets', 'afghanistan-2021', 'dist');
const TABLE = 'urn:oasis:names:tc:opendocument:xmlns:table:1.0';
const OFFICE = 'urn:oasis:names:tc:opendocument:xmlns:office:1.0';

const dir = mkdtempSync(join(tmpdir(), 'claimgraph-calc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Converts CSV files to flat ODS with LibreOffice. `CSV:44,34,76,1` is the Text Import dialog with
 * comma, double quote, Character set UTF-8 (76), from row 1: headless there is no dialog, and
 * without it LibreOffice decodes as the system's legacy charset, byte order mark or not.
 */
function calc(files: string[], filter: string): void {
  const out = join(dir, 'fods');
  mkdirSync(out, { recursive: true });
  const run = spawnSync(
    'soffice',
    [
      // Its own profile, so a parallel or desktop LibreOffice never locks it.
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--headless',
      '--convert-to',
      'fods',
      `--infilter=${filter}`,
      '--outdir',
      out,
      ...files,
    ],
    { encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
}

/** xmldom's node lists are not iterable. */
const list = (nodes: { length: number; item(i: number): Element | null }): Element[] =>
  Array.from({ length: nodes.length }, (_, i) => nodes.item(i)!);

/** Each column of the first sheet of a flat ODS file: header → the cells' value types and texts. */
function columns(path: string): Map<string, { type: string; text: string }[]> {
  const doc = new DOMParser().parseFromString(readFileSync(path, 'utf8'), 'text/xml');
  const rows = list(doc.getElementsByTagNameNS(TABLE, 'table-row')).map((row) => {
    const cells: { type: string; text: string }[] = [];
    for (let cell = row.firstChild; cell; cell = cell.nextSibling) {
      if (cell.nodeType !== 1 || (cell as Element).localName !== 'table-cell') continue;
      const element = cell as Element;
      const repeat = Number(element.getAttributeNS(TABLE, 'number-columns-repeated') || 1);
      const text = list(element.getElementsByTagNameNS('*', 'p'))
        .map((p) => p.textContent)
        .join('\n');
      for (let i = 0; i < Math.min(repeat, 64); i++)
        cells.push({ type: element.getAttributeNS(OFFICE, 'value-type') || 'empty', text });
    }
    return cells;
  });
  const [header, ...body] = rows;
  return new Map(header!.filter((h) => h.text).map((h, i) => [h.text, body.map((row) => row[i]!)]));
}

const types = (cells: { type: string }[]) => [...new Set(cells.map((c) => c.type))].sort();

const BUNDLED = existsSync(join(RELEASE, 'dataset.json'));

describe.runIf(SOFFICE)('the CSV export in LibreOffice Calc, opened as UTF-8 (Character set: Unicode (UTF-8))', () => {
  let bundled: ClaimGraph | undefined;
  // One LibreOffice run for every file: its start-up is most of the time.
  beforeAll(async () => {
    const inputs: string[] = [];
    if (BUNDLED) {
      bundled = await ClaimGraph.load(RELEASE, { validate: false });
      const { files } = await exportDataset(bundled, 'csv', { out: join(dir, 'plain') });
      inputs.push(files.find((f) => f.path.endsWith('statements.csv'))!.path);
    }
    const { files } = await exportDataset(ClaimGraph.fromData(awkwardDataset()), 'csv', {
      out: join(dir, 'bom'),
      bom: true,
    });
    for (const name of ['nodes', 'statements']) {
      const path = join(dir, `bom-${name}.csv`);
      writeFileSync(path, readFileSync(files.find((f) => f.path.endsWith(`${name}.csv`))!.path));
      inputs.push(path);
    }
    calc(inputs, 'CSV:44,34,76,1');
  });

  it.runIf(BUNDLED)('reads date_start and date_end as dates and date_precision as text in every row', () => {
    const statements = columns(join(dir, 'fods', 'statements.fods'));
    const data = bundled!.toJSON().statements;
    expect(statements.get('Id')!.map((c) => c.text)).toEqual(data.map((s) => s.id));
    // The date as written stays mixed (2021, 2021-08, 2021-08-27); the derived columns sort.
    expect(statements.get('date')!.map((c) => c.text)).toEqual(data.map((s) => s.date));
    expect(types(statements.get('date_start')!)).toEqual(['date']);
    expect(types(statements.get('date_end')!)).toEqual(['date']);
    expect(types(statements.get('date_precision')!)).toEqual(['string']);
    expect(statements.get('date_precision')!.map((c) => c.text)).toEqual(
      data.map((s) => ['year', 'month', 'day'][s.date.split('-').length - 1]),
    );
    const starts = statements.get('date_start')!.map((c) => c.text);
    expect(starts).toEqual(data.map((s) => earliestDay(s.date)));
  });

  it('reads the bom: true files with the byte order mark out of the first header and Pashto and Arabic intact', () => {
    const nodes = columns(join(dir, 'fods', 'bom-nodes.fods'));
    expect([...nodes.keys()][0]).toBe('Id');
    const names = nodes.get('Label')!.map((c) => c.text);
    expect(names).toContain('طالبان');
    expect(names).toContain('سراج الدين حقاني');
    const rows = columns(join(dir, 'fods', 'bom-statements.fods'));
    expect([...rows.keys()][0]).toBe('Id');
    expect(types(rows.get('date_start')!)).toEqual(['date']);
    expect(types(rows.get('date_end')!)).toEqual(['date']);
  });
});
