/**
 * The network chart's first stage: its options, their defaults and their checks, resolved into
 * the values the later stages read.
 */
import { CHECKS, FRAME_CHECKS, FRAME_DEFAULTS, resolveOptions } from '../options.js';
import type { FrameOptions } from '../input.js';
import type { LayoutName } from '../layout.js';

export interface NetworkChartOptions extends FrameOptions {
  /** An entity id: draw it and what lies within `depth` relations of it, and emphasise it. */
  entity?: string;
  /** The same as `entity` (its earlier name). */
  focus?: string;
  /** One relation id or several: draw their two ends and what lies within `depth` of them. */
  relation?: string | string[];
  /** How many relations away from the subject to reach: 1 or 2 [1]. */
  depth?: number;
  /** Draw the whole graph instead of a neighbourhood [false]. */
  all?: boolean;
  /** The most entities drawn; above it the best-connected are kept and the subtitle says so [300]. */
  maxNodes?: number;
  /** How nodes are placed ['forceatlas2']. */
  layout?: LayoutName;
  /** Seed for the starting positions: the same seed draws the same picture [1]. */
  seed?: number;
  /** ForceAtlas2 iterations [by size: 500 for up to 100 entities, fewer above, at least 60]. */
  iterations?: number;
  /** Keep entities that take part in no relation (speakers only) [false]. */
  isolated?: boolean;
  /** Height of the drawing in pixels [three quarters of the width, 320 to 900]. */
  height?: number;
}

export const NETWORK_CHART_DEFAULTS: typeof FRAME_DEFAULTS & {
  entity: string | undefined;
  focus: string | undefined;
  relation: string | string[] | undefined;
  depth: number;
  all: boolean;
  maxNodes: number;
  layout: LayoutName;
  seed: number;
  iterations: number | undefined;
  isolated: boolean;
  height: number | undefined;
} = {
  entity: undefined,
  focus: undefined,
  relation: undefined,
  depth: 1,
  all: false,
  maxNodes: 300,
  layout: 'forceatlas2',
  seed: 1,
  iterations: undefined,
  isolated: false,
  height: undefined,
  ...FRAME_DEFAULTS,
};

/** The most entities a network chart draws by default; `maxNodes` changes it. */
export const NETWORK_MAX_NODES = 300;

const NETWORK_CHECKS = {
  ...FRAME_CHECKS,
  entity: CHECKS.string,
  focus: CHECKS.string,
  relation: CHECKS.ids,
  depth: CHECKS.integer(1, 2),
  all: CHECKS.boolean,
  maxNodes: CHECKS.integer(2, 100_000),
  layout: CHECKS.oneOf('forceatlas2', 'circular'),
  seed: CHECKS.integer(0, 2 ** 32 - 1),
  iterations: CHECKS.integer(1, 10_000),
  isolated: CHECKS.boolean,
  height: CHECKS.number(160, 4000),
};

export type NetworkOptions = typeof NETWORK_CHART_DEFAULTS;

/** The caller's options over the defaults, checked; `undefined` leaves a default. */
export const networkOptions = (options: unknown): NetworkOptions =>
  resolveOptions('networkChart', NETWORK_CHART_DEFAULTS, NETWORK_CHECKS, options);
