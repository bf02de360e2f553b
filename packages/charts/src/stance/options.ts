/**
 * The stance chart's first stage: its options, their defaults and their checks, resolved into
 * the values the later stages read.
 */
import type { FrameOptions } from '../input.js';
import { CHECKS, FRAME_CHECKS, FRAME_DEFAULTS, resolveOptions } from '../options.js';
import type { StatementSelection } from '../statements.js';

export interface StanceChartOptions extends StatementSelection, FrameOptions {
  /** Print each statement's words beside its date (the tooltip always has them whole) [true]. */
  quotes?: boolean;
  /** Only statements whose date, at its precision, may fall on or after this date (`2021-08`) [none]. */
  from?: string;
  /** Only statements whose date, at its precision, may fall on or before this date [none]. */
  to?: string;
  /**
   * At most this many lines of a quote; a longer one is shortened after a whole word, with an
   * ellipsis, and stays whole in the tooltip and the description [no limit].
   */
  maxQuoteLines?: number;
  /** Widest speaker name, in pixels; longer names wrap onto more lines [170]. */
  labelWidth?: number;
}

export const STANCE_CHART_DEFAULTS: typeof FRAME_DEFAULTS & {
  relation: string | string[] | undefined;
  entity: string | undefined;
  from: string | undefined;
  to: string | undefined;
  quotes: boolean;
  maxQuoteLines: number | undefined;
  labelWidth: number;
} = {
  relation: undefined,
  entity: undefined,
  from: undefined,
  to: undefined,
  quotes: true,
  maxQuoteLines: undefined,
  labelWidth: 170,
  ...FRAME_DEFAULTS,
};

const STANCE_CHECKS = {
  ...FRAME_CHECKS,
  relation: CHECKS.ids,
  entity: CHECKS.string,
  from: CHECKS.date,
  to: CHECKS.date,
  quotes: CHECKS.boolean,
  maxQuoteLines: CHECKS.integer(1, 100),
  labelWidth: CHECKS.number(40, 600),
};

export type StanceOptions = typeof STANCE_CHART_DEFAULTS;

/** The caller's options over the defaults, checked; `undefined` leaves a default. */
export const stanceOptions = (options: unknown): StanceOptions =>
  resolveOptions('stanceChart', STANCE_CHART_DEFAULTS, STANCE_CHECKS, options);
