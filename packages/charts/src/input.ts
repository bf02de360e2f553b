/**
 * What the chart helpers read from a ClaimGraph, and the indexes they share: names, relations,
 * statuses and the source line. Helpers only read; they never change the graph they are given.
 */
import type { Dataset, Entity, Relation, Source } from '@claimgraph/schema';
import type { ClaimGraph, Status } from '@claimgraph/sdk';
import { ChartOptionError } from './options.js';
import { entityNamer, listing } from './text.js';

/**
 * The part of `@claimgraph/sdk`'s `ClaimGraph` the helpers read: its records, its graph (for each
 * relation's status and statement counts), its neighbours and its release version. A whole
 * ClaimGraph fits, and so does any view of one (`cg.asOf(date)`, `cg.perspective(speaker)`).
 */
export type ClaimGraphLike = Pick<ClaimGraph, 'graph' | 'version' | 'toJSON' | 'neighbors'> & {
  /** The dataset's name (`cg.name`, from its `datapackage.json`), for the source line. */
  readonly name?: string | undefined;
  /** Each speaker's positions and changes (`cg.positions`): the timeline marks changes with it when given. */
  positions?: ClaimGraph['positions'];
};

/** The options every helper takes, with the text around the chart. */
export interface FrameOptions {
  /** The chart's title. Each helper derives one from the data. */
  title?: string;
  /** One line or several under the title. Each helper derives one from the data. */
  subtitle?: string | string[];
  /** The dataset's name in the source line. */
  dataset?: string;
  /** The whole source line under the chart (replaces the derived one). */
  credit?: string;
  /** Width of the plotting area in pixels; labels and legends come on top. */
  width?: number;
  /**
   * At most this many lines for the title, and for each subtitle line; past it the text is
   * shortened after a whole word, and the whole title stays in the SVG's `<title>` [no limit].
   */
  titleLines?: number;
}

/** A helper's DEFAULTS: every option named, `undefined` where the value is derived from the data. */
export type Defaults<T> = { [K in keyof Required<T>]: T[K] | undefined };

export interface ChartIndex {
  data: Dataset;
  entities: Map<string, Entity>;
  relations: Map<string, Relation>;
  sources: Map<string, Source>;
  nameOf: (id: string) => string;
  /**
   * The name a chart labels an entity with: its name, numbered when other entities share it
   * ("one member state (1)", "one member state (2)", in id order), so that rows and nodes keyed by
   * id never read as one. Numbered across the dataset until `labelsAmong` narrows it to a chart's entities.
   */
  labelOf: (id: string) => string;
  /** Entities whose name another entity shares, so a chart's description can tell them apart. */
  sharesName: (id: string) => boolean;
  status: (relationId: string) => Status;
  /** How many statements support and dispute the relation. */
  counts: (relationId: string) => { supports: number; disputes: number };
  version: string | undefined;
  /** The dataset's name, when the ClaimGraph knows it. */
  name: string | undefined;
  /** Entity ids one relation away (the SDK's `neighbors`). */
  neighbours: (id: string) => string[];
}

export function indexClaimGraph(cg: ClaimGraphLike): ChartIndex {
  const data = cg.toJSON();
  const relations = new Map(data.relations.map((r) => [r.id, r]));
  return {
    data,
    entities: new Map(data.entities.map((e) => [e.id, e])),
    relations,
    sources: new Map(data.sources.map((s) => [s.id, s])),
    nameOf: entityNamer(data.entities),
    ...distinctLabels(data.entities),
    // The SDK derives each relation's status from its statements; the charts reuse it, never recount.
    status: (id) => cg.graph.getEdgeAttribute(id, 'status'),
    counts: (id) => {
      const { supports, disputes } = cg.graph.getEdgeAttributes(id);
      return { supports, disputes };
    },
    version: cg.version,
    name: typeof cg.name === 'string' && cg.name !== '' ? cg.name : undefined,
    neighbours: (id) => cg.neighbors(id).map((e) => e.id),
  };
}

/**
 * The index with names numbered only where they collide among `ids`, the entities one chart
 * shows: a "(1)" with no "(2)" beside it reads as a mistake.
 */
export function labelsAmong(index: ChartIndex, ids: Iterable<string>): ChartIndex {
  const shown = [...new Set(ids)].map((id) => index.entities.get(id)).filter((e): e is Entity => e !== undefined);
  const { labelOf, sharesName } = distinctLabels(shown);
  const among = new Set(shown.map((e) => e.id));
  return { ...index, labelOf: (id) => (among.has(id) ? labelOf(id) : index.nameOf(id)), sharesName };
}

/**
 * Runs a chart's selection, then runs it again with names numbered among the entities the first
 * run shows (`shown`), so that titles, rows and nodes all read the chart's own labels.
 */
export function selectLabelled<S>(
  index: ChartIndex,
  select: (index: ChartIndex) => S,
  shown: (selection: S, index: ChartIndex) => Iterable<string>,
): { index: ChartIndex; selection: S } {
  const labelled = labelsAmong(index, shown(select(index), index));
  return { index: labelled, selection: select(labelled) };
}

/** Numbered labels for entities that share a name; every other entity is labelled by its name. */
function distinctLabels(entities: readonly Entity[]): Pick<ChartIndex, 'labelOf' | 'sharesName'> {
  const byName = new Map<string, string[]>();
  for (const e of [...entities].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)))
    byName.set(e.name, [...(byName.get(e.name) ?? []), e.id]);
  const labels = new Map<string, string>();
  const shared = new Set<string>();
  for (const [name, ids] of byName) {
    ids.forEach((id, i) => {
      labels.set(id, ids.length > 1 ? `${name} (${i + 1})` : name);
      if (ids.length > 1) shared.add(id);
    });
  }
  return { labelOf: (id) => labels.get(id) ?? id, sharesName: (id) => shared.has(id) };
}

/** "Source: Washington Examiner. Statements as curated in claimgraph dataset afghanistan-2021 v1.0.0." */
export function creditLine(index: ChartIndex, sourceIds: Iterable<string>, options: FrameOptions): string {
  if (options.credit !== undefined) return options.credit;
  const publishers = [
    ...new Set([...sourceIds].map((id) => index.sources.get(id)?.publisher).filter((p): p is string => !!p)),
  ].sort();
  const shown = publishers.length > 3 ? [...publishers.slice(0, 3), `${publishers.length - 3} more`] : publishers;
  const reported = shown.length ? `Source: ${listing(shown)}. ` : '';
  // The package name's last part, as datapackage.json names it: "@claimgraph/dataset-x" → "x".
  const dataset = options.dataset ?? index.name?.replace(/^@[^/]+\//, '').replace(/^dataset-/, '');
  const name = dataset ? `claimgraph dataset ${dataset}` : 'a claimgraph dataset';
  return `${reported}Statements as curated in ${name}${index.version ? ` v${index.version}` : ''}.`;
}

/** The named option must be a known id of the given kind; otherwise say which and what to do. */
export function requireId(
  map: Map<string, unknown>,
  id: string,
  where: { helper: string; option: string; kind: string },
): void {
  if (!map.has(id)) {
    throw new ChartOptionError(
      where.helper,
      where.option,
      `"${id}" is not ${where.kind} in this dataset; look ids up with cg.search() or cg.relations()`,
    );
  }
}
