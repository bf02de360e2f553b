/**
 * The network chart's second stage: which entities it draws — the subject's neighbourhood (an
 * entity, relations, the contested relations' ends, or everything), capped at `maxNodes`.
 */
import { RELATION_TYPE_INFO } from '@claimgraph/schema';
import { requireId, type ChartIndex } from '../input.js';
import { ChartOptionError } from '../options.js';
import { neighbourhood, tieGraph } from '../ties.js';
import { plural } from '../text.js';
import type { NetworkOptions } from './options.js';

export interface Subject {
  keep: ((id: string) => boolean) | undefined;
  seeds: Set<string>;
  /** The title and the line under it, in the chart's own labels (known once the selection is made). */
  title: (labelOf: ChartIndex['labelOf']) => string;
  about: (labelOf: ChartIndex['labelOf']) => string;
}

export interface NetworkSelection {
  /** The entity the chart is about (`entity`, or its earlier name `focus`), emphasised. */
  entity: string | undefined;
  subject: Subject;
  /** The tie graph of the entities drawn. */
  ties: ReturnType<typeof tieGraph>;
  /** How many entities the neighbourhood held before the cap. */
  available: number;
}

export function selectNetwork(index: ChartIndex, o: NetworkOptions): NetworkSelection {
  const entity = o.entity ?? o.focus;
  const subject = subjectOf(index, { ...o, entity });
  const ties = tieGraph(index, subject.keep, o.isolated);
  const available = ties.order;
  // Above the cap, the best-connected entities stay (the subject's own first).
  if (ties.order > o.maxNodes) {
    const ranked = ties
      .nodes()
      .sort(
        (a, b) =>
          Number(subject.seeds.has(b)) - Number(subject.seeds.has(a)) ||
          ties.degree(b) - ties.degree(a) ||
          (a < b ? -1 : 1),
      );
    for (const id of ranked.slice(o.maxNodes)) ties.dropNode(id);
    if (!o.isolated) for (const id of ties.filterNodes((n) => ties.degree(n) === 0)) ties.dropNode(id);
  }
  if (ties.order === 0) {
    throw new ChartOptionError(
      'networkChart',
      entity !== undefined ? 'entity' : 'relation',
      'leaves no entity with a relation to draw',
    );
  }
  return { entity, subject, ties, available };
}

/** What the chart is about: an entity, relations, the contested relations' ends, or everything. */
function subjectOf(
  index: ChartIndex,
  o: { entity?: string; relation?: string | string[]; depth: number; all: boolean },
): Subject {
  const within = (seeds: Set<string>) => {
    const kept = new Set<string>();
    for (const seed of seeds) for (const id of neighbourhood(index, seed, o.depth)) kept.add(id);
    return kept;
  };
  const hops = o.depth === 1 ? 'one relation' : `${o.depth} relations`;
  if (o.entity !== undefined) {
    requireId(index.entities, o.entity, { helper: 'networkChart', option: 'entity', kind: 'an entity' });
    const seeds = new Set([o.entity]);
    const kept = within(seeds);
    const entity = o.entity;
    return {
      keep: (id) => kept.has(id),
      seeds,
      title: () => '',
      about: (labelOf) => `Within ${hops} of ${labelOf(entity)}`,
    };
  }
  if (o.relation !== undefined) {
    const ids = [o.relation].flat();
    for (const id of ids)
      requireId(index.relations, id, { helper: 'networkChart', option: 'relation', kind: 'a relation' });
    const seeds = new Set(ids.flatMap((id) => [index.relations.get(id)!.source, index.relations.get(id)!.target]));
    const kept = within(seeds);
    const name = ids.length === 1 ? index.relations.get(ids[0]!)! : undefined;
    const phrase = (labelOf: ChartIndex['labelOf']) =>
      name
        ? `${labelOf(name.source)} ${RELATION_TYPE_INFO[name.type].label} ${labelOf(name.target)}`
        : `${ids.length} relations`;
    return {
      keep: (id) => kept.has(id),
      seeds,
      title: (labelOf) => `Who is tied to whom: ${phrase(labelOf)}`,
      about: (labelOf) => `Within ${hops} of ${phrase(labelOf)}`,
    };
  }
  const contested = index.data.relations.filter((r) => index.status(r.id) === 'contested');
  if (o.all || contested.length === 0)
    return { keep: undefined, seeds: new Set(), title: () => 'Who is tied to whom', about: () => 'The whole dataset' };
  const seeds = new Set(contested.flatMap((r) => [r.source, r.target]));
  const kept = within(seeds);
  return {
    keep: (id) => kept.has(id),
    seeds,
    title: () => 'Who is tied to the contested claims',
    about: () => `Within ${hops} of the ${plural(contested.length, 'contested relation')}`,
  };
}
