/**
 * The quick checks compiled ahead of time (src/generated/quick-checks.js, from @claimgraph/schema's
 * quickCheckModule) give the same verdicts as TypeBox compiling the same schemas at run time (with
 * the calendar on top for dates), on valid records and on records with fields changed, removed or
 * added at random.
 */
import fc from 'fast-check';
import { isAbsoluteUrl, isPartialDate } from '@claimgraph/schema';
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { describe, expect, it } from 'vitest';
import { quickCheckSchemas, speedSchema } from '@claimgraph/schema/internal';
import {
  ENTITY_CHECKS,
  RELATION_CHECK,
  SOURCE_CHECK,
  STATEMENT_CHECK,
  type QuickCheck,
} from '../src/generated/quick-checks.js';
import { fixture } from './fixture.js';

const schemas = quickCheckSchemas();
/** The schema as the SDK's checks are compiled from it: references are looked up, not pattern-checked. */
const speed = (schema: TSchema) => speedSchema(schema, { uncheckedReferences: true });
if (!FormatRegistry.Has('uri')) FormatRegistry.Set('uri', isAbsoluteUrl);

const data = fixture();
/** [name, ahead-of-time check, its schema, records of its kind] */
const CASES: [string, QuickCheck, TSchema, Record<string, unknown>[]][] = [
  ...Object.entries(ENTITY_CHECKS).map(
    ([type, check]) =>
      [
        `entity ${type}`,
        check,
        schemas.entity[type]!,
        (data.entities as unknown as Record<string, unknown>[]).filter((e) => e.type === type),
      ] as [string, QuickCheck, TSchema, Record<string, unknown>[]],
  ),
  ['relation', RELATION_CHECK, schemas.relation, data.relations as unknown as Record<string, unknown>[]],
  ['statement', STATEMENT_CHECK, schemas.statement, data.statements as unknown as Record<string, unknown>[]],
  ['source', SOURCE_CHECK, schemas.source, data.sources as unknown as Record<string, unknown>[]],
];

/** A value a field might wrongly hold: strings that look like ids, dates and URLs, and anything else. */
const fieldValue = fc.oneof(
  fc.constantFrom(
    '',
    'x',
    'rel:a',
    'person:a',
    'st:b',
    'src:c',
    '2021',
    '2021-08',
    '2021-02-30',
    '0000',
    'https://a.example/',
    'ftp://x',
    'supports',
  ),
  fc.array(fc.constantFrom('a', 'b', ''), { maxLength: 3 }),
  fc.anything({ maxDepth: 2 }),
);

describe('quick checks compiled ahead of time', () => {
  it('cover every entity type and record kind the schema has', () => {
    expect(Object.keys(ENTITY_CHECKS).sort()).toEqual(Object.keys(schemas.entity).sort());
  });

  for (const [name, aot, schema, records] of CASES) {
    it(`agree with TypeBox at run time: ${name}`, () => {
      const { schema: fast, closed, known, uniqueLists, dateFields } = speed(schema);
      const runtime = TypeCompiler.Compile(fast);
      const knownSet = new Set(known);
      // What the speed schema leaves out, checked here the plain way.
      const expected = (record: unknown) =>
        runtime.Check(record) &&
        (!closed || Object.getOwnPropertyNames(record).every((key) => knownSet.has(key))) &&
        uniqueLists.every((f) => {
          const list = (record as Record<string, unknown[] | undefined>)[f];
          return list === undefined || new Set(list).size === list.length;
        }) &&
        dateFields.every((f) => {
          const value = (record as Record<string, unknown>)[f];
          return value === undefined || isPartialDate(value);
        });
      const template = records[0] ?? { id: 'x', type: name.replace(/^entity /, '') };
      for (const record of records) expect(aot(record), record.id as string).toBe(true);
      fc.assert(
        fc.property(
          fc.constantFrom(...(records.length ? records : [template])),
          fc.array(fc.tuple(fc.constantFrom(...known, 'extra'), fc.option(fieldValue, { nil: undefined })), {
            maxLength: 3,
          }),
          (base, changes) => {
            const record: Record<string, unknown> = structuredClone(base);
            for (const [key, value] of changes) {
              if (value === undefined) delete record[key];
              else record[key] = value;
            }
            expect(aot(record)).toBe(expected(record));
          },
        ),
        { numRuns: 300 },
      );
      // A field present but undefined: left out when optional, missing when required.
      for (const key of known) {
        const record: Record<string, unknown> = { ...template, [key]: undefined };
        expect(aot(record), key).toBe(expected(record));
      }
      // Not records at all.
      for (const value of [null, 1, 'x', [], [template]]) expect(aot(value)).toBe(expected(value));
    });
  }
});
