/**
 * Vega-Lite to Vega, with vega-lite's warnings caught instead of printed: a chart that compiles
 * with warnings is usually drawn wrong, so callers decide whether to fail.
 */
import { compile } from 'vega-lite';
import type { Spec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';

export interface CompiledSpec {
  /** The Vega spec vega's View runs. */
  vega: Spec;
  /** What vega-lite warned about while compiling, in order. */
  warnings: string[];
}

/** Compiles a Vega-Lite spec and returns the Vega spec with every warning vega-lite raised. */
export function compileSpec(spec: TopLevelSpec): CompiledSpec {
  const warnings: string[] = [];
  let level = 0;
  const logger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: readonly unknown[]) {
      throw new Error(`@claimgraph/charts/render: vega-lite: ${args.map(String).join(' ')}`);
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  const { spec: vega } = compile(spec, { logger: logger as never });
  return { vega, warnings };
}
