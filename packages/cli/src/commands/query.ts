/**
 * `claimgraph query …`: ask a dataset (the bundled one unless --dataset says otherwise) who is
 * connected to whom and who says so, through @claimgraph/sdk; a table by default, --json for scripts.
 */
import type { Entity, Relation, Statement } from '@claimgraph/schema';
import {
  ClaimGraph,
  ClaimGraphError,
  ClaimGraphLoadError,
  ClaimGraphValidationError,
  UnknownIdError,
} from '@claimgraph/sdk';
import { openGraph, type DatasetFlags } from '../datasets.js';
import { CliError, EXIT } from '../errors.js';
import type { CliIO } from '../io.js';
import { entityId, optionalEntityId, optionalRelationId, relationId, unknownEntity } from '../names.js';
import { plural, printJson } from '../output.js';
import { outputFormat, renderTable, type TableData } from '../table.js';

export interface CommonFlags extends DatasetFlags {
  json?: boolean;
  outputFormat?: string;
}

/**
 * Loads the dataset, or merges the datasets given; what goes wrong becomes a one-line message: exit
 * code 1 for invalid data or a clash between datasets, 2 for bad options and for a --dataset that is
 * not a dataset at all (as for every other command).
 */
export async function open(io: CliIO, flags: CommonFlags): Promise<ClaimGraph> {
  return (await openGraph(io, flags)).cg;
}

/** Runs a query, turning the SDK's errors into messages without stack traces. */
export async function ask<T>(query: () => T): Promise<T> {
  try {
    return query();
  } catch (error) {
    throw cliError(error);
  }
}

function cliError(error: unknown): unknown {
  if (!(error instanceof ClaimGraphError)) return error;
  const message = error.message.replace(/^@claimgraph\/sdk: /, '');
  if (error instanceof UnknownIdError)
    return error.kind === 'entity' ? unknownEntity(error.id) : new CliError(message, EXIT.invalid);
  if (error instanceof ClaimGraphLoadError || error instanceof ClaimGraphValidationError)
    return new CliError(message, EXIT.invalid);
  return new CliError(message, EXIT.usage);
}

function integer(value: string, option: string): number {
  // Digits only: Number() would also take "", " 5", "1e3" and "0x10".
  if (!/^\d+$/.test(value)) throw new CliError(`${option} ${value}: not a whole number`);
  return Number(value);
}

export const writer = (io: CliIO) => (text: string) => io.stdout.write(`${text}\n`);

/** Columns holding ids: printed whole where possible, since a user pastes them into the next query. */
export const ID_COLUMNS = ['id', 'source', 'target', 'speaker id', 'relation', 'entity'];

/**
 * Records with the datasets they come from, as `--json` prints them (`datasets` last, so the
 * record's own fields read first): a script can always tell where a record comes from.
 */
function withDatasets<T extends { id: string }>(cg: ClaimGraph, records: readonly T[]): (T & { datasets: string[] })[] {
  return records.map((r) => ({ ...r, datasets: cg.datasetsOf(r.id) }));
}

/** A `datasets` column, when the graph holds several: which dataset(s) each row comes from. */
function datasetsColumn(cg: ClaimGraph, table: TableData, ids: readonly string[]): TableData {
  if (cg.datasets.length < 2) return table;
  return {
    ...table,
    headers: [...table.headers, 'datasets'],
    rows: table.rows.map((row, i) => [...row, cg.datasetsOf(ids[i]!).join(', ')]),
  };
}

function entityTable(cg: ClaimGraph, entities: Entity[]): TableData {
  const table = {
    headers: ['id', 'type', 'name', 'aliases'],
    rows: entities.map((e) => [e.id, e.type, e.name, (e.aliases ?? []).join(', ')]),
    ids: ID_COLUMNS,
  };
  return datasetsColumn(
    cg,
    table,
    entities.map((e) => e.id),
  );
}

/** Relations with their stance counts, from `view` (an asOf view counts what had been said by then). */
function relationTable(cg: ClaimGraph, relations: Relation[], view: ClaimGraph = cg): TableData {
  return datasetsColumn(
    cg,
    relationRows(view, relations),
    relations.map((r) => r.id),
  );
}

function relationRows(cg: ClaimGraph, relations: Relation[]): TableData {
  return {
    headers: ['id', 'type', 'source', 'target', 'status', 'for', 'against'],
    rows: relations.map((r) => {
      const { status, supports, disputes } = cg.stances(r.id);
      return [r.id, r.type, r.source, r.target, status, String(supports.length), String(disputes.length)];
    }),
    ids: ID_COLUMNS,
  };
}

/** Statements for people: who (by name) said what, when, how firmly; then the ids to paste. */
function statementTable(cg: ClaimGraph, statements: Statement[], withRelation = true): TableData {
  return datasetsColumn(
    cg,
    statementRows(cg, statements, withRelation),
    statements.map((s) => s.id),
  );
}

function statementRows(cg: ClaimGraph, statements: Statement[], withRelation: boolean): TableData {
  return {
    headers: [
      'date',
      'speaker',
      'stance',
      'hedged',
      'quote',
      'context',
      'id',
      'speaker id',
      ...(withRelation ? ['relation'] : []),
    ],
    rows: statements.map((s) => [
      s.date,
      cg.entity(s.speaker)?.name ?? s.speaker,
      s.stance,
      s.hedged ? 'hedged' : '',
      s.quote ?? (s.paraphrase ? `(paraphrase) ${s.paraphrase}` : ''),
      // What the words refer to: without it a denial "supporting" a relation reads as an error.
      s.context ?? '',
      s.id,
      s.speaker,
      ...(withRelation ? [s.relation] : []),
    ]),
    ids: ID_COLUMNS,
    attached: CONTEXT_UNDER_QUOTE,
  };
}

/** A terminal table shows a statement's context after its quote; CSV and Markdown give it a column. */
export const CONTEXT_UNDER_QUOTE = { context: 'quote' } as const;

export function empty(what: string): string {
  return `no ${what}`;
}

/**
 * Prints a query's answer in the format asked for: its records as JSON, or the table as a
 * terminal table (fitting io.stdout.columns), CSV or Markdown; `none` when a table has no rows.
 */
export function show(io: CliIO, flags: CommonFlags, records: unknown, table: TableData, none: string): void {
  const format = outputFormat(flags);
  if (format === 'json') printJson(io, records);
  else if (format === 'table' && table.rows.length === 0) writer(io)(none);
  else writer(io)(renderTable(table, format, io.stdout.columns));
}

type RelationsFlags = CommonFlags & {
  entity?: string;
  source?: string;
  target?: string;
  type?: string;
  status?: string;
  asOf?: string;
};

type StatementsFlags = CommonFlags & {
  hedged?: boolean;
  speaker?: string;
  relation?: string;
  entity?: string;
  stance?: string;
  from?: string;
  to?: string;
};

type GraphFlags = CommonFlags & { type?: string; status?: string };

/** The `query` subcommands, by name; the command table (program.ts) holds their arguments and help. */
export const QUERIES = {
  async search(io: CliIO, text: string, flags: CommonFlags & { type?: string; limit: string }): Promise<number> {
    const cg = await open(io, flags);
    const found = await ask(() =>
      cg.search(text, { type: flags.type as never, limit: integer(flags.limit, '--limit') }),
    );
    show(io, flags, withDatasets(cg, found), entityTable(cg, found), empty(`entity matches "${text}"`));
    return EXIT.ok;
  },

  async entity(io: CliIO, given: string, flags: CommonFlags): Promise<number> {
    const write = writer(io);
    const cg = await open(io, flags);
    const id = entityId(cg, given, '<id>');
    const entity = cg.entity(id)!;
    const format = outputFormat(flags);
    if (format === 'json') {
      printJson(io, withDatasets(cg, [entity])[0]);
      return EXIT.ok;
    }
    const relations = cg.relations({ entity: id });
    const shown = cg.datasets.length > 1 ? { ...entity, datasets: cg.datasetsOf(entity.id) } : entity;
    const fields = Object.entries(shown).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.join(', ') : String(value),
    ]);
    write(renderTable({ headers: ['field', 'value'], rows: fields, ids: ['value'] }, format, io.stdout.columns));
    // CSV is one table per document: the entity's fields only; its relations are `query relations --entity ID`.
    if (format === 'csv') return EXIT.ok;
    write(`\n${plural(relations.length, 'relation')}`);
    if (relations.length) write(renderTable(relationTable(cg, relations), format, io.stdout.columns));
    return EXIT.ok;
  },

  async relations(io: CliIO, flags: RelationsFlags): Promise<number> {
    const cg = await open(io, flags);
    const { type, status, asOf } = flags;
    const entity = optionalEntityId(cg, flags.entity, '--entity');
    const source = optionalEntityId(cg, flags.source, '--source');
    const target = optionalEntityId(cg, flags.target, '--target');
    const relations = await ask(() =>
      cg.relations({ entity, source, target, type: type as never, status: status as never, asOf }),
    );
    show(
      io,
      flags,
      withDatasets(cg, relations),
      relationTable(cg, relations, asOf ? cg.asOf(asOf) : cg),
      empty('relations'),
    );
    return EXIT.ok;
  },

  async statements(io: CliIO, flags: StatementsFlags): Promise<number> {
    const cg = await open(io, flags);
    const { stance, from, to, hedged } = flags;
    const speaker = optionalEntityId(cg, flags.speaker, '--speaker');
    const relation = optionalRelationId(cg, flags.relation, '--relation');
    const entity = optionalEntityId(cg, flags.entity, '--entity');
    const statements = await ask(() =>
      cg.statements({ speaker, relation, entity, stance: stance as never, from, to, hedged }),
    );
    show(io, flags, withDatasets(cg, statements), statementTable(cg, statements), empty('statements'));
    return EXIT.ok;
  },

  async stances(io: CliIO, given: string, flags: CommonFlags & { hedged?: boolean }): Promise<number> {
    const write = writer(io);
    const cg = await open(io, flags);
    const id = relationId(cg, given, '<relation>');
    const stances = await ask(() => cg.stances(id));
    const format = outputFormat(flags);
    const keep = (list: Statement[]) =>
      flags.hedged === undefined ? list : list.filter((s) => (s.hedged === true) === flags.hedged);
    const [supports, disputes] = [keep(stances.supports), keep(stances.disputes)];
    if (format === 'json') {
      const [relation] = withDatasets(cg, [stances.relation]);
      printJson(io, {
        ...stances,
        relation,
        supports: withDatasets(cg, supports),
        disputes: withDatasets(cg, disputes),
      });
      return EXIT.ok;
    }
    const table = statementTable(cg, [...supports, ...disputes], false);
    if (format !== 'table') {
      write(renderTable(table, format, io.stdout.columns));
      return EXIT.ok;
    }
    const { relation, status } = stances;
    const name = (entityId: string) => cg.entity(entityId)?.name ?? entityId;
    write(
      `${name(relation.source)} ${relation.type} ${name(relation.target)} (${relation.id}): ${status} under ${stances.rule} (${plural(supports.length, 'statement')} for, ${disputes.length} against${flags.hedged === undefined ? '' : flags.hedged ? ', hedged only' : ', unhedged only'})`,
    );
    write(renderTable(table, 'table', io.stdout.columns));
    return EXIT.ok;
  },

  async contested(io: CliIO, flags: CommonFlags & { rule?: string }): Promise<number> {
    const cg = await open(io, flags);
    const relations = await ask(() => cg.contested({ rule: flags.rule }));
    show(io, flags, withDatasets(cg, relations), relationTable(cg, relations), empty('contested relations'));
    return EXIT.ok;
  },

  async neighbors(io: CliIO, given: string, flags: GraphFlags): Promise<number> {
    const cg = await open(io, flags);
    const id = entityId(cg, given, '<id>');
    const neighbors = await ask(() => cg.neighbors(id, { type: flags.type as never, status: flags.status as never }));
    show(io, flags, withDatasets(cg, neighbors), entityTable(cg, neighbors), empty('neighbors'));
    return EXIT.ok;
  },

  async path(
    io: CliIO,
    fromGiven: string,
    toGiven: string,
    flags: GraphFlags & { undirected?: boolean },
  ): Promise<number> {
    const write = writer(io);
    const cg = await open(io, flags);
    const from = entityId(cg, fromGiven, '<from>');
    const to = entityId(cg, toGiven, '<to>');
    const options = { directed: !flags.undirected, type: flags.type as never, status: flags.status as never };
    const path = await ask(() => cg.path(from, to, options));
    const format = outputFormat(flags);
    if (format === 'json') {
      printJson(io, { path });
      return EXIT.ok;
    }
    if (path === null) {
      write(
        `no path from ${from} to ${to}${flags.undirected ? '' : ' (following relations from source to target; try --undirected)'}`,
      );
      return EXIT.ok;
    }
    const rows = path.map((id, i) => {
      const via =
        i === 0 ? [] : cg.relations({ source: path[i - 1]!, target: id, type: options.type, status: options.status });
      const back =
        i === 0 || !flags.undirected
          ? []
          : cg.relations({ source: id, target: path[i - 1]!, type: options.type, status: options.status });
      const links = [
        ...via.map((r) => `${r.type} →`),
        ...back.filter((r) => !via.includes(r)).map((r) => `← ${r.type}`),
      ];
      return [String(i), id, cg.entity(id)!.name, links.join(', ')];
    });
    write(
      renderTable({ headers: ['step', 'entity', 'name', 'via'], rows, ids: ID_COLUMNS }, format, io.stdout.columns),
    );
    return EXIT.ok;
  },
};
