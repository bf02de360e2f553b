/**
 * The timeline chart's first stage: its options, their defaults and their checks, resolved into
 * the values the later stages read.
 */
import type { PartialDate } from '@claimgraph/schema';
import type { Voices } from '@claimgraph/sdk';
import type { FrameOptions } from '../input.js';
import { CHECKS, FRAME_CHECKS, FRAME_DEFAULTS, resolveOptions, type Check } from '../options.js';

export interface TimelineChartOptions extends FrameOptions {
  /** An entity id: the statements about relations it takes part in. */
  entity?: string;
  /** One relation id or several. */
  relation?: string | string[];
  /** Show only statements that may fall on or after this partial date (`2021-08`). */
  from?: PartialDate;
  /** Show only statements that may fall on or before this partial date. */
  to?: PartialDate;
  /** Height of one speaker's row, in pixels. */
  rowHeight?: number;
  /** Widest speaker name before it is cut with an ellipsis, in pixels. */
  labelWidth?: number;
  /** Join the two marks of each change of position in a speaker's row and label what changed (needs `cg.positions`). */
  changes?: boolean;
  /** `'speaker'`: a row per speaker; `'body'`: a spokesperson's statements in the row of the body they speak for. */
  voices?: Voices;
}

export const TIMELINE_CHART_DEFAULTS: typeof FRAME_DEFAULTS & {
  entity: string | undefined;
  relation: string | string[] | undefined;
  from: PartialDate | undefined;
  to: PartialDate | undefined;
  rowHeight: number;
  labelWidth: number;
  changes: boolean;
  voices: Voices;
} = {
  entity: undefined,
  relation: undefined,
  from: undefined,
  to: undefined,
  rowHeight: 26,
  labelWidth: 210,
  changes: true,
  voices: 'speaker',
  ...FRAME_DEFAULTS,
};

const TIMELINE_CHECKS = {
  ...FRAME_CHECKS,
  entity: CHECKS.string,
  relation: CHECKS.ids,
  from: CHECKS.date,
  to: CHECKS.date,
  rowHeight: CHECKS.number(12, 200),
  labelWidth: CHECKS.number(40, 600),
  changes: CHECKS.boolean,
  voices: ((v: unknown) =>
    v === 'speaker' || v === 'body' ? null : `must be speaker or body, not ${JSON.stringify(v)}`) as Check,
};

export type TimelineOptions = typeof TIMELINE_CHART_DEFAULTS;

/** The caller's options over the defaults, checked; `undefined` leaves a default. */
export const timelineOptions = (options: unknown): TimelineOptions =>
  resolveOptions('timelineChart', TIMELINE_CHART_DEFAULTS, TIMELINE_CHECKS, options);
