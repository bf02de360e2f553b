/**
 * The quick record checks the validator runs first: they accept a record only when its schema does
 * (and its dates are on the calendar), and a record they refuse is reported with the full schema's
 * messages, exactly as before.
 */
import fc from 'fast-check';
import { FormatRegistry, type TSchema } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { describe, expect, it } from 'vitest';
import {
  EntitySchemas,
  isAbsoluteUrl,
  isPartialDate,
  RedirectSchema,
  RelationSchema,
  SourceSchema,
  StatementSchema,
} from '../src/index.js';
import { compileQuickCheck, speedSchema } from '../src/quick-check.js';
import { baseDataset, problemsAfter } from './fixture.js';
import { FUZZ_SEED, validDataset } from './fuzz-mutations.js';

if (!FormatRegistry.Has('uri')) FormatRegistry.Set('uri', isAbsoluteUrl);

type Fields = Record<string, unknown>;

/** [name, schema, which records of a dataset it checks] */
const SCHEMAS: [string, TSchema, (d: Record<string, Fields[]>) => Fields[]][] = [
  ...Object.entries(EntitySchemas).map(
    ([type, schema]) =>
      [
        `entity ${type}`,
        schema,
        // One plain record of the type too: a sample need not hold every type.
        (d: Record<string, Fields[]>) => [
          { id: `${type}:plain`, type, name: 'Plain' },
          ...d.entities!.filter((e) => e.type === type),
        ],
      ] as [string, TSchema, (d: Record<string, Fields[]>) => Fields[]],
  ),
  ['relation', RelationSchema, (d) => d.relations!],
  ['statement', StatementSchema, (d) => d.statements!],
  ['source', SourceSchema, (d) => d.sources!],
  ['redirect', RedirectSchema, () => [{ from: 'person:old', to: 'person:new', reason: 'renamed', date: '2021-08-01' }]],
];

/** A value a field might wrongly hold: ids, dates (one off the calendar), URLs, lists with repeats, anything. */
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

describe('quick record checks', () => {
  const sample = fc.sample(validDataset, { seed: FUZZ_SEED, numRuns: 20 }) as unknown as Record<string, Fields[]>[];
  sample.push(baseDataset() as unknown as Record<string, Fields[]>);

  for (const [name, schema, recordsOf] of SCHEMAS) {
    it(`agree with the full schema: ${name}`, () => {
      const quick = compileQuickCheck(schema);
      const strict = TypeCompiler.Compile(schema);
      const { dateFields, known } = speedSchema(schema);
      // The quick check's one extra demand: dates on the calendar, which a rule checks after the schema.
      const expected = (record: Fields) =>
        strict.Check(record) && dateFields.every((f) => record[f] === undefined || isPartialDate(record[f]));
      const records = sample.flatMap(recordsOf);
      expect(records.length).toBeGreaterThan(0);
      for (const record of records) expect(quick(record), String(record.id)).toBe(true);
      fc.assert(
        fc.property(
          fc.constantFrom(...records),
          fc.array(fc.tuple(fc.constantFrom(...known, 'extra'), fc.option(fieldValue, { nil: undefined })), {
            maxLength: 3,
          }),
          (base, changes) => {
            const record: Fields = structuredClone(base);
            for (const [key, value] of changes) {
              if (value === undefined) delete record[key];
              else record[key] = value;
            }
            expect(quick(record)).toBe(expected(record));
          },
        ),
        { seed: FUZZ_SEED, numRuns: 300 },
      );
    });
  }

  it('refuse a field the schema does not know even when it is not enumerable', () => {
    const quick = compileQuickCheck(StatementSchema);
    const statement = structuredClone(baseDataset().statements[0]!) as unknown as Fields;
    expect(quick(statement)).toBe(true);
    Object.defineProperty(statement, 'spekaer', { value: 'person:john-kirby', enumerable: false });
    expect(quick(statement)).toBe(false);
    expect(TypeCompiler.Compile(StatementSchema).Check(statement)).toBe(false);
  });

  it('hands a record whose fields are inherited or not enumerable to the schema', () => {
    const quick = compileQuickCheck(StatementSchema);
    const { id, ...rest } = structuredClone(baseDataset().statements[0]!) as unknown as Fields;
    // The walk over keys meets an inherited id, but the record does not own it.
    expect(quick(Object.assign(Object.create({ id }) as Fields, rest))).toBe(false);
    // An own id the walk does not meet: it is not counted as present.
    expect(quick(Object.defineProperty({ ...rest }, 'id', { value: id, enumerable: false }))).toBe(false);
  });
});

describe('validateDataset() on records the quick check refuses', () => {
  const STATEMENTS = 'data/statements.json';
  const ENTITIES = 'data/entities.json';
  const RELATIONS = 'data/relations.json';
  const find = (list: unknown[], id: string) => list.find((r) => (r as Fields).id === id) as Fields;

  it('gives the full schema messages for an unknown field', () => {
    expect(problemsAfter((d) => (find(d.statements, 'st:kirby-1').spekaer = 'person:john-kirby'))).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/spekaer',
        message: 'unknown field "spekaer" (did you mean "speaker"?); allowed fields are fixed by the schema',
      },
    ]);
  });

  it('reports an unknown field that is not enumerable, as the schema counts it', () => {
    const problems = problemsAfter((d) =>
      Object.defineProperty(find(d.statements, 'st:kirby-1'), 'spekaer', { value: 'x', enumerable: false }),
    );
    expect(problems).toEqual([
      {
        file: STATEMENTS,
        id: 'st:kirby-1',
        path: '/spekaer',
        message: 'unknown field "spekaer" (did you mean "speaker"?); allowed fields are fixed by the schema',
      },
    ]);
  });

  it('reports a date off the calendar once, by the calendar rule (the schema accepts its shape)', () => {
    expect(problemsAfter((d) => (find(d.statements, 'st:kirby-1').date = '2021-02-30'))).toEqual([
      { file: STATEMENTS, id: 'st:kirby-1', path: '/date', message: '"2021-02-30" is not a calendar date' },
    ]);
  });

  it('reports a date of the wrong shape by the schema', () => {
    expect(problemsAfter((d) => (find(d.relations, 'rel:haqqani-part-of-taliban').start = '2021-8'))).toEqual([
      {
        file: RELATIONS,
        id: 'rel:haqqani-part-of-taliban',
        path: '/start',
        message: '"2021-8" is not a date; write YYYY, YYYY-MM or YYYY-MM-DD',
      },
    ]);
  });

  it('reports a repeated alias by the schema, and a deeply nested field before reading it', () => {
    expect(problemsAfter((d) => (find(d.entities, 'armed-group:taliban').aliases = ['Taleban', 'Taleban']))).toEqual([
      { file: ENTITIES, id: 'armed-group:taliban', path: '/aliases', message: 'lists the same item twice' },
    ]);
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(problemsAfter((d) => (find(d.entities, 'armed-group:taliban').aliases = deep))).toEqual([
      {
        file: ENTITIES,
        id: 'armed-group:taliban',
        path: '/aliases',
        message: 'is nested more than 32 levels deep; no field of a record nests more than two',
      },
    ]);
  });

  it('reports a deeply nested field of an entity whose type is unknown before its type', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 40; i++) deep = [deep];
    expect(
      problemsAfter((d) => Object.assign(find(d.entities, 'armed-group:taliban'), { type: 'militia', aliases: deep })),
    ).toEqual([
      {
        file: ENTITIES,
        id: 'armed-group:taliban',
        path: '/aliases',
        message: 'is nested more than 32 levels deep; no field of a record nests more than two',
      },
    ]);
  });
});
