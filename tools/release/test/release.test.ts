import { buildRelease, verifyRelease } from '@claimgraph/release';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mountTmpfs, unmountTmpfs } from '../../../test-support/tmpfs.mjs';

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
  // Publish 1.0.0: build it as `claimgraph build` does (JSON, schemas, Parquet, NDJSON) and record it as the baseline.
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

  it('lists every pending bump, code and data, before anything is versioned', async () => {
    writeFileSync(
      join(root, '.changeset', 'config.json'),
      JSON.stringify({ fixed: [['@claimgraph/schema', '@claimgraph/sdk']] }),
    );
    writeFileSync(join(root, '.changeset', 'code.md'), '---\n"@claimgraph/sdk": minor\n---\n\nA feature.\n');
    changeset('patch');
    const { status, stdout } = await release(['check'], root);
    expect(status).toBe(0);
    expect(stdout).toMatch(
      /^npm run version-packages would version every one of these \(the pending changesets in \.changeset\/\):\n/,
    );
    expect(stdout).toContain(
      '  @claimgraph/schema: minor (code, with its fixed group)\n' +
        '  @claimgraph/sdk: minor (code)\n' +
        `  ${NAME}: patch (data)\n` +
        '  code and data would be released together; to release data alone, see "Releasing data alone" in CONTRIBUTING.md\n',
    );
    const json = JSON.parse((await release(['check', '--json'], root)).stdout) as { pending: unknown[] };
    expect(json.pending).toEqual([
      { name: '@claimgraph/schema', bump: 'minor', kind: 'code', viaFixed: true },
      { name: '@claimgraph/sdk', bump: 'minor', kind: 'code' },
      { name: NAME, bump: 'patch', kind: 'data' },
    ]);
  });

  it('says nothing of code when only data is pending', async () => {
    changeset('patch');
    const { stdout } = await release(['check'], root);
    expect(stdout.split('\n').slice(0, 2)).toEqual([
      'npm run version-packages would version every one of these (the pending changesets in .changeset/):',
      `  ${NAME}: patch (data)`,
    ]);
    expect(stdout).not.toContain('code and data');
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

/** The paths a release's datapackage.json lists, with datapackage.json itself, sorted. */
function listed(release: string): string[] {
  const { resources } = JSON.parse(readFileSync(join(release, 'datapackage.json'), 'utf8')) as {
    resources: { path: string }[];
  };
  return ['datapackage.json', ...resources.map((r) => r.path)].sort();
}

/** Every file under a folder, as sorted relative paths. */
function filesIn(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('claimgraph-release record', () => {
  it('keeps every file the built release lists, so the kept release verifies on its own', async () => {
    const kept = join(dataset, 'releases', '1.0.0');
    expect(listed(kept)).toContain('parquet/statements/year=2021/part-0.parquet');
    expect(listed(kept)).toContain('schema/entity.schema.json');
    expect(filesIn(kept)).toEqual(listed(join(dataset, 'dist')));
    expect(await verifyRelease(kept)).toEqual({ valid: true, errors: [] });
  });

  it('leaves a version already kept alone', async () => {
    expect(await release(['record'], root)).toEqual({
      status: 0,
      stdout: 'every built release is already recorded\n',
      stderr: '',
    });
  });

  it('refuses a built release that no longer matches its datapackage.json, and keeps nothing', async () => {
    setVersion('1.1.0');
    await buildRelease(dataset);
    appendFileSync(join(dataset, 'dist', 'dataset.ndjson'), '\n');
    const { status, stderr } = await release(['record'], root);
    expect(status).toBe(1);
    expect(stderr).toContain('datasets/fixture/dist: the built release does not verify, so it is not recorded');
    expect(stderr).toContain('datasets/fixture/dist/dataset.ndjson: sha256 mismatch');
    expect(readdirSync(join(dataset, 'releases'))).toEqual(['1.0.0']);
  });
});

describe('claimgraph-release check trusts no kept release it has not verified', () => {
  const kept = () => join(dataset, 'releases', '1.0.0');

  it('refuses an edited kept release, naming the file', async () => {
    // Editing the baseline to match a removal would let it pass as a patch.
    const file = join(kept(), 'dataset.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Ned Price"', '"Ned  Price"'));
    const { status, stdout, stderr } = await release(['check'], root);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(
      `✖ ${NAME}: datasets/fixture/releases/1.0.0: the kept release differs from its datapackage.json, so it cannot be compared with`,
    );
    expect(stderr).toContain('datasets/fixture/releases/1.0.0/dataset.json: sha256 mismatch');
  });

  it('refuses a kept release with a file missing or a file it does not list', async () => {
    rmSync(join(kept(), 'schema', 'source.schema.json'));
    writeFileSync(join(kept(), 'notes.txt'), 'added later');
    const { status, stderr } = await release(['check'], root);
    expect(status).toBe(1);
    expect(stderr).toContain(
      'datasets/fixture/releases/1.0.0/schema/source.schema.json: is listed in datapackage.json but missing',
    );
    expect(stderr).toContain('datasets/fixture/releases/1.0.0/notes.txt: is not listed in datapackage.json');
  });

  it('refuses a kept release whose folder is not named after its version', async () => {
    renameSync(kept(), join(dataset, 'releases', '2.0.0'));
    const { status, stderr } = await release(['check'], root);
    expect(status).toBe(1);
    expect(stderr).toBe(
      `✖ ${NAME}: datasets/fixture/releases/2.0.0/datapackage.json: /version is "1.0.0", but the folder is named 2.0.0; a release is kept in releases/<its version>/\n`,
    );
  });

  it('refuses a folder under releases/ that is not a version', async () => {
    renameSync(kept(), join(dataset, 'releases', 'v1.0.0'));
    const { status, stderr } = await release(['check'], root);
    expect(status).toBe(1);
    expect(stderr).toContain(`✖ ${NAME}: datasets/fixture/releases/v1.0.0: is not a version;`);
  });

  it('refuses a kept release of another dataset', async () => {
    const file = join(kept(), 'datapackage.json');
    const other = join(root, 'other');
    mkdirSync(join(other, 'data'), { recursive: true });
    writeFileSync(
      join(other, 'package.json'),
      JSON.stringify({ name: '@claimgraph/dataset-other', version: '1.0.0', description: 'Other', license: 'CC0-1.0' }),
    );
    for (const kind of ['entities', 'relations', 'statements', 'sources'])
      writeFileSync(join(other, 'data', `${kind}.json`), readFileSync(join(dataset, 'data', `${kind}.json`)));
    await buildRelease(other);
    rmSync(kept(), { recursive: true });
    renameSync(join(other, 'dist'), kept());
    expect(existsSync(file)).toBe(true);
    const { status, stderr } = await release(['check'], root);
    expect(status).toBe(1);
    expect(stderr).toContain(
      'datasets/fixture/releases/1.0.0/datapackage.json: /id is "@claimgraph/dataset-other", but the dataset is @claimgraph/dataset-fixture',
    );
  });
});

describe('claimgraph-release check reads a kept release as it was published', () => {
  it('compares with a kept release that the current rules would reject (built under older rules)', async () => {
    // Re-write the kept 1.0.0 as an older build could have: a value today's validator refuses,
    // with datapackage.json hashing it, so the release verifies. Builds that old wrote no
    // columnar, NDJSON or Parquet files, which would otherwise hold the date as it was.
    const kept = join(dataset, 'releases', '1.0.0');
    const file = join(kept, 'dataset.json');
    const text = readFileSync(file, 'utf8').replace('"2021-08-27"', '"2021-02-30"');
    writeFileSync(file, text);
    const descriptor = JSON.parse(readFileSync(join(kept, 'datapackage.json'), 'utf8')) as {
      resources: { path: string; bytes: number; hash: string; sha256: string }[];
    };
    const interchange = (path: string) => /^(dataset\.columns\.bin|dataset\.ndjson|parquet\/)/.test(path);
    for (const { path } of descriptor.resources) if (interchange(path)) rmSync(join(kept, path), { force: true });
    rmSync(join(kept, 'parquet'), { recursive: true, force: true });
    descriptor.resources = descriptor.resources.filter((r) => !interchange(r.path));
    const resource = descriptor.resources.find((r) => r.path === 'dataset.json')!;
    resource.sha256 = createHash('sha256').update(text).digest('hex');
    resource.hash = `sha256:${resource.sha256}`;
    resource.bytes = Buffer.byteLength(text);
    writeFileSync(join(kept, 'datapackage.json'), `${JSON.stringify(descriptor, null, 2)}\n`);
    expect((await verifyRelease(kept)).valid).toBe(true);

    const unchanged = await release(['check'], root);
    expect(unchanged.stderr).toContain('statement st:price-1: field /date corrected');
    expect(unchanged.status).toBe(1);
    changeset('patch');
    expect(await release(['check'], root)).toMatchObject({ status: 0, stderr: '' });
  });
});

describe("this repository's kept releases", () => {
  const repo = join(__dirname, '..', '..', '..');
  const kept = readdirSync(join(repo, 'datasets'), { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(repo, 'datasets', d.name, 'releases')))
    .flatMap((d) =>
      readdirSync(join(repo, 'datasets', d.name, 'releases')).map((v) => join('datasets', d.name, 'releases', v)),
    );

  it('has kept releases to check', () => {
    expect(kept.length).toBeGreaterThanOrEqual(2);
  });

  it.each(kept)('%s is complete: every listed file present with its sha256 and size, nothing else', async (dir) => {
    const release = join(repo, dir);
    expect(await verifyRelease(release)).toEqual({ valid: true, errors: [] });
    const { resources } = JSON.parse(readFileSync(join(release, 'datapackage.json'), 'utf8')) as {
      resources: { path: string; bytes: number }[];
    };
    for (const r of resources) expect(readFileSync(join(release, r.path)).length, r.path).toBe(r.bytes);
    expect(filesIn(release)).toEqual(listed(release));
  });
});

describe('claimgraph-release readme', () => {
  const readmeFile = () => join(dataset, 'README.md');
  const README = [
    '# Fixture',
    '',
    '<!-- counts: generated; do not edit -->',
    'stale',
    '<!-- /counts -->',
    '',
    'Cite <!-- version -->version 0.0.1<!-- /version -->.',
    '',
  ].join('\n');

  it('writes the counts, type tables, stance and hedge figures and the version from the data', async () => {
    writeFileSync(readmeFile(), README);
    const { status, stdout } = await release(['readme'], root);
    expect(status).toBe(0);
    expect(stdout).toBe('updated datasets/fixture/README.md\n');
    expect(readFileSync(readmeFile(), 'utf8')).toBe(
      [
        '# Fixture',
        '',
        '<!-- counts: generated; do not edit -->',
        '3 entities, 1 relation, 1 statement and 1 source.',
        '',
        '| entity type | count |',
        '| --- | ---: |',
        '| `armed-group` | 2 |',
        '| `person` | 1 |',
        '',
        '| relation type | count |',
        '| --- | ---: |',
        '| `part-of` | 1 |',
        '',
        "Statements: 0 support and 1 dispute their relation; 0 are hedged, 0 carry a verbatim quote and 0 the source's paraphrase, 0 reach the source second-hand (`reportedBy`). Statement dates run from 27 August 2021 to 27 August 2021. 0 relations are known to have ended (`end` or `endedBy`).",
        '',
        'Sources: 1 source from 1 publisher; 0 statements are reported by more than one source (0 appearances besides the source each was read from).',
        '<!-- /counts -->',
        '',
        'Cite <!-- version -->version 1.0.0<!-- /version -->.',
        '',
      ].join('\n'),
    );
    expect(await release(['readme'], root)).toMatchObject({
      status: 0,
      stdout: '✔ datasets/fixture/README.md: counts and version match the data\n',
    });
  });

  it("counts partial statements, curators' summaries, publishers, years and appearances", async () => {
    writeData({
      sources: [
        { id: 'src:article', title: 'Article', publisher: 'Washington Examiner', published: '2021-08-28' },
        { id: 'src:reprint', title: 'Article', publisher: 'Yahoo News', published: '2021-08-29' },
        { id: 'src:wire', title: 'Wire', publisher: 'Washington Examiner', published: '2012-09' },
      ],
      statements: [
        {
          ...statements[0]!,
          quote: 'separate entities',
          appearances: [{ source: 'src:reprint' }, { source: 'src:wire' }],
        },
        {
          ...statements[0]!,
          id: 'st:price-2',
          stance: 'supports',
          partial: true,
          paraphrase: 'the groups overlap',
          paraphraseBy: 'curator',
          date: '2012',
          source: 'src:wire',
        },
      ],
    });
    writeFileSync(readmeFile(), README);
    expect((await release(['readme'], root)).status).toBe(0);
    const text = readFileSync(readmeFile(), 'utf8');
    expect(text).toContain(
      "Statements: 1 support and 1 dispute their relation; 0 are hedged, 1 grant it only in part (`partial`), 1 carry a verbatim quote and 0 the source's paraphrase, 1 a summary in the curators' words, 0 reach the source second-hand (`reportedBy`).",
    );
    expect(text).toContain(
      'Sources: 3 sources from 2 publishers, published from 2012 to 2021; 1 statement is reported by more than one source (2 appearances besides the source each was read from).',
    );
  });

  it('on a full disk, fails naming the README and leaves it byte for byte', async (context) => {
    const { closeSync, cpSync, openSync, writeSync } = await import('node:fs');
    const small = join(root, 'small');
    if (!mountTmpfs(small, 'size=8m', 'the disk-full case')) return context.skip();
    try {
      // The repository with a stale README, on a disk with no room left.
      mkdirSync(join(small, 'datasets', 'fixture'), { recursive: true });
      for (const part of ['package.json', 'data'])
        cpSync(join(dataset, part), join(small, 'datasets', 'fixture', part), { recursive: true });
      const file = join(small, 'datasets', 'fixture', 'README.md');
      writeFileSync(file, README);
      const fd = openSync(join(small, 'filler'), 'w');
      try {
        for (const block = Buffer.alloc(4096, 120); ;) writeSync(fd, block);
      } catch {
        /* ENOSPC */
      } finally {
        closeSync(fd);
      }
      const { status, stdout, stderr } = await release(['readme'], small);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toBe(
        `claimgraph-release: cannot write ${file}: no space left on the disk (ENOSPC); the old file was left as it was\n`,
      );
      expect(readFileSync(file, 'utf8')).toBe(README);
      expect(readdirSync(join(small, 'datasets', 'fixture')).sort()).toEqual(['README.md', 'data', 'package.json']);
    } finally {
      unmountTmpfs(small);
    }
  });

  it('with --check, fails a README the data no longer matches and leaves it alone', async () => {
    writeFileSync(readmeFile(), README);
    await release(['readme'], root);
    setVersion('1.1.0');
    const before = readFileSync(readmeFile(), 'utf8');
    const { status, stderr } = await release(['readme', '--check'], root);
    expect(status).toBe(1);
    expect(stderr).toBe(
      '✖ datasets/fixture/README.md: counts or version differ from the data; run "npm run readme" (claimgraph-release readme)\n',
    );
    expect(readFileSync(readmeFile(), 'utf8')).toBe(before);
  });

  it('names the file when a README has counts but no version block', async () => {
    writeFileSync(readmeFile(), '<!-- counts -->\n<!-- /counts -->\n');
    const { status, stderr } = await release(['readme'], root);
    expect(status).toBe(1);
    expect(stderr).toBe(
      'claimgraph-release: datasets/fixture/README.md: no <!-- version --> … <!-- /version --> block; add the markers where the generated text goes\n',
    );
  });
});
