/**
 * Colours and symbols shared by every chart: the Okabe–Ito palette, which stays distinguishable
 * under the common colour-vision deficiencies, and a shape for each category as a second cue.
 */
import type { EntityType, Stance } from '@claimgraph/schema';
import type { Status } from '@claimgraph/sdk';

/** The eight Okabe–Ito colours (Okabe & Ito, 2008), by name. */
export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

/** Neutral greys for context: edges, gridlines, secondary text. */
export const GREYS = { text: '#333333', muted: '#666666', line: '#9a9a9a', faint: '#d9d9d9' } as const;

/** A statement's stance with its hedge: what the charts colour by. */
export type StanceKey = 'supports' | 'supports, hedged' | 'disputes' | 'disputes, hedged';

export const STANCE_KEYS: readonly StanceKey[] = ['supports', 'supports, hedged', 'disputes', 'disputes, hedged'];

/** Supports in blue, disputes in vermillion; a hedged claim takes the paler tone of its hue. */
export const STANCE_COLORS: Readonly<Record<StanceKey, string>> = {
  supports: OKABE_ITO.blue,
  'supports, hedged': OKABE_ITO.skyBlue,
  disputes: OKABE_ITO.vermillion,
  'disputes, hedged': OKABE_ITO.orange,
};

/** Triangles that point up for support and down for dispute, so the stance reads without colour. */
export const STANCE_SHAPES: Readonly<Record<StanceKey, string>> = {
  supports: 'triangle-up',
  'supports, hedged': 'triangle-up',
  disputes: 'triangle-down',
  'disputes, hedged': 'triangle-down',
};

export function stanceKey(stance: Stance, hedged: boolean | undefined): StanceKey {
  return hedged ? `${stance}, hedged` : stance;
}

/** Statuses in legend order: the contested relations first. */
export const STATUS_KEYS: readonly Status[] = ['contested', 'supported', 'disputed'];

/** Contested edges stand out: thick and vermillion; settled ones recede into grey. */
export const STATUS_STYLE: Readonly<Record<Status, { color: string; width: number; dash: number[] }>> = {
  contested: { color: OKABE_ITO.vermillion, width: 3, dash: [] },
  supported: { color: GREYS.line, width: 1.2, dash: [] },
  disputed: { color: GREYS.line, width: 1.2, dash: [4, 3] },
};

/**
 * A colour and a shape per entity type. Ten types share seven hues, so no two types share both:
 * colour-blind readers and greyscale prints can still tell them apart by shape.
 */
export const ENTITY_STYLE: Readonly<Record<EntityType, { color: string; shape: string }>> = {
  person: { color: OKABE_ITO.orange, shape: 'circle' },
  'armed-group': { color: OKABE_ITO.reddishPurple, shape: 'square' },
  organization: { color: OKABE_ITO.bluishGreen, shape: 'square' },
  'government-body': { color: OKABE_ITO.blue, shape: 'diamond' },
  'international-body': { color: OKABE_ITO.skyBlue, shape: 'diamond' },
  programme: { color: OKABE_ITO.yellow, shape: 'triangle-up' },
  place: { color: OKABE_ITO.bluishGreen, shape: 'triangle-down' },
  event: { color: OKABE_ITO.black, shape: 'cross' },
  document: { color: GREYS.line, shape: 'triangle-up' },
  'media-outlet': { color: GREYS.line, shape: 'circle' },
};
