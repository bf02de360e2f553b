import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRelease } from '@claimgraph/release';
import { ClaimGraph } from '@claimgraph/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimgraph, FIXTURE, writeFixture } from './export-fixture.js';

let root: string;
let source: string;
let release: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'claimgraph-sql-'));
  source = writeFixture(join(root, 'fixture'));
  release = join(root, 'release');
  const built = await buildRelease(source, { outDir: release });
  expect(built.result.errors).toEqual([]);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const json = (args: string[]) => {
  const { status, stdout, stderr } = claimgraph([...args, '--json']);
  expect(stderr).toBe('');
  expect(status).toBe(0);
  return JSON.parse(stdout) as Record<string, unknown>[];
};

/** A module hook that makes @duckdb/node-api look uninstalled, as on a machine without the optional dependency. */
const WITHOUT_DUCKDB = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module';
register('data:text/javascript,' + encodeURIComponent(${JSON.stringify(
    `export async function resolve(specifier, context, next) {
  if (specifier === '@duckdb/node-api') throw Object.assign(new Error("Cannot find package '@duckdb/node-api' imported from claimgraph"), { code: 'ERR_MODULE_NOT_FOUND' });
  return next(specifier, context);
}`,
  )}));`,
)}`;

describe('claimgraph sql', () => {
  it('answers a contested-relations query exactly as cg.contested() does', async () => {
    const cg = await ClaimGraph.load(release);
    const expected = cg.contested().map((r) => r.id);
    expect(expected).toEqual(['rel:haqqani-part-of-taliban']);
    expect(
      json(['sql', "SELECT id FROM relations WHERE status = 'contested' ORDER BY id", '--dataset', release]).map(
        (r) => r.id,
      ),
    ).toEqual(expected);
    // The same answer from the statements alone, without the derived status column.
    const fromStatements = `SELECT relation AS id FROM statements GROUP BY relation
      HAVING count(*) FILTER (WHERE stance = 'supports') > 0 AND count(*) FILTER (WHERE stance = 'disputes') > 0 ORDER BY id`;
    expect(json(['sql', fromStatements, '--dataset', release]).map((r) => r.id)).toEqual(expected);
  });

  it('has views named entities, relations, statements, appearances and sources with the release values, typed', () => {
    const counts = json([
      'sql',
      'SELECT (SELECT count(*) FROM entities) AS e, (SELECT count(*) FROM relations) AS r, (SELECT count(*) FROM statements) AS s, (SELECT count(*) FROM appearances WHERE own) AS a, (SELECT count(*) FROM sources) AS src',
      '--dataset',
      release,
    ]);
    expect(counts).toEqual([{ e: 4, r: 3, s: 4, a: 4, src: 1 }]);
    const entities = json([
      'sql',
      'SELECT id, name, aliases, description FROM entities ORDER BY id',
      '--dataset',
      release,
    ]);
    expect(entities.map((e) => [e.id, e.name, e.aliases, e.description])).toEqual(
      FIXTURE.entities.map((e) => [
        e.id,
        e.name,
        e.aliases ?? null,
        (e as { description?: string }).description ?? null,
      ]),
    );
    const dated = json([
      'sql',
      "SELECT date, date_start, date_end, date_precision FROM statements WHERE id = 'st:siraj-2'",
      '--dataset',
      release,
    ]);
    expect(dated).toEqual([
      { date: '2021-08', date_start: '2021-08-01', date_end: '2021-08-31', date_precision: 'month' },
    ]);
    const role = json([
      'sql',
      "SELECT attributes->>'role' AS role FROM relations WHERE id = 'rel:sirajuddin-leads-haqqani'",
      '--dataset',
      release,
    ]);
    expect(role).toEqual([{ role: 'leader, "emir"' }]);
  });

  it('prints a table with a row count', () => {
    const { status, stdout } = claimgraph([
      'sql',
      'SELECT id, supports, disputes FROM relations ORDER BY id',
      '--dataset',
      release,
    ]);
    expect(status).toBe(0);
    expect(stdout.split('\n')).toEqual([
      'id                               supports  disputes',
      '───────────────────────────────  ────────  ────────',
      'rel:haqqani-allied-with-taliban  1         0',
      'rel:haqqani-part-of-taliban      1         1',
      'rel:sirajuddin-leads-haqqani     1         0',
      '(3 rows)',
      '',
    ]);
  });

  it('reports a SQL error as a message and exit 1, without a stack trace', () => {
    const { status, stdout, stderr } = claimgraph(['sql', 'SELECT nope FROM relations', '--dataset', release]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^claimgraph: sql: Binder Error: Referenced column "nope" not found/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('queries a source folder too, through Parquet files written on the fly', () => {
    expect(existsSync(join(source, 'parquet'))).toBe(false);
    expect(
      json(['sql', "SELECT count(*) AS n FROM statements WHERE stance = 'supports'", '--dataset', source]),
    ).toEqual([{ n: 3 }]);
  });

  it('reads the bundled dataset when no --dataset is given', () => {
    const [row] = json(['sql', 'SELECT count(*) AS n FROM entities']);
    expect(row!.n).toBeGreaterThan(0);
  });

  it('tells the user to install DuckDB when it is missing, and exits 2', () => {
    const { status, stdout, stderr } = claimgraph(['sql', 'SELECT 1', '--dataset', release], {
      nodeArgs: ['--import', WITHOUT_DUCKDB],
    });
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'claimgraph: sql needs DuckDB, an optional dependency of @claimgraph/cli (about 70 MB) that is not installed; install it next to the CLI with: npm install @duckdb/node-api\n',
    );
    expect(status).toBe(2);
  });
});
