import { parse as parseCsv } from 'csv-parse/sync';
import fc from 'fast-check';
import { MultiGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import type { Dataset, Entity, Relation, Source, Statement } from '@claimgraph/schema';
import { describe, expect, it } from 'vitest';
import { ClaimGraph } from '../src/index.js';
import { exportDataset, type ExportResult, type TableKind } from '../src/export/index.js';
import { FUZZ_SEED, validDataset } from '../../schema/test/fuzz-mutations.js';
import {
  inYearOrder,
  joinAppearances,
  KINDS,
  parquetTableRows,
  recordsFromCsv,
  recordsFromGraph,
  recordsFromNdjson,
} from './export-helpers.js';

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
      // Other sources that report it (the own source and repeats are dropped), each with a note or an anchor.
      appearances: fc.array(
        fc.record(
          {
            source: fc.nat(),
            note: text,
            anchor: fc.oneof(
              fc.record(
                { type: fc.constant('TextQuoteSelector' as const), exact: text, prefix: text, suffix: text },
                { requiredKeys: ['type', 'exact'] },
              ),
              fc.record({
                type: fc.constant('TextPositionSelector' as const),
                start: fc.nat({ max: 1000 }),
                end: fc.integer({ min: 1001, max: 2000 }),
                snapshot: fc.constant('a'.repeat(64)),
              }),
            ),
          },
          { requiredKeys: ['source'] },
        ),
        { maxLength: 3 },
      ),
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
      sources: fc.array(source, { minLength: 1, maxLength: 4 }),
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
      const outStatements = made.map(
        ({ relation, speaker, disputes, source, reportedBy, appearances, ...rest }, i): Statement => {
          const own = outSources[source % outSources.length]!.id;
          const cited = new Set([own]);
          const others = (appearances ?? []).flatMap((a) => {
            const id = outSources[a.source % outSources.length]!.id;
            if (cited.has(id)) return [];
            cited.add(id);
            return [{ ...a, source: id }];
          });
          return {
            id: `st:t${pad(i)}`,
            relation: outRelations[relation % outRelations.length]!.id,
            speaker: entityIds[speaker % entityIds.length]!,
            stance: disputes ? 'disputes' : 'supports',
            ...rest,
            source: own,
            ...(others.length > 0 ? { appearances: others } : {}),
            ...(reportedBy === undefined ? {} : { reportedBy: entityIds[reportedBy % entityIds.length]! }),
          } as Statement;
        },
      );
      return { entities: outEntities, relations: outRelations, statements: outStatements, sources: outSources };
    });
}

/** Each Parquet table of an export read by hyparquet back to records: the field columns, JSON parsed. */
async function parquetTables(result: ExportResult): Promise<Partial<Record<TableKind, Record<string, unknown>[]>>> {
  const out: Partial<Record<TableKind, Record<string, unknown>[]>> = {};
  for (const kind of [...KINDS, 'appearances'] as TableKind[]) out[kind] = await parquetTableRows(result.files, kind);
  return out;
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
        expect(
          joinAppearances(
            recordsFromCsv('statements', rows(text(result, 'statements.csv')), formulaEscape),
            recordsFromCsv('appearances', rows(text(result, 'appearances.csv')), formulaEscape),
          ),
        ).toEqual(expected.statements);
        expect(recordsFromCsv('sources', rows(text(result, 'sources.csv')), formulaEscape)).toEqual(expected.sources);
        if (formulaEscape) {
          for (const file of ['nodes.csv', 'statements.csv', 'appearances.csv', 'sources.csv']) {
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

  it('Parquet read by hyparquet gives back every field value, in id order within each year of statements', async () => {
    await fc.assert(
      fc.asyncProperty(datasetArbitrary(anyText), async (data) => {
        const cg = ClaimGraph.fromData(data, { validate: false });
        const expected = cg.toJSON();
        const result = await exportDataset(cg, 'parquet');
        const tables = await parquetTables(result);
        for (const kind of KINDS) {
          if (kind !== 'statements') expect(tables[kind]).toEqual(expected[kind].map((r) => ({ ...r })));
        }
        expect(joinAppearances(tables.statements!, tables.appearances!)).toEqual(inYearOrder(expected.statements));
      }),
      { ...options, numRuns: 25 },
    );
  });

  it("every appearance of the schema's fuzz datasets survives CSV, NDJSON and Parquet, and counts once", async () => {
    let cited = 0;
    await fc.assert(
      fc.asyncProperty(validDataset, async (data) => {
        const cg = ClaimGraph.fromData(data);
        const expected = cg.toJSON();
        cited += expected.statements.reduce((n, s) => n + (s.appearances?.length ?? 0), 0);
        const csv = await exportDataset(cg, 'csv', { formulaEscape: false });
        expect(
          joinAppearances(
            recordsFromCsv('statements', rows(text(csv, 'statements.csv')), false),
            recordsFromCsv('appearances', rows(text(csv, 'appearances.csv')), false),
          ),
        ).toEqual(expected.statements);
        expect(recordsFromNdjson(text(await exportDataset(cg, 'ndjson'), 'dataset.ndjson')).statements).toEqual(
          expected.statements,
        );
        const tables = await parquetTables(await exportDataset(cg, 'parquet'));
        expect(joinAppearances(tables.statements!, tables.appearances!)).toEqual(inYearOrder(expected.statements));
        // Weights count statements, however many sources report them.
        cg.graph.forEachEdge((edge, attributes) => {
          const on = expected.statements.filter((s) => s.relation === edge);
          expect(attributes.supports + attributes.disputes).toBe(on.length);
        });
      }),
      { seed: FUZZ_SEED, numRuns: 25 },
    );
    // The generator must actually give appearances, or this test checks nothing.
    expect(cited).toBeGreaterThan(0);
  });
});
