/**
 * The columnar release file (`dataset.columns.bin`): what its header says, as a TypeBox schema
 * from which the TypeScript types and the published JSON Schema (`schema/columns.schema.json`) derive.
 */
import { Type, type Static } from '@sinclair/typebox';
import { SCHEMA_BASE_URL } from '../records.js';

/** The file name a release build writes. */
export const COLUMNS_FILE = 'dataset.columns.bin';

/** The first eight bytes: `\x89CGCOLS\n` (a byte above 0x7f first, as PNG does, so a text-mode copy shows). */
export const COLUMNS_MAGIC = Uint8Array.from([0x89, 0x43, 0x47, 0x43, 0x4f, 0x4c, 0x53, 0x0a]);

/** The encoding version this package writes and reads. A change of layout or of a column kind's meaning raises it. */
export const COLUMNS_VERSION = 1;

/** Bytes before the header: magic (8), version (uint32 LE), header length (uint32 LE). */
export const COLUMNS_PRELUDE = 16;

/** The tables, in the order they appear; `redirects` only when the dataset has some. */
export const COLUMN_TABLES = ['entities', 'relations', 'statements', 'sources', 'redirects'] as const;
export type ColumnTable = (typeof COLUMN_TABLES)[number];

const BufferRef = (description: string) =>
  Type.Integer({ minimum: 0, description: `${description} (an index into \`buffers\`).` });

const name = Type.String({ minLength: 1, description: 'The record field this column holds.' });
const present = Type.Optional(BufferRef('uint8 per row, 1 where the row has the field; absent when every row has it'));

export const ColumnHeaderSchema = Type.Union(
  [
    Type.Object(
      {
        name,
        kind: Type.Literal('string'),
        text: BufferRef('UTF-8 of all values concatenated'),
        offsets: BufferRef('uint32 per row + 1: where each value starts in the decoded text, in UTF-16 code units'),
        present,
      },
      { additionalProperties: false, description: 'Text: one string per row.' },
    ),
    Type.Object(
      {
        name,
        kind: Type.Literal('strings'),
        items: BufferRef('uint32 per row + 1: where each row starts in the list of items'),
        text: BufferRef('UTF-8 of all items concatenated'),
        offsets: BufferRef('uint32 per item + 1, in UTF-16 code units of the decoded text'),
        present,
      },
      { additionalProperties: false, description: 'A list of strings per row (aliases).' },
    ),
    Type.Object(
      {
        name,
        kind: Type.Literal('ref'),
        table: Type.Union(
          ['entities', 'relations', 'statements', 'sources'].map((t) => Type.Literal(t)),
          { description: 'The table whose ids the values point at.' },
        ),
        values: BufferRef('int32 per row: the position of the record named, -1 where absent'),
      },
      { additionalProperties: false, description: 'A reference to another record, by its position.' },
    ),
    Type.Object(
      {
        name,
        kind: Type.Literal('enum'),
        enum: Type.String({ description: 'The name of the table in `enums` the codes index.' }),
        values: BufferRef('uint8 per row: the index of the value in its table, 255 where absent'),
      },
      { additionalProperties: false, description: 'A term of a vocabulary, by its index in a table the file carries.' },
    ),
    Type.Object(
      {
        name,
        kind: Type.Literal('date'),
        days: BufferRef('int32 per row: the first day the date can mean, counted from 1970-01-01'),
        precision: BufferRef('uint8 per row: index in `enums.precision` (year, month, day), 255 where absent'),
      },
      { additionalProperties: false, description: 'A partial date: its first day and its precision.' },
    ),
    Type.Object(
      {
        name,
        kind: Type.Literal('bool'),
        values: BufferRef('uint8 per row: 0 absent, 1 false, 2 true'),
      },
      { additionalProperties: false, description: 'A boolean.' },
    ),
    Type.Object(
      {
        name,
        kind: Type.Literal('json'),
        text: BufferRef('UTF-8 of every value written as JSON, concatenated'),
        offsets: BufferRef('uint32 per row + 1, in UTF-16 code units of the decoded text'),
        present,
      },
      { additionalProperties: false, description: 'Any other value (attributes), as JSON text per row.' },
    ),
  ],
  { description: 'One field of a table, encoded by kind.' },
);

export const ColumnsHeaderSchema = Type.Object(
  {
    format: Type.Literal('claimgraph-columns'),
    version: Type.Literal(COLUMNS_VERSION, {
      description: 'The encoding version; readers refuse versions they do not know.',
    }),
    enums: Type.Record(Type.String(), Type.Array(Type.String()), {
      description:
        'Every vocabulary the file encodes as small integers, by name (`relations.type`, `statements.stance`, `precision`): a code is an index into its table, so adding terms never remaps codes.',
    }),
    tables: Type.Record(
      Type.String(),
      Type.Object(
        {
          count: Type.Integer({ minimum: 0, description: 'Rows, in the order of dataset.json.' }),
          columns: Type.Array(ColumnHeaderSchema, { description: 'In the order record keys are written.' }),
          orders: Type.Optional(
            Type.Object(
              {
                values: BufferRef('int32 per row: 0 for column order, k for `shapes[k - 1]`'),
                shapes: Type.Array(Type.Array(Type.Integer({ minimum: 0 }))),
              },
              {
                additionalProperties: false,
                description: 'Rows whose keys are written in another order than the columns.',
              },
            ),
          ),
        },
        { additionalProperties: false },
      ),
      { description: 'entities, relations, statements, sources and, when the dataset has some, redirects.' },
    ),
    buffers: Type.Array(
      Type.Object(
        {
          offset: Type.Integer({
            minimum: 0,
            description:
              'Byte offset from the start of the data section (right after the padded header), a multiple of 8.',
          }),
          length: Type.Integer({ minimum: 0, description: 'Length in bytes.' }),
          type: Type.Union(['uint8', 'int32', 'uint32', 'utf8'].map((t) => Type.Literal(t))),
        },
        { additionalProperties: false },
      ),
      { description: 'Little-endian arrays and UTF-8 text after the header.' },
    ),
  },
  {
    $id: `${SCHEMA_BASE_URL}/columns.schema.json`,
    title: 'Columnar release header',
    description:
      'The JSON header of dataset.columns.bin: 8 magic bytes (89 43 47 43 4F 4C 53 0A), the version and the header length as uint32 LE, this header (UTF-8, padded with spaces to a multiple of 8 bytes), then the buffers it lists.',
    additionalProperties: false,
  },
);

export type ColumnHeader = Static<typeof ColumnHeaderSchema>;
export type ColumnsHeader = Static<typeof ColumnsHeaderSchema>;
export type TableHeader = ColumnsHeader['tables'][string];
export type BufferType = ColumnsHeader['buffers'][number]['type'];
