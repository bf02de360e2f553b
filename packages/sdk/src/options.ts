/**
 * Options of every query, each with one DEFAULTS object, and their checks: a misspelt option or an
 * unknown type is an error naming the method, never a silently empty answer.
 */
import {
  ENTITY_TYPES,
  RELATION_TYPES,
  STANCES,
  type EntityType,
  type PartialDate,
  type RelationType,
  type Stance,
} from '@claimgraph/schema';
import { resolveOptions as resolveWith } from '@claimgraph/schema/internal';
import { ClaimGraphOptionError, optionError } from './errors.js';
import { STATUSES, type Status } from './status.js';
import type { Direction } from './traverse.js';

/** One value or a list of them: `{ type: 'part-of' }` or `{ type: ['part-of', 'member-of'] }`. */
export type OneOrMany<T> = T | readonly T[];

export interface EntitiesOptions {
  /** Only entities of this type (or these types) [all]. */
  type?: OneOrMany<EntityType>;
}

export interface SearchOptions {
  /** Only entities of this type (or these types) [all]. */
  type?: OneOrMany<EntityType>;
  /** At most this many results [20]. */
  limit?: number;
}

export interface RelationsOptions {
  /** Only relations of this type (or these types) [all]. */
  type?: OneOrMany<RelationType>;
  /** Only relations with this entity at either end [any]. */
  entity?: string;
  /** Only relations from this entity; a symmetric relation matches from either end [any]. */
  source?: string;
  /** Only relations to this entity; a symmetric relation matches from either end [any]. */
  target?: string;
  /** Only relations whose statements add up to this status (or these) [any]. */
  status?: OneOrMany<Status>;
  /** Only relations holding on this date and said by then; status then counts only statements by then [none]. */
  asOf?: PartialDate;
}

export interface StatementsOptions {
  /** Only statements about this relation [any]. */
  relation?: string;
  /** Only statements by this speaker [any]. */
  speaker?: string;
  /** Only statements about relations with this entity at either end [any]. */
  entity?: string;
  /** Only statements with this stance [both]. */
  stance?: Stance;
  /** Only statements certainly on or after this date (`2021-08` is not on or after `2021-08-15`) [none]. */
  from?: PartialDate;
  /** Only statements certainly on or before this date (`2021-08` is by `2021-08-31`, not by `2021-08-01`) [none]. */
  to?: PartialDate;
  /** Only statements reported by this source [any]. */
  source?: string;
  /** Only hedged statements (`true`: the speaker qualified the claim) or only unhedged ones (`false`) [both]. */
  hedged?: boolean;
}

export interface NeighborsOptions {
  /** Only through relations of this type (or these types) [all]. */
  type?: OneOrMany<RelationType>;
  /** Only through relations with this status (or these) [any]. */
  status?: OneOrMany<Status>;
  /** Only through relations holding on this date and said by then [none]. */
  asOf?: PartialDate;
  /** `'any'`: everyone connected; `'out'`: targets of directed relations; `'in'`: their sources. Symmetric relations count both ways ['any']. */
  direction?: Direction;
}

export interface PathOptions {
  /** Only through relations of this type (or these types) [all]. */
  type?: OneOrMany<RelationType>;
  /** Only through relations with this status (or these) [any]. */
  status?: OneOrMany<Status>;
  /** Follow directed relations from source to target only; `false` walks every relation both ways. Symmetric relations always go both ways [true]. */
  directed?: boolean;
}

export const ENTITIES_DEFAULTS: EntitiesOptions = { type: undefined };
export const SEARCH_DEFAULTS: SearchOptions & { limit: number } = { type: undefined, limit: 20 };
export const RELATIONS_DEFAULTS: RelationsOptions = {
  type: undefined,
  entity: undefined,
  source: undefined,
  target: undefined,
  status: undefined,
  asOf: undefined,
};
export const STATEMENTS_DEFAULTS: StatementsOptions = {
  relation: undefined,
  speaker: undefined,
  entity: undefined,
  stance: undefined,
  from: undefined,
  to: undefined,
  source: undefined,
  hedged: undefined,
};
export const NEIGHBORS_DEFAULTS: NeighborsOptions & { direction: Direction } = {
  type: undefined,
  status: undefined,
  asOf: undefined,
  direction: 'any',
};
export const PATH_DEFAULTS: PathOptions & { directed: boolean } = {
  type: undefined,
  status: undefined,
  directed: true,
};

/** Options merged over their defaults (`undefined` keeps the default); a key the defaults do not have is a typo. */
export function resolveOptions<T extends object>(method: string, defaults: T, options: unknown): T {
  return resolveWith(defaults, options, {
    error: (problem) => {
      if (problem.kind === 'not-an-object')
        return optionError(method, 'options', `must be an object, not ${JSON.stringify(problem.value)}`);
      if (problem.kind === 'invalid') return optionError(method, problem.option, problem.problem);
      const near = problem.suggestion ? `; did you mean "${problem.suggestion}"?` : '';
      return new ClaimGraphOptionError(
        method,
        problem.option,
        `option ${JSON.stringify(problem.option)} is unknown; use ${problem.known.join(', ')}${near}`,
      );
    },
  });
}

/** The allowed values named by a one-or-many option, or null when the option is absent. */
export function oneOrMany<T extends string>(
  method: string,
  option: string,
  value: OneOrMany<T> | undefined,
  allowed: readonly T[],
): ReadonlySet<T> | null {
  if (value === undefined) return null;
  const values = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(values))
    throw optionError(method, option, `must be one of ${allowed.join(', ')}, or a list of them`);
  for (const v of values as unknown[]) {
    if (!(allowed as readonly unknown[]).includes(v))
      throw optionError(method, option, `must be one of ${allowed.join(', ')}, not ${JSON.stringify(v)}`);
  }
  return new Set(values);
}

export const relationTypes = (method: string, value: OneOrMany<RelationType> | undefined) =>
  oneOrMany(method, 'type', value, RELATION_TYPES);
export const entityTypes = (method: string, value: OneOrMany<EntityType> | undefined) =>
  oneOrMany(method, 'type', value, ENTITY_TYPES);
export const statuses = (method: string, value: OneOrMany<Status> | undefined) =>
  oneOrMany(method, 'status', value, STATUSES);

export function stanceOption(method: string, value: unknown): Stance | undefined {
  if (value === undefined) return undefined;
  if (!(STANCES as readonly unknown[]).includes(value))
    throw optionError(method, 'stance', `must be one of ${STANCES.join(', ')}, not ${JSON.stringify(value)}`);
  return value as Stance;
}

export function limitOption(method: string, value: unknown): number {
  if (value === Infinity || (typeof value === 'number' && Number.isInteger(value) && value >= 0)) return value;
  throw optionError(method, 'limit', `must be a whole number of results (or Infinity), not ${JSON.stringify(value)}`);
}

export function directionOption(method: string, value: unknown): Direction {
  if (value === 'any' || value === 'out' || value === 'in') return value;
  throw optionError(method, 'direction', `must be one of any, out, in, not ${JSON.stringify(value)}`);
}

export function booleanOption(method: string, option: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  throw optionError(method, option, `must be true or false, not ${JSON.stringify(value)}`);
}
