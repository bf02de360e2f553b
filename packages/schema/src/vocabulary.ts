/**
 * Controlled vocabularies: the entity types and relation types a dataset may use.
 * Which change to a term needs which version bump is in the README ("Changing the vocabulary").
 */

/** Kinds of entity. The type is also the prefix of the entity's id (`person:john-kirby`). */
export const ENTITY_TYPES = [
  'person',
  'armed-group',
  'organization',
  'government-body',
  'international-body',
  'programme',
  'place',
  'event',
  'document',
  'media-outlet',
] as const;

export type EntityType = (typeof ENTITY_TYPES)[number];

export interface EntityTypeInfo {
  label: string;
  description: string;
}

export const ENTITY_TYPE_INFO: Readonly<Record<EntityType, EntityTypeInfo>> = {
  person: { label: 'Person', description: 'A named individual.' },
  'armed-group': {
    label: 'Armed group',
    description: 'A non-state armed or militant organisation (the Taliban, al Qaeda, ISIS-K).',
  },
  organization: {
    label: 'Organization',
    description: 'Any other non-governmental organisation, company or movement.',
  },
  'government-body': {
    label: 'Government body',
    description:
      'A state, a government or one of its departments, agencies, offices, militaries or councils (the State Department, U.S. Central Command).',
  },
  'international-body': {
    label: 'International body',
    description:
      'An intergovernmental organisation, one of its organs, or one of its members acting in it (the United Nations).',
  },
  programme: {
    label: 'Programme',
    description: 'A named government or organisational programme (Rewards for Justice).',
  },
  place: { label: 'Place', description: 'A country, province, city or site.' },
  event: {
    label: 'Event',
    description: 'Something that happened at a time: an attack, a strike, a meeting, a pledge.',
  },
  document: {
    label: 'Document',
    description: 'A report, op-ed, magazine issue, web page or other cited text.',
  },
  'media-outlet': {
    label: 'Media outlet',
    description: 'A newspaper, magazine, broadcaster or news website.',
  },
};

/**
 * Whether an entity of each type can say something, as a statement's `speaker` or `reportedBy`:
 * events and places cannot. The one table the validator, the SDK's fast checks and the synthetic
 * generator read; a new entity type does not compile until it is given a row here.
 */
export const ENTITY_TYPE_SPEAKS: Readonly<Record<EntityType, boolean>> = {
  person: true,
  'armed-group': true,
  organization: true,
  'government-body': true,
  'international-body': true,
  programme: true,
  place: false,
  event: false,
  document: true,
  'media-outlet': true,
};

/** Groups of entity types used to state which endpoints a relation type allows. */
const ORGANIZATIONS = [
  'armed-group',
  'organization',
  'government-body',
  'international-body',
  'programme',
  'media-outlet',
] as const satisfies readonly EntityType[];
const ACTORS = ['person', ...ORGANIZATIONS] as const satisfies readonly EntityType[];
const ANY = ENTITY_TYPES;

export const RELATION_TYPES = [
  'affiliated-with',
  'allied-with',
  'appointed-to',
  'authored-by',
  'clashes-with',
  'cooperates-with',
  'designated-by',
  'detained-at',
  'founded-by',
  'leads',
  'located-in',
  'meets-with',
  'member-of',
  'mentor-of',
  'part-of',
  'participates-in',
  'provides-support-to',
  'published-by',
  'recruits-from',
  'relative-of',
  'responsible-for',
  'rival-of',
  'targets',
  'wanted-by',
] as const;

export type RelationType = (typeof RELATION_TYPES)[number];

export interface RelationTypeInfo {
  /** Reads "source <label> target": "Haqqani network part of Taliban". */
  label: string;
  /** Reads "target <inverseLabel> source"; equal to `label` for symmetric types. */
  inverseLabel: string;
  /** A symmetric relation means the same read in either direction (allied-with). */
  symmetric: boolean;
  /** Entity types allowed as `source`. */
  source: readonly EntityType[];
  /** Entity types allowed as `target`. */
  target: readonly EntityType[];
  description: string;
  /** Attribute keys this type documents (others are allowed but should be rare). */
  attributes?: Readonly<Record<string, string>>;
  /**
   * Relation types that contradict this one for the same two entities, in either direction:
   * one speaker cannot support both on the same date (part-of and affiliated-with, "kept distinct").
   * Always listed on both types.
   */
  excludes?: readonly RelationType[];
}

export const RELATION_TYPE_INFO: Readonly<Record<RelationType, RelationTypeInfo>> = {
  'affiliated-with': {
    label: 'affiliated with',
    inverseLabel: 'affiliated with',
    symmetric: true,
    source: ACTORS,
    target: ACTORS,
    description: 'A looser tie than alliance or membership: the two are linked but kept distinct.',
    excludes: ['part-of'],
  },
  'allied-with': {
    label: 'allied with',
    inverseLabel: 'allied with',
    symmetric: true,
    source: ACTORS,
    target: ACTORS,
    description: 'The two act as allies.',
  },
  'appointed-to': {
    label: 'appointed to',
    inverseLabel: 'has appointee',
    symmetric: false,
    source: ['person'],
    target: [...ORGANIZATIONS, 'place'],
    description: 'The person was appointed to a post in or over the target; `start` is the appointment date.',
    attributes: { role: 'the post, e.g. "provincial governor"', appointedBy: 'entity id of the appointing body' },
  },
  'authored-by': {
    label: 'authored by',
    inverseLabel: 'author of',
    symmetric: false,
    source: ['document'],
    target: ACTORS,
    description: 'The document was written or issued by the target.',
  },
  'clashes-with': {
    label: 'clashes with',
    inverseLabel: 'clashes with',
    symmetric: true,
    source: ACTORS,
    target: ACTORS,
    description: 'The two have fought or come into armed conflict.',
  },
  'cooperates-with': {
    label: 'cooperates with',
    inverseLabel: 'cooperates with',
    symmetric: true,
    source: ACTORS,
    target: ACTORS,
    description: 'The two cooperate, coordinate, collaborate or collude, including tactically or in single operations.',
    attributes: { scope: 'what the cooperation covers, e.g. "airport security"' },
  },
  'designated-by': {
    label: 'designated by',
    inverseLabel: 'designated',
    symmetric: false,
    source: ACTORS,
    target: [...ORGANIZATIONS],
    description:
      'The source was formally designated (e.g. as a terrorist organisation) by the target; `start` is the designation date.',
    attributes: { designation: 'the designation, e.g. "foreign terrorist organization"' },
  },
  'detained-at': {
    label: 'detained at',
    inverseLabel: 'detention place of',
    symmetric: false,
    source: ['person'],
    target: ['place'],
    description: 'The person was held at the place.',
  },
  'founded-by': {
    label: 'founded by',
    inverseLabel: 'founder of',
    symmetric: false,
    source: [...ORGANIZATIONS],
    target: ACTORS,
    description: 'The source was founded by the target.',
  },
  leads: {
    label: 'leads',
    inverseLabel: 'led by',
    symmetric: false,
    source: ACTORS,
    target: [...ORGANIZATIONS, 'place'],
    description: 'The source leads, commands or heads the target, or part of it.',
    attributes: { role: 'the title, e.g. "deputy emir"' },
  },
  'located-in': {
    label: 'located in',
    inverseLabel: 'location of',
    symmetric: false,
    source: [...ORGANIZATIONS, 'place', 'event'],
    target: ['place'],
    description: 'The source is based in, or happened in, the place.',
  },
  'meets-with': {
    label: 'meets with',
    inverseLabel: 'meets with',
    symmetric: true,
    source: ACTORS,
    target: ACTORS,
    description: 'The two met; `start` is the meeting date.',
  },
  'member-of': {
    label: 'member of',
    inverseLabel: 'has member',
    symmetric: false,
    source: ACTORS,
    target: [...ORGANIZATIONS],
    description: 'The source belongs to, works for or speaks for the target.',
    attributes: { role: 'the role held, e.g. "spokesman"' },
  },
  'mentor-of': {
    label: 'mentor of',
    inverseLabel: 'mentored by',
    symmetric: false,
    source: ['person'],
    target: ['person'],
    description: 'The source person guided or taught the target person ("one of Bin Laden\'s closest mentors").',
  },
  'part-of': {
    label: 'part of',
    inverseLabel: 'has part',
    symmetric: false,
    source: [...ORGANIZATIONS, 'place'],
    target: [...ORGANIZATIONS, 'place'],
    description: 'The source is a component, faction, branch or subdivision of the target (not an independent entity).',
    excludes: ['affiliated-with'],
  },
  'participates-in': {
    label: 'participates in',
    inverseLabel: 'has participant',
    symmetric: false,
    source: ACTORS,
    target: ['event'],
    description: 'The source took part in the event (made the pledge, attended the meeting, was its victim).',
    attributes: { role: 'the part played, e.g. "victim"' },
  },
  'provides-support-to': {
    label: 'provides support to',
    inverseLabel: 'supported by',
    symmetric: false,
    source: ACTORS,
    target: ACTORS,
    description:
      'One way: the source gives money, material, fighters or other help to the target (which need not return it). For two-way work together use cooperates-with.',
    attributes: { kind: 'what is provided, e.g. "financial support"' },
  },
  'published-by': {
    label: 'published by',
    inverseLabel: 'publisher of',
    symmetric: false,
    source: ['document'],
    target: [...ORGANIZATIONS],
    description: 'The document was published by the target.',
  },
  'recruits-from': {
    label: 'recruits from',
    inverseLabel: 'recruited from by',
    symmetric: false,
    source: [...ORGANIZATIONS],
    target: ACTORS,
    description: 'The source recruits members from the target (its defectors, its former fighters).',
  },
  'relative-of': {
    label: 'relative of',
    inverseLabel: 'relative of',
    symmetric: false,
    source: ['person'],
    target: ['person'],
    description: "Kinship: the source is the target's `kinship` (source nephew of target).",
    attributes: { kinship: 'what the source is to the target, e.g. "nephew"' },
  },
  'responsible-for': {
    label: 'responsible for',
    inverseLabel: 'carried out by',
    symmetric: false,
    source: ACTORS,
    target: ['event'],
    description: 'The source carried out or is to blame for the event.',
  },
  'rival-of': {
    label: 'rival of',
    inverseLabel: 'rival of',
    symmetric: true,
    source: ACTORS,
    target: ACTORS,
    description: 'The two are rivals or opponents (without necessarily fighting).',
  },
  targets: {
    label: 'targets',
    inverseLabel: 'targeted by',
    symmetric: false,
    source: ['event'],
    target: ANY,
    description: 'The event (an attack, a strike) was aimed at or struck the target.',
  },
  'wanted-by': {
    label: 'wanted by',
    inverseLabel: 'seeks',
    symmetric: false,
    source: ['person'],
    target: [...ORGANIZATIONS],
    description: 'The target offers a reward or bounty for the person, or seeks their arrest.',
    attributes: { reward: 'the reward offered, e.g. "$10 million"' },
  },
};

export const STANCES = ['supports', 'disputes'] as const;
/** What a statement says about its relation. */
export type Stance = (typeof STANCES)[number];

export function isEntityType(value: unknown): value is EntityType {
  return typeof value === 'string' && (ENTITY_TYPES as readonly string[]).includes(value);
}

export function isRelationType(value: unknown): value is RelationType {
  return typeof value === 'string' && (RELATION_TYPES as readonly string[]).includes(value);
}

/** Whether two relation types contradict each other for the same pair of entities (`excludes`). */
export function typesExclude(a: RelationType, b: RelationType): boolean {
  return RELATION_TYPE_INFO[a].excludes?.includes(b) === true || RELATION_TYPE_INFO[b].excludes?.includes(a) === true;
}

/**
 * What a release's `vocabulary.json` holds, whichever version wrote it: terms are plain strings,
 * since an older release may name terms this version no longer has. `vocabularyDocument()` makes
 * the current one; `diff` and `diffVocabulary` (`@claimgraph/sdk`) compare two.
 */
export interface VocabularyDocument {
  entityTypes: Record<string, { label: string; description: string }>;
  relationTypes: Record<
    string,
    {
      label: string;
      inverseLabel?: string;
      description: string;
      symmetric?: boolean;
      source?: readonly string[];
      target?: readonly string[];
      attributes?: Readonly<Record<string, string>>;
      excludes?: readonly string[];
    }
  >;
  stances?: readonly string[];
}

/** The vocabularies as one JSON document, written into every release so diffs can compare terms. */
export function vocabularyDocument(): VocabularyDocument & {
  entityTypes: Record<EntityType, EntityTypeInfo>;
  relationTypes: Record<RelationType, RelationTypeInfo>;
  stances: readonly Stance[];
} {
  return { entityTypes: { ...ENTITY_TYPE_INFO }, relationTypes: { ...RELATION_TYPE_INFO }, stances: STANCES };
}
