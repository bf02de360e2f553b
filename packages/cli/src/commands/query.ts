/**
 * `claimgraph query …`: ask a dataset (the bundled one unless --dataset says otherwise) who is
 * connected to whom and who says so, through @claimgraph/sdk; a table by default, --json for scripts.
 */
import { checkIntegrity } from '../integrity.js';
import type { Command } from 'commander';
import type { Entity, Relation, Statement } from '@claimgraph/schema';
import {
  ClaimGraph,
  ClaimGraphError,
  ClaimGraphLoadError,
  ClaimGraphValidationError,
  UnknownIdError,
} from '@claimgraph/sdk';
import { datasetOrBundled } from '../bundled-dataset.js';
import { CliError, EXIT } from '../errors.js';
import { formatTable, plural, printJson } from '../output.js';
import { resolveDatasetPath } from '../paths.js';

type Run = <A extends unknown[]>(command: (...args: A) => Promise<number>) => (...args: A) => Promise<void>;

interface CommonFlags {
  dataset?: string;
  json?: boolean;
}

/**
 * Loads the dataset; what goes wrong becomes a one-line message: exit code 1 for invalid data, 2 for
 * bad options and for a --dataset that is not a dataset at all (as for every other command).
 */
async function open(flags: CommonFlags): Promise<ClaimGraph> {
  const path = await resolveDatasetPath(datasetOrBundled(flags.dataset));
  await checkIntegrity(path);
  try {
    return await ClaimGraph.load(path);
  } catch (error) {
    throw cliError(error);
  }
}

/** Runs a query, turning the SDK's errors into messages without stack traces. */
async function ask<T>(query: () => T): Promise<T> {
  try {
    return query();
  } catch (error) {
    throw cliError(error);
  }
}

function cliError(error: unknown): unknown {
  if (!(error instanceof ClaimGraphError)) return error;
  const message = error.message.replace(/^@claimgraph\/sdk: /, '');
  if (error instanceof UnknownIdError) {
    const hint =
      error.kind === 'entity'
        ? `; find ids with: claimgraph query search ${JSON.stringify(error.id.replace(/^[a-z-]+:/, '').replace(/-/g, ' '))}`
        : '';
    return new CliError(`${message}${hint}`, EXIT.invalid);
  }
  if (error instanceof ClaimGraphLoadError || error instanceof ClaimGraphValidationError)
    return new CliError(message, EXIT.invalid);
  return new CliError(message, EXIT.usage);
}

function integer(value: string, option: string): number {
  // Digits only: Number() would also take "", " 5", "1e3" and "0x10".
  if (!/^\d+$/.test(value)) throw new CliError(`${option} ${value}: not a whole number`);
  return Number(value);
}

const write = (text: string) => process.stdout.write(`${text}\n`);

/** Columns holding ids, printed whole: a cut id cannot be passed to the next query. */
const ID_COLUMNS = ['id', 'source', 'target', 'speaker', 'relation', 'entity'];

function entityTable(entities: Entity[]): string {
  return formatTable(
    ['id', 'type', 'name', 'aliases'],
    entities.map((e) => [e.id, e.type, e.name, (e.aliases ?? []).join(', ')]),
    undefined,
    ID_COLUMNS,
  );
}

function relationTable(cg: ClaimGraph, relations: Relation[]): string {
  return formatTable(
    ['id', 'type', 'source', 'target', 'status', 'for', 'against'],
    relations.map((r) => {
      const { status, supports, disputes } = cg.stances(r.id);
      return [r.id, r.type, r.source, r.target, status, String(supports.length), String(disputes.length)];
    }),
    undefined,
    ID_COLUMNS,
  );
}

function statementTable(statements: Statement[], withRelation = true): string {
  const headers = ['date', 'id', 'speaker', 'stance', ...(withRelation ? ['relation'] : []), 'quote'];
  return formatTable(
    headers,
    statements.map((s) => [s.date, s.id, s.speaker, s.stance, ...(withRelation ? [s.relation] : []), s.quote ?? '']),
    undefined,
    ID_COLUMNS,
  );
}

function empty(what: string): string {
  return `no ${what}`;
}

/** Adds `query` and its subcommands to the program. */
export function registerQueryCommand(program: Command, run: Run): void {
  const query = program
    .command('query')
    .description(
      'query a dataset (default: the bundled one): search, entity, relations, statements, stances, contested, neighbors, path',
    );
  const sub = (name: string, description: string) =>
    query
      .command(name)
      .description(description)
      .option(
        '--dataset <path>',
        'release folder, dataset.json, source folder or installed package (default: the bundled dataset)',
      )
      .option('--json', 'print machine-readable JSON');

  sub('search', 'find entities by name or alias, ignoring case, accents and punctuation; exact matches first')
    .argument('<text>', 'a name, or part of one')
    .option('--type <type>', 'only entities of this type (person, armed-group, …)')
    .option('--limit <n>', 'at most this many results', '20')
    .action(
      run(async (text: string, flags: CommonFlags & { type?: string; limit: string }) => {
        const cg = await open(flags);
        const found = await ask(() =>
          cg.search(text, { type: flags.type as never, limit: integer(flags.limit, '--limit') }),
        );
        if (flags.json) printJson(found);
        else write(found.length ? entityTable(found) : empty(`entity matches "${text}"`));
        return EXIT.ok;
      }),
    );

  sub('entity', 'show one entity and its relations')
    .argument('<id>', 'entity id, e.g. armed-group:taliban')
    .action(
      run(async (id: string, flags: CommonFlags) => {
        const cg = await open(flags);
        const entity = cg.entity(id);
        if (!entity) throw cliError(new UnknownIdError('entity', id));
        if (flags.json) {
          printJson(entity);
          return EXIT.ok;
        }
        const relations = cg.relations({ entity: id });
        const fields = Object.entries(entity).map(([key, value]) => [
          key,
          Array.isArray(value) ? value.join(', ') : String(value),
        ]);
        write(formatTable(['field', 'value'], fields, 100));
        write(`\n${plural(relations.length, 'relation')}`);
        if (relations.length) write(relationTable(cg, relations));
        return EXIT.ok;
      }),
    );

  sub('relations', 'list relations, by id')
    .option('--entity <id>', 'with this entity at either end')
    .option('--source <id>', 'from this entity (symmetric relations match from either end)')
    .option('--target <id>', 'to this entity (symmetric relations match from either end)')
    .option('--type <type>', 'of this relation type (part-of, leads, …)')
    .option('--status <status>', 'supported, disputed or contested')
    .option('--as-of <date>', 'holding on this date, and said by then (YYYY, YYYY-MM or YYYY-MM-DD)')
    .action(
      run(
        async (
          flags: CommonFlags & {
            entity?: string;
            source?: string;
            target?: string;
            type?: string;
            status?: string;
            asOf?: string;
          },
        ) => {
          const cg = await open(flags);
          const { entity, source, target, type, status, asOf } = flags;
          const relations = await ask(() =>
            cg.relations({ entity, source, target, type: type as never, status: status as never, asOf }),
          );
          if (flags.json) printJson(relations);
          else write(relations.length ? relationTable(asOf ? cg.asOf(asOf) : cg, relations) : empty('relations'));
          return EXIT.ok;
        },
      ),
    );

  sub('statements', 'list statements, by date then id')
    .option('--speaker <id>', 'said by this entity')
    .option('--relation <id>', 'about this relation')
    .option('--entity <id>', 'about relations with this entity at either end')
    .option('--stance <stance>', 'supports or disputes')
    .option('--from <date>', 'certainly on or after this date')
    .option('--to <date>', 'certainly on or before this date (2021-08 counts as 2021-08-31)')
    .action(
      run(
        async (
          flags: CommonFlags & {
            speaker?: string;
            relation?: string;
            entity?: string;
            stance?: string;
            from?: string;
            to?: string;
          },
        ) => {
          const cg = await open(flags);
          const { speaker, relation, entity, stance, from, to } = flags;
          const statements = await ask(() =>
            cg.statements({ speaker, relation, entity, stance: stance as never, from, to }),
          );
          if (flags.json) printJson(statements);
          else write(statements.length ? statementTable(statements) : empty('statements'));
          return EXIT.ok;
        },
      ),
    );

  sub('stances', 'who supports and who disputes a relation')
    .argument('<relation>', 'relation id, e.g. rel:haqqani-network-part-of-taliban')
    .action(
      run(async (id: string, flags: CommonFlags) => {
        const cg = await open(flags);
        const stances = await ask(() => cg.stances(id));
        if (flags.json) {
          printJson(stances);
          return EXIT.ok;
        }
        const { relation, supports, disputes, status } = stances;
        write(
          `${relation.source} ${relation.type} ${relation.target}: ${status} (${supports.length} for, ${disputes.length} against)`,
        );
        write(statementTable([...supports, ...disputes], false));
        return EXIT.ok;
      }),
    );

  sub('contested', 'relations with both supporting and disputing statements').action(
    run(async (flags: CommonFlags) => {
      const cg = await open(flags);
      const relations = cg.contested();
      if (flags.json) printJson(relations);
      else write(relations.length ? relationTable(cg, relations) : empty('contested relations'));
      return EXIT.ok;
    }),
  );

  sub('neighbors', 'entities one relation away, whichever way it points')
    .argument('<id>', 'entity id')
    .option('--type <type>', 'only through relations of this type')
    .option('--status <status>', 'only through supported, disputed or contested relations')
    .action(
      run(async (id: string, flags: CommonFlags & { type?: string; status?: string }) => {
        const cg = await open(flags);
        const neighbors = await ask(() =>
          cg.neighbors(id, { type: flags.type as never, status: flags.status as never }),
        );
        if (flags.json) printJson(neighbors);
        else write(neighbors.length ? entityTable(neighbors) : empty('neighbors'));
        return EXIT.ok;
      }),
    );

  sub('path', 'a shortest chain of relations from one entity to another')
    .argument('<from>', 'entity id')
    .argument('<to>', 'entity id')
    .option('--undirected', 'walk directed relations both ways too (symmetric ones always go both ways)')
    .option('--type <type>', 'only through relations of this type')
    .option('--status <status>', 'only through supported, disputed or contested relations')
    .action(
      run(
        async (
          from: string,
          to: string,
          flags: CommonFlags & { undirected?: boolean; type?: string; status?: string },
        ) => {
          const cg = await open(flags);
          const options = { directed: !flags.undirected, type: flags.type as never, status: flags.status as never };
          const path = await ask(() => cg.path(from, to, options));
          if (flags.json) {
            printJson({ path });
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
              i === 0
                ? []
                : cg.relations({ source: path[i - 1]!, target: id, type: options.type, status: options.status });
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
          write(formatTable(['step', 'entity', 'name', 'via'], rows, undefined, ID_COLUMNS));
          return EXIT.ok;
        },
      ),
    );
}
