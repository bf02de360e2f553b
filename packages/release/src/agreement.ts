/**
 * Whether a release's files say the same thing: the records of `dataset.json` compared, field by
 * field, with those of `dataset.columns.bin`, `dataset.ndjson` and every Parquet file the descriptor lists.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  COLUMNS_FILE,
  columnsToDataset,
  printable,
  pushAll,
  readColumns,
  type Dataset,
  type ValidationIssue,
} from '@claimgraph/schema';
import { parseJsonBytes } from '@claimgraph/schema/node';
import { releaseFiles, type ReleaseFile } from '@claimgraph/sdk/export';
import { parquetTableOf, RELEASE_TABLES as TABLES, resourcePaths, type ListedResource } from './datapackage.js';

/** Disagreements reported per file; the rest are counted in one last line. */
const FIRST = 10;

/** The record lists of dataset.json and the columnar file. */
const RECORD_LISTS = ['entities', 'relations', 'statements', 'sources', 'redirects'] as const;

/** A table of the interchange files: NDJSON lines by `kind`, Parquet files by table. */
type Table = (typeof TABLES)[number];
const NDJSON_TABLE: Record<string, Table> = {
  entity: 'entities',
  relation: 'relations',
  statement: 'statements',
  appearance: 'appearances',
  source: 'sources',
  redirect: 'redirects',
};

/** A row of any file, with the file it came from. */
interface Row {
  file: string;
  value: Record<string, unknown>;
}

const isParquet = (resource: ListedResource, path: string) =>
  resource.format === 'parquet' || path.endsWith('.parquet');
const isNdjson = (resource: ListedResource, path: string) => resource.format === 'ndjson' || path.endsWith('.ndjson');

/** Where the disagreements of one file are collected, the first few in full. */
class Findings {
  readonly issues: ValidationIssue[] = [];
  readonly #counts = new Map<string, number>();

  add(file: string, id: string | null, path: string, message: string): void {
    const count = (this.#counts.get(file) ?? 0) + 1;
    this.#counts.set(file, count);
    if (count <= FIRST) this.issues.push({ file, id, path, message });
  }

  /** The issues, each file's count of further disagreements after its first ones. */
  done(): ValidationIssue[] {
    for (const [file, count] of this.#counts)
      if (count > FIRST)
        this.issues.push({
          file,
          id: null,
          path: '',
          message: `and ${count - FIRST} more disagreements with dataset.json`,
        });
    return this.issues;
  }
}

/** A value in one canonical text: object keys sorted, dates as days, so that equal values compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (typeof v === 'bigint') return v.toString();
    if (v instanceof Date) return `date:${v.toISOString().slice(0, 10)}`;
    if (typeof v === 'object' && v !== null && !Array.isArray(v))
      return Object.fromEntries(
        Object.keys(v)
          .sort()
          .map((k) => [k, (v as Record<string, unknown>)[k]]),
      );
    return v;
  });
}

/** Whether two values read the same: null and absent alike, object keys in any order, dates by day. */
function same(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || a === undefined) return b === null || b === undefined;
  if (typeof a !== 'object' || typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!same(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (a instanceof Date || b instanceof Date || Array.isArray(b)) return canonical(a) === canonical(b);
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k in x) if (Object.hasOwn(x, k) && !same(x[k], y[k])) return false;
  for (const k in y) if (Object.hasOwn(y, k) && !Object.hasOwn(x, k) && !same(undefined, y[k])) return false;
  return true;
}

/** A value for a message, as it reads in JSON and cut short. */
function shown(value: unknown): string {
  if (value === undefined || value === null) return 'absent';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = canonical(value);
  return printable(text.length > 60 ? `${text.slice(0, 59)}…` : text);
}

/** The key of a row: its id (`from` for redirects; statement, source and own for appearances). */
function keyOf(table: Table, row: Record<string, unknown>): string {
  if (table === 'appearances') return `${String(row.statement)} ${String(row.source)} ${String(row.own)}`;
  return String(table === 'redirects' ? row.from : row.id);
}

/**
 * Compares the rows one file (or one table's files) holds with the rows dataset.json gives, by key
 * and then field by field; only the fields `fields` keeps, when given (a Parquet file of an older
 * layout has other derived columns).
 */
function compareRows(
  findings: Findings,
  table: Table,
  actual: Row[],
  expected: Record<string, unknown>[],
  fallbackFile: string,
  fields?: (name: string) => boolean,
): void {
  const byKey = new Map<string, Row[]>();
  for (const row of actual) {
    const key = keyOf(table, row.value);
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  for (const want of expected) {
    const key = keyOf(table, want);
    const list = byKey.get(key);
    const got = list?.shift();
    if (list?.length === 0) byKey.delete(key);
    if (!got) {
      findings.add(fallbackFile, key, '', `${table} table: has no such record, and dataset.json has it`);
      continue;
    }
    const compare = (name: string) => {
      if (fields && !fields(name)) return;
      const a = got.value[name];
      const b = want[name];
      if (!same(a, b))
        findings.add(got.file, key, `/${name}`, `${table} table: is ${shown(a)}, and dataset.json says ${shown(b)}`);
    };
    for (const name in want) if (Object.hasOwn(want, name)) compare(name);
    for (const name in got.value) if (Object.hasOwn(got.value, name) && !Object.hasOwn(want, name)) compare(name);
  }
  for (const [key, rows] of byKey)
    for (const row of rows) findings.add(row.file, key, '', `${table} table: has a record dataset.json does not have`);
}

/** The columnar file's records against dataset.json's, list by list. */
function compareColumns(findings: Findings, bytes: Uint8Array, dataset: Dataset): void {
  let decoded: Dataset;
  try {
    decoded = columnsToDataset(readColumns(bytes, COLUMNS_FILE));
  } catch (error) {
    findings.add(COLUMNS_FILE, null, '', stripPrefix((error as Error).message, COLUMNS_FILE));
    return;
  }
  for (const list of RECORD_LISTS) {
    const rows = ((decoded as unknown as Record<string, unknown[]>)[list] ?? []) as Record<string, unknown>[];
    const want = ((dataset as unknown as Record<string, unknown[]>)[list] ?? []) as Record<string, unknown>[];
    compareRows(
      findings,
      list,
      rows.map((value) => ({ file: COLUMNS_FILE, value })),
      want,
      COLUMNS_FILE,
    );
  }
}

/** `@claimgraph/schema: FILE: detail` → `detail`, for an issue that already names the file. */
function stripPrefix(message: string, file: string): string {
  const plain = message.replace(/^@claimgraph\/[a-z]+: /, '');
  return plain.startsWith(`${file}: `) ? plain.slice(file.length + 2) : plain;
}

/** NDJSON text as rows by table; a line that is not a JSON object of a known kind is a finding. */
function ndjsonRows(findings: Findings | null, file: string, text: string): Map<Table, Row[]> {
  const out = new Map<Table, Row[]>(TABLES.map((t) => [t, []]));
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line === '' && i === lines.length - 1) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      findings?.add(file, null, '', `line ${i + 1}: is not JSON`);
      return;
    }
    const table =
      typeof value === 'object' && value !== null
        ? NDJSON_TABLE[String((value as { kind?: unknown }).kind)]
        : undefined;
    if (!table) {
      findings?.add(file, null, '', `line ${i + 1}: is not a record of a known kind`);
      return;
    }
    const { kind: _, ...record } = value as Record<string, unknown>;
    out.get(table)!.push({ file, value: record });
  });
  return out;
}

/** Every row of a Parquet file, with the values of its hive partition folders (`year=2021`) when the file leaves them out. */
async function parquetRows(file: string, bytes: Uint8Array): Promise<Row[]> {
  const { parquetReadObjects } = await import('hyparquet');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const objects = (await parquetReadObjects({ file: buffer })) as Record<string, unknown>[];
  const partitions = file
    .split('/')
    .map((segment) => /^([^=]+)=(.*)$/.exec(segment))
    .filter((m): m is RegExpExecArray => m !== null);
  return objects.map((value) => {
    for (const [, key, v] of partitions) if (!(key! in value)) value[key!] = decodeURIComponent(v!);
    return { file, value };
  });
}

const contentBytes = async (content: ReleaseFile['content']): Promise<Uint8Array> => {
  if (content instanceof Uint8Array) return content;
  let text = '';
  for (const chunk of content) text += chunk;
  return new TextEncoder().encode(text);
};

/**
 * The disagreements between dataset.json and the release's other record files, as issues naming
 * the file, the record id and the field. `resources` is the descriptor's list, already checked
 * against the files' sha256: this asks whether the files, each intact, hold the same records.
 */
export async function releaseDisagreements(dir: string, resources: readonly unknown[]): Promise<ValidationIssue[]> {
  const listed = resources.flatMap((r) => {
    const resource = (typeof r === 'object' && r !== null ? r : {}) as ListedResource;
    return resourcePaths(resource).map((path) => ({ resource, path }));
  });
  if (!listed.some((l) => l.path === 'dataset.json')) return [];
  const findings = new Findings();
  const parsed = parseJsonBytes(await readFile(join(dir, 'dataset.json')), 'dataset.json');
  if (!parsed.ok) return [parsed.issue];
  const dataset = parsed.value as Dataset;
  if (typeof dataset !== 'object' || dataset === null || Array.isArray(dataset))
    return [
      {
        file: 'dataset.json',
        id: null,
        path: '',
        message: 'is not a dataset object, so nothing can be compared with it',
      },
    ];

  if (listed.some((l) => l.path === COLUMNS_FILE))
    compareColumns(findings, new Uint8Array(await readFile(join(dir, COLUMNS_FILE))), dataset);

  const ndjson = listed.filter((l) => isNdjson(l.resource, l.path));
  const parquet = listed
    .filter((l) => isParquet(l.resource, l.path))
    .map((l) => ({ ...l, table: parquetTableOf(l.resource, l.path) }));
  if (ndjson.length === 0 && parquet.length === 0) return findings.done();

  // What the SDK's writers make of dataset.json: the rows each interchange file should hold.
  let expected: ReleaseFile[];
  try {
    expected = await releaseFiles(dataset, { parquet: parquet.length > 0 });
  } catch (error) {
    findings.add(
      'dataset.json',
      null,
      '',
      `cannot be written as NDJSON and Parquet to compare (${stripPrefix((error as Error).message, 'dataset.json')})`,
    );
    return findings.done();
  }

  if (ndjson.length > 0) {
    const want = new Map<Table, Row[]>(TABLES.map((t) => [t, []]));
    for (const part of expected.filter((p) => isNdjson(p, p.path))) {
      const text = new TextDecoder().decode(await contentBytes(part.content));
      for (const [table, rows] of ndjsonRows(null, part.path, text)) pushAll(want.get(table)!, rows);
    }
    for (const { path } of ndjson) {
      const text = new TextDecoder().decode(await readFile(join(dir, path)));
      const got = ndjsonRows(findings, path, text);
      // A release of the first layout has no appearance lines: its statement lines carry their appearances.
      const firstLayout = got.get('appearances')!.length === 0;
      for (const table of TABLES) {
        if (firstLayout && table === 'appearances') continue;
        const rows =
          firstLayout && table === 'statements'
            ? (((dataset as unknown as Record<string, unknown>).statements ?? []) as Record<string, unknown>[])
            : want.get(table)!.map((r) => r.value);
        compareRows(findings, table, got.get(table)!, rows, path);
      }
    }
  }

  if (parquet.length > 0) {
    for (const { path, table } of parquet)
      if (table === undefined)
        findings.add(
          'datapackage.json',
          null,
          '',
          `lists the Parquet file ${path}, and no table can be told from its name or path`,
        );
      else if (!(TABLES as readonly string[]).includes(table))
        findings.add(
          'datapackage.json',
          null,
          '',
          `lists the Parquet file ${path} as a file of the table "${table}", which this version of @claimgraph/release does not know`,
        );
    const wantParts = expected.filter((p) => p.format === 'parquet');
    for (const table of TABLES) {
      const files = parquet
        .filter((p) => p.table === table)
        .map((p) => p.path)
        .sort();
      const wantFiles = wantParts.filter((p) => parquetTableOf(p, p.path) === table);
      if (files.length === 0) {
        // The first layout had no appearances table; every other table a dataset has, it had.
        if (wantFiles.length > 0 && table !== 'appearances')
          findings.add(
            'datapackage.json',
            null,
            '',
            `lists no Parquet file for the ${table} table, and dataset.json has one`,
          );
        continue;
      }
      // Columns only one side has (a release of an older layout) are not compared. hyparquet gives
      // every row of a file every column of the file, so each file's first row names them.
      const gotColumns = new Set<string>();
      const wantColumns = new Set<string>();
      const got: Row[] = [];
      for (const file of files) {
        const rows = await parquetRows(file, new Uint8Array(await readFile(join(dir, file))));
        for (const name of Object.keys(rows[0]?.value ?? {})) gotColumns.add(name);
        pushAll(got, rows);
      }
      const want: Record<string, unknown>[] = [];
      for (const part of wantFiles) {
        const rows = await parquetRows(part.path, await contentBytes(part.content));
        for (const name of Object.keys(rows[0]?.value ?? {})) wantColumns.add(name);
        for (const row of rows) want.push(row.value);
      }
      compareRows(findings, table, got, want, files[0]!, (name) => gotColumns.has(name) && wantColumns.has(name));
    }
  }
  return findings.done();
}
