/**
 * Names where ids are expected: `--entity "Haqqani network"` finds `armed-group:haqqani-network`, and
 * `"Haqqani network part-of Taliban"` a relation. An id is taken as it is; a name that fits several
 * records is refused with the candidates listed (id, type, name), so the user picks one by id.
 */
import { RELATION_TYPES, type Entity, type Relation, type RelationType } from '@claimgraph/schema';
import { foldWords, type ClaimGraph } from '@claimgraph/sdk';
import { CliError, EXIT } from './errors.js';

/** How many near matches an error lists. */
const LISTED = 8;

const quoted = (text: string) => JSON.stringify(text);

/** Where a name was given, for messages: `--entity`, `<id>`. */
export type Where = string;

function candidateLines(entities: readonly Entity[]): string[] {
  return entities.slice(0, LISTED).map((e) => `  ${e.id}  (${e.type})  ${e.name}`);
}

/** Entities whose name or an alias is exactly `text`, ignoring case, accents and punctuation. */
function named(cg: ClaimGraph, text: string): Entity[] {
  const key = foldWords(text);
  if (key === '') return [];
  return cg
    .search(text, { limit: 50 })
    .filter((e) => foldWords(e.name) === key || (e.aliases ?? []).some((a) => foldWords(a) === key));
}

/** The words of an id, to search for: `person:nobody-here` → `nobody here`. */
export const idWords = (id: string): string => id.replace(/^[a-z-]+:/, '').replace(/-/g, ' ');

/** The one-line error for an entity nothing names, with the command that finds ids (exit 1, as the SDK's unknown ids). */
export function unknownEntity(given: string): CliError {
  return new CliError(
    `unknown entity ${quoted(given)}; find ids with: claimgraph query search ${quoted(idWords(given))}`,
    EXIT.invalid,
  );
}

/**
 * The id of the entity `given` names: `given` itself when it is an id (or a redirect), else the one
 * entity whose name or alias it is. None: exit 1, pointing at `claimgraph query search`. Several:
 * exit 2, listing the candidates with their ids and types.
 */
export function entityId(cg: ClaimGraph, given: string, where: Where): string {
  if (cg.entity(given)) return given;
  const exact = named(cg, given);
  if (exact.length === 1) return exact[0]!.id;
  if (exact.length === 0) throw unknownEntity(given);
  throw new CliError(
    [
      `${where} ${quoted(given)} names ${exact.length} entities; give one by id:`,
      ...candidateLines(exact),
      ...(exact.length > LISTED ? [`  … and ${exact.length - LISTED} more`] : []),
    ].join('\n'),
    EXIT.usage,
  );
}

/** `entityId` for an option that may be absent. */
export function optionalEntityId(cg: ClaimGraph, given: string | undefined, where: Where): string | undefined {
  return given === undefined ? undefined : entityId(cg, given, where);
}

/**
 * For a library that reports unknown ids itself (the charts): a name becomes its id, an ambiguous
 * name is refused as by `entityId`, and anything else is passed on as given.
 */
export function nameToId(
  cg: ClaimGraph,
  given: string | undefined,
  where: Where,
  kind: 'entity' | 'relation',
): string | undefined {
  if (given === undefined) return undefined;
  try {
    return kind === 'entity' ? entityId(cg, given, where) : relationId(cg, given, where);
  } catch (error) {
    if (error instanceof CliError && error.exitCode === EXIT.invalid) return given;
    throw error;
  }
}

function relationLine(cg: ClaimGraph, r: Relation): string {
  const name = (id: string) => cg.entity(id)?.name ?? id;
  return `  ${r.id}  (${r.type})  ${name(r.source)} ${r.type} ${name(r.target)}`;
}

/**
 * The id of the relation `given` names: `given` itself when it is an id, else "SOURCE TYPE TARGET"
 * with entity names or ids at both ends (`Haqqani network part-of Taliban`). Symmetric relations
 * match either way round. None or several: a CliError (exit 2) with the candidates.
 */
export function relationId(cg: ClaimGraph, given: string, where: Where): string {
  if (cg.relation(given)) return given;
  const words = given.trim().split(/\s+/);
  for (let i = 1; i < words.length - 1; i++) {
    const type = words[i]! as RelationType;
    if (!RELATION_TYPES.includes(type)) continue;
    const [from, to] = [words.slice(0, i).join(' '), words.slice(i + 1).join(' ')];
    const source = entityId(cg, from, `${where} ${quoted(given)}: its source`);
    const target = entityId(cg, to, `${where} ${quoted(given)}: its target`);
    const found = cg.relations({ source, target, type });
    if (found.length === 1) return found[0]!.id;
    if (found.length > 1)
      throw new CliError(
        [
          `${where} ${quoted(given)} names ${found.length} relations; give one by id:`,
          ...found.map((r) => relationLine(cg, r)),
        ].join('\n'),
        EXIT.usage,
      );
    const between = cg.relations({ source, target });
    throw new CliError(
      [
        `${where} ${quoted(given)}: no ${type} relation from ${source} to ${target}${between.length ? '; relations between them:' : ''}`,
        ...between.slice(0, LISTED).map((r) => relationLine(cg, r)),
      ].join('\n'),
      EXIT.invalid,
    );
  }
  throw new CliError(
    `unknown relation ${quoted(given)}; give a relation id or "SOURCE TYPE TARGET" with names or ids (e.g. "Haqqani network part-of Taliban"); list relations with: claimgraph query relations --entity NAME`,
    EXIT.invalid,
  );
}

/** `relationId` for an option that may be absent. */
export function optionalRelationId(cg: ClaimGraph, given: string | undefined, where: Where): string | undefined {
  return given === undefined ? undefined : relationId(cg, given, where);
}
