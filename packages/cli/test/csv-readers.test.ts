/**
 * `claimgraph export -f csv` read by the tools its users open it with: csvkit's csvstat (Python's
 * csv.Sniffer guesses the dialect) and LibreOffice's CSV import. Both must be installed
 * (`apt-get install csvkit libreoffice-calc`); the test fails, saying so, when they are not.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Entity } from '@claimgraph/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimgraph, VALID } from './run-cli.js';

const temp = mkdtempSync(join(tmpdir(), 'claimgraph-csv-readers-'));
const out = join(temp, 'csv');
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function tool(name: string, install: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(`${name} is not installed: ${install}`);
  }
}

/** Words a reader garbles when it takes UTF-8 for another encoding; an id-like value that must stay text. */
const TITLE = 'Pentagon says ‘commingling’ as State Department defends calling them ‘separate entities’';
const LEADING_ZEROS = '0042';

beforeAll(async () => {
  // The fixture with a title holding apostrophes and curly quotes (the sniffer's trap) and a
  // description of digits with leading zeros.
  const dir = join(temp, 'dataset');
  cpSync(VALID, dir, { recursive: true });
  const patch = <T>(file: string, change: (records: T[]) => void) => {
    const path = join(dir, 'data', file);
    const records = JSON.parse(readFileSync(path, 'utf8')) as T[];
    change(records);
    writeFileSync(path, `${JSON.stringify(records, null, 2)}\n`);
  };
  patch<{ title: string }>('sources.json', (sources) => {
    sources[0]!.title = `${TITLE} 'quoted'`;
  });
  patch<Entity>('entities.json', (entities) => {
    entities[0] = { ...entities[0]!, description: LEADING_ZEROS };
  });
  const run = await claimgraph(['export', '-f', 'csv', '--dataset', dir, '-o', out]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
});

describe('CSV export in the readers people use', () => {
  it("csvkit's csvstat reads every file with its defaults: the right columns and rows", () => {
    const csvstat = tool('csvstat', 'apt-get install csvkit');
    for (const file of readdirSync(out).filter((f) => f.endsWith('.csv'))) {
      const lines = readFileSync(join(out, file), 'utf8').trimEnd().split('\r\n');
      const count = execFileSync(csvstat, ['--count', join(out, file)], { encoding: 'utf8' }).trim();
      expect(count, file).toBe(String(lines.length - 1));
    }
    const title = execFileSync(csvstat, ['-c', 'title', '--freq', join(out, 'sources.csv')], { encoding: 'utf8' });
    expect(title).toContain(TITLE);
  });

  it('LibreOffice reads UTF-8 and keeps quoted digits as text with the filter options the README gives', () => {
    const soffice = tool('soffice', 'apt-get install libreoffice-calc');
    const back = join(temp, 'libreoffice');
    for (const file of ['sources.csv', 'nodes.csv'])
      execFileSync(
        soffice,
        [
          '--headless',
          `-env:UserInstallation=file://${join(temp, 'lo-profile')}`,
          '--infilter=CSV:44,34,76,1,,0,true',
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true',
          '--outdir',
          back,
          join(out, file),
        ],
        { stdio: 'ignore', timeout: 180_000 },
      );
    expect(readFileSync(join(back, 'sources.csv'), 'utf8')).toContain(TITLE);
    expect(readFileSync(join(back, 'nodes.csv'), 'utf8')).toMatch(new RegExp(`,"?${LEADING_ZEROS}"?,`));
  });
});
