import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnsToDataset,
  COLUMNS_VERSION,
  COLUMN_TABLES,
  decodeDate,
  encodeColumns,
  encodeDate,
  EntitySchemas,
  RECORD_SCHEMAS,
  readColumns,
  RedirectSchema,
  serializeDataset,
  tablePlan,
  type ColumnTable,
  type Dataset,
  type FieldPlan,
} from '../src/index.js';
import { baseDataset } from './fixture.js';

const roundTrip = (data: Dataset) => columnsToDataset(readColumns(encodeColumns(data)));

/** Every property the record schemas give a table. */
function schemaFields(table: ColumnTable): string[] {
  const schemas =
    table === 'entities'
      ? Object.values(EntitySchemas)
      : [table === 'redirects' ? RedirectSchema : RECORD_SCHEMAS[table]];
  return [...new Set(schemas.flatMap((s) => Object.keys((s as unknown as { properties: object }).properties)))];
}

const validDate = fc
  .record({ days: fc.integer({ min: -719162, max: 2932896 }), precision: fc.integer({ min: 0, max: 2 }) })
  .map(({ days, precision }) => decodeDate(days, precision));
const text = fc.oneof(
  fc.string({ minLength: 1 }),
  fc.string({ unit: 'grapheme', minLength: 1 }),
  // Lone surrogates and controls: JSON carries them, so the columns must too.
  fc.string({ unit: 'binary', minLength: 0 }),
);
const anything = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }));

/** A value of the kind a field's plan calls for, or now and then any value at all (invalid data must survive too). */
function value(plan: FieldPlan, ids: Record<string, string[]>): fc.Arbitrary<unknown> {
  const typed = (() => {
    switch (plan.kind) {
      case 'ref':
        return ids[plan.table]!.length > 0 ? fc.constantFrom(...ids[plan.table]!) : text;
      case 'enum':
        return fc.oneof(fc.constantFrom(...plan.values), text);
      case 'date':
        return fc.oneof(validDate, fc.constantFrom('2021-02-30', '2021', '0000', '99999'));
      case 'bool':
        return fc.boolean();
      case 'strings':
        return fc.array(text, { maxLength: 4 });
      case 'json':
        return fc.dictionary(fc.string({ minLength: 1 }), fc.oneof(text, fc.integer(), fc.boolean()), { maxKeys: 3 });
      default:
        return text;
    }
  })();
  return fc.oneof({ weight: 9, arbitrary: typed }, { weight: 1, arbitrary: anything });
}

const datasetArbitrary = fc
  .record({
    entities: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 6 }),
    relations: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 6 }),
    statements: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 8 }),
    sources: fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 3 }),
    redirects: fc.nat({ max: 3 }),
  })
  .chain((counts) => {
    const ids: Record<string, string[]> = {
      entities: counts.entities.map((s) => `person:${s}`),
      relations: counts.relations.map((s) => `rel:${s}`),
      statements: counts.statements.map((s) => `st:${s}`),
      sources: counts.sources.map((s) => `src:${s}`),
    };
    const table = (name: ColumnTable, rows: number) => {
      const plan = tablePlan(name);
      const record = fc
        .tuple(
          ...plan.map((p) => fc.option(value(p, ids), { nil: undefined, freq: 3 })),
          fc.option(fc.dictionary(fc.constantFrom('extra', '__proto__', 'zz'), anything, { maxKeys: 2 }), {
            nil: undefined,
            freq: 4,
          }),
          fc.boolean(),
        )
        .map(([...values]) => {
          const reversed = values.pop() as boolean;
          const extra = values.pop() as Record<string, unknown> | undefined;
          const out: Record<string, unknown> = {};
          const entries: [string, unknown][] = plan.map((p, i) => [p.name, values[i]]);
          if (extra) for (const k of Object.keys(extra)) entries.push([k, extra[k]]);
          // Keys in another order than the columns must come back in their order.
          if (reversed) entries.reverse();
          for (const [k, v] of entries)
            if (v !== undefined)
              Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
          return out;
        });
      return fc.array(record, { minLength: rows, maxLength: rows });
    };
    return fc.record({
      entities: table('entities', ids.entities!.length),
      relations: table('relations', ids.relations!.length),
      statements: table('statements', ids.statements!.length),
      sources: table('sources', ids.sources!.length),
      redirects: table('redirects', counts.redirects),
    });
  })
  .map((d) => {
    const data = d as unknown as Dataset;
    if (data.redirects!.length === 0) delete data.redirects;
    return data;
  });

describe('the columnar file', () => {
  it('round-trips any dataset, valid or not, field for field and key order too', () => {
    fc.assert(
      fc.property(datasetArbitrary, (data) => {
        const back = roundTrip(data);
        expect(back).toStrictEqual(JSON.parse(JSON.stringify(data)));
        for (const kind of COLUMN_TABLES) {
          const rows = ((back as unknown as Record<string, object[]>)[kind] ?? []).map((r) => Object.keys(r));
          const before = ((data as unknown as Record<string, object[]>)[kind] ?? []).map((r) => Object.keys(r));
          expect(rows).toEqual(before);
        }
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('builds the same rows all at once (rows) as one at a time (row), keys in the same order', () => {
    fc.assert(
      fc.property(datasetArbitrary, (data) => {
        const { tables } = readColumns(encodeColumns(data));
        for (const kind of COLUMN_TABLES) {
          const table = tables[kind];
          if (!table) continue;
          const one = Array.from({ length: table.count }, (_, i) => table.row(i));
          const all = table.rows();
          expect(all).toStrictEqual(one);
          expect(all.map((r) => Object.keys(r))).toEqual(one.map((r) => Object.keys(r)));
        }
      }),
      { numRuns: 200, seed: 16 },
    );
  });

  it('rows(ids) takes a reference’s value from the ids given for its table, keys in the same order', () => {
    const check = (data: Dataset) => {
      const { tables } = readColumns(encodeColumns(data));
      // Strings the caller made for each table's rows, told apart from the file's ids.
      const ids: Partial<Record<ColumnTable, string[]>> = {};
      for (const kind of COLUMN_TABLES)
        if (tables[kind]) ids[kind] = Array.from({ length: tables[kind]!.count }, (_, i) => `${kind} #${i}`);
      for (const kind of COLUMN_TABLES) {
        const table = tables[kind];
        if (!table) continue;
        const expected = Array.from({ length: table.count }, (_, i) => {
          const row = table.row(i);
          for (const column of table.columns)
            if (column.kind === 'ref' && column.values[i] !== -1 && column.name !== '__proto__')
              row[column.name] = ids[column.table]![column.values[i]!];
          return row;
        });
        const all = table.rows(ids);
        expect(all).toStrictEqual(expected);
        expect(all.map((r) => Object.keys(r))).toEqual(expected.map((r) => Object.keys(r)));
      }
    };
    fc.assert(fc.property(datasetArbitrary, check), { numRuns: 200, seed: 17 });
    // A relation whose keys were written in another order: its table is built row by row.
    const data = baseDataset();
    const { id, type, source, target, ...rest } = data.relations[0]!;
    data.relations[0] = { target, source, id, type, ...rest };
    check(data);
  });

  it('points a reference to the first of two records with its id', () => {
    const data = baseDataset();
    const first = data.relations[0]!.source;
    const at = data.entities.findIndex((e) => e.id === first);
    data.entities.push({ ...data.entities[at]! });
    const { tables } = readColumns(encodeColumns(data));
    const source = tables.relations!.columns.find((c) => c.name === 'source');
    expect(source?.kind === 'ref' && source.values[0]).toBe(at);
  });

  it('carries every field the record schemas define (a field added to a schema is encoded without more code)', () => {
    for (const table of COLUMN_TABLES) expect(tablePlan(table).map((p) => p.name)).toEqual(schemaFields(table));
  });

  it('gives back the release’s dataset.json byte for byte, and the same bytes every time', () => {
    const data = baseDataset();
    expect(serializeDataset(roundTrip(data))).toBe(serializeDataset(data));
    expect(encodeColumns(data)).toEqual(encodeColumns(baseDataset()));
  });

  it('keeps text of many megabytes, and single values longer than the encoder’s buffer, exactly', () => {
    const data = baseDataset();
    // Over 1 MiB of UTF-8 in each text column (several pieces), with 2-, 3- and 4-byte characters.
    data.statements = Array.from({ length: 3000 }, (_, i) => ({
      ...data.statements[0]!,
      id: `st:${i}`,
      quote: `${i} é€😀 `.repeat(40 + (i % 30)),
    }));
    data.statements[1234]!.quote = 'a€😀'.repeat(200_000);
    const text = readColumns(encodeColumns(data)).tables.statements!.columns.find((c) => c.name === 'quote');
    expect(text?.kind).toBe('string');
    expect(roundTrip(data).statements.map((s) => s.quote)).toEqual(data.statements.map((s) => s.quote));
  });

  it('stores every partial date as its first day and precision, exactly', () => {
    fc.assert(
      fc.property(validDate, (date) => {
        const [days, precision] = encodeDate(date);
        expect(decodeDate(days, precision)).toBe(date);
      }),
    );
  });

  it('explains a file of another encoding version, and refuses broken framing', () => {
    const bytes = encodeColumns(baseDataset());
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint32(8, COLUMNS_VERSION + 1, true);
    expect(() => readColumns(newer, 'x.bin')).toThrow(
      `@claimgraph/schema: x.bin: is encoded with columnar format version ${COLUMNS_VERSION + 1}, and this @claimgraph/schema reads version ${COLUMNS_VERSION}; upgrade @claimgraph/sdk (and @claimgraph/schema) to read it, or load the release's dataset.json instead`,
    );
    expect(() => readColumns(new TextEncoder().encode('{"entities": []}'), 'x.bin')).toThrow(
      'x.bin: is not a claimgraph columnar file',
    );
    expect(() => readColumns(bytes.slice(0, 40), 'x.bin')).toThrow('x.bin: has a header longer than the file');
    const cut = bytes.slice(0, bytes.length - 8);
    expect(() => readColumns(cut, 'x.bin')).toThrow(/x\.bin: \w+\.\w+: its \w+ buffer lies outside the file/);
  });
});
