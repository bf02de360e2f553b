/**
 * The centrality chart's first stage: its options, their defaults and their checks, resolved into
 * the values the later stages read.
 */
import type { EntityType } from '@claimgraph/schema';
import type { FrameOptions } from '../input.js';
import { CHECKS, FRAME_CHECKS, FRAME_DEFAULTS, resolveOptions } from '../options.js';

export type CentralityMetric = 'degree' | 'betweenness';

export interface CentralityChartOptions extends FrameOptions {
  /** `degree`: how many entities each is tied to; `betweenness`: share of shortest paths through it. */
  metric?: CentralityMetric;
  /** How many entities to rank. */
  limit?: number;
  /** Widest entity name, in pixels; a longer one is shortened after a whole word [180]. */
  labelWidth?: number;
  /** Which entity types are ranked [person, armed-group, government-body, international-body]. */
  types?: EntityType | EntityType[];
}

/** The actors a newsroom ranks: people, armed groups, governments and international bodies. */
export const CENTRALITY_TYPES: readonly EntityType[] = [
  'person',
  'armed-group',
  'government-body',
  'international-body',
];

export const CENTRALITY_CHART_DEFAULTS: typeof FRAME_DEFAULTS & {
  metric: CentralityMetric;
  limit: number;
  labelWidth: number;
  types: EntityType | EntityType[];
} = {
  metric: 'degree',
  limit: 15,
  labelWidth: 180,
  types: [...CENTRALITY_TYPES],
  ...FRAME_DEFAULTS,
};

const CENTRALITY_CHECKS = {
  ...FRAME_CHECKS,
  metric: CHECKS.oneOf('degree', 'betweenness'),
  limit: CHECKS.integer(1, 500),
  labelWidth: CHECKS.number(40, 600),
  types: CHECKS.entityTypes,
};

export type CentralityOptions = typeof CENTRALITY_CHART_DEFAULTS;

/** The caller's options over the defaults, checked; `undefined` leaves a default. */
export const centralityOptions = (options: unknown): CentralityOptions =>
  resolveOptions('centralityChart', CENTRALITY_CHART_DEFAULTS, CENTRALITY_CHECKS, options);
