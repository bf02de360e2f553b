/**
 * Seeded synthetic datasets of any size in the real schema, for benchmarks and tests: power-law
 * degrees, several statements per relation, some relations contested, valid under the validator.
 */
import {
  compareIds,
  ENTITY_TYPES,
  RELATION_TYPE_INFO,
  RELATION_TYPES,
  type Dataset,
  type Entity,
  type EntityType,
  type Relation,
  type RelationType,
  type Source,
  type Statement,
  typesExclude,
} from '@claimgraph/schema';
import { mulberry32, SPEAKER_TYPES } from '@claimgraph/schema/internal';

export interface SyntheticOptions {
  /** Number of entities [1000]. */
  entities?: number;
  /** Number of relations to aim for [3 × entities]; fewer when the entities cannot hold that many distinct ones. */
  relations?: number;
  /** Number of statements [10 × entities]; at least one per relation. */
  statements?: number;
  /** Number of sources [statements / 50, at least 1]. */
  sources?: number;
  /** Share of relations that are contested, with statements of both stances [0.1]. */
  contested?: number;
  /** Seed of the pseudo-random generator: the same options always give the same dataset [1]. */
  seed?: number;
}

const DEFAULTS = { entities: 1000, contested: 0.1, seed: 1 };

/** How common each entity type is, roughly as in news data. */
const TYPE_WEIGHTS: Record<EntityType, number> = {
  person: 40,
  'armed-group': 8,
  organization: 10,
  'government-body': 12,
  'international-body': 3,
  programme: 2,
  place: 11,
  event: 8,
  document: 5,
  'media-outlet': 1,
};

/** How common each relation type is: every type of the vocabulary has a weight. */
const RELATION_WEIGHTS: Record<RelationType, number> = {
  'member-of': 20,
  'part-of': 6,
  leads: 8,
  'allied-with': 6,
  'affiliated-with': 6,
  'cooperates-with': 6,
  'clashes-with': 4,
  'located-in': 8,
  'participates-in': 6,
  'responsible-for': 4,
  'relative-of': 3,
  'rival-of': 3,
  'meets-with': 4,
  targets: 3,
  'designated-by': 3,
  'wanted-by': 2,
  'authored-by': 2,
  'published-by': 2,
  'founded-by': 1,
  'appointed-to': 2,
  'recruits-from': 1,
  'detained-at': 1,
  'mentor-of': 1,
  'provides-support-to': 1,
};

const FIRST = [
  'Ahmad',
  'Abdul',
  'José',
  'Zoë',
  'Sirajuddin',
  'Mullah',
  'Anas',
  'Hamid',
  'Ayşe',
  'Chloé',
  'Björn',
  'Amina',
  'Farid',
  'Mariam',
  'Noor',
  'Omar',
  'Rahim',
  'Sami',
  'Yusuf',
  'Zahra',
  'Łukasz',
  'Nguyễn',
  'Renée',
  'Khalid',
];
const LAST = [
  'Haqqani',
  'al-Masri',
  "O'Neil",
  'Karzai',
  'Yousafzai',
  'Müller',
  'Baradar',
  'Zadran',
  'Stanikzai',
  'Mujahid',
  'Núñez',
  'Saleh',
  'Ghani',
  'Rahmani',
  'Popal',
  'Dostum',
  'Wardak',
  'Hekmatyar',
  'Ślusarz',
  'Åberg',
];
const ORG_WORDS = [
  'Front',
  'Network',
  'Council',
  'Shura',
  'Brigade',
  'Movement',
  'Alliance',
  'Committee',
  'Office',
  'Agency',
  'Bureau',
  'Forces',
];
const PLACES = [
  'Kabul',
  'Kandahar',
  'Khost',
  'Paktia',
  'Herāt',
  'Jalalabad',
  'Kunduz',
  'Mazār-i-Sharīf',
  'Ghazni',
  'Helmand',
  'Bagram',
  'Doha',
  'Quetta',
  'Peshawar',
];
const WORDS = [
  'said',
  'the',
  'group',
  'is',
  'part',
  'of',
  'network',
  'and',
  'its',
  'leaders',
  'have',
  'denied',
  'any',
  'link',
  'with',
  'officials',
  'confirmed',
  'reports',
  'that',
  'fighters',
  'moved',
  'to',
  'region',
  'after',
  'talks',
  'in',
  'a',
  'statement',
  'on',
  'Tuesday',
];
const PUBLISHERS = ['The Wire', 'Daily Ledger', 'Kabul Times', 'Global Desk', 'Frontier Post', 'Evening Herald'];
const ROLES = ['spokesman', 'deputy leader', 'commander', 'envoy', 'minister', 'adviser'];

function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

const DAY_MS = 86_400_000;
const EPOCH = Date.UTC(1990, 0, 1);
const SPAN_DAYS = 32 * 365;

function dayString(day: number): string {
  return new Date(EPOCH + day * DAY_MS).toISOString().slice(0, 10);
}

/** A date to the given precision: most statements are dated to the day, some to the month or year. */
function partial(day: string, r: number): string {
  return r < 0.75 ? day : r < 0.92 ? day.slice(0, 7) : day.slice(0, 4);
}

/**
 * A synthetic dataset in the real schema, valid under `validateDataset`, sorted by id. Hubs are
 * the first entities of each type (degrees follow a power law), statements cluster on a few
 * relations, and about `contested` of the relations have both supporting and disputing statements.
 */
export function syntheticDataset(options: SyntheticOptions = {}): Dataset {
  const entityCount = Math.max(0, Math.floor(options.entities ?? DEFAULTS.entities));
  const relationTarget = Math.max(0, Math.floor(options.relations ?? entityCount * 3));
  const statementTarget = Math.max(0, Math.floor(options.statements ?? entityCount * 10));
  const sourceCount = Math.max(1, Math.floor(options.sources ?? Math.ceil(statementTarget / 50)));
  const contestedShare = options.contested ?? DEFAULTS.contested;
  const rand = mulberry32(options.seed ?? DEFAULTS.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  // Zipf-like: index k is drawn with probability about 1/(k+1), so low indexes are hubs.
  const zipf = (n: number) => Math.min(n - 1, Math.floor(Math.pow(n + 1, rand())) - 1);

  const entities = makeEntities(entityCount, rand, pick);
  const sources = makeSources(sourceCount, rand, pick);
  const relations = makeRelations(entities, relationTarget, rand, zipf);
  const statements = makeStatements(
    entities,
    relations,
    sources,
    Math.max(statementTarget, relations.length),
    contestedShare,
    rand,
    pick,
    zipf,
  );

  const byId = (a: { id: string }, b: { id: string }) => compareIds(a.id, b.id);
  return {
    entities: entities.sort(byId),
    relations: relations.sort(byId),
    statements: statements.sort(byId),
    sources: sources.sort(byId),
  };
}

function makeEntities(count: number, rand: () => number, pick: <T>(list: readonly T[]) => T): Entity[] {
  const total = ENTITY_TYPES.reduce((sum, t) => sum + TYPE_WEIGHTS[t], 0);
  const entities: Entity[] = [];
  for (let i = 0; i < count; i++) {
    // Every type appears once first, so even small datasets can hold every relation type.
    let type: EntityType;
    if (i < ENTITY_TYPES.length) type = ENTITY_TYPES[i]!;
    else {
      let r = rand() * total;
      type = ENTITY_TYPES.find((t) => (r -= TYPE_WEIGHTS[t]) < 0) ?? 'person';
    }
    const name = entityName(type, rand, pick);
    const record: Record<string, unknown> = { id: `${type}:${slugify(name) || 'x'}-${i.toString(36)}`, type, name };
    if (rand() < 0.2) {
      const alias = rand() < 0.5 ? name.toUpperCase() : `${pick(FIRST)} ${pick(LAST)}`;
      if (alias !== name) record.aliases = [alias];
    }
    if (rand() < 0.1) record.description = `A synthetic ${type.replace('-', ' ')} for benchmarks.`;
    const day = dayString(Math.floor(rand() * SPAN_DAYS));
    switch (type) {
      case 'person':
        if (rand() < 0.3) record.role = pick(ROLES);
        if (rand() < 0.02) record.deceased = true;
        break;
      case 'place':
        if (rand() < 0.6) record.placeKind = pick(['country', 'province', 'city', 'district', 'region', 'site']);
        break;
      case 'event':
        record.date = partial(day, rand());
        break;
      case 'document':
        record.documentKind = pick(['report', 'op-ed', 'article', 'web-page', 'interview', 'briefing', 'statement']);
        record.published = day;
        if (rand() < 0.5) record.url = `https://example.org/documents/${i.toString(36)}`;
        break;
      case 'media-outlet':
        if (rand() < 0.5) record.url = `https://news-${i.toString(36)}.example.com/`;
        break;
      default:
        if (rand() < 0.2) record.founded = day.slice(0, 4);
    }
    entities.push(record as Entity);
  }
  return entities;
}

function entityName(type: EntityType, rand: () => number, pick: <T>(list: readonly T[]) => T): string {
  switch (type) {
    case 'person':
      return `${pick(FIRST)} ${pick(LAST)}`;
    case 'place':
      return rand() < 0.5 ? pick(PLACES) : `${pick(PLACES)} ${pick(['District', 'Province', 'Valley'])}`;
    case 'event':
      return `${pick(['Attack on', 'Strike in', 'Talks in', 'Meeting in'])} ${pick(PLACES)}`;
    case 'document':
      return `${pick(['Report on', 'Interview with', 'Briefing on'])} ${pick(LAST)}`;
    case 'media-outlet':
      return pick(PUBLISHERS);
    default:
      return `${pick(LAST)} ${pick(ORG_WORDS)}`;
  }
}

function makeSources(count: number, rand: () => number, pick: <T>(list: readonly T[]) => T): Source[] {
  const sources: Source[] = [];
  for (let i = 0; i < count; i++) {
    const record: Record<string, unknown> = {
      id: `src:${i.toString(36)}`,
      title: `${pick(WORDS)} ${pick(WORDS)} ${pick(WORDS)}`,
      publisher: pick(PUBLISHERS),
    };
    if (rand() < 0.5) record.author = `${pick(FIRST)} ${pick(LAST)}`;
    if (rand() < 0.7) record.url = `https://example.org/articles/${i.toString(36)}`;
    // Most sources are dated; statements they report are dated on or before it.
    if (rand() < 0.9) record.published = dayString(Math.floor(SPAN_DAYS * 0.2 + rand() * SPAN_DAYS * 0.8));
    sources.push(record as Source);
  }
  return sources;
}

function makeRelations(
  entities: Entity[],
  target: number,
  rand: () => number,
  zipf: (n: number) => number,
): Relation[] {
  // Entities allowed at each end of each relation type, in entity order (so hubs come first).
  const ends = new Map<RelationType, { source: Int32Array; target: Int32Array }>();
  const typeOf = entities.map((e) => e.type);
  const usable: RelationType[] = [];
  for (const type of RELATION_TYPES) {
    const info = RELATION_TYPE_INFO[type];
    const source = Int32Array.from(typeOf.flatMap((t, i) => (info.source.includes(t) ? [i] : [])));
    const targetIds = Int32Array.from(typeOf.flatMap((t, i) => (info.target.includes(t) ? [i] : [])));
    if (source.length > 0 && targetIds.length > 0 && source.length + targetIds.length > 2) {
      ends.set(type, { source, target: targetIds });
      usable.push(type);
    }
  }
  const weights = usable.map((t) => RELATION_WEIGHTS[t]);
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const seen = new Set<string>();
  // Types already used by each pair of entities (either way round), so no pair gets two types that
  // exclude each other (part-of and affiliated-with): a speaker could then support both.
  const pairTypes = new Map<string, RelationType[]>();
  const relations: Relation[] = [];
  let failures = 0;
  while (relations.length < target && usable.length > 0 && failures < 1000) {
    let r = rand() * totalWeight;
    const type = usable[weights.findIndex((w) => (r -= w) < 0)] ?? usable[0]!;
    const info = RELATION_TYPE_INFO[type];
    const pools = ends.get(type)!;
    let found: [number, number] | null = null;
    for (let attempt = 0; attempt < 12 && !found; attempt++) {
      // Hubs first; after a few collisions, spread out uniformly.
      const draw = (pool: Int32Array) => pool[attempt < 6 ? zipf(pool.length) : Math.floor(rand() * pool.length)]!;
      let s = draw(pools.source);
      let t = draw(pools.target);
      if (s === t) continue;
      // part-of points from later entities to earlier ones, so it can never form a cycle.
      if (type === 'part-of' && s < t) [s, t] = [t, s];
      const key = info.symmetric && s > t ? `${type} ${t} ${s}` : `${type} ${s} ${t}`;
      if (seen.has(key)) continue;
      const pair = s < t ? `${s} ${t}` : `${t} ${s}`;
      const used = pairTypes.get(pair) ?? [];
      if (used.some((u) => typesExclude(u, type))) continue;
      seen.add(key);
      used.push(type);
      pairTypes.set(pair, used);
      found = [s, t];
    }
    if (!found) {
      failures++;
      continue;
    }
    const i = relations.length;
    const record: Record<string, unknown> = {
      id: `rel:${type}-${i.toString(36)}`,
      type,
      source: entities[found[0]]!.id,
      target: entities[found[1]]!.id,
    };
    if (rand() < 0.3) {
      const startDay = Math.floor(rand() * SPAN_DAYS * 0.9);
      record.start = partial(dayString(startDay), rand());
      if (rand() < 0.25) record.end = dayString(startDay + 366 + Math.floor(rand() * 2000));
    }
    if (info.attributes && rand() < 0.3) {
      const key = Object.keys(info.attributes)[0]!;
      record.attributes =
        key === 'role'
          ? { role: ROLES[Math.floor(rand() * ROLES.length)]! }
          : { [key]: `value ${Math.floor(rand() * 10)}` };
    }
    if (rand() < 0.03) record.note = 'Read from the synthetic generator.';
    relations.push(record as Relation);
  }
  return relations;
}

function makeStatements(
  entities: Entity[],
  relations: Relation[],
  sources: Source[],
  count: number,
  contestedShare: number,
  rand: () => number,
  pick: <T>(list: readonly T[]) => T,
  zipf: (n: number) => number,
): Statement[] {
  if (relations.length === 0) return [];
  const speakers = entities.filter((e) => SPEAKER_TYPES.has(e.type)).map((e) => e.id);
  if (speakers.length === 0) throw new Error('@claimgraph/sdk/synthetic: no entity can speak; use more entities');
  // Every relation gets one statement; the rest cluster on a few much-discussed relations.
  const perRelation = new Int32Array(relations.length).fill(1);
  for (let k = relations.length; k < count; k++)
    perRelation[rand() < 0.5 ? zipf(relations.length) : Math.floor(rand() * relations.length)]!++;

  const statements: Statement[] = [];
  let id = 0;
  relations.forEach((relation, r) => {
    const mode = rand();
    const contested = mode < contestedShare;
    const disputed = !contested && mode < contestedShare + 0.03;
    for (let k = 0; k < perRelation[r]!; k++) {
      const stance = contested
        ? k === 0
          ? 'supports'
          : k === 1
            ? 'disputes'
            : rand() < 0.5
              ? 'supports'
              : 'disputes'
        : disputed
          ? 'disputes'
          : 'supports';
      const source = sources[zipf(sources.length)]!;
      const latest = source.published ? (Date.parse(source.published) - EPOCH) / DAY_MS : SPAN_DAYS;
      const day = Math.max(0, Math.floor(latest - rand() * 1500));
      const record: Record<string, unknown> = {
        id: `st:${(id++).toString(36)}`,
        relation: relation.id,
        speaker: speakers[zipf(speakers.length)]!,
        stance,
        date: partial(dayString(day), rand()),
      };
      if (rand() < 0.7) record.quote = quote(rand, pick);
      record.source = source.id;
      if (rand() < 0.1) record.hedged = true;
      if (rand() < 0.03) record.reportedBy = speakers[Math.floor(rand() * speakers.length)]!;
      if (rand() < 0.02) record.note = 'Date read from the dateline.';
      statements.push(record as Statement);
    }
  });
  return statements;
}

function quote(rand: () => number, pick: <T>(list: readonly T[]) => T): string {
  const words: string[] = [];
  const n = 6 + Math.floor(rand() * 14);
  for (let i = 0; i < n; i++) words.push(pick(WORDS));
  const text = words.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

export interface SyntheticPairOptions extends SyntheticOptions {
  /** Share of the first dataset's entities the second holds too, under the same ids [0.1]. */
  shared?: number;
}

/** Inserts `b-` after an id's prefix: `person:ahmad-1` → `person:b-ahmad-1`. */
const secondId = (id: string) => `${id.slice(0, id.indexOf(':') + 1)}b-${id.slice(id.indexOf(':') + 1)}`;

/** The position an entity was generated at, from the base-36 suffix of its id. */
const generated = (id: string) => parseInt(id.slice(id.lastIndexOf('-') + 1), 36);

/**
 * Two synthetic datasets that merge cleanly, for benchmarks and tests of several datasets at once:
 * the second is generated with the next seed, its ids set apart (`person:b-…`), except that the
 * entities generated at the same place with the same type as one of the first `shared` of the first
 * dataset's are that entity (same id and type; their own name, which a merge keeps as an alias).
 * Part-of relations go from later to earlier entities in both, so the merge has no part-of cycle.
 */
export function syntheticPair(options: SyntheticPairOptions = {}): [Dataset, Dataset] {
  const { shared = 0.1, ...rest } = options;
  const seed = rest.seed ?? DEFAULTS.seed;
  const a = syntheticDataset({ ...rest, seed });
  const b = syntheticDataset({ ...rest, seed: seed + 1 });
  const firstAt = new Map(a.entities.map((e) => [generated(e.id), e]));
  const limit = Math.floor(a.entities.length * shared);
  const entityId = new Map<string, string>();
  for (const e of b.entities) {
    const twin = firstAt.get(generated(e.id));
    entityId.set(e.id, twin && generated(e.id) < limit && twin.type === e.type ? twin.id : secondId(e.id));
  }
  const byId = (x: { id: string }, y: { id: string }) => compareIds(x.id, y.id);
  const entity = (id: string) => entityId.get(id)!;
  return [
    a,
    {
      entities: b.entities.map((e) => ({ ...e, id: entity(e.id) })).sort(byId),
      relations: b.relations
        .map((r) => ({ ...r, id: secondId(r.id), source: entity(r.source), target: entity(r.target) }))
        .sort(byId),
      statements: b.statements
        .map((s) => ({
          ...s,
          id: secondId(s.id),
          relation: secondId(s.relation),
          speaker: entity(s.speaker),
          source: secondId(s.source),
          ...(s.reportedBy === undefined ? {} : { reportedBy: entity(s.reportedBy) }),
        }))
        .sort(byId),
      sources: b.sources.map((s) => ({ ...s, id: secondId(s.id) })).sort(byId),
    },
  ];
}
