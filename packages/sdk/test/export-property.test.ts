import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { MultiGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { parquetReadObjects } from 'hyparquet';
import type { Dataset, Entity, Relation, Source, Statement } from '@claimgraph/schema';
import { describe, expect, it } from 'vitest';
import { ClaimGraph } from '../src/index.js';
import { exportDataset, parquetColumns, type ExportResult } from '../src/export/index.js';
import { KINDS, recordsFromCsv, recordsFromGraph, recordsFromNdjson } from './export-helpers.js';

const SEED = 20210815;
const RUNS = 60;

/** Text a spreadsheet, a CSV parser and an XML parser would each like to get wrong. */
const TRICKY = [
  '=1+1',
  '-5',
  '+x',
  '@mention',
  '\tstarts with a tab',
  "'=already quoted",
  "''@",
  'a,b',
  'say "hi"',
  'سراج الدين حقاني',
  'طالبان',
  'کابل',
  'Zoë, Łukasz & Nguyễn',
  '<b>&amp;</b>',
  'emoji 🕊️',
  'line\u2028separator',
  'NBSP\u00a0inside',
];
/** Any text without control characters: what the validator accepts, and what XML can hold. */
const cleanText = fc.oneof(
  fc.constantFrom(...TRICKY),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s)),
);
/** Text with newlines and CRs too, which CSV and NDJSON must carry even though the validator refuses them. */
const anyText = fc.oneof(cleanText, fc.constantFrom('line\nbreak', 'cr\r\nlf', 'a\rb', '"quoted\nmultiline"'));

const partialDate = fc
  .record({ day: fc.integer({ min: 0, max: 40_000 }), precision: fc.constantFrom(4, 7, 10) })
  .map(({ day, precision }) => new Date(Date.UTC(1950, 0, 1) + day * 86_400_000).toISOString().slice(0, precision));

const pad = (i: number) => String(i).padStart(3, '0');

function datasetArbitrary(text: fc.Arbitrary<string>): fc.Arbitrary<Dataset> {
  const entity = fc.record(
    {
      kind: fc.constantFrom('person', 'armed-group', 'event', 'document', 'place'),
      name: text,
      aliases: fc.uniqueArray(text, { maxLength: 3 }),
      description: text,
      role: text,
      deceased: fc.boolean(),
      date: partialDate,
      url: fc.constantFrom('https://example.org/a?b=1,c=2', 'https://example.org/'),
      placeKind: fc.constantFrom('city', 'country'),
    },
    { requiredKeys: ['kind', 'name'] },
  );
  const relation = fc.record(
    {
      type: fc.constantFrom('allied-with', 'part-of', 'member-of', 'rival-of', 'leads'),
      from: fc.nat(),
      to: fc.nat(),
      start: partialDate,
      end: partialDate,
      attributes: fc.dictionary(
        fc.constantFrom('role', 'rank', 'acting', 'kinship'),
        fc.oneof(text, fc.integer(), fc.boolean()),
        { minKeys: 1 },
      ),
      note: text,
    },
    { requiredKeys: ['type', 'from', 'to'] },
  );
  const statement = fc.record(
    {
      relation: fc.nat(),
      speaker: fc.nat(),
      disputes: fc.boolean(),
      date: partialDate,
      quote: text,
      source: fc.nat(),
      hedged: fc.boolean(),
      reportedBy: fc.nat(),
      note: text,
    },
    { requiredKeys: ['relation', 'speaker', 'disputes', 'date', 'source'] },
  );
  const source = fc.record(
    { title: text, publisher: text, author: text, published: partialDate },
    { requiredKeys: ['title', 'publisher'] },
  );
  return fc
    .record({
      entities: fc.array(entity, { minLength: 2, maxLength: 8 }),
      relations: fc.array(relation, { minLength: 1, maxLength: 8 }),
      statements: fc.array(statement, { maxLength: 12 }),
      sources: fc.array(source, { minLength: 1, maxLength: 3 }),
    })
    .map(({ entities, relations, statements, sources }) => {
      const entityIds = entities.map((e, i) => `${e.kind}:e${pad(i)}`);
      const outEntities = entities.map(({ kind, date, url, placeKind, role, deceased, ...rest }, i): Entity => {
        const record: Record<string, unknown> = { id: entityIds[i], type: kind, ...rest };
        if (rest.aliases?.length === 0) delete record.aliases;
        if (kind === 'person')
          Object.assign(record, role === undefined ? {} : { role }, deceased === undefined ? {} : { deceased });
        if (kind === 'event' && date) record.date = date;
        if (kind === 'document' && url) record.url = url;
        if (kind === 'place' && placeKind) record.placeKind = placeKind;
        return record as Entity;
      });
      const outRelations = relations.map(({ from, to, ...rest }, i): Relation => {
        const source = from % entityIds.length;
        const target = (source + 1 + (to % (entityIds.length - 1))) % entityIds.length;
        return { id: `rel:r${pad(i)}`, ...rest, source: entityIds[source]!, target: entityIds[target]! } as Relation;
      });
      const outSources = sources.map((s, i): Source => ({ id: `src:s${pad(i)}`, ...s }));
      // Every relation gets one statement, then the generated ones.
      const made: (typeof statements)[number][] = [
        ...outRelations.map((_, r) => ({ relation: r, speaker: r, disputes: r % 3 === 0, date: '2021-08', source: 0 })),
        ...statements,
      ];
      const outStatements = made.map(({ relation, speaker, disputes, source, reportedBy, ...rest }, i): Statement => ({
        id: `st:t${pad(i)}`,
        relation: outRelations[relation % outRelations.length]!.id,
        speaker: entityIds[speaker % entityIds.length]!,
        stance: disputes ? 'disputes' : 'supports',
        ...rest,
        source: outSources[source % outSources.length]!.id,
        ...(reportedBy === undefined ? {} : { reportedBy: entityIds[reportedBy % entityIds.length]! }),
      }));
      return { entities: outEntities, relations: outRelations, statements: outStatements, sources: outSources };
    });
}

const text = (result: ExportResult, path: string) => result.files.find((f) => f.path === path)!.content as string;
const rows = (content: string) => parseCsv(content, { columns: true, bom: true }) as Record<string, string>[];
const options = { seed: SEED, numRuns: RUNS };

describe('export round trips (fast-check)', () => {
  it('CSV read by csv-parse gives back every record, with and without formula escapes', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArbitrary(anyText), fc.boolean(), async (data, formulaEscape) => {
        const cg = ClaimGraph.fromData(data, { validate: false });
        const expected = cg.toJSON();
        const result = await exportDataset(cg, 'csv', { formulaEscape });
        expect(recordsFromCsv('nodes', rows(text(result, 'nodes.csv')), formulaEscape)).toEqual(expected.entities);
        expect(recordsFromCsv('edges', rows(text(result, 'edges.csv')), formulaEscape)).toEqual(expected.relations);
        expect(recordsFromCsv('statements', rows(text(result, 'statements.csv')), formulaEscape)).toEqual(
          expected.statements,
        );
        expect(recordsFromCsv('sources', rows(text(result, 'sources.csv')), formulaEscape)).toEqual(expected.sources);
        if (formulaEscape) {
          for (const file of ['nodes.csv', 'statements.csv', 'sources.csv']) {
            for (const row of rows(text(result, file)))
              for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
          }
        }
      }),
      options,
    );
  });

  it('NDJSON read line by line gives back every record', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArbitrary(anyText), async (data) => {
        const cg = ClaimGraph.fromData(data, { validate: false });
        const expected = cg.toJSON();
        const back = recordsFromNdjson(text(await exportDataset(cg, 'ndjson'), 'dataset.ndjson'));
        for (const kind of KINDS) expect(back[kind]).toEqual(expected[kind]);
      }),
      options,
    );
  });

  it('GEXF and GraphML parsed by graphology give back every entity and relation, with status and counts', async () => {
    await fc.assert(
      fc.asyncProperty(
        datasetArbitrary(cleanText),
        fc.constantFrom('undirected', 'directed' as const),
        async (data, symmetricEdges) => {
          const cg = ClaimGraph.fromData(data, { validate: false });
          const expected = cg.toJSON();
          for (const format of ['gexf', 'graphml'] as const) {
            const content = text(await exportDataset(cg, format, { symmetricEdges }), `dataset.${format}`);
            const graph = (format === 'gexf' ? parseGexf : parseGraphml)(MultiGraph, content);
            const back = recordsFromGraph(graph);
            expect(back.entities).toEqual(expected.entities);
            expect(back.relations).toEqual(expected.relations);
            cg.graph.forEachEdge((edge, attributes) => {
              expect(graph.getEdgeAttribute(edge, 'status')).toBe(attributes.status);
              expect(graph.getEdgeAttribute(edge, 'supports')).toBe(attributes.supports);
              expect(graph.getEdgeAttribute(edge, 'disputes')).toBe(attributes.disputes);
            });
          }
        },
      ),
      options,
    );
  });

  it('Parquet read by hyparquet gives back every field value, in id order', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArbitrary(anyText), async (data) => {
        const cg = ClaimGraph.fromData(data, { validate: false });
        const expected = cg.toJSON();
        const result = await exportDataset(cg, 'parquet');
        for (const kind of KINDS) {
          const content = result.files.find((f) => f.path === `${kind}.parquet`)!.content as Uint8Array;
          const table = await parquetReadObjects({
            file: content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength) as ArrayBuffer,
          });
          const fields = parquetColumns(kind).filter((c) => c.field !== undefined);
          const back = table.map((row) => {
            const record: Record<string, unknown> = {};
            for (const column of fields) {
              const value = row[column.name];
              if (value === null || value === undefined) continue;
              record[column.field!] = column.type === 'JSON' && typeof value === 'string' ? JSON.parse(value) : value;
            }
            return record;
          });
          expect(back).toEqual(expected[kind].map((r) => ({ ...r })));
        }
      }),
      { ...options, numRuns: 25 },
    );
  });
});
