/**
 * What every page reads: the dataset as a ClaimGraph, its description, the options resolved
 * against SITE_DEFAULTS, and the lookups pages share (names, stance counts, links, citations).
 */
import { formatPartialDate } from '@claimgraph/charts';
import {
  comparePartialDates,
  datePrecision,
  ENTITY_TYPE_INFO,
  RELATION_TYPE_INFO,
  type Coverage,
  type Dataset,
  type Entity,
  type Relation,
  type Statement,
} from '@claimgraph/schema';
import { resolveOptions as resolveWith, type OptionCheck } from '@claimgraph/schema/internal';
import { ClaimGraph, relationStatus, type Status } from '@claimgraph/sdk';
import type { AssetName } from './assets.js';
import { SiteOptionError } from './errors.js';
import {
  encodePart,
  pathToUrl,
  recordPath,
  relativeHref,
  statementFragment,
  statementHref,
  statementPath,
} from './permalink.js';

/** What the site says about the dataset: from the release's datapackage.json or the source's package.json. */
export interface SiteMeta {
  /** The dataset's short name (`afghanistan-2021`). */
  name: string;
  /** A title for people [the name]. */
  title?: string;
  version?: string;
  description?: string;
  license?: string;
  /** The npm package that ships the dataset, for the "how to load it" snippets. */
  packageName?: string;
}

/** A release file the site offers for download, copied to `release/<path>`. */
export interface ReleaseFile {
  /** Path inside the release, with `/` (`dataset.json`, `parquet/entities.parquet`). */
  path: string;
  content: Uint8Array;
}

/** One of several datasets a site shows as one: what it is, and what its research covered. */
export interface SiteDataset extends SiteMeta {
  /** The dataset's coverage (data/coverage.json): the period researched, languages, gaps. */
  coverage?: Coverage;
}

export interface SiteInput {
  /** A valid dataset (validate it first: the site trusts it); several datasets merged into one. */
  dataset: Dataset;
  meta: SiteMeta;
  /** The release's files; when absent, the site offers the dataset.json it was given. */
  releaseFiles?: ReleaseFile[];
  /**
   * When `dataset` merges several datasets: each of them, in load order. The home page lists them,
   * each gets a page (`dataset/<name>.html`), and every record page links to the ones it comes from.
   */
  datasets?: SiteDataset[];
  /** With `datasets`: record id → the names of the datasets holding it (`ClaimGraph.datasetsOf`). */
  provenance?: Readonly<Record<string, readonly string[]>>;
}

export interface SiteOptions {
  /** The URL the site will be published at, for citations and embed snippets [none: site-relative paths]. */
  baseUrl?: string;
  /** Rows per page of the entity, relation and timeline lists [100]. */
  pageSize?: number;
  /** Contested relations listed on the home page, the most discussed first [12]. */
  homeContested?: number;
  /**
   * Statement rows on a source's page before "showing N of M" [25]. An entity's page shows its latest
   * few (the relation pages it links have them all); a perspective page, every statement.
   */
  listLimit?: number;
}

export const SITE_DEFAULTS = {
  baseUrl: undefined as string | undefined,
  pageSize: 100,
  homeContested: 12,
  listLimit: 25,
};

export type ResolvedOptions = typeof SITE_DEFAULTS;

const positiveWhole: OptionCheck = (v) =>
  Number.isInteger(v) && (v as number) >= 1 ? null : `${String(v)} is not a positive whole number`;

/** The absolute http(s) URL, or why not. */
const httpUrl: OptionCheck = (v) => {
  if (typeof v !== 'string') return `${String(v)} is not an absolute URL`;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    return `"${v}" is not an absolute URL`;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? null : `"${v}" is not an http(s) URL`;
};

const SITE_CHECKS: Record<keyof SiteOptions, OptionCheck> = {
  baseUrl: httpUrl,
  pageSize: positiveWhole,
  homeContested: positiveWhole,
  listLimit: positiveWhole,
};

/** The options over SITE_DEFAULTS (the schema's resolver, as the SDK and charts use it); baseUrl ends with `/`. */
export function resolveOptions(options: SiteOptions = {}): ResolvedOptions {
  const o = resolveWith(SITE_DEFAULTS, options, {
    checks: SITE_CHECKS,
    error: (problem) => {
      if (problem.kind === 'not-an-object')
        return new SiteOptionError('', `must be an object, not ${String(problem.value)}`);
      if (problem.kind === 'invalid') return new SiteOptionError(problem.option, problem.problem);
      const near = problem.suggestion ? ` (did you mean "${problem.suggestion}"?)` : '';
      return new SiteOptionError(problem.option, `is not an option${near}; use ${problem.known.join(', ')}`);
    },
  });
  if (o.baseUrl !== undefined) {
    const href = new URL(o.baseUrl).href;
    o.baseUrl = href.endsWith('/') ? href : `${href}/`;
  }
  return o;
}

export interface StanceCount {
  supports: number;
  disputes: number;
  status: Status;
}

/** The shared state of one site build. */
export class Site {
  readonly cg: ClaimGraph;
  readonly data: Dataset;
  readonly title: string;
  readonly #names: Map<string, string>;
  readonly #counts = new Map<string, StanceCount>();
  readonly speakers: Set<string>;
  /** The datasets a site of several shows as one, in load order; empty for one dataset. */
  readonly datasets: readonly SiteDataset[];
  readonly #provenance: Readonly<Record<string, readonly string[]>>;
  /** What the research covered, from the dataset's coverage declaration. */
  readonly coverage: Coverage | undefined;
  readonly #statementIds: Set<string>;
  /** Where each shared asset was written (its name holds its hash): set by buildSite before any page. */
  readonly assetPaths = new Map<AssetName, string>();

  constructor(
    input: SiteInput,
    readonly meta: SiteMeta,
    readonly options: ResolvedOptions,
  ) {
    this.cg = ClaimGraph.fromData(input.dataset, { validate: false, version: meta.version });
    this.datasets = input.datasets && input.datasets.length > 1 ? input.datasets : [];
    this.#provenance = input.provenance ?? {};
    this.data = this.cg.toJSON();
    this.title = meta.title ?? meta.name;
    this.#names = new Map(this.data.entities.map((e) => [e.id, e.name]));
    for (const r of this.data.relations) this.#counts.set(r.id, { supports: 0, disputes: 0, status: 'supported' });
    for (const s of this.data.statements) {
      const count = this.#counts.get(s.relation);
      if (count) count[s.stance] += 1;
    }
    for (const count of this.#counts.values()) count.status = relationStatus(count.supports, count.disputes);
    this.speakers = new Set(this.data.statements.map((s) => s.speaker));
    this.#statementIds = new Set(this.data.statements.map((s) => s.id));
    this.coverage = input.dataset.coverage;
  }

  /** The datasets (of several) a record comes from, in load order; empty for a site of one dataset. */
  datasetsOf(id: string): SiteDataset[] {
    const names = this.#provenance[id] ?? [];
    return this.datasets.filter((d) => names.includes(d.name));
  }

  nameOf(id: string): string {
    return this.#names.get(id) ?? id;
  }

  entity(id: string): Entity | undefined {
    return this.cg.entity(id);
  }

  counts(relationId: string): StanceCount {
    return this.#counts.get(relationId) ?? { supports: 0, disputes: 0, status: 'supported' };
  }

  /** "Haqqani network — part of — Taliban" as three parts, for pages to link the two names. */
  phrase(relation: Relation): { source: string; label: string; target: string } {
    return {
      source: this.nameOf(relation.source),
      label: RELATION_TYPE_INFO[relation.type].label,
      target: this.nameOf(relation.target),
    };
  }

  phraseText(relation: Relation): string {
    const p = this.phrase(relation);
    return `${p.source} — ${p.label} — ${p.target}`;
  }

  /** What a record is called on a page, or undefined for an id the dataset does not have. */
  label(id: string): string | undefined {
    const entity = this.cg.entity(id);
    if (entity && entity.id === id) return entity.name;
    const relation = this.cg.relation(id);
    if (relation && relation.id === id) return this.phraseText(relation);
    const source = this.cg.source(id);
    if (source && source.id === id) return source.title;
    return this.#statementIds.has(id) ? id : undefined;
  }

  typeLabel(entity: Entity): string {
    return ENTITY_TYPE_INFO[entity.type].label;
  }

  /** The URL a citation or an embed snippet gives: absolute with a base URL, else the site path. */
  absoluteUrl(path: string): string {
    return this.options.baseUrl === undefined ? `/${pathToUrl(path)}` : `${this.options.baseUrl}${pathToUrl(path)}`;
  }

  /** A link from page `from` to a shared asset, under its hashed name. */
  assetHref(from: string, name: AssetName): string {
    const to = this.assetPaths.get(name);
    if (to === undefined) throw new Error(`@claimgraph/site: the asset ${name} is used before it is written`);
    return relativeHref(from, to);
  }

  /** A link from page `from` to a record: its page, or for a statement its anchor on its page of statements. */
  recordHref(from: string, id: string): string {
    return this.#statementIds.has(id) ? statementHref(from, id) : relativeHref(from, recordPath(id));
  }

  /** The URL a citation of a record gives (see absoluteUrl), with a statement's anchor. */
  recordUrl(id: string): string {
    return this.#statementIds.has(id)
      ? `${this.absoluteUrl(statementPath(id))}#${statementFragment(id)}`
      : this.absoluteUrl(recordPath(id));
  }
}

/** The page of one of several datasets: `dataset/afghanistan-2021.html`. */
export function datasetPath(name: string): string {
  return `dataset/${encodePart(name)}.html`;
}

/** `2021-08-27` → "27 Aug 2021" with the precision as a machine-readable `datetime`. */
export function dateText(date: string): { label: string; precision: string } {
  return { label: formatPartialDate(date), precision: datePrecision(date) };
}

/** Statements by date (earliest first; a coarser date before the finer dates inside it), then id. */
export function byDate(a: Statement, b: Statement): number {
  return comparePartialDates(a.date, b.date) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Items `page` (from 1) of a list cut into pages of `size`, and how many pages there are. */
export function paginate<T>(items: readonly T[], page: number, size: number): { items: T[]; pages: number } {
  return { items: items.slice((page - 1) * size, page * size), pages: Math.max(1, Math.ceil(items.length / size)) };
}

/** `relations.html`, `relations-2.html`, …: the file of page `n` of a list. */
export function listPagePath(list: string, page: number): string {
  return page === 1 ? `${list}.html` : `list/${list}-${page}.html`;
}
