/**
 * The fast paths against the validator over the whole vocabulary, not a sample: every entity type
 * as a speaker, a reporter and either end of every relation type, and every field of every record
 * schema given a value of the wrong kind, a bad date, a control character, or taken away. For each
 * case the quick check (row file), the columnar checks and the validator give one verdict, and
 * what the SDK reports is the validator's list of problems.
 */
import {
  compareIds,
  encodeColumns,
  ENTITY_TYPE_SPEAKS,
  ENTITY_TYPES,
  EntitySchemas,
  ID_PATTERNS,
  PARTIAL_DATE_PATTERN,
  readColumns,
  RELATION_TYPE_INFO,
  RELATION_TYPES,
  RelationSchema,
  SourceSchema,
  StatementSchema,
  validateDataset,
  type Dataset,
  type RecordKind,
} from '@claimgraph/schema';
import { DATE_FIELDS, TEXT_FIELDS } from '@claimgraph/schema/internal';
import { describe, expect, it } from 'vitest';
import { ClaimGraph, ClaimGraphValidationError } from '../src/index.js';
import { columnsLookValid } from '../src/columns-check.js';
import { coreColumns, SortedIds, storeFromColumns } from '../src/columns-store.js';
import { datasetRulesHold, recordsLookValid } from '../src/quick-check.js';
import { buildStore } from '../src/store.js';

type Fields = Record<string, unknown>;
const COLUMNS_FILE = 'dataset.columns.bin';

/** Three entities of every type (x, y, z), one relation and statement between x's, one source. */
function baseDataset(): Dataset {
  const entities = ENTITY_TYPES.flatMap((type) =>
    ['x', 'y', 'z'].map((n) => ({ id: `${type}:${n}`, type, name: `${type} ${n}` })),
  );
  return {
    entities,
    relations: [{ id: 'rel:base', type: 'allied-with', source: 'person:x', target: 'organization:x' }],
    statements: [
      {
        id: 'st:base',
        relation: 'rel:base',
        speaker: 'person:x',
        stance: 'supports',
        date: '2021-08-20',
        quote: 'They are allies.',
        source: 'src:a',
      },
    ],
    sources: [
      { id: 'src:a', title: 'A report', publisher: 'A publisher', published: '2021-08-21' },
      { id: 'src:b', title: 'A reprint', publisher: 'Another publisher' },
    ],
  } as unknown as Dataset;
}

function sorted(data: Dataset): Dataset {
  const id = (r: unknown) => (typeof (r as Fields)?.id === 'string' ? ((r as Fields).id as string) : '');
  const out = { ...data } as unknown as Record<string, unknown[]>;
  for (const kind of ['entities', 'relations', 'statements', 'sources'] as const)
    out[kind] = [...data[kind]].sort((a, b) => compareIds(id(a), id(b)));
  return out as unknown as Dataset;
}

const sameFiles = (file: string) =>
  Object.fromEntries(['entities', 'relations', 'statements', 'sources', 'redirects'].map((k) => [k, file]));

/** What each path says about a dataset: a verdict, and the problems the SDK reports. */
function outcomes(data: Dataset) {
  const expected = validateDataset(data, { requireSorted: false });
  const rowStore = buildStore(data, false);
  const quick = rowStore.problem === null && recordsLookValid(rowStore) && datasetRulesHold(rowStore, false);
  const bytes = encodeColumns(data);
  const columns = readColumns(bytes);
  const columnStore = storeFromColumns(columns);
  const columnar =
    columnStore !== undefined &&
    columnStore.problem === null &&
    columnsLookValid(columns, columnStore, new SortedIds(coreColumns(columns)!.statementId.strings));
  const reported = (load: () => unknown) => {
    try {
      load();
      return [];
    } catch (error) {
      return error instanceof ClaimGraphValidationError ? error.issues : [String(error)];
    }
  };
  return {
    valid: expected.valid,
    quick,
    columnar,
    fromData: reported(() => ClaimGraph.fromData(data, { requireSorted: false })),
    fromColumns: reported(() => ClaimGraph.fromColumns(bytes, { file: COLUMNS_FILE })),
    errors: expected.errors,
    columnErrors: validateDataset(data, { requireSorted: false, files: sameFiles(COLUMNS_FILE) }).errors,
  };
}

/** Asserts that the fast paths agree with the validator on the dataset, and returns its verdict. */
function agree(name: string, data: Dataset): boolean {
  const o = outcomes(sorted(data));
  expect({ name, quick: o.quick, columnar: o.columnar }).toEqual({ name, quick: o.valid, columnar: o.valid });
  expect({ name, issues: o.fromData }).toEqual({ name, issues: o.errors });
  expect({ name, issues: o.fromColumns }).toEqual({ name, issues: o.columnErrors });
  return o.valid;
}

const find = (list: unknown[], id: string) => list.find((r) => (r as Fields).id === id) as Fields;

describe('one rule set: the fast paths and the validator over the whole vocabulary', () => {
  it('the base dataset is valid on every path', () => {
    expect(agree('base', baseDataset())).toBe(true);
  });

  it('every entity type speaks, and reports, exactly where the vocabulary lets it', () => {
    for (const type of ENTITY_TYPES)
      for (const field of ['speaker', 'reportedBy']) {
        const data = baseDataset();
        find(data.statements, 'st:base')[field] = `${type}:y`;
        expect({ type, field, valid: agree(`${field} ${type}`, data) }).toEqual({
          type,
          field,
          valid: ENTITY_TYPE_SPEAKS[type],
        });
      }
  });

  it('every relation type takes exactly the entity types the vocabulary allows at each end', () => {
    for (const relationType of RELATION_TYPES) {
      const info = RELATION_TYPE_INFO[relationType];
      for (const type of ENTITY_TYPES)
        for (const end of ['source', 'target'] as const) {
          const other = end === 'source' ? info.target[0]! : info.source[0]!;
          const data = baseDataset();
          const ends = end === 'source' ? [`${type}:y`, `${other}:z`] : [`${other}:y`, `${type}:z`];
          data.relations.push({ id: 'rel:case', type: relationType, source: ends[0]!, target: ends[1]! } as never);
          data.statements.push({ ...find(data.statements, 'st:base'), id: 'st:case', relation: 'rel:case' } as never);
          const valid = agree(`${relationType} ${end} ${type}`, data);
          expect({ relationType, end, type, valid }).toEqual({
            relationType,
            end,
            type,
            valid: info[end].includes(type),
          });
        }
    }
  });

  it('every field of every record schema is checked alike with a value it allows', () => {
    let valid = 0;
    let cases = 0;
    for (const [kind, id, schema] of recordSchemas())
      for (const [field, property] of Object.entries(schema.properties)) {
        const data = baseDataset();
        // An id is the one the record has (another would break the references to it).
        if (field !== 'id') find(data[kind] as unknown[], id)[field] = allowedValue(field, property);
        if (agree(`${id} ${field} allowed`, data)) valid++;
        cases++;
      }
    // Most values fit their record as well as their field (a paraphrase beside a quote does not).
    expect(cases).toBeGreaterThan(80);
    expect(valid).toBeGreaterThan(cases * 0.8);
  });

  it('every field of every record schema is checked alike: wrong kind, bad date, control character, missing', () => {
    let cases = 0;
    for (const [kind, id, schema] of recordSchemas()) {
      const fields = Object.keys(schema.properties);
      for (const field of [...fields, 'nmae']) {
        const property = schema.properties[field];
        const values: [string, unknown][] = [['wrong kind', wrongKind(property)]];
        if (DATE_FIELDS[kind].includes(field)) values.push(['not a calendar date', '2021-02-30']);
        if (TEXT_FIELDS[kind].includes(field)) values.push(['control character', 'a\u0007b']);
        if (schema.required?.includes(field)) values.push(['missing', undefined]);
        for (const [what, value] of values) {
          const data = baseDataset();
          const record = find(data[kind] as unknown[], id);
          if (value === undefined) delete record[field];
          else record[field] = value;
          expect({ kind, id, field, what, valid: agree(`${id} ${field} ${what}`, data) }).toEqual({
            kind,
            id,
            field,
            what,
            valid: false,
          });
          cases++;
        }
      }
    }
    expect(cases).toBeGreaterThan(150);
  });
});

/** Every record schema, with the kind and id of the base dataset's record it describes. */
function recordSchemas(): [RecordKind, string, { properties: Record<string, Fields>; required?: string[] }][] {
  return [
    ...ENTITY_TYPES.map((t) => ['entities', `${t}:x`, EntitySchemas[t]] as never),
    ['relations', 'rel:base', RelationSchema as never],
    ['statements', 'st:base', StatementSchema as never],
    ['sources', 'src:a', SourceSchema as never],
  ];
}

/** Values of the base dataset's records that a field's schema asks for by more than its kind. */
const ALLOWED: Record<string, unknown> = {
  anchor: { type: 'TextPositionSelector', start: 0, end: 16 },
  appearances: [{ source: 'src:b', note: 'Reprinted in full.' }],
  attributes: { role: 'deputy emir' },
};

/** A value the field's schema allows: a reference to a base record, a date, a URL, one of its literals… */
function allowedValue(field: string, property: Fields): unknown {
  if (field in ALLOWED) return ALLOWED[field];
  if (property.pattern === ID_PATTERNS.entity) return 'person:z';
  if (property.pattern === ID_PATTERNS.relation) return 'rel:base';
  if (property.pattern === ID_PATTERNS.source) return 'src:a';
  if (property.pattern === PARTIAL_DATE_PATTERN) return '2021-08-20';
  if (property.format === 'uri') return 'https://example.org/x';
  if (property.const !== undefined) return property.const;
  if (Array.isArray(property.anyOf)) return (property.anyOf[0] as Fields).const;
  if (property.type === 'boolean') return true;
  if (property.type === 'array') return ['One words'];
  return 'Some words';
}

/** A value the field's schema refuses: another JSON kind than the one it asks for. */
function wrongKind(property: Fields | undefined): unknown {
  if (property === undefined) return 'a field no schema knows';
  if (property.type === 'string') return 42;
  if (property.anyOf !== undefined) return { not: 'one of them' };
  return 'text where another kind belongs';
}
