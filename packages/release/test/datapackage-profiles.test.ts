/**
 * datapackage.json read as a Frictionless reader reads it: every `schema` and `dialect` given as a
 * path is resolved to the file's content, and the resolved descriptor is checked with ajv against
 * the official Data Package profiles, v1 and v2 (vendored in test/fixtures/frictionless, see its
 * README: nothing is fetched at test time).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type ValidateFunction } from 'ajv';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parquetColumns, parquetTableSchema, tableFields, type TableKind } from '@claimgraph/sdk/export';
import {
  buildRelease,
  JSON_SCHEMA,
  PARTITION,
  parquetTableFiles,
  resourceJsonSchema,
  TABLE,
  verifyRelease,
} from '../src/index.js';
import { baseDataset } from '../../schema/test/fixture.js';

const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..', '..');
const profile = (name: string) =>
  JSON.parse(readFileSync(join(here, 'fixtures', 'frictionless', name), 'utf8')) as Record<string, unknown>;

/** One ajv per profile, as ajv-cli runs it: all errors, formats not asserted (the profiles name some ajv has no checker for). */
function validator(name: string): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
  return ajv.compile(profile(name));
}

const PROFILES = { 'v1 data-package': 'datapackage-1.0.json', 'v2 datapackage': 'datapackage-2.0.json' };

type Resource = Record<string, unknown> & { path: string };

/** The descriptor with each path-valued `schema` and `dialect` replaced by the JSON it names, as readers resolve it. */
function resolved(dir: string): { resources: Resource[] } & Record<string, unknown> {
  const descriptor = JSON.parse(readFileSync(join(dir, 'datapackage.json'), 'utf8')) as { resources: Resource[] };
  for (const resource of descriptor.resources) {
    for (const key of ['schema', 'dialect']) {
      const value = resource[key];
      if (typeof value === 'string') resource[key] = JSON.parse(readFileSync(join(dir, value), 'utf8')) as unknown;
    }
  }
  return descriptor;
}

const messages = (validate: ValidateFunction) =>
  (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);

let root: string;
let release: string;
beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'claimgraph-datapackage-'));
  const source = join(root, 'ds');
  mkdirSync(join(source, 'data'), { recursive: true });
  writeFileSync(
    join(source, 'package.json'),
    JSON.stringify({
      name: '@claimgraph/dataset-test',
      version: '1.0.0',
      description: 'A test dataset.',
      license: 'CC-BY-4.0',
    }),
  );
  for (const [kind, records] of Object.entries(baseDataset()))
    writeFileSync(join(source, 'data', `${kind}.json`), JSON.stringify(records));
  const built = await buildRelease(source);
  expect(built.result.errors).toEqual([]);
  release = built.outDir!;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('datapackage.json against the official Frictionless profiles', () => {
  for (const [label, file] of Object.entries(PROFILES)) {
    it(`a new release's resolved descriptor is valid under the ${label} profile`, () => {
      const validate = validator(file);
      expect(validate(resolved(release)), messages(validate).join('\n')).toBe(true);
    });

    it(`a kept release written before the fix is rejected by the ${label} profile (the fault this guards)`, () => {
      const validate = validator(file);
      const old = join(repo, 'datasets', 'afghanistan-2021', 'releases', '3.0.0');
      expect(validate(resolved(old))).toBe(false);
      expect(messages(validate)).toContain("/resources/0/schema must have required property 'fields'");
    });
  }

  it('names the JSON Schemas of dataset.json and dataset.columns.bin in claimgraph:jsonSchema, not schema', () => {
    const { resources } = resolved(release);
    const byPath = new Map(resources.map((r) => [r.path, r]));
    expect(byPath.get('dataset.json')).toMatchObject({ [JSON_SCHEMA]: 'schema/dataset.schema.json' });
    expect(byPath.get('dataset.columns.bin')).toMatchObject({ [JSON_SCHEMA]: 'schema/columns.schema.json' });
    for (const r of resources) if (r.type !== 'table') expect(r, r.path).not.toHaveProperty('schema');
  });

  it('parquetTableFiles() tells each Parquet file’s table in every layout a release has had', () => {
    const parquet = (path: unknown, more: Record<string, unknown> = {}) => ({ path, format: 'parquet', ...more });
    expect(
      parquetTableFiles([
        // Named by claimgraph:table, whatever the path: a table newer than this code is still one table.
        parquet('parquet/statements/year=2021/part-0.parquet', { [TABLE]: 'statements' }),
        parquet('parquet/judgements/part-0.parquet', { [TABLE]: 'judgements' }),
        // No claimgraph:table: the resource name, then the path's folders (hive partitions included).
        parquet('data/part-0.parquet', { name: 'parquet-relations' }),
        parquet('parquet/statements/year=2022/part-0.parquet', { name: 'parquet-statements-year-2022' }),
        parquet('parquet/entities/part-0.parquet'),
        // A release built before tables had folders: one file per table.
        parquet('parquet/sources.parquet'),
        // Frictionless allows several paths to one resource.
        parquet(['parquet/redirects/part-0.parquet', 'parquet/redirects/part-1.parquet']),
        // Not a table: an unknown name and path, another format, no path.
        parquet('parquet/notes.parquet', { name: 'notes' }),
        { path: 'parquet/entities.csv', format: 'csv', name: 'parquet-entities' },
        parquet(undefined, { [TABLE]: 'entities' }),
        null,
      ]),
    ).toEqual(
      new Map([
        ['statements', ['parquet/statements/year=2021/part-0.parquet', 'parquet/statements/year=2022/part-0.parquet']],
        ['judgements', ['parquet/judgements/part-0.parquet']],
        ['relations', ['data/part-0.parquet']],
        ['entities', ['parquet/entities/part-0.parquet']],
        ['sources', ['parquet/sources.parquet']],
        ['redirects', ['parquet/redirects/part-0.parquet', 'parquet/redirects/part-1.parquet']],
      ]),
    );
  });

  it('gives every Parquet file its table, partition and Table Schema, keys to the other tables, and type "table"', () => {
    const { resources } = resolved(release);
    const tables = resources.filter((r) => r.format === 'parquet');
    expect(tables.map((r) => [r.path, r.name, r[TABLE], r[PARTITION]])).toEqual([
      ['parquet/appearances/part-0.parquet', 'parquet-appearances', 'appearances', undefined],
      ['parquet/entities/part-0.parquet', 'parquet-entities', 'entities', undefined],
      ['parquet/relations/part-0.parquet', 'parquet-relations', 'relations', undefined],
      ['parquet/sources/part-0.parquet', 'parquet-sources', 'sources', undefined],
      ['parquet/statements/year=2021/part-0.parquet', 'parquet-statements-year-2021', 'statements', { year: 2021 }],
    ]);
    expect(parquetTableFiles(resources)).toEqual(
      new Map([
        ['appearances', ['parquet/appearances/part-0.parquet']],
        ['entities', ['parquet/entities/part-0.parquet']],
        ['relations', ['parquet/relations/part-0.parquet']],
        ['sources', ['parquet/sources/part-0.parquet']],
        ['statements', ['parquet/statements/year=2021/part-0.parquet']],
      ]),
    );
    const names = new Set(resources.map((r) => r.name));
    for (const table of tables) {
      const kind = table[TABLE] as TableKind;
      expect(table.type).toBe('table');
      const schema = table.schema as ReturnType<typeof parquetTableSchema>;
      expect(schema).toEqual(parquetTableSchema(kind));
      expect(schema.fields.map((f) => f.name)).toEqual(parquetColumns(kind).map((c) => c.name));
      for (const key of schema.foreignKeys ?? [])
        expect(names, `${table.path} → ${key.reference.resource}`).toContain(key.reference.resource);
    }
    // The statements are split by year, so no foreign key can name them as one resource.
    expect(tables.find((r) => r[TABLE] === 'appearances')!.schema).toMatchObject({
      foreignKeys: [{ fields: ['source'], reference: { resource: 'parquet-sources', fields: ['id'] } }],
    });
    const statements = tables.find((r) => r[TABLE] === 'statements')!.schema as ReturnType<typeof parquetTableSchema>;
    expect(statements.primaryKey).toEqual(['id']);
    expect(statements.foreignKeys).toContainEqual({
      fields: ['speaker'],
      reference: { resource: 'parquet-entities', fields: ['id'] },
    });
    expect(statements.fields.find((f) => f.name === 'date_start')).toEqual({
      name: 'date_start',
      type: 'date',
      constraints: { required: true },
    });
    // Every field the record kind has is a column, typed as the writer types it.
    expect(tableFields('statements').every((f) => statements.fields.some((c) => c.name === f.name))).toBe(true);
  });
});

/** Whether a value read back from Parquet by hyparquet is of the Frictionless type its field declares. */
const IS_TYPE: Record<string, (value: unknown) => boolean> = {
  string: (v) => typeof v === 'string',
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  date: (v) => v instanceof Date,
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  array: (v) => Array.isArray(v),
};

describe('the Table Schemas hold on the Parquet files as written', () => {
  it('every value has its field type, required fields are never null, and every key holds', async () => {
    const { resources } = resolved(release);
    const tables = resources.filter((r) => r.type === 'table');
    const rows = new Map<string, Record<string, unknown>[]>();
    for (const table of tables)
      rows.set(
        table.name as string,
        (await parquetReadObjects({ file: await asyncBufferFromFile(join(release, table.path)) })) as Record<
          string,
          unknown
        >[],
      );
    const problems: string[] = [];
    for (const table of tables) {
      const schema = table.schema as ReturnType<typeof parquetTableSchema>;
      const data = rows.get(table.name as string)!;
      expect(data.length, table.path).toBe(table.records);
      for (const [i, row] of data.entries()) {
        expect(Object.keys(row), table.path).toEqual(schema.fields.map((f) => f.name));
        for (const field of schema.fields) {
          const value = row[field.name];
          if (value === null || value === undefined) {
            if (field.constraints?.required) problems.push(`${table.path} row ${i} ${field.name}: null`);
          } else if (!IS_TYPE[field.type]!(value))
            problems.push(`${table.path} row ${i} ${field.name}: not ${field.type}`);
        }
      }
      const key = schema.primaryKey?.[0];
      if (key && new Set(data.map((row) => row[key])).size !== data.length)
        problems.push(`${table.path}: ${key} repeats`);
      for (const foreign of schema.foreignKeys ?? []) {
        const target = new Set(rows.get(foreign.reference.resource)!.map((row) => row[foreign.reference.fields[0]!]));
        for (const row of data) {
          const value = row[foreign.fields[0]!];
          if (value !== null && value !== undefined && !target.has(value))
            problems.push(`${table.path} ${foreign.fields[0]}: ${String(value)} not in ${foreign.reference.resource}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('readers take the JSON Schema from either place', () => {
  it('resourceJsonSchema reads claimgraph:jsonSchema and the schema of an older release, never a Table Schema', () => {
    expect(resourceJsonSchema({ [JSON_SCHEMA]: 'schema/dataset.schema.json' })).toBe('schema/dataset.schema.json');
    expect(resourceJsonSchema({ schema: 'schema/dataset.schema.json' })).toBe('schema/dataset.schema.json');
    expect(resourceJsonSchema({ schema: { fields: [] } })).toBeUndefined();
    expect(resourceJsonSchema({ schema: 'tableschema.json' })).toBeUndefined();
    expect(resourceJsonSchema(null)).toBeUndefined();
    const old = JSON.parse(
      readFileSync(join(repo, 'datasets', 'afghanistan-2021', 'releases', '1.0.0', 'datapackage.json'), 'utf8'),
    ) as { resources: Resource[] };
    expect(resourceJsonSchema(old.resources.find((r) => r.path === 'dataset.json'))).toBe('schema/dataset.schema.json');
  });

  it('verify accepts the kept releases, written with the old place', async () => {
    for (const version of ['1.0.0', '3.0.0']) {
      const result = await verifyRelease(join(repo, 'datasets', 'afghanistan-2021', 'releases', version));
      expect(result.errors, version).toEqual([]);
    }
  });

  it('verify reports a JSON Schema the release does not list, in either place', async () => {
    const copy = join(root, 'dangling');
    mkdirSync(copy);
    for (const file of ['dataset.json', 'datapackage.json'])
      writeFileSync(join(copy, file), readFileSync(join(release, file)));
    const descriptor = JSON.parse(readFileSync(join(copy, 'datapackage.json'), 'utf8')) as { resources: Resource[] };
    descriptor.resources = descriptor.resources.filter((r) => r.path === 'dataset.json');
    writeFileSync(join(copy, 'datapackage.json'), JSON.stringify(descriptor));
    const result = await verifyRelease(copy);
    expect(result.errors).toEqual([
      {
        file: 'datapackage.json',
        id: null,
        path: '/resources/0',
        message: 'names the JSON Schema "schema/dataset.schema.json", which the release does not list',
      },
    ]);
  });
});
