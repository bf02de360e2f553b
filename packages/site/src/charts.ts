/**
 * The charts a site draws, one per kind of page: what the browser script draws (a small JSON
 * reference into the release data, never the data itself) and the words that label it.
 */
import type { Entity, Relation } from '@claimgraph/schema';
import type { Site } from './model.js';
import { chartLabel, type ChartRef } from './paths.js';

export type { ChartRef } from './paths.js';

export interface PageChart {
  chart: ChartRef;
  /** What the chart shows, in words: its accessible name, and its caption without JavaScript. */
  label: string;
}

const labelled = (chart: ChartRef, name: string): PageChart => ({ chart, label: chartLabel(chart, name) });

export const relationChart = (site: Site, relation: Relation): PageChart =>
  labelled({ kind: 'stance', relation: relation.id }, site.phraseText(relation));

export const entityChart = (entity: Entity): PageChart => labelled({ kind: 'network', entity: entity.id }, entity.name);

export const perspectiveChart = (speaker: Entity): PageChart =>
  labelled({ kind: 'perspective', speaker: speaker.id }, speaker.name);

export const timelineChart = (relations: string[]): PageChart =>
  labelled({ kind: 'timeline', relation: relations }, '');
