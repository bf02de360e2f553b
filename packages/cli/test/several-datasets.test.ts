// Several --dataset on query, chart, export, sql and site; --judgements; suggest-same. The two
// fixtures share ids (the Haqqani network, Ned Price, src:briefing's words) and name the Taliban
// under two ids, which test/fixtures/several/judgements.json judges the same.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { statementPath } from '@claimgraph/site';
import { claimgraph, FIXTURES, type CliRun } from './run-cli.js';

const SEVERAL = join(FIXTURES, 'several');
const BOTH = ['--dataset', 'first', '--dataset', 'second'];
const JUDGED = [...BOTH, '--judgements', 'judgements.json'];

const run = (args: string[], cwd = SEVERAL) => claimgraph(args, cwd);

function json<T>(result: CliRun): T {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as T;
}

/** A failure is one line on stderr, exit 1, and no stack trace. */
function expectOneLine(result: CliRun, line: string): void {
  expect(result).toEqual({ code: 1, stdout: '', stderr: `claimgraph: ${line}\n` });
}

const scratches: string[] = [];
afterAll(() => {
  for (const dir of scratches) rmSync(dir, { recursive: true, force: true });
});

/** A scratch copy of the fixtures, to break; removed after the tests. */
function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'claimgraph-several-'));
  scratches.push(dir);
  cpSync(SEVERAL, dir, { recursive: true });
  return dir;
}

function edit(file: string, change: (value: unknown[]) => void): void {
  const value = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
  change(value);
  writeFileSync(file, JSON.stringify(value, null, 2));
}

describe('query over several datasets', () => {
  it('adds a datasets column, and --json says where every record comes from', async () => {
    const table = await run(['query', 'search', 'taliban', ...BOTH]);
    expect(table.stdout.split('\n').slice(0, 4)).toEqual([
      'id                       type         name         aliases  datasets',
      '───────────────────────  ───────────  ───────────  ───────  ────────',
      'armed-group:taliban      armed-group  Taliban               first',
      'armed-group:the-taliban  armed-group  The Taliban  Taliban  second',
    ]);
    const entities = json<{ id: string; datasets: string[] }[]>(
      await run(['query', 'search', 'haqqani', ...BOTH, '--json']),
    );
    expect(entities.map((e) => [e.id, e.datasets])).toEqual([
      ['armed-group:haqqani-network', ['first', 'second']],
      ['person:anas-haqqani', ['second']],
    ]);
  });

  it('joins the ids a judgements file judges the same, and one speaker’s same words as one statement', async () => {
    const taliban = json<Record<string, unknown>>(
      await run(['query', 'entity', 'armed-group:the-taliban', ...JUDGED, '--json']),
    );
    expect(taliban).toEqual({
      id: 'armed-group:taliban',
      type: 'armed-group',
      name: 'Taliban',
      aliases: ['The Taliban'],
      datasets: ['first', 'second'],
    });
    const stances = json<{ status: string; supports: { id: string }[]; disputes: Record<string, unknown>[] }>(
      await run(['query', 'stances', 'rel:hqn-part-of-the-taliban', ...JUDGED, '--json']),
    );
    expect(stances.status).toBe('contested');
    expect(stances.supports.map((s) => s.id)).toEqual(['st:anas-1']);
    // The second dataset's report of Ned Price's words is an appearance of the first's statement.
    expect(stances.disputes).toEqual([
      {
        id: 'st:price-1',
        relation: 'rel:haqqani-network-part-of-taliban',
        speaker: 'person:ned-price',
        stance: 'disputes',
        date: '2021-08-27',
        quote: 'They are separate entities.',
        source: 'src:briefing',
        appearances: [{ source: 'src:wire' }],
        datasets: ['first', 'second'],
      },
    ]);
    const statements = await run(['query', 'statements', ...JUDGED, '--output-format', 'csv']);
    expect(statements.stdout.trim().split('\n')).toEqual([
      'date,speaker,stance,hedged,quote,context,id,speaker id,relation,datasets',
      '2021-08-27,Ned Price,disputes,,They are separate entities.,,st:price-1,person:ned-price,rel:haqqani-network-part-of-taliban,"first, second"',
      '2021-09-01,Anas Haqqani,supports,,We are one.,,st:anas-1,person:anas-haqqani,rel:haqqani-network-part-of-taliban,second',
    ]);
  });

  it('reads one dataset as before: no datasets column, but --json still carries it', async () => {
    const one = await run(['query', 'search', 'anas', '--dataset', 'second']);
    expect(one.stdout.split('\n')[0]).toBe('id                   type    name          aliases');
    expect(
      json<{ datasets: string[] }[]>(await run(['query', 'search', 'anas', '--dataset', 'second', '--json'])),
    ).toMatchObject([{ id: 'person:anas-haqqani', datasets: ['second'] }]);
  });

  it('a clash between datasets is one line naming both datasets, the id and the field, exit 1', async () => {
    const dir = scratch();
    edit(join(dir, 'second', 'data', 'relations.json'), (relations) => {
      (relations[0] as Record<string, string>).id = 'rel:haqqani-network-part-of-taliban';
    });
    edit(join(dir, 'second', 'data', 'statements.json'), (statements) => {
      for (const s of statements as Record<string, string>[]) s.relation = 'rel:haqqani-network-part-of-taliban';
    });
    expectOneLine(
      await run(['query', 'relations', ...BOTH], dir),
      'merge: "rel:haqqani-network-part-of-taliban" /target: the relation goes to armed-group:taliban in first, to armed-group:the-taliban in second',
    );
    // The same on every command that reads several datasets.
    for (const args of [
      ['chart', 'stance', '--out', 'x.svg'],
      ['export', '--format', 'ndjson', '--out', 'x.ndjson'],
      ['site', '--out', 'site'],
      ['suggest-same'],
    ])
      expect((await run([...args, ...BOTH], dir)).stderr).toMatch(
        /^claimgraph: merge: "rel:haqqani-network-part-of-taliban" \/target: .*\n$/,
      );
  });

  it('a wrong judgements file is one line naming the file as given, the judgement and the field', async () => {
    const dir = scratch();
    writeFileSync(
      join(dir, 'judged.json'),
      JSON.stringify({ version: 1, judgements: [{ left: 'armed-group:taliban', right: 'armed-group:the-taliban' }] }),
    );
    const result = await run(['query', 'contested', ...BOTH, '--judgements', 'judged.json'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'claimgraph: judged.json: judgements[0] /judgement: is required, a string, not undefined\n',
    );
    const missing = await run(['query', 'contested', ...BOTH, '--judgements', 'nowhere.json'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^claimgraph: nowhere\.json: .*\n$/);
  });

  it('a tampered release among several stops the command before anything is merged', async () => {
    const dir = scratch();
    for (const name of ['first', 'second'])
      expect((await run(['build', name, '--out', `${name}-release`, '--no-parquet'], dir)).code).toBe(0);
    const releases = ['--dataset', 'first-release', '--dataset', 'second-release'];
    expect(json<unknown[]>(await run(['query', 'contested', ...releases, '--json'], dir))).toHaveLength(1);
    edit(join(dir, 'second-release', 'dataset.json') as string, () => undefined);
    const result = await run(['query', 'contested', ...releases], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'claimgraph: second-release: the release does not match its datapackage.json, so it was not read',
    );
  });
});

describe('the two bundled datasets', () => {
  const BUNDLED = [
    '--dataset',
    '@claimgraph/dataset-afghanistan-2021',
    '--dataset',
    '@claimgraph/dataset-taliban-haqqani',
  ];

  it('query loads afghanistan-2021 and taliban-haqqani as one graph, without a clash', async () => {
    const found = json<{ id: string; name: string; datasets: string[] }[]>(
      await claimgraph(['query', 'search', 'Anas Haqqani', ...BUNDLED, '--json']),
    );
    expect(found[0]).toMatchObject({
      id: 'person:anas-haqqani',
      name: 'Anas Haqqani',
      datasets: ['taliban-haqqani'],
    });
    // The ids both datasets use are one record, from both.
    const taliban = json<{ datasets: string[] }>(
      await claimgraph(['query', 'entity', 'armed-group:taliban', ...BUNDLED, '--json']),
    );
    expect(taliban.datasets).toEqual(['afghanistan-2021', 'taliban-haqqani']);
  });
});

describe('sql over several datasets', () => {
  it('holds the merged records, each table with a datasets column', async () => {
    const rows = json<Record<string, unknown>[]>(
      await run(['sql', 'SELECT id, source, datasets FROM statements ORDER BY id', ...JUDGED, '--json']),
    );
    expect(rows).toEqual([
      { id: 'st:anas-1', source: 'src:interview', datasets: ['second'] },
      { id: 'st:price-1', source: 'src:briefing', datasets: ['first', 'second'] },
    ]);
    // The second dataset's report of the same words is an appearance of the statement kept.
    const appearances = json<Record<string, unknown>[]>(
      await run(['sql', "SELECT source, own FROM appearances WHERE statement = 'st:price-1'", ...JUDGED, '--json']),
    );
    expect(appearances).toEqual([
      { source: 'src:briefing', own: true },
      { source: 'src:wire', own: false },
    ]);
    const counts = json<Record<string, unknown>[]>(
      await run([
        'sql',
        "SELECT (SELECT count(*) FROM entities) AS entities, (SELECT count(*) FROM sources WHERE list_contains(datasets, 'first')) AS first_sources",
        ...JUDGED,
        '--json',
      ]),
    );
    expect(counts).toEqual([{ entities: 4, first_sources: 1 }]);
  });
});

describe('chart, export and site over several datasets', () => {
  it('chart draws the merged graph and credits every dataset with its version', async () => {
    const dir = scratch();
    expect(await run(['chart', 'stance', '--out', 'stance.json', ...JUDGED], dir)).toMatchObject({ code: 0 });
    const spec = readFileSync(join(dir, 'stance.json'), 'utf8');
    expect(spec).toContain('Anas Haqqani');
    expect(spec).toContain('Ned Price');
    expect(spec.replace(/",\s*"/g, ' ')).toContain('claimgraph dataset first v1.0.0 + second v2.0.0');
  });

  it('export writes the merged records and names the datasets', async () => {
    const dir = scratch();
    const result = json<Record<string, unknown>>(
      await run(['export', '--format', 'ndjson', '--out', 'all.ndjson', ...JUDGED, '--json'], dir),
    );
    expect(result).toMatchObject({
      dataset: 'first v1.0.0 + second v2.0.0',
      version: null,
      datasets: [
        { name: 'first', version: '1.0.0' },
        { name: 'second', version: '2.0.0' },
      ],
      records: { entities: 4, relations: 1, statements: 2, sources: 3 },
    });
  });

  it('site: one site, the datasets on the home page, a page each, every record linked to its datasets', async () => {
    const dir = scratch();
    expect((await run(['site', '--out', 'site', ...JUDGED], dir)).code).toBe(0);
    const page = (path: string) => readFileSync(join(dir, 'site', path), 'utf8');
    const home = page('index.html');
    expect(home).toContain('<h2 id="datasets-title">2 datasets, shown as one</h2>');
    expect(home).toContain('<a href="./dataset/first.html">First</a> (version 1.0.0)</li>');
    expect(home).toContain(
      '<a href="./dataset/second.html">Second</a> (version 2.0.0) · researched Aug 2021 to Dec 2021</li>',
    );
    const second = page('dataset/second.html');
    expect(second).toContain('2 statements, 1 relation, 4 entities, 2 sources');
    expect(second).toContain('Made up for the tests: no real research.');
    expect(page('person/anas-haqqani.html')).toContain(
      '<p>From dataset: <a href="../dataset/second.html">Second</a> (version 2.0.0)</p>',
    );
    // Statements share pages chosen by a hash of their id: the site's own rule finds the page.
    expect(page(statementPath('st:price-1'))).toContain(
      '<p>From datasets: <a href="../dataset/first.html">First</a> (version 1.0.0), <a href="../dataset/second.html">Second</a> (version 2.0.0)</p>',
    );
  });
});

describe('suggest-same', () => {
  it('lists candidate pairs across datasets with their names, datasets and why', async () => {
    const table = await run(['suggest-same', ...BOTH]);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[2]).toBe(
      'armed-group  armed-group:taliban  Taliban    first          armed-group:the-taliban  The Taliban  second          both are called "Taliban"',
    );
    expect(json(await run(['suggest-same', ...BOTH, '--json']))).toEqual([
      {
        left: 'armed-group:taliban',
        right: 'armed-group:the-taliban',
        type: 'armed-group',
        names: ['Taliban', 'The Taliban'],
        datasets: [['first'], ['second']],
        why: 'both are called "Taliban"',
      },
    ]);
  });

  it('leaves out pairs already judged, same or different', async () => {
    expect((await run(['suggest-same', ...JUDGED])).stdout).toBe(
      'no candidate pairs across datasets (--all lists pairs within one too)\n',
    );
    const dir = scratch();
    const file = JSON.parse(readFileSync(join(dir, 'judgements.json'), 'utf8')) as {
      judgements: { judgement: string }[];
    };
    file.judgements[0]!.judgement = 'different';
    writeFileSync(join(dir, 'judgements.json'), JSON.stringify(file));
    expect(json(await run(['suggest-same', ...JUDGED, '--json'], dir))).toEqual([]);
  });

  it('--skeleton prints a judgements file to fill in, which does not load until it is filled in', async () => {
    const dir = scratch();
    const skeleton = await run(['suggest-same', ...BOTH, '--skeleton'], dir);
    expect(json(skeleton)).toEqual({
      version: 1,
      judgements: [
        { left: 'armed-group:taliban', right: 'armed-group:the-taliban', judgement: '', by: '', date: '', reason: '' },
      ],
    });
    writeFileSync(join(dir, 'new.json'), skeleton.stdout);
    const unfilled = await run(['query', 'contested', ...BOTH, '--judgements', 'new.json'], dir);
    expect(unfilled.code).toBe(1);
    expect(unfilled.stderr).toMatch(/^claimgraph: new\.json: judgements\[0\] \/judgement: .*\n$/);
  });
});
