/** `claimgraph diff` between a release and a source folder, an installed package and a release. */
import { buildRelease } from '@claimgraph/release';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimgraph as run } from './run-cli.js';

const NAME = '@claimgraph/dataset-fixture';

async function claimgraph(args: string[], cwd: string) {
  const { code: status, stdout, stderr } = await run(args, cwd);
  return { status, stdout, stderr };
}

const entities = [
  { id: 'armed-group:haqqani-network', type: 'armed-group', name: 'Haqqani network' },
  { id: 'armed-group:taliban', type: 'armed-group', name: 'Taliban' },
  { id: 'person:ned-price', type: 'person', name: 'Ned Price' },
];
const relations = [
  {
    id: 'rel:haqqani-part-of-taliban',
    type: 'part-of',
    source: 'armed-group:haqqani-network',
    target: 'armed-group:taliban',
  },
];
const statements = [
  {
    id: 'st:price-1',
    relation: 'rel:haqqani-part-of-taliban',
    speaker: 'person:ned-price',
    stance: 'disputes',
    date: '2021-08-27',
    source: 'src:article',
  },
];
const sources = [{ id: 'src:article', title: 'Article', publisher: 'Washington Examiner' }];

let root: string;
let dataset: string;

/** Writes data files the way curators keep them: sorted by id. */
type Row = { id?: string; from?: string; [field: string]: unknown };
function writeData(data: Record<string, Row[]>) {
  for (const [kind, records] of Object.entries(data)) {
    const key = (r: Row) => r.id ?? r.from ?? '';
    const sorted = [...records].sort((a, b) => (key(a) < key(b) ? -1 : 1));
    writeFileSync(join(dataset, 'data', `${kind}.json`), `${JSON.stringify(sorted, null, 2)}\n`);
  }
}

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'claimgraph-diff-'));
  dataset = join(root, 'datasets', 'fixture');
  mkdirSync(join(dataset, 'data'), { recursive: true });
  writeFileSync(
    join(dataset, 'package.json'),
    JSON.stringify({ name: NAME, version: '1.0.0', description: 'Fixture', license: 'CC-BY-4.0' }),
  );
  writeData({ entities, relations, statements, sources });
  // The published 1.0.0, kept beside the source as the release tools keep it.
  expect(
    (await buildRelease(dataset, { outDir: join(dataset, 'releases', '1.0.0'), releaseFiles: false })).outDir,
  ).toBeDefined();
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** The bundled dataset's version, as its package.json says: the tests follow its releases. */
const bundledVersion = (repo: string): string =>
  (JSON.parse(readFileSync(join(repo, 'datasets', 'afghanistan-2021', 'package.json'), 'utf8')) as { version: string })
    .version;
const major = (version: string): string => version.split('.')[0]!;

describe('claimgraph diff', () => {
  it('says in words which appearances were added and removed, and why the bump', async () => {
    const reprint = { id: 'src:reprint', title: 'Reprint', publisher: 'Yahoo News', published: '2021-09' };
    writeData({
      sources: [...sources, reprint],
      statements: [{ ...statements[0]!, appearances: [{ source: 'src:reprint', note: 'A reprint.' }] }],
    });
    const added = await claimgraph(['diff', join(dataset, 'releases', '1.0.0'), dataset], root);
    expect(added.status).toBe(0);
    expect(added.stdout).toContain('suggested version bump: minor');
    expect(added.stdout).toContain('  ~ st:price-1\n      appearance in src:reprint added\n');
    const json = await claimgraph(['diff', join(dataset, 'releases', '1.0.0'), dataset, '--json'], root);
    expect(JSON.parse(json.stdout).statements.changed[0].appearances).toEqual([
      { source: 'src:reprint', own: false, change: 'added', bump: 'minor' },
    ]);
    // The other way round: a citation readers may rely on is gone.
    const copy = join(root, 'with-reprint');
    expect((await buildRelease(dataset, { outDir: copy, releaseFiles: false })).outDir).toBeDefined();
    writeData({ sources: [...sources, reprint], statements });
    const removed = await claimgraph(['diff', copy, dataset], root);
    expect(removed.stdout).toContain('suggested version bump: major');
    expect(removed.stdout).toContain(
      'Why major:\n  statement st:price-1: appearance in src:reprint removed; it no longer cites that source',
    );
  });

  it('prints no changes for a reformatted copy (whitespace and order only)', async () => {
    const copy = join(root, 'copy');
    mkdirSync(join(copy, 'data'), { recursive: true });
    writeFileSync(join(copy, 'package.json'), readFileSync(join(dataset, 'package.json')));
    for (const [kind, records] of Object.entries({ entities, relations, statements, sources })) {
      writeFileSync(join(copy, 'data', `${kind}.json`), JSON.stringify(records));
    }
    const { status, stdout } = await claimgraph(['diff', join(dataset, 'releases', '1.0.0'), copy], root);
    expect(status).toBe(0);
    expect(stdout).toContain('suggested version bump: none');
    expect(stdout).toContain('No changes.');
  });

  it('compares a release with the current source folder and lists the changes', async () => {
    writeData({ entities: [...entities, { id: 'person:john-kirby', type: 'person', name: 'John Kirby' }] });
    const { status, stdout } = await claimgraph(['diff', join(dataset, 'releases', '1.0.0'), dataset], root);
    expect(status).toBe(0);
    expect(stdout).toContain('suggested version bump: minor');
    expect(stdout).toContain('+ person:john-kirby  John Kirby (person)');
  });

  it('exits 1 with a message when a side is not a valid dataset', async () => {
    writeData({ statements: [{ ...statements[0]!, date: '2021-02-30' }] });
    const { status, stderr } = await claimgraph(['diff', join(dataset, 'releases', '1.0.0'), dataset], root);
    expect(status).toBe(1);
    expect(stderr).toContain('data/statements.json: st:price-1 /date: "2021-02-30" is not a calendar date');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for an argument that is neither a path nor an installed package', async () => {
    const { status, stderr } = await claimgraph(['diff', 'no-such-dataset-package', dataset], root);
    expect(status).toBe(2);
    expect(stderr).toContain('no installed package "no-such-dataset-package"');
  });

  it('reads an installed dataset package given by name and version range', async () => {
    const repo = join(__dirname, '..', '..', '..');
    const { status, stdout } = await claimgraph(
      [
        'diff',
        `@claimgraph/dataset-afghanistan-2021@^${major(bundledVersion(repo))}`,
        join(repo, 'datasets', 'afghanistan-2021', 'releases', '1.0.0'),
      ],
      repo,
    );
    expect(status).toBe(0);
    expect(stdout).toContain(
      `Changes from @claimgraph/dataset-afghanistan-2021@^${major(bundledVersion(repo))} (${bundledVersion(repo)}) to `,
    );
  });

  it('exits 2 when the installed package does not satisfy the range', async () => {
    const repo = join(__dirname, '..', '..', '..');
    const { status, stderr } = await claimgraph(
      ['diff', '@claimgraph/dataset-afghanistan-2021@^99', join(repo, 'datasets', 'afghanistan-2021')],
      repo,
    );
    expect(status).toBe(2);
    expect(stderr).toContain(
      `the installed @claimgraph/dataset-afghanistan-2021 is ${bundledVersion(repo)}, which does not satisfy ^99`,
    );
  });
});
