/**
 * ClaimGraph: a dataset loaded, checked and indexed once, then queried. Every query returns the
 * dataset's own plain records in a documented, stable order; views (asOf, perspective) are ClaimGraphs too.
 */
import {
  canonicalCoverage,
  canonicalRecord,
  columnsToDataset,
  comparePartialDates,
  ENTITY_TYPES,
  readColumns,
  type Columns,
  outsideCoverage,
  RECORD_KINDS,
  RELATION_TYPE_INFO,
  RELATION_TYPES,
  validateDataset,
  type Coverage,
  type Dataset,
  type Entity,
  type PartialDate,
  type RecordKind,
  type Redirect,
  type Relation,
  type Source,
  type Statement,
} from '@claimgraph/schema';
import { listShapeProblems } from '@claimgraph/schema/internal';
import { ClaimGraphError, ClaimGraphValidationError, optionError, UnknownIdError } from './errors.js';
import { readJudgements, type Judgements, type JudgementsFile } from './merge/judgements.js';
import { mergeStores, type MergeReport } from './merge/merge-store.js';
import { Provenance } from './merge/provenance.js';
import { suggestSame, SUGGEST_SAME_DEFAULTS, type SameCandidate, type SuggestSameOptions } from './merge/suggest.js';
import { buildGraph, type ClaimGraphGraph } from './graph.js';
import { LOAD_DEFAULTS, readJudgementsFile, readLocation, type LoadOptions } from './load.js';
import {
  booleanOption,
  directionOption,
  ENTITIES_DEFAULTS,
  entityTypes,
  limitOption,
  NEIGHBORS_DEFAULTS,
  PATH_DEFAULTS,
  RELATIONS_DEFAULTS,
  resolveOptions,
  SEARCH_DEFAULTS,
  stanceOption,
  STATEMENTS_DEFAULTS,
  type EntitiesOptions,
  type NeighborsOptions,
  type PathOptions,
  type RelationsOptions,
  type SearchOptions,
  type StatementsOptions,
} from './options.js';
import {
  datasetRulesHold,
  hasDatasetShape,
  hasOnlyRecordLists,
  noPartOfCycle,
  recordsLookValid,
} from './quick-check.js';
import { NameIndex } from './search.js';
import { relationStatus, type Status } from './status.js';
import { buildStore, speakerRows, type Csr, type IdIndex, type Records, type Store } from './store.js';
import { relationFilter, rows, selectAsOf, selectPerspective, type RelationCriteria } from './select.js';
import { dateOption, earliestKey, latestKey, sortByDate } from './time.js';
import { neighborPositions, PathFinder, type RelationFilter } from './traverse.js';
import { subStore } from './view-store.js';
import { columnsLookValid } from './columns-check.js';
import { coreColumns, SortedIds, storeFromColumns } from './columns-store.js';
import { consensusRule, DEFAULT_CONSENSUS_RULE, STATUS_RULE } from './consensus/registry.js';
import { ruleName, type Consensus } from './consensus/types.js';
import { bodyVoices, type BodyOf } from './consensus/voices.js';
import {
  POSITIONS_DEFAULTS,
  positionsOf,
  voiceFunction,
  type Position,
  type PositionChange,
  type PositionsOptions,
} from './positions.js';

export interface FromDataOptions {
  /** Check the records with the schema's validator; invalid data throws ClaimGraphValidationError [true]. */
  validate?: boolean;
  /** Require each list to be sorted by id, as dataset source folders are [false]. */
  requireSorted?: boolean;
  /** The dataset's version, when known [undefined]. */
  version?: string;
  /** The dataset's short name (`afghanistan-2021`), when known; chart source lines use it [undefined]. */
  name?: string;
  /** The file each record kind came from, for validation messages [data/<kind>.json]. */
  files?: Partial<Record<RecordKind, string>>;
}

export interface FromColumnsOptions {
  /** Check the records with the schema's rules, on the columns; invalid data throws ClaimGraphValidationError [true]. */
  validate?: boolean;
  /** The dataset's version, when known [undefined]. */
  version?: string;
  /** The file name, for messages [dataset.columns.bin]. */
  file?: string;
}

const FROM_COLUMNS_DEFAULTS: FromColumnsOptions & { validate: boolean; file: string } = {
  validate: true,
  version: undefined,
  file: 'dataset.columns.bin',
};

const FROM_DATA_DEFAULTS: FromDataOptions & { validate: boolean; requireSorted: boolean } = {
  validate: true,
  requireSorted: false,
  version: undefined,
  name: undefined,
  files: undefined,
};

export interface MergeOptions {
  /**
   * Decisions that two entity (or source) ids name one real thing (`same`) or two (`different`):
   * a judgements file's contents `{ "version": 1, "judgements": [...] }`. With `ClaimGraph.load`,
   * also a path or URL of the file [none].
   */
  judgements?: JudgementsFile;
  /** Check the merged graph's rules across datasets (a part-of cycle through two datasets…) [true]. */
  validate?: boolean;
}

/** Options of `ClaimGraph.load` with several locations: each is loaded with the load options, then merged. */
export interface LoadManyOptions extends LoadOptions {
  /** The judgements file's path or URL, or its contents [none]. */
  judgements?: string | URL | JudgementsFile;
}

const MERGE_DEFAULTS: MergeOptions & { validate: boolean } = { judgements: undefined, validate: true };

/** A dataset in a graph: its short name and version, when known, and what its research covered. */
export interface DatasetInfo {
  name: string;
  version: string | undefined;
  coverage?: Coverage;
}

/** What `stances(relation)` returns: the statements on each side, by date then id. */
export interface Stances {
  relation: Relation;
  supports: Statement[];
  disputes: Statement[];
  status: Status;
  /** The rule `status` is the verdict of: every-statement@1 (every statement counts once). */
  rule: string;
}

export interface ConsensusOptions {
  /** The rule that decides, `id@version` or a bare id for its newest version ['each-speaker-latest@1']. */
  rule?: string;
}

export interface ContestedOptions {
  /** The rule whose `contested` verdict to list ['every-statement@1'], the rule of `status`. */
  rule?: string;
}

const CONSENSUS_DEFAULTS: ConsensusOptions & { rule: string } = { rule: DEFAULT_CONSENSUS_RULE };
const CONTESTED_DEFAULTS: ContestedOptions & { rule: string } = { rule: STATUS_RULE };

/** 1 for symmetric relation types, by index in RELATION_TYPES. */
const SYMMETRIC = Uint8Array.from(RELATION_TYPES, (t) => (RELATION_TYPE_INFO[t].symmetric ? 1 : 0));

/** Every record of a list, in position order. */
function all<T>(records: Records<T>): T[] {
  records.buildAll?.();
  const out = new Array<T>(records.length);
  for (let i = 0; i < records.length; i++) out[i] = records.at(i)!;
  return out;
}

/**
 * The records at `positions`. When they are a good part of the list, columnar rows are first all
 * built at once, column by column: several times faster than one by one.
 */
function recordsAt<T>(records: Records<T>, positions: ArrayLike<number>): T[] {
  if (records.buildAll && positions.length * 4 >= records.length) records.buildAll();
  const out = new Array<T>(positions.length);
  for (let k = 0; k < positions.length; k++) out[k] = records.at(positions[k]!)!;
  return out;
}

/** What a graph knows about its dataset beyond the records. */
interface About {
  version: string | undefined;
  name: string | undefined;
  coverage?: Coverage;
}

const sameFiles = (name: string) =>
  Object.fromEntries(RECORD_KINDS.map((kind) => [kind, name])) as Record<RecordKind, string>;

export class ClaimGraph {
  /** The release or package version, when the dataset says. */
  readonly version: string | undefined;
  /** The dataset's short name (`afghanistan-2021`: datapackage.json's `name`), when known. */
  readonly name: string | undefined;
  /** What the dataset's research covered (period, languages, searches, gaps), when it declares it. */
  readonly coverage: Coverage | undefined;
  /**
   * On an `asOf(date)` view whose date falls outside the period the research covered: says so, since
   * what the view lacks there was not looked for. Undefined otherwise.
   */
  readonly coverageWarning: string | undefined;
  readonly #store: Store;
  /** Old id → current id, from the dataset's redirects: merged or renamed records keep resolving. */
  readonly #redirects: ReadonlyMap<string, Redirect>;
  #graph: ClaimGraphGraph | undefined;
  #names: NameIndex | undefined;
  #paths: PathFinder | undefined;
  #speakers: Csr | undefined;
  #contested: number[] | undefined;
  #statementIndex: IdIndex | undefined;
  #bodyOf: BodyOf | undefined;
  /** Ids joined into another record when datasets were merged (judgements, redirects across, relation joins). */
  #joins: ReadonlyMap<string, string> = new Map();
  #provenance: Provenance | undefined;
  #datasets: readonly DatasetInfo[] | undefined;
  #mergeReport: MergeReport | undefined;
  #judgements: Judgements | undefined;

  private constructor(store: Store, about: About, redirects: readonly Redirect[] = [], coverageWarning?: string) {
    this.#store = store;
    this.version = about.version;
    this.name = about.name;
    this.coverage = about.coverage;
    this.coverageWarning = coverageWarning;
    this.#redirects = new Map(redirects.map((r) => [r.from, r]));
  }

  /**
   * Loads a release folder, its `dataset.json`, a dataset source folder (Node), or an http(s) URL
   * of a release folder or file (anywhere fetch works). A release's `dataset.json` is checked
   * against the sha256 in its `datapackage.json` when there is one.
   */
  static async load(location: string | URL, options?: LoadOptions): Promise<ClaimGraph>;
  /**
   * Loads several datasets (each as above) and merges them into one graph: see `ClaimGraph.merge`.
   * `judgements` may name the judgements file (a path in Node, or a URL).
   */
  static async load(locations: readonly (string | URL)[], options?: LoadManyOptions): Promise<ClaimGraph>;
  static async load(
    location: string | URL | readonly (string | URL)[],
    options?: LoadOptions | LoadManyOptions,
  ): Promise<ClaimGraph> {
    if (Array.isArray(location)) return ClaimGraph.#loadMany(location as readonly (string | URL)[], options);
    return ClaimGraph.#loadOne(location as string | URL, options);
  }

  static async #loadMany(locations: readonly (string | URL)[], options?: LoadManyOptions): Promise<ClaimGraph> {
    const { judgements, ...loadOptions } = resolveOptions(
      'ClaimGraph.load',
      { ...LOAD_DEFAULTS, judgements: undefined } as typeof LOAD_DEFAULTS & Pick<LoadManyOptions, 'judgements'>,
      options,
    );
    if (locations.length === 0) throw optionError('ClaimGraph.load', 'locations', 'must list at least one dataset');
    const graphs = await Promise.all(locations.map((l) => ClaimGraph.#loadOne(l, loadOptions)));
    const file =
      typeof judgements === 'string' || judgements instanceof URL
        ? await readJudgementsFile(judgements, loadOptions)
        : judgements === undefined
          ? undefined
          : readJudgements(judgements, 'judgements');
    return ClaimGraph.#merge(
      graphs,
      graphs.map((g, i) => g.name ?? String(locations[i])),
      file,
      loadOptions.validate,
    );
  }

  /**
   * One graph of several datasets. An id two datasets use is one record when they agree: an
   * entity's type, a relation's type and ends, a statement's every field, the fields two datasets
   * give a source (but `note` and `accessed`) must be equal, or ClaimGraphMergeError names both
   * datasets, the id and the field. The first dataset (in the order given) keeps its record; fields
   * only later ones give are added, and a later dataset's different name of an entity becomes an
   * alias. Relations of one type between the same entities with the same dates and attributes
   * become one (the first dataset's id is kept; the other id still finds it), holding both
   * datasets' statements. Every dataset's redirects apply to all of them. Different ids join only
   * through `judgements`. `datasets`, `datasetsOf(id)` and the graph's `datasets` attribute say
   * where each record comes from; `mergeReport` lists the joins, differences and duplicate statements.
   */
  static merge(graphs: readonly ClaimGraph[], options?: MergeOptions): ClaimGraph {
    const { judgements, validate } = resolveOptions('ClaimGraph.merge', MERGE_DEFAULTS, options);
    if (!Array.isArray(graphs) || graphs.length === 0 || !graphs.every((g) => g instanceof ClaimGraph))
      throw optionError('ClaimGraph.merge', 'graphs', 'must be a list of one or more ClaimGraphs');
    return ClaimGraph.#merge(
      graphs,
      graphs.map((g, i) => g.name ?? `dataset ${i + 1}`),
      judgements === undefined ? undefined : readJudgements(judgements, 'judgements'),
      validate,
    );
  }

  static #merge(
    graphs: readonly ClaimGraph[],
    names: string[],
    judgements: Judgements | undefined,
    validate: boolean,
  ): ClaimGraph {
    const inputs: { label: string; store: Store; redirects: Redirect[] }[] = [];
    const datasets: DatasetInfo[] = [];
    graphs.forEach((g, i) => {
      const parts =
        g.#datasets && g.#provenance
          ? g.#datasets
          : [{ name: names[i]!, version: g.version, ...(g.coverage ? { coverage: g.coverage } : {}) }];
      if (g.#provenance)
        throw optionError(
          'ClaimGraph.merge',
          'graphs',
          `${parts.map((p) => p.name).join(' + ')} is merged already; merge the datasets it holds at once`,
        );
      for (const part of parts) {
        if (datasets.some((x) => x.name === part.name))
          throw optionError('ClaimGraph.merge', 'graphs', `list ${part.name} once (it is given twice)`);
        datasets.push(part);
      }
      inputs.push({ label: names[i]!, store: g.#store, redirects: [...g.#redirects.values()] });
    });
    if (inputs.length > 32)
      throw optionError('ClaimGraph.merge', 'graphs', `can hold at most 32 datasets, not ${inputs.length}`);
    const merged = mergeStores(inputs, judgements);
    // The merge keeps each dataset's rules (one relation per type, ends and dates; a statement for
    // each relation); a part-of cycle through two datasets is the rule it can break.
    if (validate && !noPartOfCycle(merged.store)) {
      const cg = new ClaimGraph(merged.store, { version: undefined, name: undefined }, merged.redirects);
      const result = validateDataset(cg.toJSON(), { files: sameFiles(`merged ${names.join(' + ')}`) });
      if (!result.valid) throw new ClaimGraphValidationError(result.errors);
    }
    const graph = new ClaimGraph(merged.store, { version: undefined, name: undefined }, merged.redirects);
    graph.#joins = merged.joins;
    graph.#datasets = datasets;
    graph.#provenance = new Provenance(names, merged.provenance, merged.store);
    graph.#mergeReport = merged.report;
    graph.#judgements = judgements;
    return graph;
  }

  /** The datasets in this graph, in the order they were given: one, or several when merged. */
  get datasets(): DatasetInfo[] {
    const single = {
      name: this.name ?? 'dataset',
      version: this.version,
      ...(this.coverage ? { coverage: this.coverage } : {}),
    };
    return (this.#datasets ?? [single]).map((d) => ({ ...d }));
  }

  /**
   * The names of the datasets the record with this id (entity, relation, statement or source, or the
   * record a redirect or join leads it to) comes from, in load order; [] for an unknown id.
   */
  datasetsOf(id: string): string[] {
    if (this.#provenance) {
      const target = this.#joins.get(id) ?? this.#redirects.get(id)?.to ?? id;
      return [...(this.#provenance.of(target) ?? [])];
    }
    const known =
      this.entity(id) ??
      this.relation(id) ??
      this.source(id) ??
      (id.startsWith('st:') ? this.statement(id) : undefined);
    return known === undefined ? [] : [this.name ?? 'dataset'];
  }

  /** What merging did beyond putting records side by side (ids joined, fields that differ, statements seen twice); undefined for one dataset. */
  get mergeReport(): MergeReport | undefined {
    return this.#mergeReport && structuredClone(this.#mergeReport);
  }

  /**
   * Entities of one type whose names or aliases fold to the same key (as `search` folds them), for
   * a curator to judge in a judgements file; in a graph of several datasets, by default only pairs
   * whose datasets differ. Pairs judged `different` are left out. By folded key, then id.
   */
  suggestSame(options?: SuggestSameOptions): SameCandidate[] {
    const o = resolveOptions('suggestSame', SUGGEST_SAME_DEFAULTS, options);
    const limit = limitOption('suggestSame', o.limit);
    const acrossDatasets = booleanOption('suggestSame', 'acrossDatasets', o.acrossDatasets);
    const different = new Set<string>();
    for (const j of this.#judgements?.judgements ?? [])
      if (j.judgement === 'different') different.add(`${j.left} ${j.right}`).add(`${j.right} ${j.left}`);
    return suggestSame(
      this.entities(),
      (id) => this.datasetsOf(id),
      (a, b) => different.has(`${a} ${b}`),
      { limit, acrossDatasets: acrossDatasets && this.#provenance !== undefined },
    );
  }

  static async #loadOne(location: string | URL, options?: LoadOptions): Promise<ClaimGraph> {
    const { integrity, validate, fetch, from, columns } = resolveOptions('ClaimGraph.load', LOAD_DEFAULTS, options);
    if (from !== undefined && typeof from !== 'string' && !(from instanceof URL))
      throw optionError(
        'ClaimGraph.load',
        'from',
        `must be a folder, a file or a file: URL, not ${JSON.stringify(from)}`,
      );
    const loaded = await readLocation(location, { integrity, validate, fetch, from, columns });
    if (loaded.columns) {
      return ClaimGraph.#fromOpenColumns(loaded.columns, {
        validate,
        version: loaded.version,
        name: loaded.name,
        coverage: loaded.coverage,
        file: loaded.location,
      });
    }
    if (!hasDatasetShape(loaded.data) && !validate) {
      throw new ClaimGraphError(`${loaded.location}: must hold an object with ${RECORD_KINDS.join(', ')}, each a list`);
    }
    return ClaimGraph.fromData(loaded.data as Dataset, {
      validate,
      requireSorted: loaded.requireSorted,
      version: loaded.version,
      name: loaded.name,
      files: loaded.files,
    });
  }

  /**
   * Reads a columnar release file (`dataset.columns.bin`) already in memory: its arrays become the
   * index, and records are built only when a query returns them. Integrity (the sha256 in
   * `datapackage.json`) is for the caller to check; `ClaimGraph.load` does.
   */
  static fromColumns(bytes: Uint8Array, options?: FromColumnsOptions): ClaimGraph {
    const { validate, version, file } = resolveOptions('ClaimGraph.fromColumns', FROM_COLUMNS_DEFAULTS, options);
    if (!(bytes instanceof Uint8Array))
      throw optionError('ClaimGraph.fromColumns', 'bytes', 'must be a Uint8Array holding a dataset.columns.bin');
    let columns: Columns;
    try {
      columns = readColumns(bytes, file);
    } catch (error) {
      throw new ClaimGraphError((error as Error).message);
    }
    return ClaimGraph.#fromOpenColumns(columns, { validate, version, file });
  }

  static #fromOpenColumns(
    columns: Columns,
    options: { validate: boolean; version?: string; name?: string; coverage?: Coverage; file: string },
  ): ClaimGraph {
    const { validate, version, file } = options;
    const name = file.split(/[\\/]/).pop() || file;
    const rowsOf = () => columnsToDataset(columns);
    let store: Store | undefined;
    try {
      store = storeFromColumns(columns);
    } catch (error) {
      throw new ClaimGraphError((error as Error).message);
    }
    // A file that is not in the form a release build writes is read row by row, so the validator can say what is wrong.
    if (!store) return ClaimGraph.fromData(rowsOf(), { validate, version, files: sameFiles(name) });
    if (validate) {
      const statementIds = new SortedIds(coreColumns(columns)!.statementId.strings);
      let ok = false;
      try {
        ok = store.problem === null && columnsLookValid(columns, store, statementIds);
      } catch (error) {
        throw new ClaimGraphError((error as Error).message);
      }
      if (!ok) {
        const result = validateDataset(rowsOf(), { requireSorted: false, files: sameFiles(name) });
        if (!result.valid) throw new ClaimGraphValidationError(result.errors);
      }
    }
    if (store.problem !== null) {
      throw new ClaimGraphError(
        `ClaimGraph.fromColumns(): ${name}: ${store.problem}; validate the dataset (claimgraph validate) to see every problem`,
      );
    }
    const redirects = columns.tables.redirects;
    const list = redirects
      ? Array.from({ length: redirects.count }, (_, i) => redirects.row(i) as unknown as Redirect)
      : [];
    const graph = new ClaimGraph(store, { version, name: options.name, coverage: options.coverage }, list);
    // A columnar file is loaded to be queried: its load is a fraction of the row file's, so it
    // also folds the names for search() (about 0.3 s for 120,000 names), which no query can
    // then wait for.
    graph.#nameIndex().build();
    return graph;
  }

  /**
   * Indexes a dataset in memory. The records are kept as given (not copied): treat them, and
   * every record a query returns, as read-only.
   */
  static fromData(data: Dataset, options?: FromDataOptions): ClaimGraph {
    const resolved = resolveOptions('ClaimGraph.fromData', FROM_DATA_DEFAULTS, options);
    // Lists of hostile length or with holes are refused before anything iterates them, even
    // unvalidated; a getter or proxy that throws becomes a validation error, not a raw exception.
    try {
      const shape = listShapeProblems(data, resolved.files);
      if (shape.length > 0) throw new ClaimGraphValidationError(shape);
      return ClaimGraph.#fromData(data, resolved);
    } catch (error) {
      if (error instanceof ClaimGraphError) throw error;
      const result = validateDataset(data, { files: resolved.files });
      throw new ClaimGraphValidationError(
        result.valid
          ? [
              {
                file: 'dataset',
                id: null,
                path: '',
                message: 'the dataset could not be read; pass plain data, as JSON.parse returns it',
              },
            ]
          : result.errors,
      );
    }
  }

  static #fromData(
    data: Dataset,
    { validate, requireSorted, version, name, files }: typeof FROM_DATA_DEFAULTS,
  ): ClaimGraph {
    const fullCheck = () => {
      const result = validateDataset(data, { requireSorted, files });
      if (!result.valid) throw new ClaimGraphValidationError(result.errors);
    };
    if (!hasDatasetShape(data)) {
      if (validate) fullCheck();
      throw new ClaimGraphError(
        `ClaimGraph.fromData(): expected { ${RECORD_KINDS.join(', ')} }, each a list of records`,
      );
    }
    // The quick checks only decide whether the validator must run; its issues are the ones reported.
    const store = buildStore(data);
    if (
      validate &&
      !(
        store.problem === null &&
        hasOnlyRecordLists(data) &&
        recordsLookValid(store) &&
        datasetRulesHold(store, requireSorted)
      )
    )
      fullCheck();
    if (store.problem !== null) {
      throw new ClaimGraphError(
        `ClaimGraph.fromData(): ${store.problem}; validate the dataset (claimgraph validate) to see every problem`,
      );
    }
    for (const [key, value] of [
      ['version', version],
      ['name', name],
    ] as const)
      if (value !== undefined && typeof value !== 'string')
        throw optionError('ClaimGraph.fromData', key, `must be a string, not ${JSON.stringify(value)}`);
    return new ClaimGraph(store, { version, name, coverage: data.coverage }, data.redirects);
  }

  /**
   * The graphology graph (MultiDirectedGraph): node key = entity id with the entity's fields and
   * `label`; edge key = relation id, source → target, with the relation's fields, `status`,
   * `supports` and `disputes`. Built on first access and then kept.
   */
  get graph(): ClaimGraphGraph {
    const provenance = this.#provenance;
    return (this.#graph ??= buildGraph(this.#store, provenance && ((id) => provenance.of(id) ?? [])));
  }

  /** Entities, by id; `type` keeps one entity type (or several). */
  entities(options?: EntitiesOptions): Entity[] {
    const o = resolveOptions('entities', ENTITIES_DEFAULTS, options);
    const types = entityTypes('entities', o.type);
    const { entities } = this.#store;
    if (types === null) return all(entities);
    const codes = this.#store.extras.entityType();
    const wanted = Uint8Array.from(ENTITY_TYPES, (t) => (types.has(t) ? 1 : 0));
    const out: Entity[] = [];
    for (let i = 0; i < entities.length; i++) if (wanted[codes[i]!] === 1) out.push(entities.at(i)!);
    return out;
  }

  /**
   * The entity with this id, or undefined. An id that a later release renamed or merged is followed
   * through the dataset's redirects to the entity that replaced it; every query taking an entity id does the same.
   */
  entity(id: string): Entity | undefined {
    const position = this.#entityPosition(id);
    return position === undefined ? undefined : this.#store.entities.at(position);
  }

  /** The relation with this id (or the one a redirect of this id leads to), or undefined. */
  relation(id: string): Relation | undefined {
    const position = this.#position(this.#store.relationIndex, id);
    return position === undefined ? undefined : this.#store.relations.at(position);
  }

  /** The statement with this id (or the one a redirect of this id leads to), or undefined. */
  statement(id: string): Statement | undefined {
    const statements = this.#store.statements;
    this.#statementIndex ??= this.#store.statementIndex ?? new Map(all(statements).map((s, i) => [s.id, i]));
    const position = this.#position(this.#statementIndex, id);
    return position === undefined ? undefined : statements.at(position);
  }

  /** The source with this id (or the one a redirect of this id leads to), or undefined. */
  source(id: string): Source | undefined {
    const position = this.#position(this.#store.sourceIndex, id);
    return position === undefined ? undefined : this.#store.sources.at(position);
  }

  /**
   * Entities whose name or an alias matches `text`, ignoring case, accents and punctuation:
   * exact name matches first, then exact aliases, prefixes, word starts and matches anywhere;
   * by id within each tier.
   */
  search(text: string, options?: SearchOptions): Entity[] {
    const method = 'search';
    if (typeof text !== 'string') throw optionError(method, 'text', `must be a string, not ${JSON.stringify(text)}`);
    const o = resolveOptions(method, SEARCH_DEFAULTS, options);
    const types = entityTypes(method, o.type);
    const limit = limitOption(method, o.limit);
    const { entities, extras } = this.#store;
    const codes = types === null ? null : extras.entityType();
    const wanted = types === null ? null : Uint8Array.from(ENTITY_TYPES, (t) => (types.has(t) ? 1 : 0));
    const accept = codes === null ? () => true : (i: number) => wanted![codes[i]!] === 1;
    return this.#nameIndex()
      .search(text, accept, limit)
      .map((i) => entities.at(i)!);
  }

  /** The name index, built on first use and shared with views (they keep every entity). */
  #nameIndex(): NameIndex {
    return (this.#names ??= new NameIndex(this.#store.entities.length, this.#store.extras.names));
  }

  /**
   * Relations matching every option given, by id. `source` and `target` respect direction for
   * directed types; a symmetric relation (allied-with…) matches from either end.
   */
  relations(options?: RelationsOptions): Relation[] {
    const method = 'relations';
    const o = resolveOptions(method, RELATIONS_DEFAULTS, options);
    const store = this.#store;
    const entity = o.entity === undefined ? undefined : this.#requireEntity(o.entity);
    const source = o.source === undefined ? undefined : this.#requireEntity(o.source);
    const target = o.target === undefined ? undefined : this.#requireEntity(o.target);
    const accept = this.#relationFilter(method, o);
    const anchor = source ?? target ?? entity;
    const candidates =
      anchor === undefined
        ? null
        : store.byEntity.items.subarray(store.byEntity.offsets[anchor], store.byEntity.offsets[anchor + 1]);
    const kept: number[] = [];
    const count = candidates ? candidates.length : store.relations.length;
    for (let k = 0; k < count; k++) {
      const r = candidates ? candidates[k]! : k;
      const s = store.relSource[r]!;
      const t = store.relTarget[r]!;
      if (entity !== undefined && s !== entity && t !== entity) continue;
      if (source !== undefined || target !== undefined) {
        const symmetric = SYMMETRIC[store.relType[r]!] === 1;
        const forward = (source === undefined || s === source) && (target === undefined || t === target);
        const backward = symmetric && (source === undefined || t === source) && (target === undefined || s === target);
        if (!forward && !backward) continue;
      }
      if (!accept(r)) continue;
      kept.push(r);
    }
    return recordsAt(store.relations, kept);
  }

  /** Statements matching every option given, by date (comparePartialDates: coarser first on the same day) then id. */
  statements(options?: StatementsOptions): Statement[] {
    const method = 'statements';
    const o = resolveOptions(method, STATEMENTS_DEFAULTS, options);
    const store = this.#store;
    const relation = o.relation === undefined ? undefined : this.#requireRelation(o.relation);
    const speaker = o.speaker === undefined ? undefined : this.#requireEntity(o.speaker);
    const entity = o.entity === undefined ? undefined : this.#requireEntity(o.entity);
    const source = o.source === undefined ? undefined : this.#requireSource(o.source);
    const stance = stanceOption(method, o.stance);
    const from = o.from === undefined ? undefined : earliestKey(dateOption(method, 'from', o.from));
    const to = o.to === undefined ? undefined : latestKey(dateOption(method, 'to', o.to));
    if (o.hedged !== undefined && typeof o.hedged !== 'boolean')
      throw optionError(method, 'hedged', `must be true or false, not ${JSON.stringify(o.hedged)}`);
    const dates = store.extras.statementDays();
    const sources = source === undefined ? null : store.extras.statementSource();

    let candidates: ArrayLike<number>;
    if (relation !== undefined) candidates = rows(store.byRelation, relation);
    else if (speaker !== undefined) candidates = rows(this.#speakerRows(), speaker);
    else if (entity !== undefined) {
      const list: number[] = [];
      for (const r of rows(store.byEntity, entity)) for (const i of rows(store.byRelation, r)) list.push(i);
      candidates = list;
    } else candidates = { length: store.statements.length } as ArrayLike<number>;
    const all = relation === undefined && speaker === undefined && entity === undefined;

    const kept: number[] = [];
    for (let k = 0; k < candidates.length; k++) {
      const i = all ? k : candidates[k]!;
      if (relation !== undefined && store.stRelation[i] !== relation) continue;
      if (speaker !== undefined && store.stSpeaker[i] !== speaker) continue;
      if (entity !== undefined) {
        const r = store.stRelation[i]!;
        if (store.relSource[r] !== entity && store.relTarget[r] !== entity) continue;
      }
      if (stance !== undefined && (store.stDisputes[i] === 1) !== (stance === 'disputes')) continue;
      if (from !== undefined && dates.earliest[i]! < from) continue;
      if (to !== undefined && dates.latest[i]! > to) continue;
      if (sources !== null && sources[i] !== source) continue;
      if (o.hedged !== undefined && (store.statements.at(i)!.hedged === true) !== o.hedged) continue;
      kept.push(i);
    }
    return recordsAt(store.statements, sortByDate(dates, kept));
  }

  /** The statements for and against a relation, each by date then id, and the status they add up to. */
  stances(relationId: string): Stances {
    const store = this.#store;
    const r = this.#requireRelation(relationId);
    const supports: Statement[] = [];
    const disputes: Statement[] = [];
    for (const i of sortByDate(store.extras.statementDays(), rows(store.byRelation, r)))
      (store.stDisputes[i] === 1 ? disputes : supports).push(store.statements.at(i)!);
    return {
      relation: store.relations.at(r)!,
      supports,
      disputes,
      status: relationStatus(supports.length, disputes.length),
      rule: STATUS_RULE,
    };
  }

  /**
   * What a relation's statements add up to under a named, versioned rule: the verdict
   * (supported, disputed, contested or unresolved), the tallies, each voice's vote, the statements
   * that decided it and the rule's id with its version. An unknown rule is an error listing the known ones.
   */
  consensus(relationId: string, options?: ConsensusOptions): Consensus {
    const o = resolveOptions('consensus', CONSENSUS_DEFAULTS, options);
    const rule = consensusRule('consensus', o.rule);
    const relation = this.#store.relations.at(this.#requireRelation(relationId))!;
    const statements = this.statements({ relation: relation.id });
    const decision = rule.decide({ relation, statements, bodyOf: this.#bodies() });
    const counted = new Set(decision.votes.flatMap((v) => v.statements.map((s) => s.id)));
    return {
      relation,
      rule: ruleName(rule),
      ...decision,
      decidedBy: statements.filter((s) => counted.has(s.id)),
    };
  }

  /**
   * Each speaker's dated statements about each pair of entities, across relation types, with the
   * changes in them: a later statement on the same pair whose stance or relation type differs
   * from the speaker's previous one. `voices: 'body'` hears a spokesperson with their body.
   * By voice id, then pair.
   */
  positions(options?: PositionsOptions): Position[] {
    const method = 'positions';
    const o = resolveOptions(method, POSITIONS_DEFAULTS, options);
    if (o.voices !== 'speaker' && o.voices !== 'body')
      throw optionError(method, 'voices', `must be one of speaker, body, not ${JSON.stringify(o.voices)}`);
    const speaker = o.speaker === undefined ? undefined : this.entity(o.speaker)?.id;
    if (o.speaker !== undefined && speaker === undefined) throw new UnknownIdError('entity', String(o.speaker));
    const pair = o.relation === undefined ? undefined : this.relation(o.relation);
    if (o.relation !== undefined && pair === undefined) throw new UnknownIdError('relation', String(o.relation));
    const entity = o.entity === undefined ? undefined : this.#store.entities.at(this.#requireEntity(o.entity))!.id;
    // A speaker's voice holds only the statements of the speakers in its circle (its body, their spokespeople).
    const speakers =
      speaker === undefined ? [undefined] : o.voices === 'body' ? [...this.#bodies().circle(speaker)] : [speaker];
    let statements = speakers.flatMap((s) => this.statements({ speaker: s, entity: pair?.source ?? entity }));
    if (speakers.length > 1) statements.sort((a, b) => comparePartialDates(a.date, b.date) || (a.id < b.id ? -1 : 1));
    const relationOf = (s: Statement) => this.relation(s.relation)!;
    if (pair || entity !== undefined)
      statements = statements.filter((s) => {
        const r = relationOf(s);
        const ends = [r.source, r.target];
        return (
          (!pair || (ends.includes(pair.source) && ends.includes(pair.target))) &&
          (entity === undefined || ends.includes(entity))
        );
      });
    const positions = positionsOf(statements, relationOf, voiceFunction(o.voices, this.#bodies()));
    return speaker === undefined
      ? positions
      : positions.filter((p) => p.voice === speaker || p.speakers.includes(speaker));
  }

  /** The changes of `positions(options)`, by the date of the statement that changed, then its id. */
  changes(options?: PositionsOptions): PositionChange[] {
    const days = new Map<string, number>();
    const changes = this.positions(options).flatMap((p) => p.changes);
    for (const c of changes) days.set(c.to.id, earliestKey(c.to.date) * 3 + c.to.date.length);
    return changes.sort(
      (a, b) =>
        days.get(a.to.id)! - days.get(b.to.id)! ||
        (a.to.id < b.to.id ? -1 : a.to.id > b.to.id ? 1 : 0) ||
        (a.voice < b.voice ? -1 : a.voice > b.voice ? 1 : 0),
    );
  }

  /** The body each statement's speaker speaks for, read once from the data's member-of relations. */
  #bodies(): BodyOf {
    return (this.#bodyOf ??= bodyVoices(this));
  }

  /**
   * Relations whose verdict is `contested`, by id. By default under every-statement@1 (the rule of
   * `status`): both supporting and disputing statements exist; `rule` names another.
   */
  contested(options?: ContestedOptions): Relation[] {
    const store = this.#store;
    const o = resolveOptions('contested', CONTESTED_DEFAULTS, options);
    const rule = consensusRule('contested', o.rule);
    if (ruleName(rule) !== STATUS_RULE)
      return all(store.relations).filter((r) => this.consensus(r.id, { rule: ruleName(rule) }).verdict === 'contested');
    if (!this.#contested) {
      this.#contested = [];
      for (let r = 0; r < store.relations.length; r++)
        if (store.supports[r]! > 0 && store.disputes[r]! > 0) this.#contested.push(r);
    }
    return this.#contested.map((r) => store.relations.at(r)!);
  }

  /**
   * Entities one relation away, by id. A neighbour is anyone connected, whichever way a directed
   * relation points (`direction` narrows that); symmetric relations count both ways.
   */
  neighbors(id: string, options?: NeighborsOptions): Entity[] {
    const method = 'neighbors';
    const v = this.#requireEntity(id);
    const o = resolveOptions(method, NEIGHBORS_DEFAULTS, options);
    const accept = this.#relationFilter(method, o);
    const direction = directionOption(method, o.direction);
    return neighborPositions(this.#store, v, accept, direction).map((i) => this.#store.entities.at(i)!);
  }

  /**
   * The entity ids of a shortest path from one entity to another, both included, or null when
   * none exists. Directed relations are followed from source to target unless `directed: false`;
   * symmetric ones both ways. Among shortest paths the one found first is returned; it is the same on every call.
   */
  path(fromId: string, toId: string, options?: PathOptions): string[] | null {
    const method = 'path';
    const from = this.#requireEntity(fromId);
    const to = this.#requireEntity(toId);
    const o = resolveOptions(method, PATH_DEFAULTS, options);
    const accept = this.#relationFilter(method, o);
    const directed = booleanOption(method, 'directed', o.directed);
    this.#paths ??= new PathFinder(this.#store);
    const found = this.#paths.find(from, to, accept, directed);
    return found === null ? null : found.map((i) => this.#store.entities.at(i)!.id);
  }

  /**
   * What had been said by `date` (a statement dated `2021-08` counts by `2021-08-31`), about the
   * relations holding then (started by then when they have a start, not ended before then) that
   * still have a statement. Entities and sources are kept whole.
   */
  asOf(date: PartialDate): ClaimGraph {
    const { relations, statements } = selectAsOf(this.#store, dateOption('asOf', 'date', date));
    const period = this.coverage?.period;
    const warning =
      period && outsideCoverage(this.coverage, date)
        ? `${date} is outside the period this dataset researched (${period.from} to ${period.to}): what was said then was not looked for`
        : undefined;
    return this.#view(relations, statements, warning);
  }

  /** The relations as one speaker tells them: only that speaker's statements, and the relations they are about. */
  perspective(speakerId: string): ClaimGraph {
    const speaker = this.#requireEntity(speakerId);
    const { relations, statements } = selectPerspective(this.#store, rows(this.#speakerRows(), speaker));
    return this.#view(relations, statements);
  }

  /** Where an old id now leads, or undefined when the dataset has no redirect for it. */
  redirect(id: string): Redirect | undefined {
    return this.#redirects.get(id);
  }

  /** The dataset back: every list sorted by id, every record a copy with its keys in schema order, as releases write them. */
  toJSON(): Dataset {
    const store = this.#store;
    const dataset: Dataset = {
      entities: all(store.entities).map((r) => canonicalRecord('entities', r)),
      relations: all(store.relations).map((r) => canonicalRecord('relations', r)),
      statements: all(store.statements).map((r) => canonicalRecord('statements', r)),
      sources: all(store.sources).map((r) => canonicalRecord('sources', r)),
    };
    if (this.#redirects.size > 0) {
      dataset.redirects = [...this.#redirects.values()]
        .sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
        .map((r) => canonicalRecord('redirects', r));
    }
    if (this.coverage) dataset.coverage = canonicalCoverage(this.coverage);
    return dataset;
  }

  /** A view over the same entities and sources with fewer relations and statements: a subset of valid data is valid. */
  #view(relations: Int32Array, statements: Int32Array, coverageWarning?: string): ClaimGraph {
    const view = new ClaimGraph(
      subStore(this.#store, relations, statements),
      this,
      [...this.#redirects.values()],
      coverageWarning,
    );
    view.#names = this.#nameIndex();
    view.#joins = this.#joins;
    view.#provenance = this.#provenance;
    view.#datasets = this.#datasets;
    view.#mergeReport = this.#mergeReport;
    view.#judgements = this.#judgements;
    return view;
  }

  /**
   * The one lookup every id goes through: the record's position in its kind's index, following a
   * redirect when the id was renamed or merged away. The validator keeps a redirect within one
   * kind of record and never chained, so one step is all there is.
   */
  #position(index: IdIndex, id: string): number | undefined {
    if (typeof id !== 'string') return undefined;
    const position = index.get(id);
    if (position !== undefined) return position;
    const redirect = this.#redirects.get(id);
    if (redirect !== undefined) return index.get(redirect.to);
    const joined = this.#joins.get(id);
    return joined === undefined ? undefined : index.get(joined);
  }

  #entityPosition(id: string): number | undefined {
    return this.#position(this.#store.entityIndex, id);
  }

  #requireEntity(id: string): number {
    const position = this.#entityPosition(id);
    if (position === undefined) throw new UnknownIdError('entity', String(id));
    return position;
  }

  #requireRelation(id: string): number {
    const position = this.#position(this.#store.relationIndex, id);
    if (position === undefined) throw new UnknownIdError('relation', String(id));
    return position;
  }

  #requireSource(id: string): number {
    const position = this.#position(this.#store.sourceIndex, id);
    if (position === undefined) throw new UnknownIdError('source', String(id));
    return position;
  }

  #speakerRows(): Csr {
    return (this.#speakers ??= speakerRows(this.#store));
  }

  #relationFilter(method: string, criteria: RelationCriteria): RelationFilter {
    return relationFilter(this.#store, method, criteria);
  }
}
