/**
 * Query and sql output for people and for other tools: tables that fit the terminal (wrapping,
 * never cutting), names first with ids at hand, hedged statements, and --output-format.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Statement } from '@claimgraph/schema';
import { describe, expect, it } from 'vitest';
import { fitTable, toCsv, toMarkdown, wrap } from '../src/table.js';
import { claimgraph, lines, VALID } from './run-cli.js';

const STATEMENTS = JSON.parse(readFileSync(join(VALID, 'data', 'statements.json'), 'utf8')) as Statement[];
const ENTITIES = JSON.parse(readFileSync(join(VALID, 'data', 'entities.json'), 'utf8')) as {
  id: string;
  name: string;
}[];
const PART_OF = 'rel:haqqani-network-part-of-taliban';
const LONG_QUOTE = STATEMENTS.map((s) => s.quote ?? '').reduce((a, b) => (b.length > a.length ? b : a));

const query = (args: string[], columns?: number) =>
  claimgraph(['query', ...args, '--dataset', VALID], undefined, { columns });

/** Parses RFC 4180 CSV (quoted cells with doubled quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [[]];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      rows.at(-1)!.push(cell);
      cell = '';
    } else if (c === '\n') {
      rows.at(-1)!.push(cell);
      cell = '';
      rows.push([]);
    } else cell += c;
  }
  rows.at(-1)!.push(cell);
  return rows.filter((row) => !(row.length === 1 && row[0] === ''));
}

describe('tables fit the terminal', () => {
  for (const columns of [60, 80, 100, 140]) {
    it(`query statements fits ${columns} columns, wrapping quotes without cutting a word or an id`, async () => {
      const run = await query(['statements'], columns);
      expect(run.code).toBe(0);
      const out = lines(run.stdout);
      for (const line of out) expect(line.length, line).toBeLessThanOrEqual(columns);
      const text = out.join('\n');
      // Every word of every quote is there, and every id, whole.
      const words = run.stdout.replace(/\s+/g, ' ');
      for (const s of STATEMENTS) {
        for (const word of (s.quote ?? '').split(/\s+/).filter(Boolean)) expect(words).toContain(word);
        expect(text).toMatch(new RegExp(`(^|[ ,])${s.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(,|$| )`, 'm'));
        expect(text).toContain(s.speaker);
        expect(text).toContain(s.relation);
      }
    });
  }

  it('a wide terminal gets one line per statement, names first and ids in their own columns', async () => {
    const run = await query(['statements'], 400);
    const [header, rule, ...rows] = lines(run.stdout);
    expect(header!.split(/\s{2,}/)).toEqual([
      'date',
      'speaker',
      'stance',
      'hedged',
      'quote',
      'id',
      'speaker id',
      'relation',
    ]);
    expect(rule).toMatch(/^─+( {2}─+)*$/);
    expect(rows).toHaveLength(STATEMENTS.length);
    expect(run.stdout).toContain(LONG_QUOTE.replace(/\s+/g, ' '));
  });

  it('stances names the relation and its ends, and fits the terminal', async () => {
    const run = await query(['stances', PART_OF], 72);
    const [summary, ...rest] = lines(run.stdout);
    expect(summary).toMatch(/^Haqqani network part-of Taliban \(rel:haqqani-network-part-of-taliban\): contested/);
    for (const line of rest) expect(line.length, line).toBeLessThanOrEqual(72);
    const name = ENTITIES.find((e) => e.id === 'person:ned-price')!.name;
    expect(rest.join('\n')).toContain(name);
  });

  it('fitTable keeps a too-long word whole only by wrapping it, and wraps text at spaces', () => {
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    expect(wrap('abcdefghij', 4)).toEqual(['abcd', 'efgh', 'ij']);
    const text = fitTable({ headers: ['name', 'note'], rows: [['Ned Price', 'a b c d e f g h i j k l m n o p']] }, 30);
    for (const line of lines(text)) expect(line.length).toBeLessThanOrEqual(30);
    expect(text.replace(/\s+/g, ' ')).toContain('a b c d e f g h i j k l m n o p');
  });
});

describe('query statements --hedged', () => {
  const hedged = STATEMENTS.filter((s) => s.hedged === true)
    .map((s) => s.id)
    .sort();
  const plain = STATEMENTS.filter((s) => s.hedged !== true)
    .map((s) => s.id)
    .sort();

  it('keeps only hedged statements, and --no-hedged only the others', async () => {
    expect(hedged.length).toBeGreaterThan(0);
    const only = JSON.parse((await query(['statements', '--hedged', '--json'])).stdout) as Statement[];
    expect(only.map((s) => s.id).sort()).toEqual(hedged);
    const none = JSON.parse((await query(['statements', '--no-hedged', '--json'])).stdout) as Statement[];
    expect(none.map((s) => s.id).sort()).toEqual(plain);
  });

  it('shows "hedged" in the hedged column of the table', async () => {
    const rows = parseCsv((await query(['statements', '-F', 'csv'])).stdout);
    const [headers, ...body] = rows;
    const h = headers!.indexOf('hedged');
    const id = headers!.indexOf('id');
    expect(
      body
        .filter((r) => r[h] === 'hedged')
        .map((r) => r[id])
        .sort(),
    ).toEqual(hedged);
  });

  it('filters stances too', async () => {
    const { supports, disputes } = JSON.parse((await query(['stances', PART_OF, '--no-hedged', '--json'])).stdout) as {
      supports: Statement[];
      disputes: Statement[];
    };
    expect([...supports, ...disputes].every((s) => s.hedged !== true)).toBe(true);
  });
});

describe('--output-format', () => {
  it('csv: one header and one RFC 4180 row per statement, every cell whole', async () => {
    const run = await query(['statements', '--output-format', 'csv']);
    expect(run.code).toBe(0);
    const [headers, ...rows] = parseCsv(run.stdout);
    expect(headers).toEqual([
      'date',
      'speaker',
      'stance',
      'hedged',
      'quote',
      'context',
      'id',
      'speaker id',
      'relation',
    ]);
    expect(rows.map((r) => r[5]).sort()).toEqual(STATEMENTS.map((s) => s.context ?? '').sort());
    expect(rows.map((r) => r[6]).sort()).toEqual(STATEMENTS.map((s) => s.id).sort());
    expect(rows.map((r) => r[4])).toContain(LONG_QUOTE.replace(/\s+/g, ' ').trim());
  });

  it('markdown: a pipe table with a row per record', async () => {
    const run = await query(['contested', '-F', 'markdown']);
    const [header, rule, ...rows] = lines(run.stdout);
    expect(header).toBe('| id | type | source | target | status | for | against |');
    expect(rule).toBe('| --- | --- | --- | --- | --- | --- | --- |');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(/^\| rel:\S+ \| .* \|$/);
  });

  it('json is what --json prints', async () => {
    const [a, b] = await Promise.all([query(['statements', '-F', 'json']), query(['statements', '--json'])]);
    expect(a.stdout).toBe(b.stdout);
    expect(JSON.parse(a.stdout)).toHaveLength(STATEMENTS.length);
  });

  it('refuses an unknown format and two formats at once, exit 2', async () => {
    const unknown = await query(['contested', '-F', 'xml']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("argument 'xml' is invalid. Allowed choices are table, csv, json, markdown.");
    const both = await query(['contested', '--json', '-F', 'csv']);
    expect(both.code).toBe(2);
    expect(both.stderr).toBe('claimgraph: --json and --output-format csv ask for two formats; give one\n');
  });

  it('is documented for query and sql, next to export --format', async () => {
    for (const args of [
      ['query', 'statements', '--help'],
      ['sql', '--help'],
    ]) {
      const help = (await claimgraph(args)).stdout;
      expect(help).toContain('-F, --output-format <format>');
    }
  });

  it('toCsv and toMarkdown escape what would break them', () => {
    const table = { headers: ['a', 'b'], rows: [['x, "y"', 'p | q\nr']] };
    expect(toCsv(table)).toBe('a,b\n"x, ""y""","p | q\nr"');
    expect(toMarkdown(table)).toBe('| a | b |\n| --- | --- |\n| x, "y" | p \\| q r |');
  });
});

describe('sql output', () => {
  const sql = (args: string[], columns?: number) =>
    claimgraph(
      ['sql', 'SELECT id, speaker, quote FROM statements ORDER BY id', '--dataset', VALID, ...args],
      undefined,
      {
        columns,
      },
    );

  it('tables never cut ids, even on a narrow terminal', async () => {
    const run = await sql([], 50);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const s of STATEMENTS) {
      expect(run.stdout).toContain(s.id);
      expect(run.stdout).toContain(s.speaker);
    }
    expect(run.stdout).not.toContain('…');
    expect(lines(run.stdout).at(-1)).toBe(`(${STATEMENTS.length} rows)`);
  });

  it('prints csv, markdown and json', async () => {
    const csv = parseCsv((await sql(['-F', 'csv'])).stdout);
    expect(csv[0]).toEqual(['id', 'speaker', 'quote']);
    expect(csv.slice(1).map((r) => r[0])).toEqual(STATEMENTS.map((s) => s.id).sort());
    // NULL is an empty cell in CSV.
    expect(csv.slice(1).find((r) => r[0] === STATEMENTS.find((s) => s.quote === undefined)?.id)?.[2]).toBe('');
    const markdown = lines((await sql(['--output-format', 'markdown'])).stdout);
    expect(markdown[0]).toBe('| id | speaker | quote |');
    expect(markdown).toHaveLength(STATEMENTS.length + 2);
    const json = JSON.parse((await sql(['-F', 'json'])).stdout) as { id: string }[];
    expect(json.map((r) => r.id)).toEqual(STATEMENTS.map((s) => s.id).sort());
  });
});
