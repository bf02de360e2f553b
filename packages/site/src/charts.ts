/**
 * The charts a site draws, one per kind of page: what the browser script draws (a small JSON
 * reference into the shared release data, never the data itself) and the words that label it.
 */
import type { Entity, Relation } from '@claimgraph/schema';
import type { Site } from './model.js';

/** Which chart to draw: the browser script turns it into a spec with @claimgraph/charts. */
export interface ChartRef {
  kind: 'stance' | 'timeline' | 'network' | 'perspective';
  relation?: string | string[];
  entity?: string;
  speaker?: string;
}

export interface PageChart {
  chart: ChartRef;
  /** What the chart shows, in words: its accessible name, and its caption without JavaScript. */
  label: string;
}

export const relationChart = (site: Site, relation: Relation): PageChart => ({
  chart: { kind: 'stance', relation: relation.id },
  label: `Who says what: ${site.phraseText(relation)}`,
});

export const entityChart = (entity: Entity): PageChart => ({
  chart: { kind: 'network', entity: entity.id },
  label: `${entity.name} and everyone tied to it`,
});

export const perspectiveChart = (speaker: Entity): PageChart => ({
  chart: { kind: 'perspective', speaker: speaker.id },
  label: `The network as ${speaker.name} describes it`,
});

export const timelineChart = (relations: string[]): PageChart => ({
  chart: { kind: 'timeline', relation: relations },
  label: `When it was said: the ${relations.length === 1 ? 'most discussed contested relation' : `${relations.length} most discussed contested relations`}`,
});
