import { buildRelease } from '@claimgraph/schema/node';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { run } from '../src/cli.js';

const NAME = '@claimgraph/dataset-fixture';

/** `claimgraph-release ...args` in `cwd`, in-process. */
async function release(args: string[], cwd: string) {
  let stdout = '';
  let stderr = '';
  const status = await run(args, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), cwd });
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
function setVersion(version: string) {
  writeFileSync(
    join(dataset, 'package.json'),
    JSON.stringify({ name: NAME, version, description: 'Fixture', license: 'CC-BY-4.0' }),
  );
}
function changeset(bump: string) {
  writeFileSync(join(root, '.changeset', 'pending.md'), `---\n"${NAME}": ${bump}\n---\n\nA change.\n`);
}

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'claimgraph-release-'));
  dataset = join(root, 'datasets', 'fixture');
  mkdirSync(join(dataset, 'data'), { recursive: true });
  mkdirSync(join(root, '.changeset'));
  writeFileSync(join(root, '.changeset', 'config.json'), '{}');
  setVersion('1.0.0');
  writeData({ entities, relations, statements, sources });
  // Publish 1.0.0: build it and record it as the baseline.
  await buildRelease(dataset);
  expect((await release(['record'], root)).stdout).toBe('recorded datasets/fixture/releases/1.0.0\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('claimgraph-release check', () => {
  it('passes when nothing changed since the last release', async () => {
    const { status, stdout } = await release(['check'], root);
    expect(status).toBe(0);
    expect(stdout).toContain(`✔ ${NAME}: changes since 1.0.0 need none; the release gives none`);
  });

  it('fails a pending patch changeset over a removed id, naming the record', async () => {
    writeData({
      entities: entities
        .filter((e) => e.id !== 'person:ned-price')
        .concat({ id: 'person:edward-price', type: 'person', name: 'Ned Price' }),
      statements: statements.map((s) => ({ ...s, speaker: 'person:edward-price' })),
    });
    changeset('patch');
    const { status, stderr } = await release(['check'], root);
    expect(status).toBe(1);
    expect(stderr).toContain(
      `✖ ${NAME}: the changes since 1.0.0 need a major release, but the pending changesets give patch.`,
    );
    expect(stderr).toContain('entity person:ned-price removed without a redirect');
    expect(stderr).toContain('data/redirects.json');
  });

  it('passes the same rename once a redirect keeps the old id working and the bump is minor', async () => {
    writeData({
      entities: entities
        .filter((e) => e.id !== 'person:ned-price')
        .concat({ id: 'person:edward-price', type: 'person', name: 'Ned Price' }),
      statements: statements.map((s) => ({ ...s, speaker: 'person:edward-price' })),
      redirects: [
        {
          from: 'person:ned-price',
          to: 'person:edward-price',
          reason: 'Renamed to the full name.',
          date: '2021-09-01',
        },
      ],
    });
    changeset('minor');
    const result = await release(['check'], root);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('fails added records under a patch changeset and passes them under minor', async () => {
    writeData({ entities: [...entities, { id: 'person:john-kirby', type: 'person', name: 'John Kirby' }] });
    // An entity with no relation is allowed; what matters here is the addition.
    changeset('patch');
    const failed = await release(['check'], root);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toContain('entity person:john-kirby added');
    changeset('minor');
    expect((await release(['check'], root)).status).toBe(0);
  });

  it('counts a version already applied by changeset version', async () => {
    writeData({
      entities: entities.filter((e) => e.id !== 'person:ned-price'),
      statements: [{ ...statements[0]!, speaker: 'armed-group:taliban' }],
    });
    setVersion('2.0.0');
    const { status, stdout } = await release(['check'], root);
    expect(status).toBe(0);
    expect(stdout).toContain('need major; the release gives major');
  });

  it('prints machine-readable results with --json', async () => {
    writeData({ sources: [{ ...sources[0]!, title: 'Corrected' }] });
    const { status, stdout } = await release(['check', '--json'], root);
    expect(status).toBe(1);
    const parsed = JSON.parse(stdout) as {
      ok: boolean;
      datasets: { required: string; given: string; reasons: { message: string }[] }[];
    };
    expect(parsed.ok).toBe(false);
    expect(parsed.datasets[0]).toMatchObject({ required: 'patch', given: 'none' });
    expect(parsed.datasets[0]!.reasons[0]!.message).toBe('source src:article: field /title corrected');
  });
});
