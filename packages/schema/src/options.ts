/**
 * resolveOptions: how every claimgraph package reads an options object, so that sdk, charts and
 * site behave alike. `undefined` means the default; a key the defaults lack is refused, naming it
 * and the nearest known option; each value can have a check. Each package words its own error.
 */
import { closestName } from './suggest.js';

/** Why a value does not fit its option, or null when it does. */
export type OptionCheck = (value: unknown) => string | null;

/** What is wrong with an options object, for the caller's error. */
export type OptionProblem =
  /** `options` itself is not a plain object (null, an array, a number…). */
  | { kind: 'not-an-object'; value: unknown }
  /** `option` is not a key of the defaults; `suggestion` is the nearest one, if any is close. */
  | { kind: 'unknown'; option: string; suggestion: string | null; known: readonly string[] }
  /** `option`'s value fails its check; `problem` says why. */
  | { kind: 'invalid'; option: string; problem: string };

export interface ResolveOptionsSettings {
  /** A check per option; an option without one takes any value. */
  checks?: Readonly<Record<string, OptionCheck | undefined>>;
  /** The error to throw for a problem: each package names itself and the method. */
  error: (problem: OptionProblem) => Error;
}

/** `options` merged over `defaults`: unknown keys and failed checks throw `settings.error(…)`; `undefined` keeps the default. */
export function resolveOptions<T extends object>(defaults: T, options: unknown, settings: ResolveOptionsSettings): T {
  if (options === undefined) return { ...defaults };
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw settings.error({ kind: 'not-an-object', value: options });
  }
  const known = Object.keys(defaults);
  for (const option of Object.keys(options)) {
    if (!Object.hasOwn(defaults, option)) {
      throw settings.error({ kind: 'unknown', option, suggestion: closestName(option, known), known });
    }
  }
  const out = { ...defaults } as Record<string, unknown>;
  for (const [option, value] of Object.entries(options)) {
    if (value === undefined) continue;
    const problem = settings.checks?.[option]?.(value);
    if (problem) throw settings.error({ kind: 'invalid', option, problem });
    out[option] = value;
  }
  return out as T;
}
