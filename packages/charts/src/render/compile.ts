/**
 * Vega-Lite to Vega, with vega-lite's warnings caught instead of printed: a chart that compiles
 * with warnings is usually drawn wrong, so callers decide whether to fail.
 */
import type { Spec } from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { ChartRenderError } from './errors.js';
import { loadVega } from './modules.js';

export interface CompiledSpec {
  /** The Vega spec vega's View runs. */
  vega: Spec;
  /** What vega-lite warned about while compiling, in order. */
  warnings: string[];
}

/** Compiles a Vega-Lite spec and returns the Vega spec with every warning vega-lite raised. */
export async function compileSpec(spec: TopLevelSpec): Promise<CompiledSpec> {
  const { vegaLite } = await loadVega();
  const { logger, warnings } = collectingLogger('vega-lite');
  const { spec: vega } = vegaLite.compile(spec, { logger: logger as never });
  return { vega, warnings };
}

/** The logger vega and vega-lite call (vega-util's LoggerInterface, with `error` that throws). */
export interface CollectingLogger {
  level(value?: number): number | CollectingLogger;
  error(...args: readonly unknown[]): never;
  warn(...args: readonly unknown[]): CollectingLogger;
  info: () => CollectingLogger;
  debug: () => CollectingLogger;
}

/** A vega/vega-lite logger that keeps warnings in a list and throws errors. */
export function collectingLogger(source: string): { logger: CollectingLogger; warnings: string[] } {
  const warnings: string[] = [];
  let level = 2; // vega.Warn: warnings and errors reach the logger, info and debug do not
  const logger: CollectingLogger = {
    level(value?: number) {
      if (value === undefined) return level;
      level = value;
      return logger;
    },
    error(...args: readonly unknown[]) {
      throw new ChartRenderError(`${source}: ${args.map(String).join(' ')}`);
    },
    warn(...args: readonly unknown[]) {
      warnings.push(args.map(String).join(' '));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return { logger, warnings };
}
