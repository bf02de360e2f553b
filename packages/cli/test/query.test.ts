/**
 * `claimgraph query …` as a user runs it: every subcommand over the small valid fixture (--dataset)
 * and over the bundled dataset (the default), its table, its --json, and its errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { comparePartialDates, compareIds, type Entity, type Relation, type Statement } from '@claimgraph/schema';
import { describe, expect, it } from 'vitest';
import { claimgraph, crashIn, type CliRun, FIXTURES, lines, MALFORMED, PACKAGE_DIR, VALID } from './run-cli.js';

const read = <T>(file: string): T => JSON.parse(readFileSync(join(VALID, 'data', file), 'utf8')) as T;
const ENTITIES = read<Entity[]>('entities.json');
const RELATIONS = read<Relation[]>('relations.json');
const STATEMENTS = read<Statement[]>('statements.json');

/** The bundled dataset's source folder: the default reads its release (dist/) when built, this folder otherwise. */
const BUNDLED_SOURCE = join(PACKAGE_DIR, '..', '..', 'datasets', 'afghanistan-2021');
const PART_OF = 'rel:haqqani-network-part-of-taliban';

/** `claimgraph query ...args --dataset <fixture>`; `dataset: null` leaves the default (the bundled dataset). */
function query(args: string[], dataset: string | null = VALID): Promise<CliRun> {
  return claimgraph(['query', ...args, ...(dataset === null ? [] : ['--dataset', dataset])]);
}

/** The parsed `--json` output of a query that succeeds quietly. */
async function queryJson<T>(args: string[], dataset: string | null = VALID): Promise<T> {
  const run = await query([...args, '--json'], dataset);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as T;
}

interface Table {
  headers: string[];
  rows: string[][];
}

/** A table as formatTable prints it: a header line, a rule of ─ per column, then rows padded to the columns. */
function parseTable(text: string): Table {
  const [head, rule, ...body] = lines(text);
  expect(rule, 'the rule under the headers').toMatch(/^─+( {2}─+)*$/);
  const starts = [...rule!.matchAll(/─+/g)].map((m) => m.index!);
  const cells = (line: string) => starts.map((start, i) => line.slice(start, starts[i + 1]).trim());
  return { headers: cells(head!), rows: body.map(cells) };
}

/** A table printed alone on stdout, successfully. */
async function queryTable(args: string[], dataset: string | null = VALID): Promise<Table> {
  const run = await query(args, dataset);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return parseTable(run.stdout);
}

const column = (table: Table, header: string) => table.rows.map((row) => row[table.headers.indexOf(header)]!);
const ids = (records: { id: string }[]) => records.map((r) => r.id);
/** A record as `--json` prints it: the dataset's record, then the datasets it comes from. */
const asPrinted = <T>(record: T | undefined) => ({ ...record!, datasets: ['fixture'] });
const byId = (records: { id: string }[]) => [...ids(records)].sort(compareIds);

/** A mistake in the data or an id: exit 1, one message on stderr, nothing on stdout, no stack trace. */
function expectInvalid(run: CliRun, message: string | RegExp): void {
  expect(crashIn(run.stderr)).toBeNull();
  expect(run.stdout).toBe('');
  if (typeof message === 'string') expect(run.stderr).toBe(`claimgraph: ${message}\n`);
  else expect(run.stderr).toMatch(message);
  expect(run.code).toBe(1);
}

/** The message for a relation id or name that matches nothing, with how to give one. */
const unknownRelation = (given: string) =>
  `unknown relation "${given}"; give a relation id or "SOURCE TYPE TARGET" with names or ids (e.g. "Haqqani network part-of Taliban"); list relations with: claimgraph query relations --entity NAME`;

/** A usage mistake: exit 2, a message on stderr, nothing on stdout, no stack trace. */
function expectUsage(run: CliRun, message: string | RegExp): void {
  expect(crashIn(run.stderr)).toBeNull();
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(message);
  expect(run.code).toBe(2);
}

describe('claimgraph query over a dataset given with --dataset', () => {
  describe('search TEXT', () => {
    it('prints a table of matching entities, names before word starts', async () => {
      const table = await queryTable(['search', 'haqqani']);
      expect(table.headers).toEqual(['id', 'type', 'name', 'aliases']);
      expect(table.rows).toEqual([
        ['armed-group:haqqani-network', 'armed-group', 'Haqqani network', 'Haqqanis'],
        ['person:sirajuddin-haqqani', 'person', 'Sirajuddin Haqqani', ''],
      ]);
    });

    it('--json gives the entities as plain records, exact matches first', async () => {
      const found = await queryJson<Entity[]>(['search', 'haqqani']);
      expect(found).toEqual([
        asPrinted(ENTITIES.find((e) => e.id === 'armed-group:haqqani-network')),
        asPrinted(ENTITIES.find((e) => e.id === 'person:sirajuddin-haqqani')),
      ]);
      // Case, accents and punctuation are ignored, and an alias matches like a name.
      expect(ids(await queryJson<Entity[]>(['search', 'HAQQANIS']))).toEqual(['armed-group:haqqani-network']);
      expect(ids(await queryJson<Entity[]>(['search', 'islamic emirate']))).toEqual(['armed-group:taliban']);
    });

    it('--type and --limit narrow the results', async () => {
      const [person, first] = await Promise.all([
        queryJson<Entity[]>(['search', 'haqqani', '--type', 'person']),
        queryJson<Entity[]>(['search', 'haqqani', '--limit', '1']),
      ]);
      expect(ids(person)).toEqual(['person:sirajuddin-haqqani']);
      expect(ids(first)).toEqual(['armed-group:haqqani-network']);
    });

    it('says so when nothing matches, and exits 0', async () => {
      const run = await query(['search', 'zzz']);
      expect(run).toEqual({ code: 0, stdout: 'no entity matches "zzz"\n', stderr: '' });
      expect(await queryJson(['search', 'zzz'])).toEqual([]);
    });
  });

  describe('entity ID', () => {
    it('prints the fields, then the relations with their status and stance counts', async () => {
      const run = await query(['entity', 'armed-group:taliban']);
      expect(run.code).toBe(0);
      const [fields, relations] = run.stdout.split('\n\n') as [string, string];
      expect(parseTable(fields)).toEqual({
        headers: ['field', 'value'],
        rows: [
          ['id', 'armed-group:taliban'],
          ['type', 'armed-group'],
          ['name', 'Taliban'],
          ['aliases', 'Islamic Emirate of Afghanistan'],
          ['founded', '1994'],
        ],
      });
      expect(lines(relations)[0]).toBe('2 relations');
      const table = parseTable(lines(relations).slice(1).join('\n'));
      expect(table.headers).toEqual(['id', 'type', 'source', 'target', 'status', 'for', 'against']);
      expect(table.rows).toEqual([
        [PART_OF, 'part-of', 'armed-group:haqqani-network', 'armed-group:taliban', 'contested', '1', '1'],
        [
          'rel:taliban-cooperates-with-haqqani-network',
          'cooperates-with',
          'armed-group:taliban',
          'armed-group:haqqani-network',
          'supported',
          '1',
          '0',
        ],
      ]);
    });

    it('--json gives the record exactly as the dataset has it, with the datasets it comes from', async () => {
      expect(await Promise.all(ENTITIES.map((entity) => queryJson(['entity', entity.id])))).toEqual(
        ENTITIES.map(asPrinted),
      );
    });

    it('an unknown id exits 1 and suggests a search', async () => {
      expectInvalid(
        await query(['entity', 'person:nobody-here']),
        'unknown entity "person:nobody-here"; find ids with: claimgraph query search "nobody here"',
      );
      expectInvalid(
        await query(['entity', 'x', '--json']),
        'unknown entity "x"; find ids with: claimgraph query search "x"',
      );
    });
  });

  describe('relations', () => {
    it('lists every relation by id, with its status and how many statements are for and against it', async () => {
      const table = await queryTable(['relations']);
      expect(table.headers).toEqual(['id', 'type', 'source', 'target', 'status', 'for', 'against']);
      expect(column(table, 'id')).toEqual(byId(RELATIONS));
      expect(table.rows.find((row) => row[0] === PART_OF)).toEqual([
        PART_OF,
        'part-of',
        'armed-group:haqqani-network',
        'armed-group:taliban',
        'contested',
        '1',
        '1',
      ]);
      expect(new Set(column(table, 'status'))).toEqual(new Set(['supported', 'contested']));
    });

    it('--json gives the records, by id', async () => {
      expect(await queryJson(['relations'])).toEqual(
        [...RELATIONS].sort((a, b) => compareIds(a.id, b.id)).map(asPrinted),
      );
    });

    it('--entity, --type, --source, --target, --status and --as-of filter the list', async () => {
      const [entity, type, source, target, status, asOf, both] = await Promise.all([
        queryJson<Relation[]>(['relations', '--entity', 'armed-group:taliban']),
        queryJson<Relation[]>(['relations', '--type', 'part-of']),
        queryJson<Relation[]>(['relations', '--source', 'armed-group:haqqani-network']),
        queryJson<Relation[]>(['relations', '--target', 'armed-group:haqqani-network']),
        queryJson<Relation[]>(['relations', '--status', 'contested']),
        queryJson<Relation[]>(['relations', '--as-of', '2019']),
        queryJson<Relation[]>(['relations', '--entity', 'armed-group:haqqani-network', '--type', 'leads']),
      ]);
      expect(ids(entity)).toEqual([PART_OF, 'rel:taliban-cooperates-with-haqqani-network']);
      expect(ids(type)).toEqual([PART_OF]);
      // cooperates-with is symmetric: it matches from either end.
      expect(ids(source)).toEqual([
        'rel:haqqani-network-designated-by-state-department',
        PART_OF,
        'rel:taliban-cooperates-with-haqqani-network',
      ]);
      expect(ids(target)).toEqual([
        'rel:sirajuddin-haqqani-leads-haqqani-network',
        'rel:taliban-cooperates-with-haqqani-network',
      ]);
      expect(ids(status)).toEqual([PART_OF]);
      expect(ids(asOf)).toEqual(['rel:haqqani-network-designated-by-state-department']);
      expect(ids(both)).toEqual(['rel:sirajuddin-haqqani-leads-haqqani-network']);
    });

    it('counts only the statements made by --as-of in the table', async () => {
      // In 2020 only Sirajuddin Haqqani had spoken of the part-of relation: supported, not yet contested.
      const table = await queryTable(['relations', '--as-of', '2020-12', '--type', 'part-of']);
      expect(table.rows).toEqual([
        [PART_OF, 'part-of', 'armed-group:haqqani-network', 'armed-group:taliban', 'supported', '1', '0'],
      ]);
    });

    it('says so when no relation matches', async () => {
      expect(await query(['relations', '--type', 'rival-of'])).toEqual({
        code: 0,
        stdout: 'no relations\n',
        stderr: '',
      });
    });

    it('an unknown --entity exits 1', async () => {
      expectInvalid(
        await query(['relations', '--entity', 'armed-group:nobody']),
        'unknown entity "armed-group:nobody"; find ids with: claimgraph query search "nobody"',
      );
    });
  });

  describe('statements', () => {
    const BY_DATE = [
      'st:state-department-1', // 2012-09
      'st:sirajuddin-haqqani-1', // 2020
      'st:ned-price-1', // 2021-08
      'st:state-department-2', // 2021-08
      'st:pentagon-2', // 2021-08-26
      'st:john-kirby-1', // 2021-08-27
      'st:pentagon-1', // 2021-08-27
    ];

    it('lists every statement by date then id, with its quote', async () => {
      const table = await queryTable(['statements']);
      expect(table.headers).toEqual(['date', 'speaker', 'stance', 'hedged', 'quote', 'id', 'speaker id', 'relation']);
      expect(column(table, 'id')).toEqual(BY_DATE);
      expect(table.rows[2]).toEqual([
        '2021-08',
        'Ned Price',
        'disputes',
        '',
        'The Taliban and the Haqqani network are separate entities',
        'st:ned-price-1',
        'person:ned-price',
        PART_OF,
      ]);
      expect(table.rows[0]![4]).toBe(''); // no quote
    });

    it('--json gives the records in the same order', async () => {
      const all = await queryJson<Statement[]>(['statements']);
      expect(all).toEqual(BY_DATE.map((id) => asPrinted(STATEMENTS.find((s) => s.id === id))));
    });

    it('--speaker, --relation, --entity, --stance, --from and --to filter the list', async () => {
      const [speaker, relation, entity, stance, from, to] = await Promise.all([
        queryJson<Statement[]>(['statements', '--speaker', 'government-body:pentagon']),
        queryJson<Statement[]>(['statements', '--relation', PART_OF]),
        queryJson<Statement[]>(['statements', '--entity', 'person:sirajuddin-haqqani']),
        queryJson<Statement[]>(['statements', '--stance', 'disputes']),
        queryJson<Statement[]>(['statements', '--from', '2021-08-27']),
        queryJson<Statement[]>(['statements', '--to', '2020']),
      ]);
      expect(ids(speaker)).toEqual(['st:pentagon-2', 'st:pentagon-1']);
      expect(ids(relation)).toEqual(['st:sirajuddin-haqqani-1', 'st:ned-price-1']);
      expect(ids(entity)).toEqual(['st:state-department-2']);
      expect(ids(stance)).toEqual(['st:ned-price-1']);
      expect(ids(from)).toEqual(['st:john-kirby-1', 'st:pentagon-1']);
      expect(ids(to)).toEqual(['st:state-department-1', 'st:sirajuddin-haqqani-1']);
    });

    it('an unknown --speaker or --relation exits 1', async () => {
      const [speaker, relation] = await Promise.all([
        query(['statements', '--speaker', 'person:nobody']),
        query(['statements', '--relation', 'rel:nothing']),
      ]);
      expectInvalid(speaker, 'unknown entity "person:nobody"; find ids with: claimgraph query search "nobody"');
      expectInvalid(relation, unknownRelation('rel:nothing'));
    });
  });

  describe('stances RELATION', () => {
    it('prints the relation, its status and counts, then the statements for and against it', async () => {
      const run = await query(['stances', PART_OF]);
      expect(run.code).toBe(0);
      const [summary, ...rest] = lines(run.stdout);
      expect(summary).toBe(
        `Haqqani network part-of Taliban (${PART_OF}): contested under every-statement@1 (1 statement for, 1 against)`,
      );
      expect(parseTable(rest.join('\n'))).toEqual({
        headers: ['date', 'speaker', 'stance', 'hedged', 'quote', 'id', 'speaker id'],
        rows: [
          [
            '2020',
            'Sirajuddin Haqqani',
            'supports',
            '',
            'We are one movement',
            'st:sirajuddin-haqqani-1',
            'person:sirajuddin-haqqani',
          ],
          [
            '2021-08',
            'Ned Price',
            'disputes',
            '',
            'The Taliban and the Haqqani network are separate entities',
            'st:ned-price-1',
            'person:ned-price',
          ],
        ],
      });
    });

    it('--json gives { relation, supports, disputes, status, rule } with the records', async () => {
      const stances = await queryJson<Record<string, unknown>>(['stances', PART_OF]);
      expect(Object.keys(stances)).toEqual(['relation', 'supports', 'disputes', 'status', 'rule']);
      expect(stances).toEqual({
        relation: asPrinted(RELATIONS.find((r) => r.id === PART_OF)),
        supports: [asPrinted(STATEMENTS.find((s) => s.id === 'st:sirajuddin-haqqani-1'))],
        disputes: [asPrinted(STATEMENTS.find((s) => s.id === 'st:ned-price-1'))],
        status: 'contested',
        rule: 'every-statement@1',
      });
      expect(await queryJson(['stances', 'rel:john-kirby-member-of-pentagon'])).toMatchObject({
        status: 'supported',
        disputes: [],
      });
    });

    it('an unknown relation exits 1', async () => {
      expectInvalid(
        await query(['stances', 'rel:haqqani-network-part-of-al-qaeda']),
        unknownRelation('rel:haqqani-network-part-of-al-qaeda'),
      );
    });
  });

  describe('contested', () => {
    it('prints the relations with statements both for and against them', async () => {
      const table = await queryTable(['contested']);
      expect(table.headers).toEqual(['id', 'type', 'source', 'target', 'status', 'for', 'against']);
      expect(table.rows).toEqual([
        [PART_OF, 'part-of', 'armed-group:haqqani-network', 'armed-group:taliban', 'contested', '1', '1'],
      ]);
    });

    it('--json gives the relation records', async () => {
      expect(await queryJson(['contested'])).toEqual([asPrinted(RELATIONS.find((r) => r.id === PART_OF))]);
    });
  });

  describe('neighbors ID', () => {
    it('prints the entities one relation away, whichever way it points, by id', async () => {
      const table = await queryTable(['neighbors', 'armed-group:haqqani-network']);
      expect(table.headers).toEqual(['id', 'type', 'name', 'aliases']);
      expect(column(table, 'id')).toEqual([
        'armed-group:taliban',
        'government-body:state-department',
        'person:sirajuddin-haqqani',
      ]);
    });

    it('--json gives the records; --type and --status narrow the relations walked', async () => {
      const [all, leads, contested] = await Promise.all([
        queryJson<Entity[]>(['neighbors', 'armed-group:haqqani-network']),
        queryJson<Entity[]>(['neighbors', 'armed-group:haqqani-network', '--type', 'leads']),
        queryJson<Entity[]>(['neighbors', 'armed-group:haqqani-network', '--status', 'contested']),
      ]);
      expect(all).toEqual(
        ['armed-group:taliban', 'government-body:state-department', 'person:sirajuddin-haqqani'].map((id) =>
          asPrinted(ENTITIES.find((e) => e.id === id)),
        ),
      );
      expect(ids(leads)).toEqual(['person:sirajuddin-haqqani']);
      expect(ids(contested)).toEqual(['armed-group:taliban']);
    });

    it('says so when there is none, and exits 0', async () => {
      expect(await query(['neighbors', 'place:kabul', '--type', 'leads'])).toEqual({
        code: 0,
        stdout: 'no neighbors\n',
        stderr: '',
      });
    });

    it('an unknown id exits 1', async () => {
      expectInvalid(
        await query(['neighbors', 'place:nowhere']),
        'unknown entity "place:nowhere"; find ids with: claimgraph query search "nowhere"',
      );
    });
  });

  describe('path FROM TO', () => {
    it('prints each step with the relations that lead to it', async () => {
      const table = await queryTable(['path', 'person:sirajuddin-haqqani', 'armed-group:taliban']);
      expect(table).toEqual({
        headers: ['step', 'entity', 'name', 'via'],
        rows: [
          ['0', 'person:sirajuddin-haqqani', 'Sirajuddin Haqqani', ''],
          ['1', 'armed-group:haqqani-network', 'Haqqani network', 'leads →'],
          ['2', 'armed-group:taliban', 'Taliban', 'part-of →, cooperates-with →'],
        ],
      });
    });

    it('--json gives { path } with the entity ids in order', async () => {
      expect(await queryJson(['path', 'person:sirajuddin-haqqani', 'armed-group:taliban'])).toEqual({
        path: ['person:sirajuddin-haqqani', 'armed-group:haqqani-network', 'armed-group:taliban'],
      });
    });

    it('follows relations from source to target unless --undirected', async () => {
      const against = await query(['path', 'armed-group:taliban', 'person:sirajuddin-haqqani', '--type', 'leads']);
      expect(against).toEqual({
        code: 0,
        stdout:
          'no path from armed-group:taliban to person:sirajuddin-haqqani (following relations from source to target; try --undirected)\n',
        stderr: '',
      });
      expect(await queryJson(['path', 'armed-group:taliban', 'person:sirajuddin-haqqani', '--type', 'leads'])).toEqual({
        path: null,
      });
      const undirected = await queryTable(['path', 'armed-group:taliban', 'person:sirajuddin-haqqani', '--undirected']);
      expect(undirected.rows).toEqual([
        ['0', 'armed-group:taliban', 'Taliban', ''],
        ['1', 'armed-group:haqqani-network', 'Haqqani network', 'cooperates-with →, ← part-of'],
        ['2', 'person:sirajuddin-haqqani', 'Sirajuddin Haqqani', '← leads'],
      ]);
    });

    it('says so when the entities are not connected at all', async () => {
      const run = await query(['path', 'person:john-kirby', 'place:kabul', '--undirected']);
      expect(run).toEqual({ code: 0, stdout: 'no path from person:john-kirby to place:kabul\n', stderr: '' });
    });

    it('an unknown id at either end exits 1', async () => {
      const [from, to] = await Promise.all([
        query(['path', 'person:nobody', 'armed-group:taliban']),
        query(['path', 'armed-group:taliban', 'armed-group:nobody']),
      ]);
      expectInvalid(from, 'unknown entity "person:nobody"; find ids with: claimgraph query search "nobody"');
      expectInvalid(to, 'unknown entity "armed-group:nobody"; find ids with: claimgraph query search "nobody"');
    });
  });
});

describe('claimgraph query usage errors exit 2', () => {
  it.each([
    ['search', []],
    ['entity', []],
    ['stances', []],
    ['neighbors', []],
    ['path', ['armed-group:taliban']],
  ])('%s without its argument', async (command, args) => {
    expectUsage(await query([command, ...args]), /^error: missing required argument '\w+'\n/);
  });

  it('an unknown option, an unknown subcommand or an extra argument', async () => {
    const [option, subcommand, extra] = await Promise.all([
      query(['contested', '--strict']),
      query(['contest']),
      query(['contested', 'extra']),
    ]);
    expectUsage(option, /^error: unknown option '--strict'\n/);
    expectUsage(subcommand, /^error: unknown command 'contest'/);
    expectUsage(extra, /^error: too many arguments for 'contested'/);
  });

  it.each([
    ['search', ['search', 'haqqani', '--type', 'militia'], 'search(): type must be one of person, armed-group'],
    ['relations', ['relations', '--type', 'part_of'], 'relations(): type must be one of affiliated-with'],
    [
      'neighbors',
      ['neighbors', 'armed-group:taliban', '--type', 'friends'],
      'neighbors(): type must be one of affiliated-with',
    ],
    [
      'path',
      ['path', 'armed-group:taliban', 'place:kabul', '--type', 'near'],
      'path(): type must be one of affiliated-with',
    ],
  ])('a bad --type for %s names the allowed values', async (_name, args, message) => {
    const run = await query(args);
    expectUsage(run, `claimgraph: ${message}`);
    expect(lines(run.stderr)).toHaveLength(1);
  });

  it('a bad --status, --stance, date or --limit', async () => {
    const runs = await Promise.all([
      query(['relations', '--status', 'maybe']),
      query(['statements', '--stance', 'neutral']),
      query(['statements', '--from', '2021/08']),
      query(['relations', '--as-of', 'yesterday']),
      query(['search', 'haqqani', '--limit', 'ten']),
      query(['search', 'haqqani', '--limit', '']),
      query(['search', 'haqqani', '--limit', '-1']),
    ]);
    const messages = [
      'claimgraph: relations(): status must be one of supported, disputed, contested, not "maybe"\n',
      'claimgraph: statements(): stance must be one of supports, disputes, not "neutral"\n',
      /^claimgraph: statements\(\): from must be a date/,
      /^claimgraph: relations\(\): asOf must be a date written YYYY, YYYY-MM or YYYY-MM-DD, not "yesterday"\n$/,
      'claimgraph: --limit ten: not a whole number\n',
      'claimgraph: --limit : not a whole number\n',
      'claimgraph: --limit -1: not a whole number\n',
    ];
    runs.forEach((run, i) => expectUsage(run, messages[i]!));
  });

  it('a --dataset that does not exist or is not a dataset, as for every other command', async () => {
    const [missing, folder, file] = await Promise.all([
      query(['contested'], './no-such-folder'),
      query(['contested'], FIXTURES),
      query(['contested'], join(VALID, 'data')),
    ]);
    expectUsage(missing, /^claimgraph: \.\/no-such-folder: no such file or folder/);
    expectUsage(folder, /^claimgraph: .*fixtures: not a claimgraph dataset/);
    expectUsage(file, /^claimgraph: .*data: not a claimgraph dataset/);
  });
});

describe('claimgraph query over an invalid dataset', () => {
  it('exits 1 with the problems and no stack trace', async () => {
    const run = await query(['contested'], join(MALFORMED, 'unknown-statement-relation'));
    expectInvalid(run, /^claimgraph: the dataset is invalid \(\d+ problems?\):\n {2}data\/\w+\.json: /);
  });

  it('exits 1 for a JSON file that does not hold a dataset', async () => {
    expectInvalid(
      await query(['contested'], join(VALID, 'package.json')),
      /^claimgraph: the dataset is invalid \(\d+ problems\):\n {2}package\.json: the entities list is missing\n/,
    );
  });
});

describe('claimgraph query over the bundled dataset (the default)', () => {
  it('contested --json includes the Taliban–Haqqani part-of relation, by id', async () => {
    const contested = await queryJson<Relation[]>(['contested'], null);
    expect(contested).toContainEqual(
      expect.objectContaining({
        id: PART_OF,
        type: 'part-of',
        source: 'armed-group:haqqani-network',
        target: 'armed-group:taliban',
      }),
    );
    expect(ids(contested)).toEqual(byId(contested));
    // Every relation it lists has statements on both sides.
    for (const relation of contested) {
      const stances = await queryJson<{ supports: Statement[]; disputes: Statement[]; status: string }>(
        ['stances', relation.id],
        null,
      );
      expect(stances.status).toBe('contested');
      expect(stances.supports.length).toBeGreaterThan(0);
      expect(stances.disputes.length).toBeGreaterThan(0);
    }
  });

  it('reads the same data as --dataset with the source folder or the package name', async () => {
    const [bundled, source, pkg] = await Promise.all([
      queryJson(['relations', '--type', 'part-of'], null),
      queryJson(['relations', '--type', 'part-of'], BUNDLED_SOURCE),
      queryJson(['relations', '--type', 'part-of'], '@claimgraph/dataset-afghanistan-2021'),
    ]);
    expect(bundled).toEqual(source);
    expect(pkg).toEqual(source);
  });

  it('contested prints a table with the part-of relation as contested', async () => {
    const table = await queryTable(['contested'], null);
    expect(table.headers).toEqual(['id', 'type', 'source', 'target', 'status', 'for', 'against']);
    const row = table.rows.find((r) => r[0] === PART_OF)!;
    expect(row.slice(0, 5)).toEqual([
      PART_OF,
      'part-of',
      'armed-group:haqqani-network',
      'armed-group:taliban',
      'contested',
    ]);
    expect(Number(row[5])).toBeGreaterThan(0);
    expect(Number(row[6])).toBeGreaterThan(0);
  });

  it('search finds the Haqqani network by its name first', async () => {
    const table = await queryTable(['search', 'Haqqani network'], null);
    expect(table.headers).toEqual(['id', 'type', 'name', 'aliases']);
    expect(table.rows[0]!.slice(0, 3)).toEqual(['armed-group:haqqani-network', 'armed-group', 'Haqqani network']);
    const found = await queryJson<Entity[]>(['search', 'taliban', '--type', 'armed-group'], null);
    expect(ids(found)).toContain('armed-group:taliban');
    expect(found.every((e) => e.type === 'armed-group')).toBe(true);
  });

  it('entity shows the Taliban with the part-of relation among its relations', async () => {
    const run = await query(['entity', 'armed-group:taliban'], null);
    expect(run.code).toBe(0);
    const [fields, relations] = run.stdout.split('\n\n') as [string, string];
    expect(parseTable(fields).rows.slice(0, 3)).toEqual([
      ['id', 'armed-group:taliban'],
      ['type', 'armed-group'],
      ['name', 'Taliban'],
    ]);
    const [count, ...table] = lines(relations);
    const parsed = parseTable(table.join('\n'));
    expect(count).toBe(`${parsed.rows.length} relations`);
    expect(parsed.rows.find((r) => r[0] === PART_OF)?.[4]).toBe('contested');
    expect(await queryJson(['entity', 'armed-group:taliban'], null)).toMatchObject({
      id: 'armed-group:taliban',
      type: 'armed-group',
      name: 'Taliban',
    });
  });

  it('relations --entity --type keeps relations of that type touching that entity, by id', async () => {
    const relations = await queryJson<Relation[]>(
      ['relations', '--entity', 'armed-group:taliban', '--type', 'part-of'],
      null,
    );
    expect(ids(relations)).toContain(PART_OF);
    expect(ids(relations)).toEqual(byId(relations));
    for (const r of relations) {
      expect(r.type).toBe('part-of');
      expect([r.source, r.target]).toContain('armed-group:taliban');
    }
  });

  it('statements --relation lists both sides of the part-of relation, by date', async () => {
    const statements = await queryJson<Statement[]>(['statements', '--relation', PART_OF], null);
    expect(new Set(statements.map((s) => s.relation))).toEqual(new Set([PART_OF]));
    expect(new Set(statements.map((s) => s.stance))).toEqual(new Set(['supports', 'disputes']));
    for (let i = 1; i < statements.length; i++)
      expect(comparePartialDates(statements[i - 1]!.date, statements[i]!.date)).toBeLessThanOrEqual(0);
    const table = await queryTable(['statements', '--relation', PART_OF], null);
    expect(table.headers).toEqual(['date', 'speaker', 'stance', 'hedged', 'quote', 'id', 'speaker id', 'relation']);
    expect(column(table, 'id')).toEqual(ids(statements));
  });

  it('piped tables print every cell whole, ids and quotes alike, one line per statement', async () => {
    const [table, statements] = await Promise.all([
      queryTable(['statements'], null),
      queryJson<Statement[]>(['statements'], null),
    ]);
    expect(Math.max(...ids(statements).map((id) => id.length))).toBeGreaterThan(60);
    expect(column(table, 'id')).toEqual(ids(statements));
    expect(column(table, 'speaker id')).toEqual(statements.map((s) => s.speaker));
    expect(column(table, 'relation')).toEqual(statements.map((s) => s.relation));
    const quotes = statements.map((s) => s.quote ?? (s.paraphrase ? `(paraphrase) ${s.paraphrase}` : ''));
    // A statement's context follows its quote: a denial "supporting" part-of reads right with it.
    const withContext = statements.map((s, i) => (s.context ? `${quotes[i]} (context: ${s.context})` : quotes[i]!));
    expect(column(table, 'quote')).toEqual(withContext.map((q) => q.replace(/\s+/g, ' ').trim()));
    expect(statements.filter((s) => s.context).length).toBeGreaterThan(10);
    expect(Math.max(...quotes.map((q) => q.length))).toBeGreaterThan(60);
  });

  it('stances prints the contested summary line', async () => {
    const run = await query(['stances', PART_OF], null);
    expect(run.code).toBe(0);
    expect(lines(run.stdout)[0]).toMatch(
      /^Haqqani network part-of Taliban \(rel:haqqani-network-part-of-taliban\): contested under every-statement@1 \(\d+ statements? for, \d+ against\)$/,
    );
  });

  it('neighbors and path connect Sirajuddin Haqqani, the Haqqani network and the Taliban', async () => {
    const neighbors = await queryJson<Entity[]>(['neighbors', 'armed-group:haqqani-network'], null);
    expect(ids(neighbors)).toEqual(expect.arrayContaining(['armed-group:taliban', 'person:sirajuddin-haqqani']));
    expect(ids(neighbors)).toEqual(byId(neighbors));
    const { path } = await queryJson<{ path: string[] }>(
      ['path', 'person:sirajuddin-haqqani', 'armed-group:haqqani-network'],
      null,
    );
    expect(path[0]).toBe('person:sirajuddin-haqqani');
    expect(path.at(-1)).toBe('armed-group:haqqani-network');
    const table = await queryTable(['path', 'person:sirajuddin-haqqani', 'armed-group:haqqani-network'], null);
    expect(column(table, 'entity')).toEqual(path);
    expect(column(table, 'step')).toEqual(path.map((_, i) => String(i)));
  });

  it('an unknown id exits 1 with a one-line message', async () => {
    expectInvalid(
      await query(['entity', 'armed-group:nobody'], null),
      'unknown entity "armed-group:nobody"; find ids with: claimgraph query search "nobody"',
    );
    expectInvalid(await query(['stances', 'rel:nothing'], null), unknownRelation('rel:nothing'));
  });
});
